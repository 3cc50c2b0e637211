import type { LiveEvent, ShowView } from '@panggung/contracts';
import { ApiRequestError } from '../api/client.ts';
import type { LiveStatus } from '../live/live-connection.ts';
import { LiveResource } from '../live/live-resource.svelte.ts';
import { DEFAULT_DELAYS } from '../live/refresh.ts';
import { ServerClock } from './clock.ts';
import { connectionStep, FRESH_CONNECTION, showEventNeedsFetch } from './show-events.ts';
import { showModel, showStreamOf, type ShowModel } from './show-model.ts';
import { getClock, getShow } from './show-api.ts';

/** How often the screen's clocks tick; a quarter second keeps the shown second within 250 ms of the server's. */
const TICK_MS = 250;
/** Samples of the server's clock on start and after each reconnect (the shortest round trip wins). */
const CLOCK_SAMPLES = 3;

/**
 * One live screen's show: the API's view of it, fetched again after each of its live events (until the
 * read model has the event's version) and after a reconnect (the live stream resumes from its checkpoint
 * on its own; the fetch catches up the timing), and the server's clock, ticking, so every screen shows
 * the same second. `model` is what the screen renders.
 */
export class ShowSession {
  readonly resource: LiveResource<ShowView>;
  readonly #clock = new ServerClock();
  nowMs = $state(Date.now());
  /** Until the show starts, the API answers 404: the screen waits for the show run to be frozen. */
  readonly notStarted = $derived.by(() => {
    const error = this.resource.error;
    return this.resource.status === 'error' && error instanceof ApiRequestError && error.status === 404;
  });
  readonly model: ShowModel | undefined = $derived.by(() =>
    this.resource.value ? showModel(this.resource.value, this.nowMs) : undefined,
  );
  #connection = FRESH_CONNECTION;

  constructor(
    readonly productionId: string,
    readonly day: string,
    onError: (error: unknown) => void,
  ) {
    this.resource = new LiveResource(
      () => getShow(productionId, day),
      (error) => {
        if (!(error instanceof ApiRequestError && error.status === 404)) onError(error);
      },
    );
  }

  /** Loads the show, syncs the clock and ticks; returns the cleanup. */
  start(): () => void {
    void this.resource.load();
    void this.syncClock();
    const timer = setInterval(() => (this.nowMs = this.#clock.now(Date.now())), TICK_MS);
    return () => clearInterval(timer);
  }

  async syncClock(): Promise<void> {
    for (let i = 0; i < CLOCK_SAMPLES; i += 1) {
      const sent = Date.now();
      try {
        const { serverTimeMs } = await getClock();
        this.#clock.add(sent, serverTimeMs, Date.now());
      } catch {
        return; // keep the offset we have; the next reconnect tries again
      }
    }
    this.nowMs = this.#clock.now(Date.now());
  }

  /** A live event of the page's stream. */
  onEvent(event: LiveEvent): void {
    if (event.streamId !== showStreamOf(this.productionId, this.day)) return;
    const view = this.resource.value;
    if (!view) void this.#loadOnceStarted();
    else if (showEventNeedsFetch(view.version, event.streamVersion))
      void this.resource.refresh((v) => v.version >= event.streamVersion);
  }

  /**
   * The show run's first event can arrive a moment before the read model has it (the API answers 404
   * until then): load again, a little later each time, until the show is there.
   */
  async #loadOnceStarted(): Promise<void> {
    for (const delay of [0, ...DEFAULT_DELAYS]) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.resource.value) return;
      await this.resource.load();
      if (this.resource.value) return;
    }
  }

  /** The connection's status: back to live after a drop, fetch again (and check the clock). */
  connectionChanged(status: LiveStatus): void {
    const step = connectionStep(this.#connection, status);
    this.#connection = step.memory;
    if (!step.catchUp) return;
    if (this.resource.value) void this.resource.refresh();
    else void this.#loadOnceStarted();
    void this.syncClock();
  }

  /** A command's answer named the version it produced: show it once the read model has it. */
  caughtUpTo(version: number): Promise<void> {
    return this.resource.refresh((v) => v.version >= version);
  }
}
