/**
 * `pnpm bench:approvals`: how fast an approval reaches the people watching, and how many approval
 * workflows the one-machine stack completes per second. Starts PostgreSQL, a Temporal dev server, the API
 * (listening on a free port, demo seeded) and one worker in this process, prepares contracts through the
 * API as people would, then prints one line per figure (see report.ts) and the target with PASS or MISS.
 *
 * DATABASE_URL: use that server (a fresh `panggung_bench_approvals` database, dropped afterwards);
 * otherwise an embedded PostgreSQL. TEMPORAL_ADDRESS: use that Temporal (on a task queue of its own);
 * otherwise a headless dev server. Either way everything started is stopped and its data removed at the
 * end, on an error, and on Ctrl-C.
 */
import os from 'node:os';
import { contractApprovalWorkflowId } from '@panggung/workflows';
import { DEMO } from '../src/seed/demo-ids.ts';
import { Person } from './http.ts';
import { measureCpu } from './cpu.ts';
import { approvalToLive } from './latency.ts';
import { LiveFeed } from './live.ts';
import { prepareContracts, type People } from './prepare.ts';
import { samplePoolWait } from './probe.ts';
import { figure, loadAverage, note, percentiles, summary, target } from './report.ts';
import { BENCH_DATABASE, query, startStack } from './stack.ts';
import { approveConcurrently } from './throughput.ts';

const WARMUP = 5; // approvals sent before the measured ones (JIT, first connections), not counted
const LATENCY_APPROVALS = 200;
const THROUGHPUT_CONTRACTS = 100;
const PREPARE_LANES = 4;
const APPROVERS = 8;
const THROUGHPUT_TIMEOUT_MS = 240_000;
const TARGET_P95_MS = 300;

const print = (line: string): void => console.log(line);
const began = performance.now();
print(note(`Panggung approvals benchmark, ${new Date().toISOString()}`));
print(
  note(`machine: ${os.availableParallelism()} cores, node ${process.version}, load average ${loadAverage()}`),
);

let close: (() => Promise<void>) | undefined;
let interrupting = false;
// `on`, not `once`: a Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and tsx
// exits at once on a signal that finds no listener left, which would skip the cleanup.
const interrupted = (signal: string): void => {
  if (interrupting) return;
  interrupting = true;
  print(note(`${signal}: stopping the worker, the API, Temporal and PostgreSQL`));
  void (close?.() ?? Promise.resolve()).finally(() => process.exit(130));
};
process.on('SIGINT', () => interrupted('SIGINT'));
process.on('SIGTERM', () => interrupted('SIGTERM'));

