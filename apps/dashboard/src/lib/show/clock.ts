/**
 * The server's clock on this screen, so every screen shows the same second (NTP's method with one server
 * timestamp). For each sample the screen notes its own clock `sentMs` before asking (`GET /api/clock`, or
 * a live `ping`), `receivedMs` when the answer arrives, and reads the server's `serverMs`. Assuming the
 * answer was stamped half-way through the round trip:
 *
 *   roundTrip = receivedMs − sentMs
 *   offset    = serverMs − (sentMs + receivedMs) / 2      (error at most roundTrip / 2)
 *
 * Of several samples the one with the shortest round trip is the most accurate (least queueing), so it
 * wins; the server's time is then `Date.now() + offset`.
 */
export interface ClockSample {
  readonly offsetMs: number;
  readonly roundTripMs: number;
}

/** One exchange with the server as a sample; undefined when the local clock ran backwards meanwhile. */
export function clockSample(sentMs: number, serverMs: number, receivedMs: number): ClockSample | undefined {
  const roundTripMs = receivedMs - sentMs;
  if (!Number.isFinite(roundTripMs) || roundTripMs < 0 || !Number.isFinite(serverMs)) return undefined;
  return { offsetMs: serverMs - (sentMs + receivedMs) / 2, roundTripMs };
}

/** The most trustworthy sample: the shortest round trip (the earliest on a tie). */
export function bestSample(samples: readonly ClockSample[]): ClockSample | undefined {
  let best: ClockSample | undefined;
  for (const sample of samples) if (!best || sample.roundTripMs < best.roundTripMs) best = sample;
  return best;
}

/** The server's clock now, from this screen's clock and the offset. */
export const serverNow = (localNowMs: number, offsetMs: number): number => localNowMs + offsetMs;

/**
 * Keeps the last `size` samples and answers the best offset. A screen samples a few times on connect,
 * then with every pong or heartbeat; a sample taken on a congested network simply loses to a better one.
 *
 * @example
 * const clock = new ServerClock();
 * const sent = Date.now(); const { serverTimeMs } = await getClock(); clock.add(sent, serverTimeMs, Date.now());
 * clock.now(Date.now()); // the server's time
 */
export class ServerClock {
  readonly #samples: ClockSample[] = [];
  constructor(private readonly size = 8) {}

  add(sentMs: number, serverMs: number, receivedMs: number): ClockSample | undefined {
    const sample = clockSample(sentMs, serverMs, receivedMs);
    if (!sample) return undefined;
    this.#samples.push(sample);
    if (this.#samples.length > this.size) this.#samples.shift();
    return sample;
  }

  /** The offset to add to the local clock; 0 before any sample. */
  get offsetMs(): number {
    return bestSample(this.#samples)?.offsetMs ?? 0;
  }

  /** How far off the offset may be (half the best round trip); Infinity before any sample. */
  get uncertaintyMs(): number {
    const best = bestSample(this.#samples);
    return best ? best.roundTripMs / 2 : Number.POSITIVE_INFINITY;
  }

  now(localNowMs: number): number {
    return serverNow(localNowMs, this.offsetMs);
  }
}
