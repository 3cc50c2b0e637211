import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { forEachLine } from './lines.ts';
import { isAlive } from '../testing/processes.ts';

describe('spawnTied', () => {
  it.runIf(process.platform === 'linux')('takes its child down when the parent is SIGKILLed', async () => {
    // A parent that ties a long sleep to itself, prints the sleep's pid, then waits to be killed.
    const script =
      `import { spawnTied } from ${JSON.stringify(new URL('./tied-process.ts', import.meta.url).pathname)};\n` +
      `const tied = spawnTied('sleep', ['300']);\n` +
      `console.log(tied.child.pid);\n` +
      `setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve) =>
      forEachLine(parent.stdout, (line) => resolve(Number(line))),
    );
    expect(isAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 5_000 });
  });
});
