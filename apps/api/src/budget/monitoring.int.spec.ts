import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';

/**
 * Budget monitoring through the API: the seeded lighting contract (Rp 226.440.000 against a
 * Rp 275.000.000 estimate) is signed through the approval workflow (a worker on this test's own task
 * queue), then its payment milestones, the burn, alerts, an approved overrun and the CSV export.
 */
let api: TestApiWithWorker;

beforeAll(async () => {
  api = await startTestApiWithWorker('budget_monitoring');
});

afterAll(() => api?.stop());

const concert = `/api/productions/${DEMO.concertId}`;
const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });

interface Line {
  category: string;
  estimate: number;
  committed: number;
  actual: number;
  status: string;
  alerts: string[];
  approval?: { reason: string; approvedBy: string };
}
const line = async (category: string): Promise<Line> =>
  ((await get('budi@gema.test', `${concert}/budget`)).json().lines as Line[]).find(
    (l) => l.category === category,
  )!;

let lightingId: string;
const LIGHTING_TOTAL = 226_440_000;

describe('budget monitoring', () => {
  it('signs the lighting contract: its category is committed, within its estimate, without alerts', async () => {
    const contracts = (await get('ayu@gema.test', `${concert}/contracts`)).json().items as Array<{
      id: string;
      category: string;
    }>;
    lightingId = contracts.find((c) => c.category === 'lighting')!.id;
    const approve = async (email: string, step: string) =>
      vi.waitFor(
        async () => {
          const response = await post(email, `/api/contracts/${lightingId}/approve`, {
            step,
            contractVersion: 1,
          });
          expect(response.statusCode).toBe(200);
        },
        { timeout: 20_000, interval: 200 },
      );
    await approve('ayu@gema.test', 'manager_review');
    await approve('maya@sinarcahaya.test', 'client_approval');
    await vi.waitFor(async () => expect((await line('lighting')).committed).toBe(LIGHTING_TOTAL), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await line('lighting')).toMatchObject({ estimate: 275_000_000, status: 'within', alerts: [] });
  });

  it('lists the signed contract’s payment milestones due soon, in rupiah, and drops a paid one', async () => {
    const year = (await get('budi@gema.test', `${concert}/budget/payments-due?withinDays=366`)).json();
    expect(year.currency).toBe('IDR');
    expect(year.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(year.items.map((i: { kind: string }) => i.kind)).toEqual(['down_payment', 'settlement']);
    expect(year.items[0]).toMatchObject({
      contractId: lightingId,
      vendorName: 'CV Cahaya Panggung',
      category: 'lighting',
      dueOn: '2027-02-15',
    });
    expect(year.total).toBe(LIGHTING_TOTAL);
    const downPayment = year.items[0].amount as number;
    // Nothing of 2027 falls within the next zero days of a 2026 "today".
    const none = (await get('budi@gema.test', `${concert}/budget/payments-due?withinDays=0`)).json();
    if (none.today < '2027-02-15') expect(none.items).toEqual([]);
    expect(
      (await get('budi@gema.test', `${concert}/budget/payments-due?withinDays=999`)).json(),
    ).toMatchObject({
      statusCode: 400,
      field: 'querystring.withinDays',
    });

    const paid = await post('budi@gema.test', `${concert}/budget/payments`, {
      category: 'lighting',
      contractId: lightingId,
      amount: downPayment,
      paidOn: '2027-02-14',
    });
    expect(paid.statusCode).toBe(201);
    const after = (await get('budi@gema.test', `${concert}/budget/payments-due?withinDays=366`)).json();
    expect(after.items).toEqual([
      expect.objectContaining({ kind: 'settlement', amount: LIGHTING_TOTAL - downPayment }),
    ]);
    expect((await get('eko@gema.test', `${concert}/budget/payments-due`)).statusCode).toBe(403);
  });

  it('shows the burn: cumulative committed per Jakarta day and actual by the day paid', async () => {
    const burn = (await get('ayu@gema.test', `${concert}/budget/burn`)).json();
    expect(burn.estimate).toBe(1_560_000_000);
    const last = burn.points.at(-1);
    expect(last).toMatchObject({ committed: LIGHTING_TOTAL });
    expect(burn.points).toContainEqual(
      expect.objectContaining({ day: '2027-02-14', committed: LIGHTING_TOTAL }),
    );
    expect(last.actual).toBeGreaterThan(0);
    expect((await get('hendra@suaraprima.test', `${concert}/budget/burn`)).statusCode).toBe(403);
  });

  it('raises BudgetAlertRaised with the estimate change that puts committed over, and shows it per line', async () => {
    const { version } = (await get('ayu@gema.test', `${concert}/budget`)).json();
    const lowered = await post('ayu@gema.test', `${concert}/budget/estimates`, {
      expectedVersion: version,
      category: 'lighting',
      estimate: 200_000_000,
    });
    expect(lowered.statusCode).toBe(200);
    const events = await api.app.store.readStream(`budget-${DEMO.concertId}`, { limit: 1_000 });
    const [set, alert] = events.slice(-2);
    expect(set).toMatchObject({ type: 'BudgetEstimateSet' });
    expect(alert).toMatchObject({
      type: 'BudgetAlertRaised',
      data: {
        category: 'lighting',
        kind: 'committed_over_estimate',
        estimate: 200_000_000,
        amount: LIGHTING_TOTAL,
      },
    });
    expect(alert!.transactionId).toBe(set!.transactionId);
    expect(await line('lighting')).toMatchObject({ status: 'over', alerts: ['committed_over_estimate'] });
  });

  it('approves an overrun by a finance approver with a reason; refuses others, no reason, no overrun', async () => {
    const before = await api.eventCount();
    const reason = 'Tambahan 4 unit "moving head", disetujui klien';
    for (const [email, status] of [
      ['eko@gema.test', 403],
      ['maya@sinarcahaya.test', 403],
      ['lina@cahayapanggung.test', 403],
      ['dewi@gema.test', 403],
    ] as const)
      expect(
        (await post(email, `${concert}/budget/overruns`, { category: 'lighting', reason })).statusCode,
        email,
      ).toBe(status);
    expect(
      (
        await post('eko@gema.test', `/api/productions/${DEMO.launchId}/budget/overruns`, {
          category: 'lighting',
          reason,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post('budi@gema.test', `${concert}/budget/overruns`, { category: 'lighting', reason: '' })
      ).json(),
    ).toMatchObject({
      statusCode: 400,
      field: 'body.reason',
    });
    expect(
      (await post('budi@gema.test', `${concert}/budget/overruns`, { category: 'sound', reason })).json(),
    ).toMatchObject({
      statusCode: 409,
      code: 'ILLEGAL_STATE',
    });
    expect(await api.eventCount()).toBe(before);

    const approved = await post('budi@gema.test', `${concert}/budget/overruns`, {
      category: 'lighting',
      reason,
    });
    expect(approved.statusCode).toBe(201);
    expect(approved.json().lines).toContainEqual(
      expect.objectContaining({
        category: 'lighting',
        status: 'over_approved',
        approval: expect.objectContaining({ reason, approvedBy: DEMO.people.finance }),
      }),
    );
    expect(
      (await post('ayu@gema.test', `${concert}/budget/overruns`, { category: 'lighting', reason }))
        .statusCode,
    ).toBe(409);
  });

  it('exports the budget as CSV for Excel: BOM, one row per category and a total, cells escaped', async () => {
    const response = await get('budi@gema.test', `${concert}/budget.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="budget-.+\.csv"/);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(response.body, { bom: true }) as string[][];
    const budget = (await get('budi@gema.test', `${concert}/budget`)).json();
    expect(rows).toHaveLength(budget.lines.length + 2);
    expect(rows[0]![0]).toMatch(/^(Kategori|Category)$/);
    const lighting = rows.find((row) => row[0] === 'Tata cahaya' || row[0] === 'Lighting')!;
    expect(lighting.slice(1, 4)).toEqual(['200000000', String(LIGHTING_TOTAL), expect.any(String)]);
    expect(lighting[6]).toBe('Tambahan 4 unit "moving head", disetujui klien');
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Total', String(budget.totals.estimate)]);
    expect((await get('hendra@suaraprima.test', `${concert}/budget.csv`)).statusCode).toBe(403);
  });
});
