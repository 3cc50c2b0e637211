import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './setup.ts';

const run = promisify(execFile);

/** Where the machine's reference script lies: `shared/` beside the repository (also in CI). */
export const REFERENCE_SCRIPT = path.resolve(repoRoot, '..', 'shared', 'bench', 'pgbench-reference.sh');

export interface ReferenceFigures {
  /** Raw single-row inserts per second by client count (1 and 8); empty when skipped. */
  readonly rawInserts: ReadonlyMap<number, number>;
  /** The script's own lines, to print as they are. */
  readonly lines: readonly string[];
  /** Why there are no figures, when there are none. */
  readonly skipped?: string;
}

/**
 * Runs `pgbench-reference.sh <url>`: the machine's raw PostgreSQL insert rate for 1 and 8 clients on the
 * same server, to set the store's single-append figures against.
 */
export async function pgbenchReference(url: string): Promise<ReferenceFigures> {
  if (!fs.existsSync(REFERENCE_SCRIPT))
    return { rawInserts: new Map(), lines: [], skipped: `${REFERENCE_SCRIPT} not found` };
  try {
    const { stdout } = await run('bash', [REFERENCE_SCRIPT, url], { timeout: 120_000 });
    const lines = stdout.trim().split('\n').filter(Boolean);
    const rawInserts = new Map<number, number>();
    for (const line of lines) {
      const match = /^raw insert, (\d+) writers: ([\d.]+) appends\/s$/.exec(line);
      if (match) rawInserts.set(Number(match[1]), Number(match[2]));
    }
    return { rawInserts, lines };
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    const reason = code === 2 ? 'pgbench not found' : `the reference script failed (exit ${code ?? '?'})`;
    return {
      rawInserts: new Map(),
      lines: [],
      skipped: `${reason}: ${(stderr ?? '').trim().split('\n')[0]}`,
    };
  }
}
