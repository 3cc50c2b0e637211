import type { LiveEvent } from '@panggung/contracts';
import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.ts';
import { atOrAfter, loadUntilFresh } from './refresh.ts';

describe('loadUntilFresh', () => {
  it('loads again until the view shows the event, waiting the given delays', async () => {
    const answers = [1, 2, 3, 4];
    const waited: number[] = [];
    const value = await loadUntilFresh(
      async () => answers.shift()!,
      (v) => v >= 3,
      { delays: [10, 20, 30], wait: async (ms) => void waited.push(ms) },
    );
    expect(value).toBe(3);
    expect(waited).toEqual([10, 20]);
  });

  it('gives up after the last delay with the latest answer', async () => {
    let loads = 0;
    const value = await loadUntilFresh(
      async () => ++loads,
      () => false,
      { delays: [1, 1], wait: async () => {} },
    );
    expect(value).toBe(3);
  });

  it('does not wait when the first answer is fresh', async () => {
    const waited: number[] = [];
    await loadUntilFresh(
      async () => 'x',
      () => true,
      { wait: async (ms) => void waited.push(ms) },
    );
    expect(waited).toEqual([]);
  });
});

describe('atOrAfter', () => {
  it('compares instants, not strings', () => {
    expect(atOrAfter('2027-01-01T10:00:00.000Z', '2027-01-01T17:00:00+07:00')).toBe(true);
    expect(atOrAfter('2027-01-01T09:59:59.999Z', '2027-01-01T10:00:00Z')).toBe(false);
  });
});

describe('EventBus', () => {
  const event = { id: 'e1', type: 'X' } as LiveEvent;

  it('hands each event to every listener until it unsubscribes', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const stop = bus.subscribe((e) => seen.push(`a:${e.id}`));
    bus.subscribe((e) => seen.push(`b:${e.id}`));
    bus.publish(event);
    stop();
    bus.publish({ ...event, id: 'e2' });
    expect(seen).toEqual(['a:e1', 'b:e1', 'b:e2']);
  });

  it('keeps going when a listener throws', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      bus.subscribe(() => {
        throw new Error('boom');
      });
      bus.subscribe((e) => seen.push(e.id));
      bus.publish(event);
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['e1']);
  });
});
