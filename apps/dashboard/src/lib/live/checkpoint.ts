/**
 * Checkpoints of the live stream, `"<transaction>:<position>"` (a place in the store's global order).
 * Compared as numbers, never as strings: `"9:1"` comes before `"10:1"`.
 */
export function parseCheckpoint(checkpoint: string): readonly [bigint, bigint] {
  const match = /^(\d{1,20}):(\d{1,19})$/.exec(checkpoint);
  if (!match) throw new RangeError(`Not a checkpoint: "${checkpoint}"`);
  return [BigInt(match[1] ?? '0'), BigInt(match[2] ?? '0')];
}

/** Negative when `a` comes before `b`, zero when equal, positive after. */
export function compareCheckpoints(a: string, b: string): number {
  const [ta, pa] = parseCheckpoint(a);
  const [tb, pb] = parseCheckpoint(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return 0;
}

/** Whether `candidate` is after `last` (anything is after no checkpoint at all). */
export function isAfter(candidate: string, last: string | undefined): boolean {
  return last === undefined || compareCheckpoints(candidate, last) > 0;
}
