import type { LiveStatus } from '../live/live-connection.ts';

/** Whether an event of the show's stream is news to a view at `viewVersion` (a replay after a resume is not). */
export const showEventNeedsFetch = (viewVersion: number, eventVersion: number): boolean =>
  eventVersion > viewVersion;

/** What a screen remembers of its connection: whether it has been live, and whether it was lost since. */
export interface ConnectionMemory {
  readonly wasLive: boolean;
  readonly dropped: boolean;
}
export const FRESH_CONNECTION: ConnectionMemory = { wasLive: false, dropped: false };

/**
 * The next status of the connection: `catchUp` is true when it is live again after having been lost
 * (however it got there: reconnecting, offline, connecting again), the moment to fetch the view again.
 */
export function connectionStep(
  memory: ConnectionMemory,
  status: LiveStatus,
): { readonly memory: ConnectionMemory; readonly catchUp: boolean } {
  if (status === 'live') return { memory: { wasLive: true, dropped: false }, catchUp: memory.dropped };
  return { memory: { wasLive: memory.wasLive, dropped: memory.wasLive }, catchUp: false };
}

/** Whether to tell the viewer the connection is lost (text, not only the indicator's colour). */
export const connectionLost = (status: LiveStatus): boolean =>
  status === 'reconnecting' || status === 'offline';
