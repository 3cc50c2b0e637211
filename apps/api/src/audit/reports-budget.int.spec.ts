import type { BudgetReport } from '@panggung/contracts';
import { productionStream } from '@panggung/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';

/**
 * The budget at close through the API, on the demo concert: the lighting contract signed through the
 * approval workflow (a worker on this test's own task queue), a payment against it, catering paid over
 * its estimate without a contract and the overrun approved by finance. While the production is open the
 * report is "as of now" and its totals are the budget read model's; once it is closed, a payment
 * recorded later is in the read model but not in the report.
 */
let api: TestApiWithWorker;
const concert = `/api/productions/${DEMO.concertId}`;
const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });

const LIGHTING_TOTAL = 226_440_000;
let lightingId: string;

beforeAll(async () => {
  api = await startTestApiWithWorker('reports_budget');
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
        expect(response.statusCode, response.body).toBe(200);
      },
      { timeout: 20_000, interval: 200 },
    );
  await approve('ayu@gema.test', 'manager_review');
  await approve('maya@sinarcahaya.test', 'client_approval');
  await vi.waitFor(
    async () => {
      const lines = (await get('budi@gema.test', `${concert}/budget`)).json().lines as Array<{
        category: string;
        committed: number;
      }>;
      expect(lines.find((l) => l.category === 'lighting')?.committed).toBe(LIGHTING_TOTAL);
    },
    { timeout: 20_000, interval: 100 },
  );
  const pay = async (payload: object) => {
    const response = await post('budi@gema.test', `${concert}/budget/payments`, payload);
    expect(response.statusCode, response.body).toBe(201);
  };
  await pay({ category: 'lighting', contractId: lightingId, amount: 100_000_000, paidOn: '2027-02-15' });
  await pay({ category: 'catering', amount: 90_000_000, paidOn: '2027-03-14', reference: 'INV-88' });
  const approved = await post('budi@gema.test', `${concert}/budget/overruns`, {
    category: 'catering',
    reason: 'Kru tambahan saat hujan',
  });
  expect(approved.statusCode, approved.body).toBe(201);
}, 120_000);

afterAll(() => api?.stop());

/** The budget read model: the projection's table, summed. */
async function readModelTotals() {
  const rows = await api.app.store.db
    .selectFrom('budget_lines')
    .select(['estimate', 'committed', 'actual'])
    .where('production_id', '=', DEMO.concertId)
    .execute();
  const sum = (key: 'estimate' | 'committed' | 'actual') =>
    rows.reduce((total, row) => total + Number(row[key]), 0);
  return { estimate: sum('estimate'), committed: sum('committed'), actual: sum('actual') };
}

const csvRows = (body: string) => parse(body, { bom: true }) as string[][];

