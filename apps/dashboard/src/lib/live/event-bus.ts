import type { LiveEvent } from '@panggung/contracts';

export type LiveListener = (event: LiveEvent) => void;

/** What a section of a page needs of the live stream: to hear each event once, and to stop listening. */
export interface LiveEvents {
  subscribe(listener: LiveListener): () => void;
}

/**
 * Hands each event of a page's one live connection to every section that listens, so a page keeps one
 * websocket however many views on it follow changes. A listener that throws does not stop the others.
 */
export class EventBus implements LiveEvents {
  readonly #listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('A live listener failed', error);
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
