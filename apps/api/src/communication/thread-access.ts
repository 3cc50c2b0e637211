import type { CommentAudience, CommentItem } from '@panggung/contracts';
import { assertNever, canSeeThread, ForbiddenError, NotFoundError } from '@panggung/domain';
import type { FastifyInstance } from 'fastify';
import type { SignedIn } from '../auth/viewer.ts';
import { productionFor, type InProduction } from '../contracts/access.ts';
import { contractFor } from '../contracts/contract-queries.ts';

export interface ThreadAccess extends InProduction {
  /** Who outside the crew may see the thread now. */
  readonly audience: CommentAudience;
}

/**
 * The thread on `item` if the viewer may take part in it. A contract the viewer may not reach, or of
 * another production, is 404 (as its own routes answer); an item of theirs they may not discuss, 403.
 * Items of other capabilities (task, call, cue) have internal threads.
 */
export async function threadFor(
  app: FastifyInstance,
  viewer: SignedIn,
  productionId: string,
  item: CommentItem,
): Promise<ThreadAccess> {
  const access = await productionFor(app, viewer, productionId, 'comments.view');
  let audience: CommentAudience;
  switch (item.kind) {
    case 'production':
      if (item.id !== productionId) throw new NotFoundError(`Thread ${item.kind}/${item.id} was not found`);
      audience = { client: true };
      break;
    case 'contract': {
      const { contract } = await contractFor(app, viewer, item.id);
      if (contract.production_id !== productionId)
        throw new NotFoundError(`Contract ${item.id} was not found`);
      audience = { vendorId: contract.vendor_id, client: contract.client_step_reached };
      break;
    }
    case 'task':
    case 'call':
    case 'cue':
      audience = { client: false };
      break;
    default:
      return assertNever(item.kind);
  }
  if (!canSeeThread(audience, { personId: viewer.personId, partyId: viewer.partyId, roles: access.roles }))
    throw new ForbiddenError('Your roles in this production do not allow taking part in this thread');
  return { ...access, audience };
}
