import { Client, Connection } from '@temporalio/client';
import fp from 'fastify-plugin';
import type { ApiConfig } from '../config.ts';

export interface TemporalService {
  /** The client, connected on first use (so the API starts while Temporal is still coming up). */
  client(): Promise<Client>;
  readonly taskQueue: string;
  /** Whether Temporal answers, for the readiness endpoint. */
  check(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    temporal: TemporalService;
  }
}

export const temporalPlugin = fp<{ config: ApiConfig['temporal'] }>(
  async (app, { config }) => {
    let connecting: Promise<Connection> | undefined;
    const connection = (): Promise<Connection> => {
      connecting ??= Connection.connect({
        address: config.address,
        tls: config.tls === false ? undefined : config.tls === true ? {} : config.tls,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        connectTimeout: 5_000,
      }).catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      return connecting;
    };
    const service: TemporalService = {
      taskQueue: config.taskQueue,
      async client() {
        return new Client({ connection: await connection(), namespace: config.namespace });
      },
      async check() {
        const conn = await connection();
        await conn.workflowService.getSystemInfo({});
      },
    };
    app.decorate('temporal', service);
    app.addHook('onClose', async () => {
      const pending = connecting;
      connecting = undefined;
      await pending?.then((conn) => conn.close()).catch(() => {});
    });
  },
  { name: 'temporal' },
);
