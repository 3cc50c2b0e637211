import type { ShowPosition } from '@panggung/contracts';
import { IllegalStateError } from '../core/errors.ts';

/**
 * Why a live command was refused (HTTP 409). Every refusal carries the show's current position, so a
 * screen that sent it can catch up and the show caller sees what happened instead.
 */
export type ShowRefusal =
  | 'stale'
  | 'key_reused'
  | 'already_frozen'
  | 'ended'
  | 'on_hold'
  | 'not_on_hold'
  | 'not_live'
  | 'no_next_cue'
  | 'no_previous_cue'
  | 'no_standby'
  | 'cue_not_pending';

export class ShowRefusedError extends IllegalStateError {
  constructor(
    readonly refusal: ShowRefusal,
    message: string,
    readonly current: ShowPosition,
    field?: string,
  ) {
    super(message, field);
  }
}

/** The command was issued against a live cue (or version) the show has moved on from: never applied. */
export class StaleShowCommandError extends ShowRefusedError {
  constructor(
    readonly expected: { readonly cueId: string | null; readonly version?: number | undefined },
    current: ShowPosition,
  ) {
    const saw = expected.cueId === null ? 'no cue live' : `cue ${expected.cueId} live`;
    const now = current.currentCueId === null ? `no cue is live` : `cue ${current.currentCueId} is live`;
    super(
      'stale',
      `This command was issued when ${saw} (version ${expected.version ?? '–'}); the show has moved on: ${now} (version ${current.version})`,
      current,
      expected.version !== undefined && expected.cueId === current.currentCueId
        ? 'expectedVersion'
        : 'expectedCueId',
    );
  }
}

/** The refusal and current position of an error, if it is a show refusal. */
export function showRefusalOf(error: unknown): { refusal: ShowRefusal; current: ShowPosition } | undefined {
  return error instanceof ShowRefusedError ? { refusal: error.refusal, current: error.current } : undefined;
}
