import { loadUntilFresh } from './refresh.ts';

export type ResourceStatus = 'loading' | 'ready' | 'error';

/**
 * A view loaded from the API that follows live events: `load()` once (with loading and error states),
 * then `refresh(isFresh)` for each event that changes it. Refreshes run one at a time; those that come
 * while one runs are folded into a single next load that must satisfy all of them, so a burst of events
 * (an approval appends three) costs two loads, not three.
 */
export class LiveResource<T> {
  value = $state.raw<T>();
  status = $state<ResourceStatus>('loading');
  error = $state<unknown>();
  /** True while a live refresh is loading (for a quiet "updating" hint). */
  refreshing = $state(false);
  #running: Promise<void> | undefined;
  #pending: ((value: T) => boolean)[] = [];

  constructor(
    private readonly loader: () => Promise<T>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async load(): Promise<void> {
    this.status = this.value === undefined ? 'loading' : this.status;
    this.error = undefined;
    try {
      this.value = await this.loader();
      this.status = 'ready';
    } catch (error) {
      this.error = error;
      this.status = 'error';
      this.onError(error);
    }
  }

  /** A change answered by the API (the view it returned): show it at once. */
  set(value: T): void {
    this.value = value;
    this.status = 'ready';
    this.error = undefined;
  }

  /** Loads again until the view satisfies `isFresh` (see `loadUntilFresh`). */
  refresh(isFresh: (value: T) => boolean = () => true): Promise<void> {
    this.#pending.push(isFresh);
    this.#running ??= this.#drain().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const checks = this.#pending;
      this.#pending = [];
      this.refreshing = true;
      try {
        this.set(await loadUntilFresh(this.loader, (value) => checks.every((check) => check(value))));
      } catch (error) {
        // Keep showing what we have; a lost session still ends it.
        this.onError(error);
      } finally {
        this.refreshing = false;
      }
    }
  }
}
