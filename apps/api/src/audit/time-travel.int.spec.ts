import type { AuditChange, AuditChangePage, AuditState } from '@panggung/contracts';
import {
  compareCheckpoints,
  createEventStore,
  formatCheckpoint,
  START,
  type Checkpoint,
  type StoredEvent,
} from '@panggung/event-store';
import { freshDatabase } from '@panggung/infra/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../schema/migrations.ts';
import type { Database } from '../schema/tables.ts';
import { projections } from '../services/projections.ts';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';

/**
 * Time travel over the demo concert: its seeded history, then the lighting contract approved by the
 * manager and the client (a worker runs the approval workflow) and a payment. At several past positions,
 * the state computed from the events equals the read models rebuilt in a fresh database from only the
 * events up to that position; the change list between two moments holds every event in it once.
 */
let api: TestApiWithWorker;
const concert = `/api/productions/${DEMO.concertId}`;
const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });

/** Every event in the store, in global order. */
async function allEvents(): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after = START;
  for (;;) {
    const page = await api.app.store.readAll(after, 1_000);
    events.push(...page.events);
    if (page.events.length === 0) return events;
    after = page.checkpoint;
  }
}

const ofConcert = (event: StoredEvent) =>
  (event.data as { productionId?: string }).productionId === DEMO.concertId;

beforeAll(async () => {
  api = await startTestApiWithWorker('audit_time_travel');
  const contracts = (await get('ayu@gema.test', `${concert}/contracts`)).json().items as Array<{
    id: string;
    category: string;
  }>;
  const lighting = contracts.find((c) => c.category === 'lighting')!.id;
  const approve = async (email: string, step: string) =>
    vi.waitFor(
      async () => {
        const response = await post(email, `/api/contracts/${lighting}/approve`, {
          step,
          contractVersion: 1,
        });
        expect(response.statusCode, response.body).toBe(200);
      },
      { timeout: 20_000, interval: 200 },
    );
  await approve('ayu@gema.test', 'manager_review');
  const shift = await post('ayu@gema.test', `${concert}/crew/shifts`, {
    personId: DEMO.people.sound,
    startsAt: '2027-03-14T08:00:00+07:00',
    endsAt: '2027-03-14T16:00:00+07:00',
    callAt: '2027-03-14T07:30:00+07:00',
    location: 'Lapangan Banteng',
    department: 'sound',
    key: true,
  });
  expect([200, 201], shift.body).toContain(shift.statusCode);
  await approve('maya@sinarcahaya.test', 'client_approval');
  await vi.waitFor(
    async () => {
      const budget = (await get('budi@gema.test', `${concert}/budget`)).json();
      expect(
        budget.lines.find((l: { category: string }) => l.category === 'lighting').committed,
      ).toBeGreaterThan(0);
    },
    { timeout: 20_000, interval: 100 },
  );
  const paid = await post('budi@gema.test', `${concert}/budget/payments`, {
    category: 'lighting',
    contractId: lighting,
    amount: 10_000_000,
    paidOn: '2027-02-14',
  });
  expect(paid.statusCode, paid.body).toBe(201);
}, 120_000);

afterAll(() => api?.stop());

