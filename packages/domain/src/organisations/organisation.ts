import type { Locale, OrganisationEvents, Role } from '@panggung/contracts';
import { IllegalStateError, NotFoundError } from '../core/errors.ts';
import { assertNever, type Command, type DomainEvent } from '../core/messages.ts';

export const organisationStream = (organisationId: string): string => `organisation-${organisationId}`;

export type OrganisationCommand =
  | Command<'CreateOrganisation', { organisationId: string; name: string }>
  | Command<
      'RegisterPerson',
      {
        organisationId: string;
        personId: string;
        name: string;
        email: string;
        locale: Locale;
        organisationRoles: Role[];
        partyId?: string;
      }
    >;

export type OrganisationEvent =
  | DomainEvent<'OrganisationCreated', OrganisationEvents.OrganisationCreated>
  | DomainEvent<'PersonRegistered', OrganisationEvents.PersonRegistered>;

export const ORGANISATION_EVENT_TYPES: ReadonlySet<string> = new Set<OrganisationEvent['type']>([
  'OrganisationCreated',
  'PersonRegistered',
]);

export type OrganisationState =
  | { readonly status: 'none' }
  | {
      readonly status: 'exists';
      readonly id: string;
      readonly name: string;
      readonly emails: readonly string[];
    };

export const initialOrganisationState: OrganisationState = { status: 'none' };

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationCreated':
      return { status: 'exists', id: event.data.organisationId, name: event.data.name, emails: [] };
    case 'PersonRegistered':
      return state.status === 'exists'
        ? { ...state, emails: [...state.emails, event.data.email.toLowerCase()] }
        : state;
    default:
      return assertNever(event);
  }
}

export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] {
  switch (command.type) {
    case 'CreateOrganisation':
      if (state.status === 'exists') throw new IllegalStateError('The organisation already exists');
      return [{ type: 'OrganisationCreated', data: command.data }];
    case 'RegisterPerson': {
      if (state.status !== 'exists')
        throw new NotFoundError(`Organisation ${command.data.organisationId} was not found`);
      const email = command.data.email.toLowerCase();
      if (state.emails.includes(email)) throw new IllegalStateError(`${email} is already registered`);
      const { partyId, ...rest } = command.data;
      return [{ type: 'PersonRegistered', data: { ...rest, email, ...(partyId ? { partyId } : {}) } }];
    }
    default:
      return assertNever(command);
  }
}
