import type { Production } from '@panggung/contracts';
import { listProductions } from './productions-api.ts';

/** The productions list, a page at a time ("load more" follows the API's cursor). */
export class ProductionList {
  items = $state.raw<Production[]>([]);
  nextCursor = $state<string | undefined>();
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<unknown>();
  loadingMore = $state(false);
  moreError = $state<unknown>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  async load(): Promise<void> {
    this.status = 'loading';
    this.error = undefined;
    try {
      const page = await listProductions();
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.status = 'ready';
    } catch (error) {
      this.error = error;
      this.status = 'error';
      this.onError(error);
    }
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await listProductions(this.nextCursor);
      const seen = new Set(this.items.map((p) => p.id));
      this.items = [...this.items, ...page.items.filter((p) => !seen.has(p.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.moreError = error;
      this.onError(error);
    } finally {
      this.loadingMore = false;
    }
  }
}