const stack = await startStack(print, (c) => (close = c));
let feed: LiveFeed | undefined;
try {
  print(note(`${stack.postgres}, database ${BENCH_DATABASE}; ${stack.temporal}; API at ${stack.baseUrl}`));
  print(note(`stack started in ${((performance.now() - began) / 1000).toFixed(1)} s`));
  const sign = (email: string) => Person.signIn(stack.baseUrl, email);
  const people: People = {
    manager: await sign('ayu@gema.test'),
    finance: await sign('budi@gema.test'),
    client: await sign('maya@sinarcahaya.test'),
    soundVendor: await sign('hendra@suaraprima.test'),
    lightingVendor: await sign('lina@cahayapanggung.test'),
  };
  feed = await LiveFeed.open(stack.baseUrl, people.manager.token, DEMO.concertId);
  const cpu = () => measureCpu(stack.devServerAddress, stack.pgDataDir, os.availableParallelism());
  /** Committed transactions in the bench database and events in the store, to divide by a phase's work. */
  const counters = async () => {
    const [row] = await query<{ xacts: string; events: string }>(
      stack.databaseUrl,
      `select (select xact_commit from pg_stat_database where datname = current_database())::text as xacts,
              (select count(*) from events)::text as events`,
    );
    return { xacts: Number(row?.xacts), events: Number(row?.events) };
  };

  // 1. Contracts waiting at the manager's review, made through the API.
  const count = WARMUP + LATENCY_APPROVALS + THROUGHPUT_CONTRACTS;
  const prepareCpu = await cpu();
  const prepared = await prepareContracts(people, feed, count, PREPARE_LANES);
  print(
    figure(
      'contracts prepared to manager review',
      PREPARE_LANES,
      (count * 1000) / prepared.ms,
      'contracts/s',
    ),
  );
  print(figure(`preparation of ${count} contracts`, PREPARE_LANES, prepared.ms, 'ms'));
  const t = prepared.timings;
  print(note(`prepare: RFQ → quote → award → draft → submit, then wait for manager_review on the live feed`));
  print(note(`  issue RFQ ${summary(t.rfq)}; quote ${summary(t.quote)}`));
  print(note(`  award ${summary(t.award)}; draft ${summary(t.draft)}`));
  print(note(`  submit ${summary(t.submit)}; submit sent → manager_review opened ${summary(t.opened)}`));
  print(note(`  CPU: ${await prepareCpu.stop()}`));
  const connections = await query<{ application_name: string; n: string }>(
    stack.databaseUrl,
    `select application_name, count(*)::text as n from pg_stat_activity where datname = current_database()
     and pid <> pg_backend_pid() group by 1 order by 1`,
  );
  print(note(`connections: ${connections.map((c) => `${c.application_name || '?'} ${c.n}`).join(', ')}`));

  // 2. Approval to live event, one at a time.
  const contracts = prepared.contracts;
  await approvalToLive(people.manager, feed, contracts.slice(0, WARMUP));
  const latencyPool = samplePoolWait(stack.app);
  const latencyCpu = await cpu();
  const latency = await approvalToLive(
    people.manager,
    feed,
    contracts.slice(WARMUP, WARMUP + LATENCY_APPROVALS),
  );
  const latencyCpuUse = await latencyCpu.stop();
  const latencyPoolWaits = await latencyPool.stop();
  const live = percentiles(latency.toLive);
  const http = percentiles(latency.http);
  print(figure('approval to live event p50', 1, live.p50, 'ms'));
  print(figure('approval to live event p95', 1, live.p95, 'ms'));
  print(figure('approval to live event p99', 1, live.p99, 'ms'));
  print(figure('approval to live event max', 1, live.max, 'ms'));
  print(figure('approval HTTP response p50', 1, http.p50, 'ms'));
  print(figure('approval HTTP response p95', 1, http.p95, 'ms'));
  print(
    note(
      `${latency.toLive.length} manager_review approvals in turn after ${WARMUP} warm-up ones; ` +
        `ApprovalStepApproved reached the websocket before the HTTP answer ${latency.liveFirst} times`,
    ),
  );
  print(note(`  request sent → the worker's append started (recordedAt) ${summary(latency.toAppend)}`));
  print(note(`  append started → event on the websocket ${summary(latency.appendToLive)}`));
  print(note(`  API pool checkout wait, sampled every 25 ms: ${summary(latencyPoolWaits)}`));
  print(note(`  CPU: ${latencyCpuUse}`));

  // 3. Throughput: many contracts approved at once through every step to ContractSigned.
  const batch = contracts.slice(WARMUP + LATENCY_APPROVALS);
  const throughputPool = samplePoolWait(stack.app);
  const throughputCpu = await cpu();
  const countersBefore = await counters();
  const run = await approveConcurrently(people, feed, batch, APPROVERS, THROUGHPUT_TIMEOUT_MS);
  const throughputCpuUse = await throughputCpu.stop();
  const countersAfter = await counters();
  const throughputPoolWaits = await throughputPool.stop();
  print(figure('approval workflows completed', APPROVERS, (run.signed * 1000) / run.ms, 'workflows/s'));
  print(figure('approval decisions', APPROVERS, (run.decisions * 1000) / run.ms, 'decisions/s'));
  const perWorkflow = percentiles(run.perWorkflow);
  print(figure('approval workflow first approval to ContractSigned p50', APPROVERS, perWorkflow.p50, 'ms'));
  print(figure('approval workflow first approval to ContractSigned p95', APPROVERS, perWorkflow.p95, 'ms'));
  const underLoad = percentiles([
    ...run.http.manager_review,
    ...run.http.finance_overrun,
    ...run.http.client_approval,
  ]);
  print(figure('approval HTTP response p50', APPROVERS, underLoad.p50, 'ms'));
  print(figure('approval HTTP response p95', APPROVERS, underLoad.p95, 'ms'));
  print(
    note(
      `${run.signed} contracts signed in ${(run.ms / 1000).toFixed(1)} s with ${run.decisions} decisions: ` +
        `${run.signed} manager, ${run.viaFinance} finance (overrun), ${run.viaClient} client (≥ threshold)`,
    ),
  );
  print(note(`  HTTP manager ${summary(run.http.manager_review)}`));
  print(
    note(`  HTTP finance ${summary(run.http.finance_overrun)}; client ${summary(run.http.client_approval)}`),
  );
  print(note(`  API pool checkout wait, sampled every 25 ms: ${summary(throughputPoolWaits)}`));
  print(note(`  CPU: ${throughputCpuUse}`));
  const events = countersAfter.events - countersBefore.events;
  const xacts = countersAfter.xacts - countersBefore.xacts;
  print(
    note(
      `  ${events} events appended, ${xacts} PostgreSQL transactions committed ` +
        `(${(xacts / run.decisions).toFixed(0)} per decision, ${(xacts / events).toFixed(0)} per event)`,
    ),
  );
  const temporal = await stack.app.temporal.client();
  await Promise.all(
    batch.map((c) => temporal.workflow.getHandle(contractApprovalWorkflowId(c.id, 1)).result()),
  );
  print(
    note(
      `all ${batch.length} workflows closed (budget committed) ` +
        `${((performance.now() - run.startedAt) / 1000).toFixed(1)} s after the first approval`,
    ),
  );

  // 4. The target.
  print(target('approval to live event p95', 1, live.p95, TARGET_P95_MS, 'ms'));
  print(
    note(
      `live feed received ${feed.events} events; ${((performance.now() - began) / 1000).toFixed(0)} s, ` +
        `load average ${loadAverage()}`,
    ),
  );
} catch (error) {
  process.exitCode = 1;
  if (!interrupting) console.error(error); // else: the stack is being stopped under the running phase
} finally {
  feed?.close();
  await stack.close();
}
