import type { ShowControlBody, ShowPosition } from '@panggung/contracts';
import { ApiRequestError } from '../api/client.ts';

/** A live command as a screen builds it, before the key that makes it act once. */
export type ShowCommandDraft = ShowControlBody extends infer B
  ? B extends ShowControlBody
    ? Omit<B, 'idempotencyKey'>
    : never
  : never;

/** A fresh idempotency key for one press of a button. */
export const newCommandKey = (random: () => string = () => crypto.randomUUID()) => `press-${random()}`;

/** Waits between resends of the same press after a network failure or a 5xx; about six seconds in all. */
export const RESEND_DELAYS: readonly number[] = [250, 750, 2000, 3000];

/** Whether a failure is worth resending the same command for (the server may not have seen it). */
export const isTransient = (error: unknown): boolean =>
  error instanceof ApiRequestError && (error.status === 0 || error.status >= 500);

/**
 * Sends one press of a button: its key is chosen once, here, and every resend after a network failure or
 * a 5xx carries the same key, so the API acts on it once however many copies arrive. A refusal (4xx) is
 * not resent: it is the answer.
 *
 * @example
 * await sendOnce({ type: 'go', expectedCueId }, (body) => sendShowCommand(id, day, body));
 */
export async function sendOnce<T>(
  draft: ShowCommandDraft,
  send: (body: ShowControlBody) => Promise<T>,
  options: { key?: string; delays?: readonly number[]; wait?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const body = { ...draft, idempotencyKey: options.key ?? newCommandKey() } as ShowControlBody;
  const delays = options.delays ?? RESEND_DELAYS;
  const wait = options.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(body);
    } catch (error) {
      const delay = delays[attempt];
      if (!isTransient(error) || delay === undefined) throw error;
      await wait(delay);
    }
  }
}

/**
 * A late command's refusal: the API answers 409 with where the show now stands (`current`), so the
 * screen says what happened instead of applying the press to the wrong cue.
 */
export function refusalOf(error: unknown): { code: string; current: ShowPosition } | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return undefined;
  const current = (error.body as { current?: Partial<ShowPosition> } | undefined)?.current;
  if (!current || typeof current.status !== 'string' || !('currentCueId' in current)) return undefined;
  return { code: error.code, current: current as ShowPosition };
}
