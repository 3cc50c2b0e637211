import { describe, expect, it, vi } from 'vitest';
import { isAlive } from '../testing/processes.ts';
import { ServiceExitedError, StepFailedError, Supervisor } from './supervisor.ts';

const node = process.execPath;

function supervisor() {
  const printed: string[] = [];
  const instance = new Supervisor({
    env: { ...process.env, DATABASE_URL: 'postgres://example/panggung' },
    cwd: process.cwd(),
    print: (line) => printed.push(line),
  });
  return { instance, printed };
}

describe('Supervisor', () => {
  it('runs a step to completion with the stack environment, its output prefixed', async () => {
    const { instance, printed } = supervisor();
    await instance.runStep({
      name: 'migrate',
      command: node,
      args: ['-e', 'console.log(process.env.DATABASE_URL)'],
    });
    expect(printed).toEqual(['[migrate] postgres://example/panggung']);
  });

  it('reports a failing step by name and exit code', async () => {
    const { instance } = supervisor();
    const failed = instance.runStep({ name: 'migrate', command: node, args: ['-e', 'process.exit(3)'] });
    await expect(failed).rejects.toBeInstanceOf(StepFailedError);
    await expect(failed).rejects.toThrow('The step "migrate" failed (exit code 3)');
  });

  it('reports a service that exits on its own', async () => {
    const { instance } = supervisor();
    instance.startService({
      name: 'api',
      command: node,
      args: ['-e', 'setTimeout(() => process.exit(7), 50)'],
    });
    const error = await instance.failed;
    expect(error).toBeInstanceOf(ServiceExitedError);
    expect(error.message).toBe('The service "api" exited unexpectedly (exit code 7); its output is above.');
  });

  it('stops a service together with the processes it started', async () => {
    const { instance, printed } = supervisor();
    // A shell with a child of its own, as `pnpm run` has: stopping must reach the grandchild too.
    instance.startService({ name: 'api', command: '/bin/sh', args: ['-c', 'sleep 300 & echo $!; wait'] });
    await vi.waitFor(() => expect(printed).toHaveLength(1), { timeout: 5_000 });
    const grandchild = Number(printed[0]?.replace('[api] ', ''));
    expect(isAlive(grandchild)).toBe(true);
    let reported = false;
    void instance.failed.then(() => (reported = true));
    await instance.stop();
    await vi.waitFor(() => expect(isAlive(grandchild)).toBe(false), { timeout: 5_000 });
    expect(reported).toBe(false);
  });
});