/** What the read models say at each position, rebuilt in a fresh database from the prefix alone. */
async function readModelsAt(positions: readonly Checkpoint[], events: readonly StoredEvent[]) {
  const store = createEventStore<Database>({ connectionString: await freshDatabase('audit_prefix') });
  await migrate(store.db as never);
  const snapshots = [];
  let applied = 0;
  try {
    for (const position of positions) {
      const upTo = events.findLastIndex((event) => compareCheckpoints(event.checkpoint, position) <= 0) + 1;
      const batch = events.slice(applied, upTo);
      applied = upTo;
      await store.db.transaction().execute(async (trx) => {
        for (const projection of projections) await projection.apply(trx, batch);
      });
      const db = store.db;
      const production = await db
        .selectFrom('productions')
        .select('status')
        .where('id', '=', DEMO.concertId)
        .executeTakeFirst();
      const budget = await db
        .selectFrom('budget_lines')
        .select(['category', 'estimate', 'committed', 'actual'])
        .where('production_id', '=', DEMO.concertId)
        .orderBy('category')
        .execute();
      const contracts = await db
        .selectFrom('contracts')
        .select(['id', 'status', 'version', 'round', 'step', 'assignee_id', 'total'])
        .where('production_id', '=', DEMO.concertId)
        .orderBy('id')
        .execute();
      const shifts = await db
        .selectFrom('crew_shifts')
        .select(['shift_id', 'person_id', 'call_at'])
        .where('production_id', '=', DEMO.concertId)
        .orderBy('shift_id')
        .execute();
      snapshots.push({
        phase: production?.status ?? null,
        budget: budget.map((l) => ({
          category: l.category,
          estimate: Number(l.estimate),
          committed: Number(l.committed),
          actual: Number(l.actual),
        })),
        contracts: contracts.map((c) => ({
          id: c.id,
          status: c.status,
          version: c.version,
          round: c.round,
          step: c.step,
          assignee: c.assignee_id,
          total: Number(c.total),
        })),
        shifts: shifts.map((s) => ({
          shiftId: s.shift_id,
          personId: s.person_id,
          callAt: s.call_at.toISOString(),
        })),
      });
    }
  } finally {
    await store.close();
  }
  return snapshots;
}

/** The same fields from the time-travel state. */
const fieldsOf = (state: AuditState) => ({
  phase: state.production?.phase ?? null,
  budget: state.budget
    .map(({ category, estimate, committed, actual }) => ({ category, estimate, committed, actual }))
    .sort((a, b) => a.category.localeCompare(b.category)),
  contracts: state.contracts
    .map((c) => ({
      id: c.contractId,
      status: c.status,
      version: c.version,
      round: c.chain.round,
      step: c.chain.step ?? null,
      assignee: c.chain.assigneeId ?? null,
      total: c.total,
    }))
    .sort((a, b) => a.id.localeCompare(b.id)),
  shifts: state.crew.shifts
    .map((s) => ({ shiftId: s.shiftId, personId: s.personId, callAt: new Date(s.callAt).toISOString() }))
    .sort((a, b) => a.shiftId.localeCompare(b.shiftId)),
});

