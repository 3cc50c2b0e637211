/**
 * Test helpers for code that runs workflows (Node side only: never imported by workflow code).
 *
 * @example
 * const worker = await Worker.create({ ..., workflowBundle: await testWorkflowBundle() });
 */
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { workflowsPath } from '../index.ts';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
let runtimeInstalled = false;

/**
 * The workflow bundle, built once per test process and reused by every worker in it. Bundling takes a
 * second or two on a loaded machine; a test file that starts several workers pays it once.
 */
export function testWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  quietTemporalRuntime();
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  return bundle;
}

/**
 * Installs the SDK's runtime with errors-only logging (expected failures in tests log warnings) and no signal handlers of its own (vitest owns
 * Ctrl-C). Must run before the first worker or connection of the process; later calls do nothing.
 */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
    shutdownSignals: [],
  });
}
