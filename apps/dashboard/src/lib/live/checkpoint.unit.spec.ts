import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { compareCheckpoints, isAfter, parseCheckpoint } from './checkpoint.ts';

describe('checkpoints', () => {
  it('compare as numbers, transaction first', () => {
    expect(compareCheckpoints('9:1', '10:1')).toBeLessThan(0);
    expect(compareCheckpoints('10:2', '10:11')).toBeLessThan(0);
    expect(compareCheckpoints('11:1', '10:99')).toBeGreaterThan(0);
    expect(compareCheckpoints('10:5', '10:5')).toBe(0);
  });

  it('handle values beyond the safe integers', () => {
    expect(compareCheckpoints('18446744073709551615:2', '18446744073709551615:1')).toBeGreaterThan(0);
  });

  it('treat anything as after no checkpoint', () => {
    expect(isAfter('1:1', undefined)).toBe(true);
    expect(isAfter('1:1', '1:1')).toBe(false);
  });

  it('refuse what is not a checkpoint', () => {
    expect(() => parseCheckpoint('1-2')).toThrow(RangeError);
  });
});

describe('backoffDelay', () => {
  it('doubles from the first step, between half and all of each step', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffDelay(50, () => 1)).toBe(30_000);
    expect(backoffDelay(50, () => 0)).toBe(15_000);
  });
});
