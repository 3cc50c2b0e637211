import { runAuditVerify } from '../audit/verify-cli.ts';

/** `pnpm audit:verify [-- --production <id> | --file <export.jsonl>]`: exit 0 ok, 1 broken, 2 misuse. */
process.exitCode = await runAuditVerify(process.argv.slice(2), {
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
