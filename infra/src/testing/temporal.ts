import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

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
