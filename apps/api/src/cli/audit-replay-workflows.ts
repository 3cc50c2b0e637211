import { runAuditReplayWorkflows } from '../audit/workflow-replay-cli.ts';

/** `pnpm audit:replay-workflows [-- --production <id>]`: exit 0 all replay, 1 one does not, 2 misuse. */
process.exitCode = await runAuditReplayWorkflows(process.argv.slice(2), {
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
