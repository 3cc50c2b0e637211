/**
 * The benchmark's output: one line per figure, `<what>, <N> writers: <number> <unit>`, so a script can
 * read it with `/^(.+), (\d+) writers: ([\d.]+) (\S+)/`. Lines that carry no figure start with `#`.
 */
export type Unit = 'appends/s' | 'events/s' | 'ms' | 'MB' | '%';

export function figure(what: string, writers: number, value: number, unit: Unit): string {
  return `${what}, ${writers} writers: ${format(value, unit)} ${unit}`;
}

export function note(text: string): string {
  return `# ${text}`;
}

/** `<measured> vs <reference>, <N> writers: <percent> %`. */
export function ratio(what: string, writers: number, measured: number, reference: number): string {
  return figure(what, writers, (measured * 100) / reference, '%');
}

export interface Target {
  readonly what: string;
  readonly writers: number;
  /** undefined when the figure could not be taken (say, no pgbench): the target is skipped. */
  readonly value: number | undefined;
  readonly unit: Unit;
  readonly atLeast?: number;
  readonly below?: number;
}

/** `target <what> >= <goal> <unit>, <N> writers: <value> <unit> PASS|MISS` (or SKIP without a figure). */
export function target(t: Target): string {
  const goal = t.atLeast !== undefined ? `>= ${t.atLeast}` : `< ${t.below}`;
  const head = `target ${t.what} ${goal} ${t.unit}, ${t.writers} writers`;
  if (t.value === undefined || Number.isNaN(t.value)) return `${head}: n/a SKIP`;
  const pass = t.atLeast !== undefined ? t.value >= t.atLeast : t.value < (t.below ?? Infinity);
  return `${head}: ${format(t.value, t.unit)} ${t.unit} ${pass ? 'PASS' : 'MISS'}`;
}

export function passed(t: Target): boolean | undefined {
  if (t.value === undefined || Number.isNaN(t.value)) return undefined;
  return t.atLeast !== undefined ? t.value >= t.atLeast : t.value < (t.below ?? Infinity);
}

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value.toFixed(2);
    case 'MB':
      return value.toFixed(1);
    default:
      return Math.round(value).toString();
  }
}
