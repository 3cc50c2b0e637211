/**
 * The benchmark's output, as the event store's bench prints it: one line per figure,
 * `<what>, <N> writers: <number> <unit>`, readable with `/^(.+), (\d+) writers: ([\d.]+) (\S+)/`. Lines
 * that carry no figure start with `#`.
 */
import os from 'node:os';

export type Unit = 'ms' | 'workflows/s' | 'contracts/s' | 'decisions/s';

export function figure(what: string, writers: number, value: number, unit: Unit): string {
  return `${what}, ${writers} writers: ${value.toFixed(2)} ${unit}`;
}

export function note(text: string): string {
  return `# ${text}`;
}

/** `target <what> < <goal> <unit>, <N> writers: <value> <unit> PASS|MISS`. */
export function target(what: string, writers: number, value: number, below: number, unit: Unit): string {
  const verdict = Number.isNaN(value) ? 'SKIP' : value < below ? 'PASS' : 'MISS';
  return `target ${what} < ${below} ${unit}, ${writers} writers: ${value.toFixed(2)} ${unit} ${verdict}`;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles (NaN for no values). */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** `p50 1.23, p95 4.56, max 7.89 ms` for notes. */
export function summary(values: readonly number[]): string {
  const p = percentiles(values);
  return `p50 ${p.p50.toFixed(1)}, p95 ${p.p95.toFixed(1)}, max ${p.max.toFixed(1)} ms (n=${values.length})`;
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
