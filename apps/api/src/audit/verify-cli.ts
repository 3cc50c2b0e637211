import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { createEventStore, ExportFormatError, verifyExport, type VerifyReport } from '@panggung/event-store';
import { exportLines } from './verify-routes.ts';

/** Where a command-line run reads its settings and writes its output (the process's, or a test's). */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are read from (pnpm runs scripts elsewhere: it passes `INIT_CWD`). */
  readonly cwd: string;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export const EXIT = { ok: 0, broken: 1, usage: 2 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERIFY_USAGE = `Usage: pnpm audit:verify [-- --production <id> | --file <export.jsonl>]
  (nothing)             every stream of the database at DATABASE_URL
  --production <id>     one production's streams, as its export is checked, plus the stream heads
  --file <export.jsonl> an export, offline: no database needed`;

/** pnpm passes the `--` that separates its own options from the script's; drop it. */
const scriptArgs = (args: readonly string[]) => args.filter((arg) => arg !== '--');

const write = (out: Writable, text: string) => void out.write(text + '\n');
const count = (n: number) => n.toLocaleString('en-US');
const counted = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `pnpm audit:verify`: verifies hash chains and prints progress on stderr, then a verdict on stdout.
 * Exit code 0 when every chain holds, 1 when one does not (or the export is not readable), 2 on misuse.
 */
export async function runAuditVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = scriptArgs(argv);
  const [flag, value, ...rest] = args;
  const mode =
    flag === undefined
      ? { kind: 'database' as const }
      : flag === '--file' && value && rest.length === 0
        ? { kind: 'file' as const, path: resolve(io.cwd, value) }
        : flag === '--production' && value && UUID.test(value) && rest.length === 0
          ? { kind: 'production' as const, productionId: value }
          : undefined;
  if (!mode) {
    write(io.stderr, VERIFY_USAGE);
    return EXIT.usage;
  }
  const progress = (events: number) => write(io.stderr, `… ${count(events)} events checked`);

  if (mode.kind === 'file') {
    const file = await open(mode.path).catch((error: unknown) => {
      write(io.stderr, `Cannot read ${mode.path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!file) return EXIT.usage;
    write(io.stderr, `Verifying the export ${mode.path} offline`);
    try {
      const lines = createInterface({
        input: file.createReadStream({ autoClose: false }),
        crlfDelay: Infinity,
      });
      return verdict(io, await verifyExport(lines, { onProgress: progress }));
    } catch (error) {
      if (error instanceof ExportFormatError) {
        write(io.stdout, `REJECTED: ${error.message}`);
        if (error.line <= 2)
          write(
            io.stderr,
            "If the file starts with pnpm's own banner, export with `pnpm --silent audit:export` or `--out <file>`.",
          );
        return EXIT.broken;
      }
      throw error;
    } finally {
      await file.close();
    }
  }

  const url = io.env['DATABASE_URL'];
  if (!url) {
    write(io.stderr, 'DATABASE_URL is not set: give the PostgreSQL to verify (or --file for an export).');
    return EXIT.usage;
  }
  const store = createEventStore({ connectionString: url, poolSize: 1 });
  try {
    write(
      io.stderr,
      mode.kind === 'production'
        ? `Verifying production ${mode.productionId}`
        : 'Verifying every stream of the database',
    );
    const report =
      mode.kind === 'production'
        ? await store.verifyProduction(mode.productionId, { onProgress: progress })
        : await store.verify({ onProgress: progress });
    return verdict(io, report);
  } finally {
    await store.close();
  }
}

function verdict(io: CliIo, report: VerifyReport): number {
  const checked = `${counted(report.eventsChecked, 'event')} in ${counted(report.streamsChecked, 'stream')}`;
  if (report.ok) {
    write(io.stdout, `OK: ${checked}; every hash chain holds.`);
    return EXIT.ok;
  }
  write(io.stdout, `BROKEN: ${checked}; ${counted(report.brokenLinks.length, 'stream')} with a broken link:`);
  for (const link of report.brokenLinks) write(io.stdout, `  ${link.reason}: ${link.message}`);
  return EXIT.broken;
}

/**
 * `pnpm audit:export -- <productionId> > file.jsonl`: the production's history as JSON lines on stdout
 * (the same lines as the API's export), progress on stderr.
 */
export async function runAuditExport(argv: readonly string[], io: CliIo): Promise<number> {
  const [productionId, flag, file, ...rest] = scriptArgs(argv);
  const toFile = flag === '--out' && file !== undefined;
  if (!productionId || !UUID.test(productionId) || (flag !== undefined && !toFile) || rest.length > 0) {
    write(
      io.stderr,
      'Usage: pnpm --silent audit:export -- <productionId> > production.jsonl\n' +
        '       pnpm audit:export -- <productionId> --out production.jsonl',
    );
    return EXIT.usage;
  }
  const url = io.env['DATABASE_URL'];
  if (!url) {
    write(io.stderr, 'DATABASE_URL is not set: give the PostgreSQL to export from.');
    return EXIT.usage;
  }
  const store = createEventStore({ connectionString: url, poolSize: 1 });
  // pnpm prints its banner on stdout unless --silent: `--out` keeps the file clean without it.
  const out: Writable = toFile ? createWriteStream(resolve(io.cwd, file)) : io.stdout;
  let events = 0;
  try {
    for await (const line of exportLines(store, productionId)) {
      // Respect the pipe: wait when the reader is behind rather than buffer the whole history.
      if (!out.write(line)) await new Promise((done) => out.once('drain', done));
      if (++events % 10_000 === 0) write(io.stderr, `… ${count(events)} events exported`);
    }
    if (toFile)
      await new Promise<void>((done, fail) =>
        out.end((error?: Error | null) => (error ? fail(error) : done())),
      );
    write(io.stderr, `Exported ${count(events)} events of production ${productionId}.`);
    if (events === 0) write(io.stderr, 'No events name this production: is the id right?');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
