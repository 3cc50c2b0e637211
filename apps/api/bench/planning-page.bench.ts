/**
 * `pnpm bench:planning-page` (issue 5): a production with 300 crew, 2,000 shifts and 1,000 tasks, loaded
 * through the API as the dashboard's planning pages load it, and one shift assigned through the API.
 *
 * Starts the stack as the approvals bench does (PostgreSQL, Temporal — the API's reactors start the
 * production's workflow — the API and a worker; see stack.ts), writes the production through the
 * domain's decide in batches (planning-data.ts), waits for the read models, then:
 * 1. the planning data load: every GET the planning pages make (production, members, timeline, crew
 *    schedule, phases, budget, burn, payments due), fired at once, then the published days' call sheets
 *    once the schedule is in, as the crew page does; timed from the first request to the last answer,
 *    and per endpoint;
 * 2. each page on its own (what one page opening waits for);
 * 3. `POST /crew/shifts` for a free shift (the conflict check against the organisation's shifts, the
 *    append, the read models, and the day's schedule answered), and one refused with 409.
 * Targets: the data load p95 under 200 ms, the assignment p95 under 50 ms.
 */
import os from 'node:os';
import { crewStream } from '@panggung/domain';
import { Person, type Timed } from './http.ts';
import {
  CREW,
  freeShift,
  PLANNING_PRODUCTION_ID,
  PUBLISHED_DAYS,
  SHIFTS,
  TASKS,
  writePlanningProduction,
} from './planning-data.ts';
import { figure, loadAverage, note, percentiles, summary, target } from './report.ts';
import { startStack } from './stack.ts';

const WARMUP = 5;
const LOADS = 60;
const PAGE_LOADS = 30;
const ASSIGNMENTS = 50;
const REFUSALS = 10;
const LOAD_TARGET_MS = 200;
const ASSIGN_TARGET_MS = 50;

const print = (line: string): void => console.log(line);
const began = performance.now();
print(note(`Panggung planning page benchmark, ${new Date().toISOString()}`));
print(
  note(`machine: ${os.availableParallelism()} cores, node ${process.version}, load average ${loadAverage()}`),
);

let close: (() => Promise<void>) | undefined;
let interrupting = false;
const interrupted = (signal: string): void => {
  if (interrupting) return;
  interrupting = true;
  print(note(`${signal}: stopping the worker, the API, Temporal and PostgreSQL`));
  void (close?.() ?? Promise.resolve()).finally(() => process.exit(130));
};
process.on('SIGINT', () => interrupted('SIGINT'));
process.on('SIGTERM', () => interrupted('SIGTERM'));

