import { describe, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideProduction,
  evolveProduction,
  initialProductionState,
  type ProductionCommand,
  type ProductionEvent,
} from './production.ts';

const spec = specification(decideProduction, evolveProduction, initialProductionState);
const metadata = { actor: 'person:ayu', now: '2027-01-10T09:00:00+07:00' };
const productionId = '11111111-1111-4111-8111-111111111111';
const organisationId = '22222222-2222-4222-8222-222222222222';
const person = '33333333-3333-4333-8333-333333333333';
const vendorCompany = '44444444-4444-4444-8444-444444444444';

const details = {
  name: 'Senandung Senja — Konser Outdoor',
  kind: 'concert' as const,
  venue: { name: 'Lapangan Banteng', city: 'Jakarta', capacity: 8000 },
  startsAt: '2027-03-14T16:00:00+07:00',
  endsAt: '2027-03-14T23:30:00+07:00',
};
const create: ProductionCommand = {
  type: 'CreateProduction',
  data: { productionId, organisationId, managerId: person, ...details },
  metadata,
};
const created: ProductionEvent = {
  type: 'ProductionCreated',
  data: { productionId, organisationId, details: { ...details, timeZone: 'Asia/Jakarta', currency: 'IDR' } },
};
const managerAdded: ProductionEvent = {
  type: 'MemberAdded',
  data: { productionId, personId: person, role: 'production_manager' },
};
const add = (
  data: Omit<Extract<ProductionCommand, { type: 'AddMember' }>['data'], 'productionId'>,
): ProductionCommand => ({
  type: 'AddMember',
  data: { productionId, ...data },
  metadata,
});

describe('CreateProduction', () => {
  it('creates a production in Asia/Jakarta and Rupiah by default, with its first manager', () =>
    spec.given([]).when(create).then([created, managerAdded]));
  it('keeps a given time zone and currency', () =>
    spec
      .given([])
      .when({
        ...create,
        data: { ...create.data, timeZone: 'Asia/Makassar', currency: 'USD' },
      } as ProductionCommand)
      .then([
        {
          ...created,
          data: {
            ...created.data,
            details: { ...created.data.details, timeZone: 'Asia/Makassar', currency: 'USD' },
          },
        } as ProductionEvent,
        managerAdded,
      ]));
  it('refuses a production that ends before it starts', () =>
    spec
      .given([])
      .when({ ...create, data: { ...create.data, endsAt: '2027-03-14T15:00:00+07:00' } } as ProductionCommand)
      .thenThrows('VALIDATION', /end after it starts/, 'endsAt'));
  it('refuses to create it twice', () => spec.given([created]).when(create).thenThrows('ILLEGAL_STATE'));
});

describe('UpdateProductionDetails', () => {
  const update = (changes: object): ProductionCommand => ({
    type: 'UpdateProductionDetails',
    data: { productionId, changes },
    metadata,
  });
  it('records only what changed', () =>
    spec
      .given([created])
      .when(update({ name: 'Senandung Senja 2027', kind: 'concert' }))
      .then([
        {
          type: 'ProductionDetailsUpdated',
          data: { productionId, changes: { name: 'Senandung Senja 2027' } },
        },
      ]));
  it('records nothing when nothing changed', () =>
    spec
      .given([created])
      .when(update({ kind: 'concert' }))
      .then([]));
  it('refuses a schedule that would end before it starts', () =>
    spec
      .given([created])
      .when(update({ endsAt: '2027-03-13T10:00:00+07:00' }))
      .thenThrows('VALIDATION', undefined, 'endsAt'));
  it('refuses an unknown production', () =>
    spec
      .given([])
      .when(update({ name: 'x' }))
      .thenThrows('NOT_FOUND'));
  it('refuses a closed production', () =>
    spec
      .given([
        created,
        { type: 'ProductionPhaseChanged', data: { productionId, from: 'wrap_up', to: 'closed' } },
      ])
      .when(update({ name: 'x' }))
      .thenThrows('ILLEGAL_STATE', /closed/));
});

describe('AddMember', () => {
  it('adds a production manager', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'production_manager' }))
      .then([managerAdded]));
  it('adds a crew member with a department', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'crew', department: 'sound' }))
      .then([
        { type: 'MemberAdded', data: { productionId, personId: person, role: 'crew', department: 'sound' } },
      ]));
  it('refuses crew without a department', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'crew' }))
      .thenThrows('VALIDATION', /department/, 'department'));
  it('refuses a department for a non-crew role', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'show_caller', department: 'sound' }))
      .thenThrows('VALIDATION', undefined, 'department'));
  it('refuses a vendor without their company', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'vendor' }))
      .thenThrows('VALIDATION', /partyId/, 'partyId'));
  it('adds a vendor with their company', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'vendor', partyId: vendorCompany }))
      .then([
        {
          type: 'MemberAdded',
          data: { productionId, personId: person, role: 'vendor', partyId: vendorCompany },
        },
      ]));
  it('refuses organisation admin as a production role', () =>
    spec
      .given([created])
      .when(add({ personId: person, role: 'org_admin' }))
      .thenThrows('VALIDATION', undefined, 'role'));
  it('refuses the same role twice', () =>
    spec
      .given([created, managerAdded])
      .when(add({ personId: person, role: 'production_manager' }))
      .thenThrows('ILLEGAL_STATE'));
  it('refuses an unknown production', () =>
    spec
      .given([])
      .when(add({ personId: person, role: 'production_manager' }))
      .thenThrows('NOT_FOUND'));
});

describe('RemoveMember', () => {
  const remove = (role: 'production_manager' | 'crew'): ProductionCommand => ({
    type: 'RemoveMember',
    data: { productionId, personId: person, role },
    metadata,
  });
  it('refuses to remove the last production manager', () =>
    spec
      .given([created, managerAdded])
      .when(remove('production_manager'))
      .thenThrows('ILLEGAL_STATE', /at least one/));
  it('removes a member', () =>
    spec
      .given([
        created,
        { type: 'MemberAdded', data: { productionId, personId: person, role: 'crew', department: 'video' } },
      ])
      .when(remove('crew'))
      .then([{ type: 'MemberRemoved', data: { productionId, personId: person, role: 'crew' } }]));
  it('refuses to remove someone who is not a member', () =>
    spec.given([created]).when(remove('crew')).thenThrows('NOT_FOUND'));
});
