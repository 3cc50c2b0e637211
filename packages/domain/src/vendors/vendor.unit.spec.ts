import { describe, expect, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideVendor,
  evolveVendor,
  initialVendorState,
  normaliseNpwp,
  type VendorCommand,
  type VendorEvent,
} from './vendor.ts';

const spec = specification(decideVendor, evolveVendor, initialVendorState);
const metadata = { actor: 'person:ayu', now: '2027-01-10T09:00:00+07:00' };
const organisationId = '22222222-2222-4222-8222-222222222222';
const vendorId = '55555555-5555-4555-8555-555555555555';
const details = {
  name: 'PT Suara Prima Audio',
  category: 'sound' as const,
  contacts: [{ name: 'Hendra Gunawan', phone: '+62 812-3456-7890', email: 'hendra@suaraprima.test' }],
  npwp: '01.234.567.8-901.000',
};
const register: VendorCommand = {
  type: 'RegisterVendor',
  data: { organisationId, vendorId, details },
  metadata,
};
const registered: VendorEvent = {
  type: 'VendorRegistered',
  data: { organisationId, vendorId, details: { ...details, npwp: '012345678901000' } },
};
const update = (changes: object): VendorCommand => ({
  type: 'UpdateVendor',
  data: { vendorId, changes },
  metadata,
});

describe('normaliseNpwp', () => {
  it('keeps the digits of a 15-digit NPWP and of a 16-digit one', () => {
    expect(normaliseNpwp('01.234.567.8-901.000')).toBe('012345678901000');
    expect(normaliseNpwp('3171 0123 4567 8901')).toBe('3171012345678901');
  });
  it('refuses 14 or 17 digits, and letters', () => {
    for (const bad of ['01.234.567.8-901.00', '01.234.567.8-901.00000', '01.234.567.8-901.00A'])
      expect(() => normaliseNpwp(bad)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', field: 'npwp' }),
      );
  });
});

describe('RegisterVendor', () => {
  it('registers a vendor with its NPWP as digits', () => spec.given([]).when(register).then([registered]));
  it('registers a vendor without an NPWP', () => {
    const { npwp: _npwp, ...withoutNpwp } = details;
    spec
      .given([])
      .when({ ...register, data: { ...register.data, details: withoutNpwp } })
      .then([{ type: 'VendorRegistered', data: { organisationId, vendorId, details: withoutNpwp } }]);
  });
  it('refuses an NPWP of the wrong shape', () =>
    spec
      .given([])
      .when({ ...register, data: { ...register.data, details: { ...details, npwp: '123' } } })
      .thenThrows('VALIDATION', /15 or 16 digits/, 'npwp'));
  it('refuses a contact with neither phone nor e-mail', () =>
    spec
      .given([])
      .when({
        ...register,
        data: { ...register.data, details: { ...details, contacts: [{ name: 'Hendra' }] } },
      })
      .thenThrows('VALIDATION', /phone number or an e-mail/, 'contacts/0'));
  it('refuses a vendor without contacts', () =>
    spec
      .given([])
      .when({ ...register, data: { ...register.data, details: { ...details, contacts: [] } } })
      .thenThrows('VALIDATION', undefined, 'contacts'));
  it('refuses to register the same vendor twice', () =>
    spec.given([registered]).when(register).thenThrows('ILLEGAL_STATE'));
});

describe('UpdateVendor', () => {
  it('records only what changed', () =>
    spec
      .given([registered])
      .when(update({ name: 'PT Suara Prima Audio Indonesia', category: 'sound' }))
      .then([
        {
          type: 'VendorUpdated',
          data: { organisationId, vendorId, changes: { name: 'PT Suara Prima Audio Indonesia' } },
        },
      ]));
  it('compares the NPWP as digits, so punctuation alone changes nothing', () =>
    spec
      .given([registered])
      .when(update({ npwp: '012345678901000' }))
      .then([]));
  it('refuses an NPWP of the wrong shape', () =>
    spec
      .given([registered])
      .when(update({ npwp: '01-234' }))
      .thenThrows('VALIDATION', undefined, 'npwp'));
  it('refuses an unknown vendor', () =>
    spec
      .given([])
      .when(update({ name: 'x' }))
      .thenThrows('NOT_FOUND', undefined, 'vendorId'));
});