const stack = await startStack(print, (c) => (close = c), 'panggung_bench_planning');
try {
  print(note(`${stack.postgres}; ${stack.temporal}; API at ${stack.baseUrl}`));
  const setupStarted = performance.now();
  const written = await writePlanningProduction(stack.app.store);
  const appended = performance.now();
  await stack.app.projections.waitFor(written.checkpoint, 120_000);
  print(
    note(
      `data: ${CREW} crew, ${SHIFTS} shifts, ${TASKS} tasks, ${written.dependencies} dependencies, ` +
        `${PUBLISHED_DAYS} call sheets published: ${written.events} events appended in ` +
        `${((appended - setupStarted) / 1000).toFixed(1)} s, read models caught up ` +
        `${((performance.now() - appended) / 1000).toFixed(1)} s later`,
    ),
  );

  const manager = await Person.signIn(stack.baseUrl, 'ayu@gema.test');
  const base = `/api/productions/${PLANNING_PRODUCTION_ID}`;
  const endpoints = {
    production: base,
    members: `${base}/members`,
    timeline: `${base}/timeline`,
    crew: `${base}/crew`,
    phases: `${base}/phases`,
    budget: `${base}/budget`,
    burn: `${base}/budget/burn`,
    paymentsDue: `${base}/budget/payments-due?withinDays=14`,
  } as const;
  type Endpoint = keyof typeof endpoints | 'callSheets';
  interface CrewView {
    days: { day: string; status: string }[];
  }

  const perEndpoint = new Map<Endpoint, number[]>();
  const record = (what: Endpoint, timed: Timed<unknown>) => {
    perEndpoint.set(what, [...(perEndpoint.get(what) ?? []), timed.ms]);
    return timed;
  };
  const get = (what: keyof typeof endpoints) => manager.get(endpoints[what]).then((t) => record(what, t));
  /** The crew page: the schedule, then each published day's call sheet at once. */
  const crewPage = async () => {
    const schedule = (await get('crew')) as Timed<CrewView>;
    const published = schedule.body.days.filter((d) => d.status !== 'draft');
    const sentAt = performance.now();
    await Promise.all(published.map((d) => manager.get(`${endpoints.crew}/call-sheets/${d.day}`)));
    record('callSheets', { body: undefined, sentAt, ms: performance.now() - sentAt });
  };
  const pages = {
    timeline: () => Promise.all([get('production'), get('members'), get('timeline')]),
    crew: () => Promise.all([get('production'), get('members'), crewPage()]),
    overview: () => Promise.all([get('production'), get('members'), get('phases')]),
    budget: () =>
      Promise.all([get('production'), get('members'), get('budget'), get('burn'), get('paymentsDue')]),
  };
  const everything = () =>
    Promise.all([
      get('production'),
      get('members'),
      get('timeline'),
      crewPage(),
      get('phases'),
      get('budget'),
      get('burn'),
      get('paymentsDue'),
    ]);
  const timeLoads = async (load: () => Promise<unknown>, times: number) => {
    for (let i = 0; i < WARMUP; i++) await load();
    perEndpoint.clear();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await load();
      samples.push(performance.now() - t0);
    }
    return samples;
  };

  // 1. Everything the planning pages load, at once.
  const sizes = await Promise.all(
    Object.entries(endpoints).map(async ([what, path]) => {
      const response = await fetch(`${stack.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${manager.token}` },
      });
      return `${what} ${((await response.arrayBuffer()).byteLength / 1024).toFixed(0)} KiB`;
    }),
  );
  print(note(`answer sizes: ${sizes.join(', ')}`));
  const all = percentiles(await timeLoads(everything, LOADS));
  print(figure('planning data load, all GETs in parallel, p50', 1, all.p50, 'ms'));
  print(figure('planning data load, all GETs in parallel, p95', 1, all.p95, 'ms'));
  print(figure('planning data load, all GETs in parallel, p99', 1, all.p99, 'ms'));
  print(note(`${LOADS} loads after ${WARMUP} warm-up ones; each request's time within the parallel load:`));
  const within = new Map(perEndpoint);
  for (const [what, samples] of within) print(note(`  ${what} ${summary(samples)}`));

  // 2. Each page on its own.
  const pageFigures: [string, number][] = [];
  for (const [page, load] of Object.entries(pages)) {
    const p = percentiles(await timeLoads(load, PAGE_LOADS));
    print(figure(`${page} page data load p50`, 1, p.p50, 'ms'));
    print(figure(`${page} page data load p95`, 1, p.p95, 'ms'));
    pageFigures.push([`${page} page data load p95`, p.p95]);
    for (const [what, samples] of perEndpoint) print(note(`  ${what} ${summary(samples)}`));
  }

  // 3. One shift assigned through the API, in turn.
  const assign = async (i: number, status: 201 | 409) =>
    manager.post(`${base}/crew/shifts`, freeShift(i), status);
  for (let i = 0; i < WARMUP; i++) await assign(i, 201);
  const assigned: number[] = [];
  for (let i = WARMUP; i < WARMUP + ASSIGNMENTS; i++) assigned.push((await assign(i, 201)).ms);
  const refused: number[] = [];
  for (let i = WARMUP; i < WARMUP + REFUSALS; i++) refused.push((await assign(i, 409)).ms); // double booked
  // Where an assignment's time goes: it reads the crew stream twice (the command's fold, the answer's).
  const reads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await stack.app.store.readStream(crewStream(PLANNING_PRODUCTION_ID), { limit: 100_000 });
    reads.push(performance.now() - t0);
  }
  print(
    note(`read the crew stream (${SHIFTS + ASSIGNMENTS + WARMUP + PUBLISHED_DAYS} events) ${summary(reads)}`),
  );
  const a = percentiles(assigned);
  print(figure('assign one shift through the API (201) p50', 1, a.p50, 'ms'));
  print(figure('assign one shift through the API (201) p95', 1, a.p95, 'ms'));
  print(figure('assign one shift through the API (201) p99', 1, a.p99, 'ms'));
  const r = percentiles(refused);
  print(figure('assign one double-booked shift through the API (409) p50', 1, r.p50, 'ms'));
  print(note(`${ASSIGNMENTS} assignments after ${WARMUP} warm-up ones, then ${REFUSALS} refused`));

  print(target('planning data load, all GETs in parallel, p95', 1, all.p95, LOAD_TARGET_MS, 'ms'));
  for (const [what, value] of pageFigures) print(target(what, 1, value, LOAD_TARGET_MS, 'ms'));
  print(target('assign one shift through the API p95', 1, a.p95, ASSIGN_TARGET_MS, 'ms'));
  print(note(`${((performance.now() - began) / 1000).toFixed(0)} s in all, load average ${loadAverage()}`));
} catch (error) {
  process.exitCode = 1;
  if (!interrupting) console.error(error);
} finally {
  await stack.close();
}
