import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetProjection } from '../budget/projection.ts';
import { communicationProjection } from '../communication/projection.ts';
import { crewProjection } from '../crew/projection.ts';
import { organisationsProjection } from '../organisations/projection.ts';
import { productionsProjection } from '../productions/projection.ts';
import { projections } from '../services/projections.ts';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';
import { projectionTables } from './projection-tables.ts';
import { rebuildProjection, rebuildProjections, type RebuildProgress } from './rebuild.ts';

/**
 * Blue/green rebuilds on a real API (demo seeded with its plan): every projection replays into shadow
 * tables, is compared with the live one and swapped in, while commands and queries keep going.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi('rebuild', {}, undefined, { planning: true });
});

afterAll(() => api?.app.close());

const concert = `/api/productions/${DEMO.concertId}`;
const as = async (email: string) => bearer(await api.signIn(email));
const budget = async () =>
  api.app.inject({ method: 'GET', url: `${concert}/budget`, headers: await as('ayu@gema.test') });
const setEstimate = async (version: number, estimate: number) =>
  api.app.inject({
    method: 'POST',
    url: `${concert}/budget/estimates`,
    headers: await as('ayu@gema.test'),
    payload: { expectedVersion: version, category: 'catering', estimate },
  });

const db = () => api.app.store.db;
/** The catering line as projected (the budget routes answer from the stream, not from this table). */
const projectedCatering = async () =>
  (
    await sql<{ estimate: string }>`
      select estimate::text as estimate from budget_lines
      where production_id = ${DEMO.concertId} and category = 'catering'
    `.execute(db())
  ).rows[0]?.estimate;
const tableOid = async (table: string) =>
  (await sql<{ oid: number }>`select ${table}::regclass::oid as oid`.execute(db())).rows[0]!.oid;
const indexNames = async () =>
  (
    await sql<{
      name: string;
    }>`select indexname as name from pg_indexes where schemaname = 'public' order by 1`.execute(db())
  ).rows;
const leftoverSchemas = async () =>
  (
    await sql<{
      name: string;
    }>`select nspname as name from pg_namespace where nspname like 'rebuild%'`.execute(db())
  ).rows;

