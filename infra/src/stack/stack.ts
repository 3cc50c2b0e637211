import { createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDatabase, startPostgres, type RunningPostgres } from '../postgres/postgres.ts';
import { startTemporal, type RunningTemporal } from '../temporal/temporal-server.ts';
import type { StackConfig } from './config.ts';
import type { StackProcesses } from './processes.ts';
import { Supervisor } from './supervisor.ts';

/** Where everything listens, once the stack is up. */
export interface StackInfo {
  readonly databaseUrl: string;
  readonly postgres: RunningPostgres['kind'];
  readonly temporalAddress: string;
  readonly temporal: RunningTemporal['kind'];
  readonly temporalUiUrl: string | undefined;
  readonly logDir: string;
}

/** `start()` was interrupted by `stop()` (Ctrl-C while starting): not a failure. */
export class StackStoppedError extends Error {
  readonly code = 'STACK_STOPPED';
  constructor() {
    super('The stack was stopped while starting.');
    this.name = 'StackStoppedError';
  }
}

/** The application database the stack creates on an embedded PostgreSQL. */
const databaseName = 'panggung';

/**
 * The local stack: PostgreSQL and Temporal (started concurrently), then the after-start steps, then the
 * long-running services.
 *
 * @example
 * const stack = new LocalStack(readStackConfig(process.env), stackProcesses(process.env), { print: console.log });
 * const info = await stack.start();
 * await Promise.race([stack.failed, ctrlC]);
 * await stack.stop();
 */
export class LocalStack {
  /** Resolves when something the stack runs dies on its own (Temporal, or a service). */
  readonly failed: Promise<Error>;
  private reportFailure: (error: Error) => void = () => {};
  private readonly abort = new AbortController();
  private readonly logs: WriteStream[] = [];
  private servers: Promise<unknown> = Promise.resolve();
  private postgres: RunningPostgres | undefined;
  private temporal: RunningTemporal | undefined;
  private supervisor: Supervisor | undefined;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly config: StackConfig,
    private readonly processes: StackProcesses,
    private readonly options: { print: (line: string) => void },
  ) {
    this.failed = new Promise((resolve) => (this.reportFailure = resolve));
  }

  async start(): Promise<StackInfo> {
    const { config } = this;
    const logDir = path.join(config.dataDir, 'logs');
    await fs.mkdir(logDir, { recursive: true });
    const postgres = startPostgres({
      databaseUrl: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.pgPort,
      onLog: this.logTo(path.join(logDir, 'postgres.log')),
      timeoutMs: config.startTimeoutMs,
    }).then((running) => (this.postgres = running));
    const temporal = startTemporal({
      address: config.temporalAddress,
      dataDir: path.join(config.dataDir, 'temporal'),
      port: config.temporalPort,
      uiPort: config.temporalUiPort,
      onLog: this.logTo(path.join(logDir, 'temporal.log')),
      timeoutMs: config.startTimeoutMs,
      signal: this.abort.signal,
    }).then((running) => (this.temporal = running));
    // One failure makes the other start pointless; Temporal can be interrupted, PostgreSQL cannot.
    postgres.catch(() => this.abort.abort());
    this.servers = Promise.allSettled([postgres, temporal]);
    const [pgResult, temporalResult] = await Promise.allSettled([postgres, temporal]);
    const failures = [pgResult, temporalResult]
      .filter((result) => result.status === 'rejected')
      .map((result) => result.reason as unknown)
      .filter((reason) => !(reason instanceof Error && reason.name === 'AbortError'));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((reason) => String(reason)).join('\n'));
    this.throwIfStopping();
    const { postgres: pg, temporal: running } = this;
    if (!pg || !running) throw new StackStoppedError();
    void running.exited.then((how) => this.reportFailure(new Error(how)));

    const databaseUrl = config.databaseUrl ?? (await ensureDatabase(pg.url, databaseName));
    const supervisor = new Supervisor({
      env: { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: running.address },
      cwd: config.repoRoot,
      print: this.options.print,
    });
    this.supervisor = supervisor;
    void supervisor.failed.then((error) => this.reportFailure(error));
    for (const step of this.processes.steps) {
      this.throwIfStopping();
      this.options.print(`Running ${step.name}: ${[step.command, ...step.args].join(' ')}`);
      await supervisor.runStep(step);
    }
    this.throwIfStopping();
    for (const service of this.processes.services) supervisor.startService(service);
    // The address is printed only once it answers: a newcomer who opens it at once must find it working.
    await Promise.all(
      this.processes.services.map((service) =>
        service.readyUrl ? this.waitUntilAnswering(service.name, service.readyUrl) : undefined,
      ),
    );
    return {
      databaseUrl,
      postgres: pg.kind,
      temporalAddress: running.address,
      temporal: running.kind,
      temporalUiUrl: running.uiUrl,
      logDir,
    };
  }

  /** Stops the services, then Temporal and PostgreSQL; safe to call at any time, and more than once. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.abort.abort();
      await this.supervisor?.stop();
      // A server still starting is stopped once it is up (PostgreSQL's start cannot be interrupted).
      await this.servers;
      await Promise.all([this.temporal?.stop(), this.postgres?.stop()]);
      await Promise.all(this.logs.map((log) => new Promise((resolve) => log.end(resolve))));
    })();
    return this.stopped;
  }

  private async waitUntilAnswering(name: string, url: string): Promise<void> {
    const deadline = Date.now() + this.config.startTimeoutMs;
    let failed = false;
    void this.failed.then(() => (failed = true));
    for (;;) {
      this.throwIfStopping();
      if (failed) return; // the service died: `failed` reports it
      const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline)
        throw new Error(
          `${name} did not answer at ${url} within ${this.config.startTimeoutMs / 1000}s; see its output above.`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private throwIfStopping(): void {
    if (this.stopped) throw new StackStoppedError();
  }

  private logTo(file: string): (line: string) => void {
    const log = createWriteStream(file, { flags: 'a' });
    this.logs.push(log);
    return (line) => log.write(line.endsWith('\n') ? line : `${line}\n`);
  }
}
