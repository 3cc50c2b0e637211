import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { findTemporalCli } from '../temporal/find-temporal-cli.mjs';

const execFileAsync = promisify(execFile);

/**
 * `host:port` of the test run's Temporal dev server (started by the global setup of the `int` project).
 * Call it from an integration test (`*.int.spec.ts`).
 *
 * @example
 * const connection = await NativeConnection.connect({ address: testTemporalAddress() });
 */
export function testTemporalAddress(): string {
  const address = inject('temporalAddress');
  if (!address) {
    throw new Error(
      'No Temporal dev server in this test project: Temporal tests belong to the `int` project ' +
        '(a `*.int.spec.ts` outside packages/event-store when PANGGUNG_TEST_POSTGRES=external).',
    );
  }
  return address;
}

/**
 * A task queue no other test uses, so workers of different test files on the shared dev server never
 * take each other's tasks. Use the same idea for workflow ids.
 */
export function uniqueTaskQueue(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

/**
 * A Temporal namespace of its own on the run's dev server, created now. Tests that seed the demo share its
 * fixed ids (the concert's `production-<id>` workflow, the seeded contract's approval): in one namespace,
 * two test files running at once would find each other's workflows already started (and their workers
 * gone). Every file in its own namespace keeps them apart.
 *
 * @example
 * const namespace = await freshNamespace('approvals');
 */
export async function freshNamespace(label: string): Promise<string> {
  const name = `test-${label.replace(/[^a-z0-9-]/gi, '-')}-${randomBytes(4).toString('hex')}`;
  const { path: cli } = await findTemporalCli({ install: false });
  await execFileAsync(cli, [
    'operator',
    'namespace',
    'create',
    '--namespace',
    name,
    '--retention',
    '24h',
    '--address',
    testTemporalAddress(),
  ]);
  return name;
}
