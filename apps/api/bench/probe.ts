/**
 * Evidence for where time goes, taken beside the figures: how long a request of the API waits for a
 * connection of the API's own pool (checked out and given back without a query), sampled while a phase
 * runs. The API's store has one pool (10 connections by default) that its projectors share with the
 * requests and the live hub.
 */
import type { FastifyInstance } from 'fastify';

export function samplePoolWait(app: FastifyInstance, everyMs = 25): { stop(): Promise<number[]> } {
  const waits: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const began = performance.now();
      await app.store.db.connection().execute(async () => {});
      waits.push(performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return waits;
    },
  };
}
