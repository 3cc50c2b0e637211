/**
 * CPU used during a phase, per part of the stack, from /proc (Linux only; elsewhere nothing is reported):
 * this process (the API, the worker's activities and workflow threads, and the bench's own clients),
 * the Temporal dev server (processes whose command line has `start-dev` and its port), the embedded
 * PostgreSQL (the postmaster of our data folder and its children), and the whole machine.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Snapshot {
  readonly at: number;
  readonly self: number;
  readonly temporal: number;
  readonly postgres: number;
  readonly machine: number;
}

async function processes(): Promise<Array<{ pid: number; ppid: number; ticks: number; args: string }>> {
  const found = [];
  for (const entry of await fs.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      const args = (await fs.readFile(`/proc/${entry}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      found.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]), // utime + stime
        args,
      });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function snapshot(temporalPort: string | undefined, pgDataDir: string): Promise<Snapshot> {
  const all = await processes();
  const postmaster = Number(
    (await fs.readFile(path.join(pgDataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
  );
  const sum = (keep: (p: (typeof all)[number]) => boolean) =>
    all.filter(keep).reduce((total, p) => total + p.ticks, 0);
  const [cpu] = (await fs.readFile('/proc/stat', 'utf8')).split('\n');
  const [, user, nice, system, , , irq, softirq, steal] = (cpu ?? '').trim().split(/\s+/).map(Number);
  return {
    at: performance.now(),
    self: sum((p) => p.pid === process.pid),
    temporal: temporalPort
      ? sum((p) => p.args.includes('start-dev') && p.args.includes(`--port ${temporalPort} `))
      : NaN,
    postgres: postmaster ? sum((p) => p.pid === postmaster || p.ppid === postmaster) : NaN,
    machine: [user, nice, system, irq, softirq, steal].reduce((a = 0, b = 0) => a + b, 0) ?? NaN,
  };
}

/**
 * Starts measuring; `stop()` answers `this process 61 %, Temporal 35 %, PostgreSQL 40 %, whole machine
 * 196 % (of 200 %)` for the time in between. Per-process figures miss processes that ended meanwhile.
 */
export async function measureCpu(
  temporalAddress: string | undefined,
  pgDataDir: string,
  cores: number,
): Promise<{ stop(): Promise<string> }> {
  const port = temporalAddress?.split(':').pop();
  const before = await snapshot(port, pgDataDir);
  return {
    async stop() {
      const after = await snapshot(port, pgDataDir);
      const seconds = (after.at - before.at) / 1000;
      const pct = (key: keyof Snapshot) => {
        const value = ((after[key] - before[key]) / TICKS_PER_SECOND / seconds) * 100;
        return Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} %`;
      };
      return (
        `this process ${pct('self')}, Temporal ${pct('temporal')}, PostgreSQL ${pct('postgres')}, ` +
        `whole machine ${pct('machine')} (of ${cores * 100} %) over ${seconds.toFixed(1)} s`
      );
    },
  };
}
