/**
 * Approval to live event, one approval at a time: for each contract in turn the manager calls
 * `POST /api/contracts/:id/approve` (manager_review) while her live feed is subscribed to the production;
 * the latency runs from just before the request is sent to the arrival of that contract's
 * `ApprovalStepApproved` on the feed. The next approval is sent once both the answer and the event are in.
 */
import type { Person } from './http.ts';
import { eventKey, type LiveFeed } from './live.ts';
import type { PreparedContract } from './prepare.ts';

export interface LatencyResult {
  /** Request sent → `ApprovalStepApproved` on the websocket. */
  readonly toLive: number[];
  /** Request sent → HTTP response. */
  readonly http: number[];
  /** Request sent → the append of the event started (its `recordedAt`, wall clock, ms resolution). */
  readonly toAppend: number[];
  /** The append started (`recordedAt`) → the event on the websocket (wall clock). */
  readonly appendToLive: number[];
  /** How often the event arrived before the HTTP response. */
  readonly liveFirst: number;
}

/** performance.now() as wall-clock milliseconds, to compare with an event's `recordedAt`. */
const wall = (at: number): number => performance.timeOrigin + at;

export async function approvalToLive(
  manager: Person,
  feed: LiveFeed,
  contracts: readonly PreparedContract[],
): Promise<LatencyResult> {
  const result: LatencyResult = { toLive: [], http: [], toAppend: [], appendToLive: [], liveFirst: 0 };
  let liveFirst = 0;
  for (const contract of contracts) {
    const live = feed.waitFor(eventKey('ApprovalStepApproved', contract.id, 'manager_review'));
    const answer = await manager.post<{ accepted: boolean }>(
      `/api/contracts/${contract.id}/approve`,
      { step: 'manager_review', contractVersion: 1 },
      200,
    );
    const arrival = await live;
    const answeredAt = answer.sentAt + answer.ms;
    result.toLive.push(arrival.at - answer.sentAt);
    result.http.push(answer.ms);
    const recordedAt = Date.parse(arrival.event.recordedAt);
    result.toAppend.push(recordedAt - wall(answer.sentAt));
    result.appendToLive.push(wall(arrival.at) - recordedAt);
    if (arrival.at < answeredAt) liveFirst++;
  }
  return { ...result, liveFirst };
}
