import { describe, it } from 'vitest';
import { specification } from '../testing/specification.ts';
import {
  decideOrganisation,
  evolveOrganisation,
  initialOrganisationState,
  type OrganisationCommand,
} from './organisation.ts';

const spec = specification(decideOrganisation, evolveOrganisation, initialOrganisationState);
const metadata = { actor: 'system', now: '2027-01-10T09:00:00+07:00' };
const organisationId = '22222222-2222-4222-8222-222222222222';
const created = { type: 'OrganisationCreated' as const, data: { organisationId, name: 'Gema Produksi' } };
const register = (email: string): OrganisationCommand => ({
  type: 'RegisterPerson',
  data: {
    organisationId,
    personId: '33333333-3333-4333-8333-333333333333',
    name: 'Ayu Lestari',
    email,
    locale: 'id',
    organisationRoles: [],
  },
  metadata,
});

describe('organisation', () => {
  it('is created once', () => {
    spec.given([]).when({ type: 'CreateOrganisation', data: created.data, metadata }).then([created]);
    spec
      .given([created])
      .when({ type: 'CreateOrganisation', data: created.data, metadata })
      .thenThrows('ILLEGAL_STATE');
  });
  it('registers a person with the e-mail in lower case', () =>
    spec
      .given([created])
      .when(register('Ayu@Gema.id'))
      .then([
        {
          type: 'PersonRegistered',
          data: {
            organisationId,
            personId: '33333333-3333-4333-8333-333333333333',
            name: 'Ayu Lestari',
            email: 'ayu@gema.id',
            locale: 'id',
            organisationRoles: [],
          },
        },
      ]));
  it('refuses an e-mail already registered, whatever its case', () =>
    spec
      .given([
        created,
        ...decideOrganisation(register('ayu@gema.id'), evolveOrganisation(initialOrganisationState, created)),
      ])
      .when(register('AYU@gema.id'))
      .thenThrows('ILLEGAL_STATE', /already registered/));
  it('refuses to register into an unknown organisation', () =>
    spec.given([]).when(register('x@y.id')).thenThrows('NOT_FOUND'));
});
