import type { Projection } from './projection.ts';

/** What the group keeps of a projection: its name and dependencies. */
type Declared = Pick<Projection, 'name' | 'dependsOn'>;

/**
 * The projections a store runs, and a wake-up for when one of their checkpoints moved in this process:
 * a runner waiting for its dependencies (`Projection.dependsOn`) goes on as soon as one of them applied a
 * batch here, rather than at its next poll. A dependency whose active runner is in another process is
 * seen by polling its checkpoint.
 */
export class RunnerGroup {
  readonly #projections = new Map<string, Declared>();
  readonly #moves = new Map<string, number>();
  readonly #waiters = new Set<{ readonly names: readonly string[]; readonly wake: () => void }>();

  add(projection: Declared): void {
    if (!this.#projections.has(projection.name)) this.#projections.set(projection.name, projection);
  }

  /** The projection of that name one of this store's runners runs, if any. */
  get(name: string): Declared | undefined {
    return this.#projections.get(name);
  }

  /** How often these projections' checkpoints moved here: read it before a read, `waitForMove` after. */
  moves(names: readonly string[]): number {
    return names.reduce((sum, name) => sum + (this.#moves.get(name) ?? 0), 0);
  }

  /** A runner committed a batch of `name`. */
  moved(name: string): void {
    this.#moves.set(name, (this.#moves.get(name) ?? 0) + 1);
    for (const waiter of [...this.#waiters]) if (waiter.names.includes(name)) waiter.wake();
  }

  /** Resolves when one of `names` moved since `seen` (see `moves`), after `timeoutMs`, or on abort. */
  waitForMove(names: readonly string[], seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.moves(names) !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        names,
        wake: (): void => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          signal.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, timeoutMs);
      this.#waiters.add(waiter);
      signal.addEventListener('abort', waiter.wake, { once: true });
    });
  }
}
