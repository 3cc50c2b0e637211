import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';

/**
 * The API process: configuration from the environment, a logger, and a graceful close on SIGINT/SIGTERM
 * (stop accepting, finish requests, close websockets and the database).
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  const app = await buildApp(config, {
    logger: { level: config.logLevel, ...(process.stdout.isTTY ? {} : {}) },
  });
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal}: closing`);
      const force = setTimeout(() => process.exit(1), 10_000).unref();
      app.close().then(
        () => {
          clearTimeout(force);
          process.exit(0);
        },
        () => process.exit(1),
      );
    });
  }
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
