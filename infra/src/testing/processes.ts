import fs from 'node:fs';

/**
 * Pids of the running processes whose command line contains `text` (Linux: read from /proc). Tests use it
 * to prove that nothing they started is left behind, e.g. no process still naming their temp folder.
 */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text)) pids.push(Number(entry));
    } catch {
      // It exited while we looked.
    }
  }
  return pids;
}

/**
 * Whether a process with this pid is running. A zombie counts as gone: in a container whose init does
 * not reap orphans, a dead orphan stays a zombie for good.
 */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
