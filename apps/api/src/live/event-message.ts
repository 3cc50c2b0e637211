import type { Department, LiveServerMessage, Role } from '@panggung/contracts';
import { eventDataFor } from '@panggung/domain';
import type { StoredEvent } from '@panggung/event-store';
import { toLiveEvent } from './live-event.ts';

/**
 * Per stored event, its `event` message serialised once per audience. The hub hands the same event object
 * to every client, and what a client receives of it depends only on the production and the client's
 * roles and departments there (`eventDataFor`), so thousands of sockets watching a show share a handful
 * of encodings instead of each building and stringifying its own. Held weakly: gone with the event.
 */
const encoded = new WeakMap<StoredEvent, Map<string, Buffer>>();

/**
 * The `{ type: 'event' }` message for a viewer with `roles` and `departments` in `productionId`, as UTF-8
 * (sent as a text frame). Whether the viewer may see the event at all is the caller's check (it can also
 * depend on who the viewer is, not only on the audience).
 *
 * @example
 * socket.send(eventMessage(event, productionId, ['crew'], ['sound']), { binary: false });
 */
export function eventMessage(
  event: StoredEvent,
  productionId: string,
  roles: readonly Role[],
  departments: readonly Department[],
): Buffer {
  let byAudience = encoded.get(event);
  if (!byAudience) encoded.set(event, (byAudience = new Map()));
  const audience = `${productionId}|${roles.join(',')}|${departments.join(',')}`;
  let message = byAudience.get(audience);
  if (!message) {
    // Partly visible events (a cue's department notes) are cut to what this audience may read.
    const data = eventDataFor(event, roles, departments);
    const body: LiveServerMessage = { type: 'event', event: toLiveEvent(event, productionId, data) };
    message = Buffer.from(JSON.stringify(body));
    byAudience.set(audience, message);
  }
  return message;
}