describe('rebuilding projections', () => {
  it('declares the tables of every projection the API keeps', () => {
    expect(projections.map((p) => p.name).filter((name) => !projectionTables[name])).toEqual([]);
  });

  it('rebuilds every projection of the demo to rows equal to the live ones and swaps them in', async () => {
    const before = await tableOid('budget_lines');
    const indexesBefore = await indexNames();
    for (const projection of projections) {
      const report = await rebuildProjection(api.app.store, projection);
      expect({ name: report.projection, differences: report.differences, swapped: report.swapped }).toEqual({
        name: projection.name,
        differences: [],
        swapped: true,
      });
    }
    expect(await tableOid('budget_lines')).not.toBe(before);
    expect(await indexNames()).toEqual(indexesBefore);
    // The serial column's sequence went along with the swapped-in table.
    const serial = await sql<{ sequence: string | null }>`
      select pg_get_serial_sequence('notifications', 'seq') as sequence
    `.execute(db());
    expect(serial.rows[0]?.sequence).toBe('public.notifications_seq_seq');
    expect(await leftoverSchemas()).toEqual([]);
    expect((await budget()).statusCode).toBe(200);
  });

  it('ends equal to the live projection under concurrent writes, while the API keeps answering', async () => {
    let version = (await budget()).json().version as number;
    let writing = true;
    let written = 0;
    const reads: number[] = [];
    const writer = (async () => {
      for (let estimate = 10_000_000; writing; estimate += 1_000) {
        const response = await setEstimate(version, estimate);
        expect(response.statusCode).toBe(200);
        version = response.json().version as number;
        written++;
      }
    })();
    const reader = (async () => {
      while (writing) reads.push((await budget()).statusCode);
    })();
    const progress: RebuildProgress[] = [];
    let writtenDuring = 0;
    const report = await rebuildProjection(api.app.store, budgetProjection, {
      batchSize: 2,
      onProgress: (p) => progress.push(p),
    }).finally(() => {
      writtenDuring = written;
      writing = false;
    });
    await Promise.all([writer, reader]);

    expect(report.differences).toEqual([]);
    expect(report.swapped).toBe(true);
    expect(writtenDuring).toBeGreaterThanOrEqual(2);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((status) => status === 200)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ projection: 'budget', phase: 'swapping', done: report.events });
    expect(progress.every((p) => p.total >= p.done)).toBe(true);

    // The swapped-in table goes on following the events, and still equals a replay from zero.
    expect((await setEstimate(version, 99_000_000)).statusCode).toBe(200);
    expect(await projectedCatering()).toBe('99000000');
    const again = await rebuildProjection(api.app.store, budgetProjection, { dryRun: true });
    expect(again).toMatchObject({ differences: [], swapped: false });
  });

  it('rebuilds every projection in one pass over the log under concurrent writes, each equal to the live one', async () => {
    let version = (await budget()).json().version as number;
    let writing = true;
    const written = { estimates: 0, comments: 0 };
    const statuses: number[] = [];
    const estimates = (async () => {
      for (let estimate = 20_000_000; writing; estimate += 1_000) {
        const response = await setEstimate(version, estimate);
        statuses.push(response.statusCode);
        version = response.json().version as number;
        written.estimates++;
      }
    })();
    // Comments that mention somebody: the communication projection's comments and notifications move too.
    const comments = (async () => {
      for (let n = 1; writing; n++) {
        const response = await api.app.inject({
          method: 'POST',
          url: `${concert}/comments/production/${DEMO.concertId}`,
          headers: await as('ayu@gema.test'),
          payload: { text: `Catatan ${n} untuk @[Sari](${DEMO.people.video})` },
        });
        statuses.push(response.statusCode);
        written.comments++;
      }
    })();
    const progress: RebuildProgress[] = [];
    let writtenDuring = { ...written };
    const reports = await rebuildProjections(api.app.store, projections, {
      batchSize: 3,
      onProgress: (p) => progress.push(p),
    }).finally(() => {
      writtenDuring = { ...written };
      writing = false;
    });
    await Promise.all([estimates, comments]);

    expect(
      reports.map((r) => ({ name: r.projection, differences: r.differences, swapped: r.swapped })),
    ).toEqual(projections.map((p) => ({ name: p.name, differences: [], swapped: true })));
    expect(writtenDuring.estimates).toBeGreaterThanOrEqual(2);
    expect(writtenDuring.comments).toBeGreaterThanOrEqual(2);
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
    // One progress line for the shared replay, then one stage per swap; the log is counted once.
    const { count } = (await sql<{ count: string }>`select count(*)::text as count from events`.execute(db()))
      .rows[0]!;
    expect(
      progress
        .filter((p) => p.phase === 'replaying')
        .every((p) => p.projection === `${projections.length} projections`),
    ).toBe(true);
    expect([...new Set(progress.filter((p) => p.phase === 'swapping').map((p) => p.projection))]).toEqual(
      projections.map((p) => p.name),
    );
    expect(progress.every((p) => p.total >= p.done)).toBe(true);
    expect(progress.at(-1)?.done).toBe(reports.at(-1)?.events);
    expect(reports.at(-1)!.events).toBeLessThanOrEqual(Number(count));
    expect(await leftoverSchemas()).toEqual([]);

    // The swapped-in tables go on following the events, and still equal a replay from zero.
    expect((await setEstimate(version, 99_000_000)).statusCode).toBe(200);
    expect(await projectedCatering()).toBe('99000000');
    const again = await rebuildProjections(api.app.store, projections, { dryRun: true });
    expect(
      again.map((r) => ({ name: r.projection, differences: r.differences, swapped: r.swapped })),
    ).toEqual(projections.map((p) => ({ name: p.name, differences: [], swapped: false })));
  });

  it('reports the rows that differ and leaves the live tables in place unless told to swap anyway', async () => {
    await sql`update budget_lines set estimate = estimate + 1 where production_id = ${DEMO.concertId} and category = 'catering'`.execute(
      db(),
    );
    const refused = await rebuildProjection(api.app.store, budgetProjection);
    expect(await projectedCatering()).toBe('99000001');
    expect(refused.swapped).toBe(false);
    expect(refused.keptIn).toBe('rebuild_budget');
    expect(refused.differences).toHaveLength(1);
    const [difference] = refused.differences;
    expect(difference).toMatchObject({ table: 'budget_lines', count: 2 });
    expect(difference?.onlyLive).toEqual([
      expect.objectContaining({ category: 'catering', estimate: 99_000_001 }),
    ]);
    expect(difference?.onlyRebuilt).toEqual([
      expect.objectContaining({ category: 'catering', estimate: 99_000_000 }),
    ]);

    const accepted = await rebuildProjection(api.app.store, budgetProjection, { acceptDifferences: true });
    expect(accepted.swapped).toBe(true);
    expect(await projectedCatering()).toBe('99000000');
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('fails, changing nothing live, when a projection writes a table it does not declare', async () => {
    const vendorsBefore = await sql`select * from vendors order by id`.execute(db());
    const sneaky: typeof budgetProjection = {
      ...budgetProjection,
      async apply(trx, events) {
        await budgetProjection.apply(trx, events);
        await trx.updateTable('vendors').set({ name: 'overwritten' }).execute();
      },
    };
    await expect(rebuildProjection(api.app.store, sneaky)).rejects.toThrow(/vendors/);
    expect((await sql`select * from vendors order by id`.execute(db())).rows).toEqual(vendorsBefore.rows);
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('replays and swaps each projection after those it depends on, whatever order they are given in', async () => {
    const given = [crewProjection, communicationProjection, productionsProjection, organisationsProjection];
    const swapping: string[] = [];
    // One page for the whole log: crew replayed before productions in it would find no production.
    const reports = await rebuildProjections(api.app.store, given, {
      batchSize: 100_000,
      onProgress: (p) => {
        if (p.phase === 'swapping' && swapping.at(-1) !== p.projection) swapping.push(p.projection);
      },
    });
    expect(
      reports.map((r) => ({ name: r.projection, differences: r.differences, swapped: r.swapped })),
    ).toEqual(given.map((p) => ({ name: p.name, differences: [], swapped: true })));
    expect(swapping).toEqual(['productions', 'crew', 'organisations', 'communication']);
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('refuses dependencies that cannot be honoured, changing nothing', async () => {
    const before = await tableOid('budget_lines');
    await expect(
      rebuildProjection(api.app.store, { ...budgetProjection, dependsOn: ['budget'] }),
    ).rejects.toThrow(/budget depends on itself/);
    await expect(
      rebuildProjections(api.app.store, [
        { ...crewProjection, dependsOn: ['productions'] },
        { ...productionsProjection, dependsOn: ['crew'] },
      ]),
    ).rejects.toThrow(/cycle: crew → productions → crew/);
    expect(await tableOid('budget_lines')).toBe(before);
    expect(await leftoverSchemas()).toEqual([]);
  });

  it('runs from the command line while the API serves: progress on stderr, the report on stdout', async () => {
    const cli = path.resolve(import.meta.dirname, '../cli/rebuild-projections.ts');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
        env: { ...process.env, DATABASE_URL: api.config.databaseUrl },
      });
    const { stdout, stderr } = await run(['budget', 'crew']);
    expect(stdout).toMatch(/^budget: [\d,]+ events, equal to the live projection, swapped in$/m);
    expect(stdout).toMatch(/^crew: [\d,]+ events, equal to the live projection, swapped in$/m);
    expect(stderr).toMatch(
      /budget \(swapping\) \[#+\] 100% {2}[\d,]+ \/ [\d,]+ events {2}[\d,]+ events\/s {2}done/,
    );
    await expect(run(['nonsense'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown projection nonsense/),
    });
    expect((await budget()).statusCode).toBe(200);
  }, 60_000);
});
