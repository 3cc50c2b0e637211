import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ReaderReport } from './reader-process.ts';

const run = promisify(execFile);

/**
 * Reads `count` events in commit order in a child process (so its peak RSS is the reader's own) and
 * returns what it measured.
 */
export async function readInOrder(url: string, count: number, pageSize: number): Promise<ReaderReport> {
  const script = path.join(import.meta.dirname, 'reader-process.ts');
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, url, String(count), String(pageSize)],
    { cwd: import.meta.dirname, maxBuffer: 1 << 20 },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ReaderReport;
}
