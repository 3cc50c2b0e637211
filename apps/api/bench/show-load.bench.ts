/**
 * `pnpm bench:show-load`: the live show under load. The API runs as its own process (`src/server.ts`,
 * as `pnpm start` runs it, see api-process.ts); this process is the load generator: it opens 1,000 and
 * then 5,000 websocket clients (signed in as the show caller, the managers, four crew of different
 * departments and the client, sessions shared between sockets), subscribes them to the concert, and
 * once every one is subscribed and has received the warm-up commands, the show caller fires ten
 * `adjust_time` commands a second (+1 s, −1 s in turn: the live cue does not move) for 30 s. Every client
 * stamps the arrival of each command's `CueTimeAdjusted` (matched by its idempotency key); latency is
 * arrival − the moment the command's HTTP request was sent, on this process's clock.
 *
 * Prints per crowd size p50/p95/p99/max, messages expected/received/lost/duplicated (exactly, per
 * client), the server's RSS (/proc/<pid>/status) and V8 heap, CPU of both processes, and the targets:
 * p99 < 50 ms with 1,000 clients, < 250 ms with 5,000, none lost.
 *
 * DATABASE_URL / TEMPORAL_ADDRESS: use those servers (see api-process.ts); otherwise embedded PostgreSQL
 * and a Temporal dev server, stopped and removed at the end, on an error and on Ctrl-C.
 * SHOW_LOAD_CLIENTS=1000,5000 and SHOW_LOAD_SECONDS=30 change the crowd sizes and the firing time.
 */
import os from 'node:os';
import { DEMO } from '../src/seed/demo-ids.ts';
import { DEMO_SHOW } from '../src/seed/show.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { Person } from './http.ts';
import { closeCrowd, openCrowd, type CrowdClient, type CrowdMember } from './live-crowd.ts';
import { loadAverage, note, percentiles, summary } from './report.ts';

const DATABASE = 'panggung_bench_show_load';
const CROWDS = (process.env.SHOW_LOAD_CLIENTS ?? '1000,5000').split(',').map(Number);
const SECONDS = Number(process.env.SHOW_LOAD_SECONDS ?? 30);
const RATE = 10; // commands per second
const WARMUP = 20; // commands fired (and awaited by every client) before the measured ones
const MEASURED = SECONDS * RATE;
const CONNECT_LANES = 50;
const DRAIN_MS = 30_000; // after the last command: how long a missing message may still arrive
const TARGETS: Record<number, number> = { 1000: 50, 5000: 250 };

const print = (line: string): void => console.log(line);
const began = performance.now();
print(note(`Panggung live show load benchmark, ${new Date().toISOString()}`));
print(
  note(`machine: ${os.availableParallelism()} cores, node ${process.version}, load average ${loadAverage()}`),
);

let close: (() => Promise<void>) | undefined;
let interrupting = false;
// `on`, not `once`: tsx relays a terminal's Ctrl-C, and exits at once on a signal nobody listens to.
const interrupted = (signal: string): void => {
  if (interrupting) return;
  interrupting = true;
  print(note(`${signal}: stopping the API server, Temporal and PostgreSQL`));
  void (close?.() ?? Promise.resolve()).finally(() => process.exit(130));
};
process.on('SIGINT', () => interrupted('SIGINT'));
process.on('SIGTERM', () => interrupted('SIGTERM'));