describe('the budget report while the production is open', () => {
  it('is the state as of now, labelled so, with the read model’s totals', async () => {
    const before = Date.now();
    const response = await get('ayu@gema.test', `${concert}/reports/budget`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as BudgetReport;
    expect(report.asOf.kind).toBe('now');
    expect(Date.parse(report.asOf.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(report.asOf.at)).toBeLessThanOrEqual(Date.now());
    expect(report.currency).toBe('IDR');

    const totals = await readModelTotals();
    expect(report.totals).toMatchObject(totals);
    expect(totals.committed).toBe(LIGHTING_TOTAL);
    expect(totals.actual).toBe(190_000_000);
    const budget = (await get('budi@gema.test', `${concert}/budget`)).json();
    expect(report.totals).toMatchObject(budget.totals);
  });

  it('has the signed contract as a line, the payment without a contract, and who approved the overrun', async () => {
    const report = (await get('budi@gema.test', `${concert}/reports/budget`)).json() as BudgetReport;
    const lighting = report.categories.find((c) => c.category === 'lighting')!;
    expect(lighting).toMatchObject({
      estimate: 275_000_000,
      committed: LIGHTING_TOTAL,
      actual: 100_000_000,
      variance: 275_000_000 - LIGHTING_TOTAL,
      status: 'within',
      approvals: [],
    });
    expect(lighting.items).toEqual([
      expect.objectContaining({
        kind: 'contract',
        contractId: lightingId,
        vendor: { id: DEMO.lightingVendorId, name: 'CV Cahaya Panggung' },
        committed: LIGHTING_TOTAL,
        actual: 100_000_000,
      }),
    ]);
    const catering = report.categories.find((c) => c.category === 'catering')!;
    expect(catering).toMatchObject({
      estimate: 85_000_000,
      actual: 90_000_000,
      actualVariance: -5_000_000,
      actualVariancePercent: -5.9,
      status: 'over_approved',
      items: [{ kind: 'other_payments', committed: 0, actual: 90_000_000 }],
    });
    expect(catering.approvals).toEqual([
      expect.objectContaining({
        approvedBy: { id: DEMO.people.finance, name: 'Budi Santoso' },
        reason: 'Kru tambahan saat hujan',
        actual: 90_000_000,
        inForce: true,
      }),
    ]);
  });

  it('downloads as CSV in Bahasa Indonesia or English, its total row equal to the read model', async () => {
    const en = await get('ayu@gema.test', `${concert}/reports/budget.csv?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/csv/);
    expect(en.headers['content-disposition']).toContain(`budget-at-close-${DEMO.concertId}.csv`);
    expect(en.body.startsWith('\uFEFF')).toBe(true);
    const rows = csvRows(en.body);
    expect(rows[0]?.slice(4, 7)).toEqual(['Estimate (IDR)', 'Committed (IDR)', 'Actual (IDR)']);
    expect(rows[1]?.slice(0, 3)).toEqual(['State', '', 'As of now: the production is not closed yet']);
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Total');
    const totals = await readModelTotals();
    expect(total.slice(4, 7).map(Number)).toEqual([totals.estimate, totals.committed, totals.actual]);
    const categories = rows.filter((row) => row[0] === 'Category');
    for (const column of [4, 5, 6])
      expect(categories.reduce((sum, row) => sum + Number(row[column]), 0)).toBe(Number(total[column]));
    const approval = rows.find((row) => row[0] === 'Overrun approval');
    expect(approval?.slice(1)).toEqual([
      'Catering',
      '',
      '',
      ...Array<string>(7).fill(''),
      'In force',
      'Budi Santoso',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      'Kru tambahan saat hujan',
    ]);

    const id = csvRows((await get('ayu@gema.test', `${concert}/reports/budget.csv?lang=id`)).body);
    expect(id[0]?.[4]).toBe('Estimasi (IDR)');
    expect(id).toHaveLength(rows.length);
    expect(id[1]?.[0]).toBe('Keadaan');
    const catering = id.find((row) => row[0] === 'Kategori' && row[1] === 'Katering');
    expect(catering?.slice(4, 12)).toEqual([
      '85000000',
      '0',
      '90000000',
      '85000000',
      '100',
      '-5000000',
      '-5.9',
      'Melebihi (disetujui)',
    ]);
  });

  it('refuses roles that do not audit (403), an unknown or foreign production (404) and a bad language (400)', async () => {
    for (const email of [
      'dewi@gema.test',
      'eko@gema.test',
      'maya@sinarcahaya.test',
      'hendra@suaraprima.test',
    ]) {
      expect((await get(email, `${concert}/reports/budget.csv`)).statusCode).toBe(403);
      expect((await get(email, `${concert}/reports/budget`)).statusCode).toBe(403);
    }
    const unknown = '/api/productions/00000000-0000-4000-8000-000000000000/reports/budget';
    expect((await get('ayu@gema.test', `${unknown}.csv`)).statusCode).toBe(404);
    expect((await get('ayu@gema.test', unknown)).statusCode).toBe(404);
    const launch = `/api/productions/${DEMO.launchId}/reports/budget.csv`;
    expect((await get('eko@gema.test', launch)).statusCode).toBe(404);
    const bad = await get('ayu@gema.test', `${concert}/reports/budget.csv?lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lang');
  });
});

describe('the budget report once the production is closed', () => {
  it('is the state at the close: a payment recorded afterwards is in the read model, not in the report', async () => {
    // What the production workflow's last activity appends (`closeProduction`).
    const closed = await api.app.store.append(
      productionStream(DEMO.concertId),
      'any',
      [{ type: 'ProductionClosed', data: { productionId: DEMO.concertId } }],
      { metadata: { actor: `workflow:production-${DEMO.concertId}` } },
    );
    const late = await post('budi@gema.test', `${concert}/budget/payments`, {
      category: 'lighting',
      contractId: lightingId,
      amount: 50_000_000,
      paidOn: '2027-03-21',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect((await readModelTotals()).actual).toBe(240_000_000);

    const report = (await get('rina@gema.test', `${concert}/reports/budget`)).json() as BudgetReport;
    expect(report.asOf).toMatchObject({
      kind: 'closed',
      position: `${closed.transactionId}:${closed.lastPosition}`,
    });
    expect(report.totals.actual).toBe(190_000_000);
    expect(report.categories.find((c) => c.category === 'lighting')?.actual).toBe(100_000_000);

    const rows = csvRows((await get('ayu@gema.test', `${concert}/reports/budget.csv?lang=id`)).body);
    expect(rows[1]?.slice(0, 3)).toEqual(['Keadaan', '', 'Saat penutupan produksi']);
    expect(Number(rows.at(-1)?.[6])).toBe(190_000_000);
  });
});
