import { runAuditExport } from '../audit/verify-cli.ts';

/** `pnpm --silent audit:export -- <productionId> > production.jsonl` (DATABASE_URL): JSON lines with hashes. */
process.exitCode = await runAuditExport(process.argv.slice(2), {
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
