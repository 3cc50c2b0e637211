import { describe, expect, it } from 'vitest';
import type { LiveStatus } from '../live/live-connection.ts';
import { connectionLost, connectionStep, FRESH_CONNECTION, showEventNeedsFetch } from './show-events.ts';

/** The statuses in turn; the indexes at which the screen catches up. */
function catchUps(statuses: LiveStatus[]): number[] {
  let memory = FRESH_CONNECTION;
  const at: number[] = [];
  statuses.forEach((status, i) => {
    const step = connectionStep(memory, status);
    memory = step.memory;
    if (step.catchUp) at.push(i);
  });
  return at;
}

describe('show events and the connection', () => {
  it('fetches for an event newer than the view, not for one it already shows', () => {
    expect(showEventNeedsFetch(4, 5)).toBe(true);
    expect(showEventNeedsFetch(5, 5)).toBe(false);
    expect(showEventNeedsFetch(6, 5)).toBe(false);
  });

  it('catches up when the connection comes back, not on the first connect', () => {
    expect(catchUps(['connecting', 'live'])).toEqual([]);
    expect(catchUps(['connecting', 'live', 'reconnecting', 'live'])).toEqual([3]);
    expect(catchUps(['connecting', 'live', 'offline', 'reconnecting', 'connecting', 'live', 'live'])).toEqual(
      [5],
    );
    expect(catchUps(['connecting', 'reconnecting', 'live', 'offline', 'live'])).toEqual([4]);
  });

  it('says the connection is lost while reconnecting or offline', () => {
    expect(connectionLost('reconnecting')).toBe(true);
    expect(connectionLost('offline')).toBe(true);
    expect(connectionLost('live')).toBe(false);
    expect(connectionLost('connecting')).toBe(false);
  });
});
