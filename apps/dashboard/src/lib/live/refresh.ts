/**
 * Loads a view again after a live event, until it shows that event. The live stream and the API's read
 * models are fed by the same event store but separately, so the event can arrive a moment before the
 * read model has it: a load that comes back stale is tried again a little later (at most `delays.length`
 * more times), and the freshest answer wins either way.
 *
 * @example
 * const view = await loadUntilFresh(() => getContract(id), (v) => v.updatedAt >= event.recordedAt);
 */
export async function loadUntilFresh<T>(
  load: () => Promise<T>,
  isFresh: (value: T) => boolean,
  options: { delays?: readonly number[]; wait?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const delays = options.delays ?? DEFAULT_DELAYS;
  const wait = options.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let value = await load();
  for (const delay of delays) {
    if (isFresh(value)) return value;
    await wait(delay);
    value = await load();
  }
  return value;
}

/** Most read models catch up within a few milliseconds; give up waiting after about three seconds. */
export const DEFAULT_DELAYS: readonly number[] = [50, 150, 400, 900, 1500];

/** Whether an instant (ISO) is at or after another, by time rather than by text. */
export const atOrAfter = (iso: string, than: string) => Date.parse(iso) >= Date.parse(than);
