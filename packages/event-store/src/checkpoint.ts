import { InvalidArgumentError } from './errors.ts';
import type { Checkpoint } from './types.ts';

/** Before the first event. */
export const START: Checkpoint = Object.freeze({ transactionId: 0n, position: 0n });

/** `"<transaction id>:<position>"`: a checkpoint as a string for URLs, websockets and storage. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.transactionId}:${checkpoint.position}`;
}

/** Parses `formatCheckpoint`'s output; throws InvalidArgumentError for anything else. */
export function parseCheckpoint(text: string, field = 'checkpoint'): Checkpoint {
  const match = /^(\d{1,20}):(\d{1,19})$/.exec(text);
  if (!match)
    throw new InvalidArgumentError(
      field,
      `"${text.slice(0, 50)}" is not a checkpoint ("<transaction>:<position>")`,
    );
  return { transactionId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}
