import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, createEventStore, type EventStore, type StoredEvent, type Subscription } from '../index.ts';
import { actor, openTestStore, psql, settledCheckpoint } from '../test-support.ts';

let store: EventStore;
let url: string;

beforeAll(async () => {
  // A long fallback poll, so these tests can only pass through LISTEN/NOTIFY and the reconnect.
  ({ store, url } = await openTestStore('subscribe'));
});
afterAll(() => store.close());

/** Pulls batches until `count` events arrived (the iterator blocks while there are none). */
async function take(subscription: Subscription, count: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  while (events.length < count) {
    const { value, done } = await subscription.next();
    if (done) break;
    events.push(...value);
  }
  return events;
}

const numbers = (events: StoredEvent[]): number[] => events.map((e) => (e.data as { n: number }).n);

describe('subscribe', () => {
  it('delivers what was missed, then live events as they are appended', async () => {
    for (let n = 1; n <= 3; n++) await store.append('live-1', 'any', [{ type: 'Cue', data: { n } }], actor);
    const subscription = store.subscribe({ after: START, pollIntervalMs: 60_000 });
    try {
      expect(numbers(await take(subscription, 3))).toEqual([1, 2, 3]);
      const next = take(subscription, 2);
      await store.append('live-1', 'any', [{ type: 'Cue', data: { n: 4 } }], actor);
      await store.append('live-2', 'any', [{ type: 'Cue', data: { n: 5 } }], actor);
      expect(numbers(await next)).toEqual([4, 5]);
    } finally {
      subscription.close();
    }
  });

  it('keeps delivering after its listener connection is killed, with nothing missed or repeated', async () => {
    const subscription = store.subscribe({
      after: await settledCheckpoint(store),
      pollIntervalMs: 60_000,
    });
    try {
      await store.append('live-3', 'any', [{ type: 'Cue', data: { n: 1 } }], actor);
      expect(numbers(await take(subscription, 1))).toEqual([1]);
      await store.notifier.simulateConnectionLoss();
      let wentDown = false;
      const reconnected = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          wentDown ||= !store.notifier.connected;
          if (!wentDown || !store.notifier.connected) return;
          clearInterval(poll);
          resolve();
        }, 1);
      });
      // Appended while the listener is down: its notification reaches nobody.
      await store.append('live-3', 'any', [{ type: 'Cue', data: { n: 2 } }], actor);
      await reconnected;
      await store.append('live-3', 'any', [{ type: 'Cue', data: { n: 3 } }], actor);
      expect(numbers(await take(subscription, 2))).toEqual([2, 3]);
    } finally {
      subscription.close();
    }
  });

  it('resumes from its checkpoint after losing its connection: no gap, no duplicate', async () => {
    // The subscriber runs in its own process (its own pool); the network cuts every one of its connections.
    const subscriberStore = createEventStore({ connectionString: url, applicationName: 'cut-subscriber' });
    const first = subscriberStore.subscribe({
      after: await settledCheckpoint(store),
      pollIntervalMs: 60_000,
    });
    for (let n = 1; n <= 4; n++) await store.append('live-4', 'any', [{ type: 'Cue', data: { n } }], actor);
    const received = await take(first, 4);
    const saved = received[1]!.checkpoint; // the consumer had only handled two when it went away
    await psql(
      url,
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'cut-subscriber'`,
    );
    first.close();
    await subscriberStore.close();
    await store.append('live-4', 'any', [{ type: 'Cue', data: { n: 5 } }], actor);
    const resumedStore = createEventStore({ connectionString: url });
    const resumed = resumedStore.subscribe({ after: saved, pollIntervalMs: 60_000 });
    try {
      expect(numbers(await take(resumed, 3))).toEqual([3, 4, 5]);
    } finally {
      resumed.close();
      await resumedStore.close();
    }
  });

  it('ends its iteration when closed while waiting', async () => {
    const subscription = store.subscribe({
      after: await settledCheckpoint(store),
      pollIntervalMs: 60_000,
    });
    const pending = subscription.next();
    subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
