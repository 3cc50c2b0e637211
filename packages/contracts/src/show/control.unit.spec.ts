import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ShowControlBody } from './control.ts';
import { AddCueBody, TimeOfDay } from './rundown.ts';

const cue = 'c0000000-0000-4000-8000-000000000001';

describe('show schemas', () => {
  it('accepts a GO issued against the live cue, and one before the first GO', () => {
    expect(
      Value.Check(ShowControlBody, { type: 'go', idempotencyKey: 'go-000001', expectedCueId: cue }),
    ).toBe(true);
    expect(
      Value.Check(ShowControlBody, { type: 'go', idempotencyKey: 'go-000001', expectedCueId: null }),
    ).toBe(true);
  });
  it('refuses a command without its idempotency key or what it was issued against', () => {
    expect(Value.Check(ShowControlBody, { type: 'go', expectedCueId: cue })).toBe(false);
    expect(Value.Check(ShowControlBody, { type: 'go', idempotencyKey: 'go-000001' })).toBe(false);
  });
  it('reads clock times as HH:mm or HH:mm:ss', () => {
    expect(['00:00', '23:59:59'].map((t) => Value.Check(TimeOfDay, t))).toEqual([true, true]);
    expect(['24:00', '7:00', '12:60'].map((t) => Value.Check(TimeOfDay, t))).toEqual([false, false, false]);
  });
  it('takes a cue with department notes, and no unknown department', () => {
    const body = {
      expectedVersion: 3,
      segmentId: cue,
      title: 'Countdown',
      durationSeconds: 300,
      startKind: 'hard',
      startsAt: '00:00',
      notes: { stage: 'Pyro clear' },
    };
    expect(Value.Check(AddCueBody, body)).toBe(true);
    expect(Value.Check(AddCueBody, { ...body, notes: { catering: 'x' } })).toBe(false);
  });
});
