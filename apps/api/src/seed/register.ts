import type { Locale, Role } from '@panggung/contracts';
import {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  ORGANISATION_EVENT_TYPES,
  organisationStream,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationState,
} from '@panggung/domain';
import type { EventStore } from '@panggung/event-store';
import { hashPassword } from '../auth/passwords.ts';
import { handleCommand, type CommandResult, type Decider } from '../commands/handle-command.ts';
import type { Database } from '../schema/tables.ts';

const organisation: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initial: initialOrganisationState,
  eventTypes: ORGANISATION_EVENT_TYPES,
};

const now = () => new Date().toISOString();

export function createOrganisation(
  store: EventStore<Database>,
  organisationId: string,
  name: string,
  actor = 'system:seed',
): Promise<CommandResult<OrganisationEvent>> {
  return handleCommand(
    store,
    organisationStream(organisationId),
    organisation,
    { type: 'CreateOrganisation', data: { organisationId, name }, metadata: { actor, now: now() } },
    { actor, expectedVersion: 0 },
  );
}

export interface NewPerson {
  readonly organisationId: string;
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly locale?: Locale;
  readonly organisationRoles?: Role[];
  readonly partyId?: string;
}

/** Registers a person (an event) and stores their password hash (not an event: it is not business state). */
export async function registerPerson(
  store: EventStore<Database>,
  person: NewPerson,
  actor = 'system:seed',
): Promise<CommandResult<OrganisationEvent>> {
  const result = await handleCommand(
    store,
    organisationStream(person.organisationId),
    organisation,
    {
      type: 'RegisterPerson',
      data: {
        organisationId: person.organisationId,
        personId: person.personId,
        name: person.name,
        email: person.email,
        locale: person.locale ?? 'id',
        organisationRoles: person.organisationRoles ?? [],
        ...(person.partyId ? { partyId: person.partyId } : {}),
      },
      metadata: { actor, now: now() },
    },
    { actor },
  );
  await store.db
    .insertInto('credentials')
    .values({
      person_id: person.personId,
      email: person.email.toLowerCase(),
      password_hash: await hashPassword(person.password),
    })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  return result;
}
