import type { VendorContact, VendorDetails, VendorEvents } from '@panggung/contracts';
import { IllegalStateError, NotFoundError, ValidationError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

/** The stream of one vendor of an organisation's directory. */
export const vendorStream = (vendorId: string): string => `vendor-${vendorId}`;

/** The NPWP is not 15 or 16 digits (dots, dashes and spaces aside). */
export class InvalidNpwpError extends ValidationError {
  constructor(field = 'npwp') {
    super('An NPWP has 15 or 16 digits (dots, dashes and spaces allowed), e.g. 01.234.567.8-901.000', field);
  }
}

/** A contact nobody can reach. */
export class UnreachableContactError extends ValidationError {
  constructor(index: number) {
    super('A contact needs a phone number or an e-mail address', `contacts/${index}`);
  }
}

/**
 * The NPWP as digits only, or throws InvalidNpwpError. Only the shape is checked: 15 digits (the
 * classic form) or 16 (the NIK-based form used since 2024); the check digit is not verified.
 *
 * @example
 * normaliseNpwp('01.234.567.8-901.000') // '012345678901000'
 */
export function normaliseNpwp(input: string, field = 'npwp'): string {
  if (!/^[0-9 .-]+$/.test(input)) throw new InvalidNpwpError(field);
  const digits = input.replace(/[ .-]/g, '');
  if (digits.length !== 15 && digits.length !== 16) throw new InvalidNpwpError(field);
  return digits;
}

export type VendorCommand =
  | Command<'RegisterVendor', { organisationId: string; vendorId: string; details: VendorDetails }>
  | Command<'UpdateVendor', { vendorId: string; changes: Partial<VendorDetails> }>;

export type VendorEvent =
  | DomainEvent<'VendorRegistered', VendorEvents.VendorRegistered>
  | DomainEvent<'VendorUpdated', VendorEvents.VendorUpdated>;

export const VENDOR_EVENT_TYPES: ReadonlySet<string> = new Set<VendorEvent['type']>([
  'VendorRegistered',
  'VendorUpdated',
]);

export type VendorState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly id: string;
      readonly organisationId: string;
      readonly details: VendorDetails;
    };

export const initialVendorState: VendorState = { status: 'none' };

export function evolveVendor(state: VendorState, event: VendorEvent): VendorState {
  switch (event.type) {
    case 'VendorRegistered':
      return {
        status: 'registered',
        id: event.data.vendorId,
        organisationId: event.data.organisationId,
        details: event.data.details,
      };
    case 'VendorUpdated':
      return state.status === 'registered'
        ? { ...state, details: { ...state.details, ...event.data.changes } }
        : state;
    default:
      return assertNever(event);
  }
}

export function decideVendor(command: VendorCommand, state: VendorState): VendorEvent[] {
  switch (command.type) {
    case 'RegisterVendor': {
      const { organisationId, vendorId } = command.data;
      if (state.status === 'registered') throw new IllegalStateError(`Vendor ${vendorId} already exists`);
      const details = cleanDetails(command.data.details) as VendorDetails;
      return [{ type: 'VendorRegistered', data: { organisationId, vendorId, details } }];
    }
    case 'UpdateVendor': {
      if (state.status !== 'registered')
        throw new NotFoundError(`Vendor ${command.data.vendorId} was not found`, 'vendorId');
      const cleaned = cleanDetails(command.data.changes);
      const changes = Object.fromEntries(
        Object.entries(cleaned).filter(
          ([key, value]) =>
            value !== undefined &&
            JSON.stringify(value) !== JSON.stringify(state.details[key as keyof VendorDetails]),
        ),
      ) as Partial<VendorDetails>;
      if (Object.keys(changes).length === 0) return [];
      return [
        {
          type: 'VendorUpdated',
          data: { organisationId: state.organisationId, vendorId: state.id, changes },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/** Validates what a schema cannot see, and stores the NPWP as digits. */
function cleanDetails(details: Partial<VendorDetails>): Partial<VendorDetails> {
  const cleaned: Partial<VendorDetails> = { ...details };
  if (details.npwp !== undefined) cleaned.npwp = normaliseNpwp(details.npwp);
  if (details.contacts !== undefined) {
    if (details.contacts.length === 0)
      throw new ValidationError('A vendor needs at least one contact', 'contacts');
    details.contacts.forEach((contact: VendorContact, index) => {
      if (!contact.phone && !contact.email) throw new UnreachableContactError(index);
    });
  }
  if (details.name !== undefined && details.name.trim() === '')
    throw new ValidationError('A vendor needs a name', 'name');
  return cleaned;
}
