import type { Writable } from 'node:stream';
import { createEventStore } from '@panggung/event-store';
import type { Database } from '../schema/tables.ts';
import { EXIT, type CliIo } from './verify-cli.ts';
import { keptHistories, replayKeptHistories, type ReplayCode } from './workflow-replay.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = `Usage: pnpm audit:replay-workflows [-- --production <id>]
  (nothing)           every kept workflow history of the database at DATABASE_URL
  --production <id>   the kept workflow histories of one production`;

const write = (out: Writable, text: string) => void out.write(text + '\n');
const counted = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `pnpm audit:replay-workflows [-- --production <id>]`: replays every kept Temporal history (issue 7)
 * against the current workflow code and prints one line per workflow. Exit code 0 when all replay, 1 when
 * one does not (the code would now decide differently), 2 on misuse. `code` replaces the current workflow
 * code (tests replay against a changed one).
 */
export async function runAuditReplayWorkflows(
  argv: readonly string[],
  io: CliIo,
  code?: ReplayCode,
): Promise<number> {
  const [flag, value, ...rest] = argv.filter((arg) => arg !== '--');
  const productionId =
    flag === undefined
      ? null
      : flag === '--production' && value && UUID.test(value) && rest.length === 0
        ? value
        : undefined;
  if (productionId === undefined) {
    write(io.stderr, USAGE);
    return EXIT.usage;
  }
  const url = io.env['DATABASE_URL'];
  if (!url) {
    write(io.stderr, 'DATABASE_URL is not set: give the PostgreSQL that keeps the workflow histories.');
    return EXIT.usage;
  }
  const store = createEventStore<Database>({ connectionString: url, poolSize: 1 });
  try {
    write(
      io.stderr,
      `Replaying the kept workflow histories of ${productionId ? `production ${productionId}` : 'every production'} against the current code`,
    );
    let replayed = 0;
    let failed = 0;
    for await (const result of replayKeptHistories(
      keptHistories(store.db, productionId ?? undefined),
      code,
    )) {
      replayed += 1;
      const what = `${result.workflowId} (${result.workflowType}, run ${result.runId})`;
      if (result.error) {
        failed += 1;
        write(io.stdout, `FAILED ${what}: ${result.error.name}: ${result.error.message.split('\n')[0]}`);
      } else write(io.stdout, `OK     ${what}`);
    }
    if (replayed === 0) {
      write(io.stdout, `No kept workflow histories${productionId ? ` for production ${productionId}` : ''}.`);
      return EXIT.ok;
    }
    write(
      io.stdout,
      failed === 0
        ? `OK: ${counted(replayed, 'workflow')} replayed; the current code decides the same way.`
        : `FAILED: ${failed} of ${counted(replayed, 'workflow')} no longer replay against the current code.`,
    );
    return failed === 0 ? EXIT.ok : EXIT.broken;
  } finally {
    await store.close();
  }
}
