import { describe, expect, it } from 'vitest';
import { bestSample, clockSample, ServerClock } from './clock.ts';

describe('server clock sync', () => {
  it('reads the offset as the server time minus the round trip’s midpoint', () => {
    // Screen 2 s behind the server; 100 ms each way: sent at 1000, server stamps 3100, back at 1200.
    expect(clockSample(1000, 3100, 1200)).toEqual({ offsetMs: 2000, roundTripMs: 200 });
    // A screen ahead of the server gets a negative offset.
    expect(clockSample(10_000, 9_550, 10_100)).toEqual({ offsetMs: -500, roundTripMs: 100 });
  });

  it('refuses a sample whose local clock ran backwards', () => {
    expect(clockSample(2000, 5000, 1999)).toBeUndefined();
  });

  it('trusts the shortest round trip', () => {
    const slow = { offsetMs: 2300, roundTripMs: 900 };
    const fast = { offsetMs: 2010, roundTripMs: 40 };
    expect(bestSample([slow, fast, { offsetMs: 1900, roundTripMs: 300 }])).toBe(fast);
    expect(bestSample([])).toBeUndefined();
  });

  it('answers the server’s time from the best of its last samples', () => {
    const clock = new ServerClock(2);
    expect(clock.now(5000)).toBe(5000);
    expect(clock.uncertaintyMs).toBe(Number.POSITIVE_INFINITY);
    clock.add(1000, 3050, 1100); // offset 2000, rtt 100
    clock.add(2000, 4300, 2400); // offset 2100, rtt 400
    expect(clock.now(10_000)).toBe(12_000);
    expect(clock.uncertaintyMs).toBe(50);
    clock.add(3000, 5210, 3200); // offset 2110, rtt 200: the rtt-100 sample falls out of the window
    expect(clock.offsetMs).toBe(2110);
  });
});
