import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const dashboardDir = path.resolve(import.meta.dirname, '..');

/**
 * Builds the dashboard, the way it ships, into a folder of this test file's own. Test files run in
 * parallel and `npm start` (the quick-start test) builds `dist/` too: a shared folder would be rewritten
 * under a browser that is loading it.
 */
export async function buildDashboard(name: string): Promise<string> {
  const outDir = path.resolve(dashboardDir, '../../test-results/dashboard-builds', name);
  await promisify(execFile)(
    process.execPath,
    [path.join(dashboardDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    { cwd: dashboardDir },
  );
  return outDir;
}