const api = await startApiProcess(print, (c) => (close = c), DATABASE, {
  // One caller fires 600 commands a minute and 5,000 sockets share eight sessions: the per-session limiter
  // (default 600/min) must not be what is measured. Eight sign-ins exceed nothing, but keep them clear.
  PANGGUNG_RATE_LIMIT_PER_MINUTE: '1000000',
  PANGGUNG_SIGN_IN_LIMIT_PER_MINUTE: '100',
});
const rows: string[] = [];
const verdicts: string[] = [];
try {
  print(note(`${api.postgres}, database ${DATABASE}; ${api.temporal}`));
  print(
    note(
      `API server: pid ${api.pid} at ${api.baseUrl} (src/server.ts, own process); generator pid ${process.pid}`,
    ),
  );
  print(note(`stack started in ${((performance.now() - began) / 1000).toFixed(1)} s`));
  const sign = (email: string) => Person.signIn(api.baseUrl, email);
  const caller = await sign('dewi@gema.test');
  const members: CrowdMember[] = [
    { token: caller.token, who: 'show caller' },
    { token: (await sign('ayu@gema.test')).token, who: 'production manager' },
    { token: (await sign('rina@gema.test')).token, who: 'org admin' },
    { token: (await sign('eko@gema.test')).token, who: 'crew (sound)' },
    { token: (await sign('fajar@gema.test')).token, who: 'crew (lighting)' },
    { token: (await sign('sari@gema.test')).token, who: 'crew (video)' },
    { token: (await sign('joko@gema.test')).token, who: 'crew (stage)' },
    { token: (await sign('maya@sinarcahaya.test')).token, who: 'client' },
  ];

  // The show starts and its first cue goes live; every command after that adjusts the live cue.
  const show = `/api/productions/${DEMO.concertId}/shows/${DEMO_SHOW.showDay}`;
  await caller.post(`${show}/start`, { idempotencyKey: 'bench-start-show' }, 201);
  await caller.post(
    `${show}/commands`,
    { type: 'go', idempotencyKey: 'bench-first-go', expectedCueId: null },
    200,
  );
  const liveCue = DEMO_SHOW.cues[0];
  print(
    note(`show ${DEMO_SHOW.showDay} started, cue ${liveCue} live; memory idle: ${await memoryLine(api)}`),
  );

  for (const count of CROWDS) {
    const prefix = `load-${count}-`;
    const opened = performance.now();
    const clients = await openCrowd({
      baseUrl: api.baseUrl,
      productionId: DEMO.concertId,
      members,
      count,
      concurrency: CONNECT_LANES,
      keyPrefix: prefix,
      commands: WARMUP + MEASURED,
    });
    const connected = await api.memory();
    print(
      note(
        `${count} clients subscribed in ${((performance.now() - opened) / 1000).toFixed(1)} s; ` +
          `server ${memoryText(connected)}`,
      ),
    );

    /**
     * The caller's console: one command at a time, each due 1/RATE s after the one before; when an answer
     * comes later than that, the next goes as soon as it is in (`late` counts those). Latency is taken from
     * each request's actual send.
     */
    const fire = async (from: number, to: number) => {
      const sentAt = new Float64Array(to - from).fill(NaN);
      const answered: number[] = [];
      let late = 0;
      const start = performance.now();
      for (let n = from; n < to; n++) {
        const wait = start + ((n - from) * 1000) / RATE - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        else if (n > from) late++;
        const body = {
          type: 'adjust_time',
          idempotencyKey: `${prefix}${n}`,
          expectedCueId: liveCue,
          seconds: n % 2 === 0 ? 1 : -1,
        };
        sentAt[n - from] = performance.now();
        const response = await fetch(`${api.baseUrl}${show}/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`command ${n}: ${response.status} ${text}`);
        answered.push(performance.now() - sentAt[n - from]!);
      }
      const seconds = (sentAt[to - from - 1]! - sentAt[0]!) / 1000;
      return { sentAt, answered, late, rate: (to - from - 1) / seconds };
    };
    const everyoneHas = (from: number, to: number) =>
      clients.every((client) => {
        for (let n = from; n < to; n++) if (Number.isNaN(client.at[n]!)) return false;
        return true;
      });
    const waitUntil = async (done: () => boolean, ms: number) => {
      const deadline = performance.now() + ms;
      while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return done();
    };

    // Warm-up: every client must have all of it before the measured commands start ("caught up").
    await fire(0, WARMUP);
    if (!(await waitUntil(() => everyoneHas(0, WARMUP), 60_000)))
      throw new Error(`${count} clients: the warm-up commands did not reach every client within 60 s`);

    let peak = await api.memory();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const m = await api.memory();
        if (!(m.rssMiB <= peak.rssMiB)) peak = { ...peak, rssMiB: m.rssMiB };
        if (!(m.heapUsedMiB <= peak.heapUsedMiB)) peak = { ...peak, heapUsedMiB: m.heapUsedMiB };
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const serverCpu = await api.cpuSeconds();
    const ownCpu = process.cpuUsage();
    const phaseStart = performance.now();
    const run = await fire(WARMUP, WARMUP + MEASURED);
    const allArrived = await waitUntil(() => everyoneHas(WARMUP, WARMUP + MEASURED), DRAIN_MS);
    const phaseSeconds = (performance.now() - phaseStart) / 1000;
    const serverCpuUse = ((await api.cpuSeconds()) - serverCpu) / phaseSeconds;
    const own = process.cpuUsage(ownCpu);
    sampling = false;
    await sampler;

    const figures = tally(clients, run.sentAt, WARMUP);
    const p = figures.latency;
    const http = percentiles(run.answered);
    const goal = TARGETS[count];
    const pass = figures.lost === 0 && goal !== undefined && p.p99 < goal;
    rows.push(
      `| ${count.toLocaleString('en')} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.p99)} | ${fmt(p.max)} | ` +
        `${figures.expected.toLocaleString('en')} | ${figures.received.toLocaleString('en')} | ${figures.lost} | ` +
        `${figures.duplicates} | ${fmt(connected.rssMiB, 0)} / ${fmt(peak.rssMiB, 0)} | ${fmt(peak.heapUsedMiB, 0)} | ` +
        `${goal === undefined ? '—' : `p99 < ${goal} ms, 0 lost`} | ${goal === undefined ? '—' : pass ? 'PASS' : 'MISS'} |`,
    );
    print(`command to every client p50, ${count} clients: ${fmt(p.p50)} ms`);
    print(`command to every client p95, ${count} clients: ${fmt(p.p95)} ms`);
    print(`command to every client p99, ${count} clients: ${fmt(p.p99)} ms`);
    print(`command to every client max, ${count} clients: ${fmt(p.max)} ms`);
    print(`messages lost, ${count} clients: ${figures.lost} (${figures.received} of ${figures.expected})`);
    print(`server RSS peak, ${count} clients: ${fmt(peak.rssMiB, 1)} MiB`);
    print(
      note(
        `${MEASURED} commands at ${run.rate.toFixed(1)}/s after ${WARMUP} warm-up ones; ` +
          `${run.late} sent late (the answer before came after its slot); HTTP answer ${summary(run.answered)} ` +
          `(p99 ${fmt(http.p99)})`,
      ),
    );
    print(note(`  request sent → append started (recordedAt, probe client) ${summary(figures.toAppend)}`));
    print(note(`  append started → first client ${summary(figures.appendToFirst)}`));
    print(note(`  first client → last client (fan-out spread) ${summary(figures.spread)}`));
    for (const [who, byRole] of figures.byRole)
      print(
        note(
          `  ${who}: ${byRole.clients} clients, received ${byRole.received} of ${byRole.expected}, ` +
            `p99 ${fmt(percentiles(byRole.latencies).p99)} ms`,
        ),
      );
    print(
      note(
        `  every message arrived: ${allArrived ? 'yes' : 'NO'}; duplicates ${figures.duplicates}; ` +
          `sockets closed by the server ${figures.closed}`,
      ),
    );
    print(
      note(
        `  server: RSS ${fmt(connected.rssMiB, 0)} MiB connected, ${fmt(peak.rssMiB, 0)} MiB peak, heap peak ` +
          `${fmt(peak.heapUsedMiB, 0)} MiB; CPU server ${(serverCpuUse * 100).toFixed(0)} %, generator ` +
          `${(((own.user + own.system) / 1e6 / phaseSeconds) * 100).toFixed(0)} % over ${phaseSeconds.toFixed(1)} s; ` +
          `load average ${loadAverage()}`,
      ),
    );
    if (goal !== undefined) {
      verdicts.push(
        `target command to every client p99 < ${goal} ms, ${count} clients: ${fmt(p.p99)} ms ${p.p99 < goal ? 'PASS' : 'MISS'}`,
      );
      verdicts.push(
        `target messages lost = 0, ${count} clients: ${figures.lost} ${figures.lost === 0 ? 'PASS' : 'MISS'}`,
      );
    }
    await closeCrowd(clients);
    // Let the server notice the closed sockets before the next crowd (its memory is reported with it).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }

  print('');
  print(
    '| clients | p50 ms | p95 ms | p99 ms | max ms | expected | received | lost | duplicated | server RSS MiB connected / peak | heap peak MiB | target | verdict |',
  );
  print(
    '| ------: | -----: | -----: | -----: | -----: | -------: | -------: | ---: | ---------: | ------------------------------: | ------------: | ------ | ------- |',
  );
  for (const row of rows) print(row);
  print('');
  for (const line of verdicts) print(line);
  print(note(`${((performance.now() - began) / 1000).toFixed(0)} s in all, load average ${loadAverage()}`));
} catch (error) {
  process.exitCode = 1;
  if (!interrupting) console.error(error);
} finally {
  await api.close();
}

interface Tally {
  readonly latency: ReturnType<typeof percentiles>;
  readonly expected: number;
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly closed: number;
  readonly byRole: Map<string, { clients: number; expected: number; received: number; latencies: number[] }>;
  /** Per command: sent → the server began its append (wall clock, ms resolution). */
  readonly toAppend: number[];
  readonly appendToFirst: number[];
  /** Per command: its first arrival at any client → its last. */
  readonly spread: number[];
}

/** Every client expects every measured command (all these roles see `CueTimeAdjusted`). */
function tally(clients: readonly CrowdClient[], sentAt: Float64Array, offset: number): Tally {
  const all = new Float64Array(clients.length * sentAt.length);
  let received = 0;
  let duplicates = 0;
  let closed = 0;
  const byRole: Tally['byRole'] = new Map();
  for (const client of clients) {
    const role = byRole.get(client.who) ?? { clients: 0, expected: 0, received: 0, latencies: [] };
    byRole.set(client.who, role);
    role.clients++;
    role.expected += sentAt.length;
    for (let i = 0; i < sentAt.length; i++) {
      const at = client.at[offset + i]!;
      if (Number.isNaN(at)) continue;
      const latency = at - sentAt[i]!;
      all[received++] = latency;
      role.received++;
      role.latencies.push(latency);
    }
    duplicates += client.duplicates;
    if (client.closedWith) closed++;
  }
  const measured = all.subarray(0, received).sort();
  const at = (q: number) =>
    measured.length === 0
      ? NaN
      : measured[Math.min(measured.length - 1, Math.ceil(q * measured.length) - 1)]!;
  const expected = clients.length * sentAt.length;
  const probe = clients.find((client) => client.recordedAt);
  const toAppend: number[] = [];
  const appendToFirst: number[] = [];
  const spread: number[] = [];
  for (let i = 0; i < sentAt.length; i++) {
    let first = Infinity;
    let last = -Infinity;
    for (const client of clients) {
      const at = client.at[offset + i]!;
      if (at < first) first = at;
      if (at > last) last = at;
    }
    if (first <= last) spread.push(last - first);
    const recorded = probe?.recordedAt?.[offset + i] ?? NaN;
    if (!Number.isNaN(recorded)) {
      toAppend.push(recorded - (performance.timeOrigin + sentAt[i]!));
      appendToFirst.push(performance.timeOrigin + first - recorded);
    }
  }
  return {
    toAppend,
    appendToFirst,
    spread,
    latency: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) },
    expected,
    received,
    lost: expected - received,
    duplicates,
    closed,
    byRole,
  };
}

function fmt(value: number, digits = 1): string {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function memoryText(m: { rssMiB: number; heapUsedMiB: number }): string {
  return `RSS ${fmt(m.rssMiB, 0)} MiB, heap ${fmt(m.heapUsedMiB, 0)} MiB`;
}

async function memoryLine(process: ApiProcess): Promise<string> {
  return memoryText(await process.memory());
}
