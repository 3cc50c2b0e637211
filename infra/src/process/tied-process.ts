import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';

/** How a child process ended: an exit code or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface TiedProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Default: stdin ignored, stdout and stderr piped. */
  stdio?: StdioOptions;
}

/** A child process that cannot outlive this one. */
export interface TiedProcess {
  readonly child: ChildProcess;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<ProcessExit>;
  /** Sends SIGTERM (to its whole process group when it has one), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

/** Running tied processes, and whether each leads its own process group. */
const live = new Map<TiedProcess, boolean>();
let exitHookInstalled = false;

/**
 * Spawns a child that dies with this process, however this process ends.
 *
 * On Linux it is started through `setpriv --pdeathsig SIGTERM`, so the kernel signals it even when this
 * process is SIGKILLed, and in its own process group, so that a terminal's Ctrl-C reaches only us and the
 * stack can stop things in order (services before the servers they use). Elsewhere it stays in our
 * process group (Ctrl-C reaches it directly) and an exit hook signals whatever is still running.
 *
 * @example
 * const server = spawnTied('temporal', ['server', 'start-dev']);
 * await server.stop();
 */
export function spawnTied(
  command: string,
  args: readonly string[],
  options: TiedProcessOptions = {},
): TiedProcess {
  const setpriv = pdeathsigWrapper();
  const child = spawn(
    setpriv ?? command,
    setpriv ? ['--pdeathsig', 'SIGTERM', '--', command, ...args] : args,
    {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
      detached: setpriv !== undefined,
    },
  );
  const grouped = setpriv !== undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    // 'error' without 'exit' means the spawn itself failed (e.g. ENOENT): report it as an exit.
    child.once('error', () => resolve({ code: child.exitCode ?? 127, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const tied: TiedProcess = {
    child,
    exited,
    async stop(graceMs = 10_000) {
      if (!running(child)) return exited;
      signal(child, grouped, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          signal(child, grouped, 'SIGKILL');
          resolve();
        }, graceMs);
      });
      await Promise.race([exited, killed]);
      clearTimeout(timer);
      return exited;
    },
  };
  live.set(tied, grouped);
  void exited.then(() => {
    live.delete(tied);
    // The leader is gone; anything it left behind in its group goes too (pnpm's children, say).
    if (grouped) signal(child, true, 'SIGTERM');
  });
  installExitHook();
  return tied;
}

/** Signals every tied process still running, without waiting (for a forced stop: a second Ctrl-C). */
export function signalAllTied(name: NodeJS.Signals): void {
  for (const [tied, grouped] of live) signal(tied.child, grouped, name);
}

function running(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function signal(child: ChildProcess, grouped: boolean, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(grouped ? -child.pid : child.pid, name);
  } catch {
    // Already gone (ESRCH): nothing to stop.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Only synchronous work is possible here: ask everything still running to stop, without waiting.
  process.on('exit', () => {
    signalAllTied('SIGTERM');
  });
}

let wrapper: string | null | undefined;

/** `setpriv` when it supports `--pdeathsig` (util-linux 2.33+), else undefined. Checked once. */
function pdeathsigWrapper(): string | undefined {
  if (wrapper === undefined) {
    wrapper = null;
    if (process.platform === 'linux') {
      const help = spawnSync('setpriv', ['--help'], { encoding: 'utf8', timeout: 5_000 });
      if (help.status === 0 && help.stdout.includes('--pdeathsig')) wrapper = 'setpriv';
    }
  }
  return wrapper ?? undefined;
}
