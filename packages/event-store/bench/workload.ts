import type { AppendOptions, NewEvent } from '../src/index.ts';

/** Every bench append is made by the same actor, as a show caller's would be. */
export const BENCH_OPTIONS: AppendOptions = { metadata: { actor: 'person:bench-caller' } };

/** An event like the one pgbench's reference script inserts, so both sides write a similar row. */
export function cueFired(cue: number, extra: Record<string, number> = {}): NewEvent {
  return { type: 'CueFired', data: { cue, by: 'caller-1', note: 'lights go', ...extra } };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
