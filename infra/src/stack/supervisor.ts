import { forEachLine } from '../process/lines.ts';
import { spawnTied, type ProcessExit, type TiedProcess } from '../process/tied-process.ts';
import type { LongRunningService, OneShotStep } from './processes.ts';

/** An after-start step ended with a non-zero exit code. */
export class StepFailedError extends Error {
  readonly code = 'STACK_STEP_FAILED';
  constructor(
    readonly step: string,
    readonly exit: ProcessExit,
  ) {
    super(`The step "${step}" failed (${describe(exit)}); its output is above.`);
    this.name = 'StepFailedError';
  }
}

/** A long-running service stopped without being asked to. */
export class ServiceExitedError extends Error {
  readonly code = 'STACK_SERVICE_EXITED';
  constructor(
    readonly service: string,
    readonly exit: ProcessExit,
  ) {
    super(`The service "${service}" exited unexpectedly (${describe(exit)}); its output is above.`);
    this.name = 'ServiceExitedError';
  }
}

export interface SupervisorOptions {
  /** Environment of every child (DATABASE_URL and TEMPORAL_ADDRESS included). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Receives each line the children print, prefixed with their name. */
  print: (line: string) => void;
}

/**
 * Runs the stack's own child processes: one-shot steps to completion, then long-running services, and
 * notices a service that dies.
 *
 * @example
 * const supervisor = new Supervisor({ env, cwd, print: console.log });
 * await supervisor.runStep({ name: 'migrate', command: 'pnpm', args: ['run', 'migrate'] });
 * supervisor.startService({ name: 'api', command: 'pnpm', args: ['--filter', '@panggung/api', 'start'] });
 * const error = await supervisor.failed; // the first service to exit on its own
 */
export class Supervisor {
  /** Resolves with the first service that exits without being stopped. */
  readonly failed: Promise<ServiceExitedError>;
  private reportFailure: (error: ServiceExitedError) => void = () => {};
  private readonly children = new Set<TiedProcess>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    this.failed = new Promise((resolve) => (this.reportFailure = resolve));
  }

  /** Runs a step to completion; throws StepFailedError when it fails. */
  async runStep(step: OneShotStep): Promise<void> {
    const child = this.spawn(step.name, step.command, step.args);
    const exit = await child.exited;
    this.children.delete(child);
    if (exit.code !== 0 && !this.stopping) throw new StepFailedError(step.name, exit);
  }

  /** Starts a service; if it ever exits before `stop()`, `failed` resolves. */
  startService(service: LongRunningService): void {
    const child = this.spawn(service.name, service.command, service.args, service.env);
    void child.exited.then((exit) => {
      this.children.delete(child);
      if (!this.stopping) this.reportFailure(new ServiceExitedError(service.name, exit));
    });
  }

  /** Stops every running child (SIGTERM to its process group, SIGKILL after `graceMs`). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children].map((child) => child.stop(graceMs)));
  }

  private spawn(
    name: string,
    command: string,
    args: readonly string[],
    env: Readonly<Record<string, string>> = {},
  ): TiedProcess {
    if (this.stopping) throw new Error(`Not starting "${name}": the stack is stopping.`);
    const child = spawnTied(command, args, { env: { ...this.options.env, ...env }, cwd: this.options.cwd });
    this.children.add(child);
    forEachLine(child.child.stdout, (line) => this.options.print(`[${name}] ${line}`));
    forEachLine(child.child.stderr, (line) => this.options.print(`[${name}] ${line}`));
    return child;
  }
}

function describe(exit: ProcessExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
