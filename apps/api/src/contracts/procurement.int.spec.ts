import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, DEMO, startTestApi, type TestApi } from '../testing/test-api.ts';

/** The vendor directory, RFQs and quotes, contracts and the budget: who sees and changes what. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('procurement');
});
afterAll(() => api.app.close());

const call = async (email: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  api.app.inject({ method, url, headers: bearer(await api.signIn(email)), ...(payload ? { payload } : {}) });
const concert = `/api/productions/${DEMO.concertId}`;

describe('the vendor directory', () => {
  it('lists by category a page at a time; a vendor sees only its own company', async () => {
    const sound = (await call('ayu@gema.test', 'GET', '/api/vendors?category=sound&limit=1')).json();
    expect(sound.items.map((v: { name: string }) => v.name)).toEqual(['PT Gelombang Suara Nusantara']);
    const next = (
      await call('ayu@gema.test', 'GET', `/api/vendors?category=sound&cursor=${sound.nextCursor}`)
    ).json();
    expect(next.items.map((v: { name: string }) => v.name)).toEqual(['PT Suara Prima Audio']);
    expect(next.nextCursor).toBeUndefined();
    const own = (await call('hendra@suaraprima.test', 'GET', '/api/vendors')).json();
    expect(own.items.map((v: { id: string }) => v.id)).toEqual([DEMO.soundVendorId]);
    expect(
      (await call('hendra@suaraprima.test', 'GET', `/api/vendors/${DEMO.lightingVendorId}`)).statusCode,
    ).toBe(404);
    expect((await call('maya@sinarcahaya.test', 'GET', '/api/vendors')).statusCode).toBe(403);
  });

  it('lets managers register and change vendors; others get 403, bad input 400 naming the field, a stale change 409', async () => {
    const before = await api.eventCount();
    const vendor = {
      name: 'PT Aman Jaya Sekuriti',
      category: 'security',
      contacts: [{ name: 'Bambang', phone: '+62 811-2233-4455' }],
      npwp: '04.567.890.1-234.000',
    };
    expect((await call('eko@gema.test', 'POST', '/api/vendors', vendor)).statusCode).toBe(403);
    expect(
      (
        await call('hendra@suaraprima.test', 'PATCH', `/api/vendors/${DEMO.soundVendorId}`, {
          expectedVersion: 1,
          name: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('ayu@gema.test', 'POST', '/api/vendors', { ...vendor, npwp: '123' })).json(),
    ).toMatchObject({
      statusCode: 400,
      field: 'body.npwp',
    });
    expect(await api.eventCount()).toBe(before);
    const created = await call('ayu@gema.test', 'POST', '/api/vendors', vendor);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ npwp: '045678901234000', version: 1 });
    const changed = await call('rina@gema.test', 'PATCH', `/api/vendors/${created.json().id}`, {
      expectedVersion: 1,
      address: 'Jl. Kemang Raya No. 5, Jakarta Selatan',
    });
    expect(changed.json()).toMatchObject({ version: 2, address: 'Jl. Kemang Raya No. 5, Jakarta Selatan' });
    const stale = await call('ayu@gema.test', 'PATCH', `/api/vendors/${created.json().id}`, {
      expectedVersion: 1,
      name: 'x',
    });
    expect(stale.json()).toMatchObject({ statusCode: 409, current: { version: 2 } });
  });
});

describe('requests for quotation', () => {
  it('shows internal roles every quote and the comparison; a vendor only its own quote; others’ RFQs are 404', async () => {
    const rfq = (await call('ayu@gema.test', 'GET', `/api/rfqs/${DEMO.soundRfqId}`)).json();
    expect(rfq).toMatchObject({ status: 'awarded', invited: 2, quoteCount: 2 });
    expect(rfq.comparison.cheapest).toMatchObject({ vendorId: DEMO.soundVendorId, total: 335_220_000 });
    expect(rfq.comparison.spread).toBe(368_520_000 - 335_220_000);
    const vendorView = (await call('hendra@suaraprima.test', 'GET', `/api/rfqs/${DEMO.soundRfqId}`)).json();
    expect(vendorView.quotes.map((q: { vendor: { id: string } }) => q.vendor.id)).toEqual([
      DEMO.soundVendorId,
    ]);
    expect(vendorView.comparison).toBeUndefined();
    expect(vendorView.vendors).toBeUndefined();
    expect(vendorView.award).toMatchObject({ vendorId: DEMO.soundVendorId });
    const loser = (await call('rudi@gelombangsuara.test', 'GET', `/api/rfqs/${DEMO.soundRfqId}`)).json();
    expect(loser.award).toBeUndefined();
    expect((await call('lina@cahayapanggung.test', 'GET', `/api/rfqs/${DEMO.soundRfqId}`)).statusCode).toBe(
      404,
    );
    const linaList = (await call('lina@cahayapanggung.test', 'GET', `${concert}/rfqs`)).json();
    expect(linaList.items.map((r: { id: string }) => r.id)).toEqual([DEMO.lightingRfqId]);
    expect((await call('maya@sinarcahaya.test', 'GET', `${concert}/rfqs`)).statusCode).toBe(403);
  });

  it('issues an RFQ, takes quotes from the invited vendors only, revises one and awards it', async () => {
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const before = await api.eventCount();
    const wrongCategory = await call('ayu@gema.test', 'POST', `${concert}/rfqs`, {
      category: 'sound',
      title: 'Sound tambahan',
      vendorIds: [DEMO.soundVendorId, DEMO.lightingVendorId],
      deadline,
    });
    expect(wrongCategory.json()).toMatchObject({ statusCode: 400, field: 'vendorIds/1' });
    expect(
      (
        await call('budi@gema.test', 'POST', `${concert}/rfqs`, {
          category: 'sound',
          title: 'x',
          vendorIds: [DEMO.soundVendorId],
          deadline,
        })
      ).statusCode,
    ).toBe(403);
    expect(await api.eventCount()).toBe(before);

    const issued = await call('ayu@gema.test', 'POST', `${concert}/rfqs`, {
      category: 'sound',
      title: 'Sound panggung kedua',
      vendorIds: [DEMO.soundVendorId, DEMO.secondSoundVendorId],
      deadline,
    });
    expect(issued.statusCode).toBe(201);
    const rfqId = issued.json().id;
    const lines = [{ description: 'Sistem PA panggung kedua', quantity: 1, unitPrice: 40_000_000 }];
    expect(
      (await call('ayu@gema.test', 'POST', `/api/rfqs/${rfqId}/quotes`, { lines, taxRate: 1100 })).statusCode,
    ).toBe(403);
    expect(
      (await call('lina@cahayapanggung.test', 'POST', `/api/rfqs/${rfqId}/quotes`, { lines, taxRate: 1100 }))
        .statusCode,
    ).toBe(404);
    const quote = await call('hendra@suaraprima.test', 'POST', `/api/rfqs/${rfqId}/quotes`, {
      lines,
      taxRate: 1100,
    });
    expect(quote.statusCode).toBe(201);
    expect(quote.json().terms).toMatchObject({ subtotal: 40_000_000, tax: 4_400_000, total: 44_400_000 });
    const revision = await call(
      'hendra@suaraprima.test',
      'POST',
      `/api/rfqs/${rfqId}/quotes/${quote.json().id}/revisions`,
      {
        lines: [{ ...lines[0], unitPrice: 38_000_000 }],
        taxRate: 1100,
      },
    );
    expect(revision.json()).toMatchObject({ revision: 2, terms: { total: 42_180_000 } });
    expect(
      (
        await call(
          'rudi@gelombangsuara.test',
          'POST',
          `/api/rfqs/${rfqId}/quotes/${quote.json().id}/revisions`,
          { lines, taxRate: 1100 },
        )
      ).statusCode,
    ).toBe(404);
    const early = await call('ayu@gema.test', 'POST', `/api/rfqs/${rfqId}/award`, {
      quoteId: quote.json().id,
    });
    expect(early.statusCode).toBe(409);
    await call('rudi@gelombangsuara.test', 'POST', `/api/rfqs/${rfqId}/quotes`, { lines, taxRate: 1100 });
    const awarded = await call('ayu@gema.test', 'POST', `/api/rfqs/${rfqId}/award`, {
      quoteId: quote.json().id,
    });
    expect(awarded.json()).toMatchObject({ status: 'awarded', award: { total: 42_180_000 } });

    const drafted = await call('ayu@gema.test', 'POST', `${concert}/contracts`, {
      rfqId,
      milestones: [{ kind: 'settlement', amount: 42_000_000, dueOn: '2027-03-21' }],
    });
    expect(drafted.json()).toMatchObject({ statusCode: 400, field: 'milestones' });
    const contract = await call('ayu@gema.test', 'POST', `${concert}/contracts`, {
      rfqId,
      milestones: [{ kind: 'settlement', amount: 42_180_000, dueOn: '2027-03-21' }],
    });
    expect(contract.statusCode).toBe(201);
    expect(contract.json()).toMatchObject({
      status: 'draft',
      total: 42_180_000,
      vendor: { name: 'PT Suara Prima Audio' },
    });
    expect(
      (await call('rudi@gelombangsuara.test', 'GET', `/api/contracts/${contract.json().id}`)).statusCode,
    ).toBe(404);

    // One award, one contract: a second draft from it is refused and writes nothing.
    const beforeAgain = await api.eventCount();
    const again = await call('ayu@gema.test', 'POST', `${concert}/contracts`, {
      rfqId,
      milestones: [{ kind: 'settlement', amount: 42_180_000, dueOn: '2027-03-21' }],
    });
    expect(again.json()).toMatchObject({ statusCode: 409, field: 'rfqId' });
    expect(await api.eventCount()).toBe(beforeAgain);
  });
});

describe('contracts', () => {
  it('shows a vendor its own contract and 404 for another vendor’s; a client nothing before its step', async () => {
    expect(
      (await call('hendra@suaraprima.test', 'GET', `/api/contracts/${DEMO.soundContractId}`)).json(),
    ).toMatchObject({
      status: 'draft',
      milestones: [
        { kind: 'down_payment', amount: 100_566_000 },
        { kind: 'settlement', amount: 234_654_000 },
      ],
    });
    expect(
      (await call('lina@cahayapanggung.test', 'GET', `/api/contracts/${DEMO.soundContractId}`)).statusCode,
    ).toBe(404);
    expect(
      (await call('maya@sinarcahaya.test', 'GET', `/api/contracts/${DEMO.soundContractId}`)).statusCode,
    ).toBe(404);
    const linaList = (await call('lina@cahayapanggung.test', 'GET', `${concert}/contracts`)).json();
    expect(
      linaList.items.every((c: { vendor: { id: string } }) => c.vendor.id === DEMO.lightingVendorId),
    ).toBe(true);
  });

  it('lets the vendor revise its draft at the version it saw', async () => {
    const lines = [{ description: 'Line array utama', quantity: 1, unitPrice: 250_000_000 }];
    const milestones = [{ kind: 'settlement', amount: 277_500_000, dueOn: '2027-03-21' }];
    const stale = await call(
      'hendra@suaraprima.test',
      'POST',
      `/api/contracts/${DEMO.soundContractId}/revisions`,
      {
        expectedVersion: 5,
        lines,
        taxRate: 1100,
        milestones,
      },
    );
    expect(stale.statusCode).toBe(409);
    const revised = await call(
      'hendra@suaraprima.test',
      'POST',
      `/api/contracts/${DEMO.soundContractId}/revisions`,
      {
        expectedVersion: 1,
        lines,
        taxRate: 1100,
        milestones,
      },
    );
    expect(revised.json()).toMatchObject({ version: 2, total: 277_500_000 });
    expect(
      revised
        .json()
        .timeline.map((e: { outcome: string; by?: { name: string } }) => `${e.outcome} ${e.by?.name}`),
    ).toEqual(['drafted Ayu Lestari', 'revised Hendra Gunawan']);
  });
});

describe('the budget', () => {
  it('shows estimate, committed, actual and variance to budget roles only', async () => {
    const budget = (await call('budi@gema.test', 'GET', `${concert}/budget`)).json();
    expect(budget.lines.find((l: { category: string }) => l.category === 'sound')).toEqual({
      category: 'sound',
      estimate: 300_000_000,
      committed: 0,
      actual: 0,
      variance: 300_000_000,
      status: 'within',
      alerts: [],
    });
    expect(budget.totals.estimate).toBe(1_560_000_000);
    for (const email of [
      'eko@gema.test',
      'dewi@gema.test',
      'maya@sinarcahaya.test',
      'hendra@suaraprima.test',
    ])
      expect((await call(email, 'GET', `${concert}/budget`)).statusCode, email).toBe(403);
  });

  it('sets an estimate at the version seen and records a payment', async () => {
    const { version } = (await call('ayu@gema.test', 'GET', `${concert}/budget`)).json();
    const set = await call('ayu@gema.test', 'POST', `${concert}/budget/estimates`, {
      expectedVersion: version,
      category: 'venue',
      estimate: 250_000_000,
    });
    expect(set.json().lines).toContainEqual(
      expect.objectContaining({ category: 'venue', estimate: 250_000_000 }),
    );
    const stale = await call('ayu@gema.test', 'POST', `${concert}/budget/estimates`, {
      expectedVersion: version,
      category: 'venue',
      estimate: 1,
    });
    expect(stale.statusCode).toBe(409);
    const paid = await call('budi@gema.test', 'POST', `${concert}/budget/payments`, {
      category: 'sound',
      contractId: DEMO.soundContractId,
      amount: 100_566_000,
      paidOn: '2027-02-14',
      reference: 'TRF/2027/02/0142',
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json().lines).toContainEqual(
      expect.objectContaining({ category: 'sound', actual: 100_566_000 }),
    );
    const bad = await call('budi@gema.test', 'POST', `${concert}/budget/payments`, {
      category: 'sound',
      amount: -5,
      paidOn: '2027-02-14',
    });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'body.amount' });
  });
});
