export interface BackoffOptions {
  /** The wait before the first retry, before jitter. */
  readonly initialMs: number;
  /** The longest wait. */
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2 };

/**
 * How long to wait before retry number `attempt` (0 for the first): exponential, capped, with "equal
 * jitter" (between half and all of the step), so a crowd of dashboards that lost the server at the same
 * moment does not come back at the same moment, yet none retries at once in a tight loop.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const step = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}