describe('time travel over the demo concert', () => {
  it('equals, at several past positions, the read models built only from the events up to there', async () => {
    const events = await allEvents();
    const concertEvents = events.filter(ofConcert);
    const firstOf = (type: string) => concertEvents.findIndex((event) => event.type === type);
    const approvedAt = firstOf('ApprovalStepApproved');
    const signedAt = firstOf('ContractSigned');
    expect(approvedAt).toBeGreaterThan(0);
    expect(signedAt).toBeGreaterThan(approvedAt);
    const picks = [
      Math.floor(concertEvents.length / 4),
      Math.floor(concertEvents.length / 2),
      approvedAt - 1,
      approvedAt,
      signedAt,
      concertEvents.length - 1,
    ].sort((a, b) => a - b);
    const positions = picks.map((index) => concertEvents[index]!.checkpoint);
    const expected = await readModelsAt(positions, events);
    const states: AuditState[] = [];
    for (const position of positions) {
      // The store reads below the cluster's oldest open transaction (another test file's may hold it back).
      const state = await vi.waitFor(
        async () => {
          const response = await get(
            'ayu@gema.test',
            `${concert}/audit/state?position=${formatCheckpoint(position)}`,
          );
          expect(response.statusCode, response.body).toBe(200);
          const body = response.json<AuditState>();
          expect(body.position).toBe(formatCheckpoint(position));
          return body;
        },
        { timeout: 10_000, interval: 100 },
      );
      states.push(state);
    }
    states.forEach((state, i) => {
      expect(state.position).toBe(formatCheckpoint(positions[i]!));
      expect(fieldsOf(state), `at ${formatCheckpoint(positions[i]!)}`).toEqual(expected[i]);
    });
    // Before the manager's approval the lighting contract waits at the manager; at the end it is signed.
    const lighting = (state: AuditState) => state.contracts.find((c) => c.category === 'lighting');
    const before = states[picks.indexOf(approvedAt - 1)]!;
    expect(lighting(before)).toMatchObject({ status: 'in_approval', chain: { step: 'manager_review' } });
    expect(lighting(states.at(-1)!)?.status).toBe('signed');
    expect(states.at(-1)!.budget.find((l) => l.category === 'lighting')?.actual).toBe(10_000_000);
    expect(before.crew.shifts).toEqual([]);
    expect(states.at(-1)!.crew.shifts.map((s) => s.personId)).toEqual([DEMO.people.sound]);
  });

  it('answers by instant as by the position of the last event recorded by then', async () => {
    const concertEvents = (await allEvents()).filter(ofConcert);
    const signed = concertEvents.find((event) => event.type === 'ContractSigned')!;
    const at = signed.metadata.recordedAt;
    const byInstant = (
      await get('budi@gema.test', `${concert}/audit/state?at=${encodeURIComponent(at)}`)
    ).json<AuditState>();
    const last = concertEvents
      .filter((event) => Date.parse(event.metadata.recordedAt) <= Date.parse(at))
      .at(-1)!;
    expect(byInstant.position).toBe(formatCheckpoint(last.checkpoint));
    expect(byInstant.contracts.find((c) => c.category === 'lighting')?.status).toBe('signed');
  });

  it('lists every change between two moments exactly once, paged, with who made it', async () => {
    const concertEvents = (await allEvents()).filter(ofConcert);
    const from = concertEvents[Math.floor(concertEvents.length / 3)]!.metadata.recordedAt;
    const to = concertEvents.at(-1)!.metadata.recordedAt;
    const inRange = concertEvents.filter((event) => {
      const at = Date.parse(event.metadata.recordedAt);
      return at > Date.parse(from) && at <= Date.parse(to);
    });
    expect(inRange.length).toBeGreaterThan(10);
    const seen: AuditChange[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = new URLSearchParams({ from, to, limit: '7', lang: 'id' });
      if (cursor) query.set('cursor', cursor);
      const response = await get('ayu@gema.test', `${concert}/audit/changes?${query.toString()}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<AuditChangePage>();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 1_000);
    expect(pages).toBeGreaterThan(1);
    expect(seen.map((change) => change.position)).toEqual(
      inRange.map((event) => formatCheckpoint(event.checkpoint)),
    );
    const approval = seen.find((change) => change.type === 'ApprovalStepApproved');
    expect(approval).toMatchObject({ actorName: 'Ayu Lestari' });
    expect(approval?.summary).toMatch(/^Kontrak .+ disetujui oleh Ayu Lestari \(langkah manajer\)$/);
  });

  it('is for budget roles only, and refuses a bad question with 400', async () => {
    expect((await get('eko@gema.test', `${concert}/audit/state?position=1:1`)).statusCode).toBe(403);
    expect((await get('hendra@suaraprima.test', `${concert}/audit/changes`)).statusCode).toBe(403);
    const both = await get('ayu@gema.test', `${concert}/audit/state?position=1:1&at=2027-01-01T00:00:00Z`);
    expect(both.statusCode).toBe(400);
    expect((await get('ayu@gema.test', `${concert}/audit/state`)).statusCode).toBe(400);
    expect((await get('ayu@gema.test', `${concert}/audit/state?position=yesterday`)).statusCode).toBe(400);
    const huge = `${concert}/audit/state?position=99999999999999999999:9999999999999999999`;
    expect((await get('ayu@gema.test', huge)).statusCode).toBe(400);
    const cursor = `${concert}/audit/changes?cursor=99999999999999999999:1`;
    expect((await get('ayu@gema.test', cursor)).statusCode).toBe(400);
    // Year 0 is a valid instant but before anything was recorded: an empty production, not an error.
    const ancient = await get('ayu@gema.test', `${concert}/audit/state?at=0000-01-01T00:00:00Z`);
    expect(ancient.statusCode, ancient.body).toBe(200);
    expect(ancient.json<AuditState>()).toMatchObject({ position: null, production: null, contracts: [] });
    const backwards = `${concert}/audit/changes?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z`;
    expect((await get('ayu@gema.test', backwards)).statusCode).toBe(400);
  });
});
