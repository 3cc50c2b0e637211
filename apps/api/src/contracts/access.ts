import { ErrorBody, type ApprovalActor, type Role } from '@panggung/contracts';
import { authorize, NotFoundError, rolesIn, type Action } from '@panggung/domain';
import { formatCheckpoint, type Checkpoint } from '@panggung/event-store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { SignedIn } from '../auth/viewer.ts';
import { findProduction } from '../productions/queries.ts';
import type { CommandOptions } from '../commands/handle-command.ts';
import type { ProductionsTable } from '../schema/tables.ts';

/** Every error status a procurement route may answer, for the route schemas. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  429: ErrorBody,
};

export interface InProduction {
  readonly production: Selectable<ProductionsTable>;
  readonly roles: Role[];
}

/**
 * The production, if the viewer may do `action` in it: 404 when it is not theirs (or does not exist),
 * 403 when their role may not.
 */
export async function productionFor(
  app: FastifyInstance,
  viewer: SignedIn,
  productionId: string,
  action: Action,
): Promise<InProduction> {
  const production = await findProduction(app.store.db, productionId);
  if (!production) throw new NotFoundError(`Production ${productionId} was not found`);
  const ref = { id: production.id, organisationId: production.organisation_id };
  authorize(viewer, action, ref);
  return { production, roles: rolesIn(viewer, ref) };
}

/** The viewer as the domain judges approvals: roles from the session and the production's members. */
export function actorOf(viewer: SignedIn, roles: readonly Role[]): ApprovalActor {
  return {
    personId: viewer.personId,
    roles: [...roles],
    ...(viewer.partyId ? { partyId: viewer.partyId } : {}),
  };
}

/** A vendor person's company, when the viewer acts as a vendor in this production. */
export function vendorPartyOf(viewer: SignedIn, roles: readonly Role[]): string | undefined {
  return roles.includes('vendor') ? viewer.partyId : undefined;
}

export function commandOptions(request: FastifyRequest, productionId?: string): CommandOptions {
  return {
    actor: `person:${request.viewer.personId}`,
    correlationId: request.id,
    ...(productionId ? { productionId } : {}),
  };
}

export const commandMetadata = (request: FastifyRequest) => ({
  actor: request.viewer.personId,
  now: new Date().toISOString(),
});

export const checkpointText = (checkpoint: Checkpoint | undefined): string =>
  checkpoint ? formatCheckpoint(checkpoint) : '';
