import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, DEMO } from '../testing/test-api.ts';
import { startTestApiWithWorker, type TestApiWithWorker } from '../testing/test-api-with-worker.ts';

/**
 * Approvals through the API, with a worker of the approval workflow in this process on this test's own
 * task queue. The seed leaves the lighting contract (Rp 226.440.000, within its budget, above the client
 * threshold) waiting at the manager's review, and the sound contract (Rp 335.220.000, over its
 * Rp 300.000.000 budget) drafted.
 */
let api: TestApiWithWorker;

beforeAll(async () => {
  api = await startTestApiWithWorker('approvals');
});

afterAll(() => api?.stop());

const as = async (email: string) => bearer(await api.signIn(email));
const get = async (email: string, url: string) =>
  api.app.inject({ method: 'GET', url, headers: await as(email) });
const post = async (email: string, url: string, payload: object) =>
  api.app.inject({ method: 'POST', url, headers: await as(email), payload });

interface InboxItem {
  contractId: string;
  step: string;
  contractVersion: number;
  title: string;
  vendor: { name: string };
  amount: number;
  dueAt: string;
}
const inbox = async (email: string): Promise<InboxItem[]> =>
  (await get(email, '/api/approvals')).json().items as InboxItem[];

/** Waits until the person's inbox holds a step of this contract (the worker appends it), and returns it. */
const waitForStep = (email: string, contractId: string, step: string) =>
  vi.waitFor(
    async () => {
      const item = (await inbox(email)).find((i) => i.contractId === contractId);
      expect(item?.step).toBe(step);
      return item!;
    },
    { timeout: 20_000, interval: 100 },
  );

const budgetLine = async (category: string) =>
  (
    (await get('budi@gema.test', `/api/productions/${DEMO.concertId}/budget`)).json().lines as Array<{
      category: string;
      committed: number;
      variance: number;
    }>
  ).find((line) => line.category === category)!;

/** Every refused call answers `status` with the refusal's code and writes nothing. */
async function refused(calls: Array<[string, string, object, number, string]>, contractId: string) {
  const before = await api.eventCount();
  for (const [email, decision, payload, status, code] of calls) {
    const response = await post(email, `/api/contracts/${contractId}/${decision}`, payload);
    expect({ who: email, decision, status: response.statusCode, code: response.json().code }).toEqual({
      who: email,
      decision,
      status,
      code,
    });
  }
  expect(await api.eventCount()).toBe(before);
}

let lightingId: string;

describe('the approvals inbox', () => {
  it('shows the seeded lighting contract to its reviewer only, with title, vendor, amount and deadlines', async () => {
    const contracts = (await get('ayu@gema.test', `/api/productions/${DEMO.concertId}/contracts`)).json()
      .items as Array<{ id: string; category: string }>;
    lightingId = contracts.find((c) => c.category === 'lighting')!.id;
    const item = await waitForStep('ayu@gema.test', lightingId, 'manager_review');
    expect(item).toMatchObject({
      title: 'Tata cahaya panggung utama',
      vendor: { name: 'CV Cahaya Panggung' },
      amount: 226_440_000,
      contractVersion: 1,
    });
    expect(Date.parse(item.dueAt)).toBeGreaterThan(Date.now());
    for (const email of [
      'budi@gema.test',
      'maya@sinarcahaya.test',
      'lina@cahayapanggung.test',
      'rina@gema.test',
    ])
      expect(await inbox(email), email).toEqual([]);
  });
});

describe('who may decide which step', () => {
  it('refuses the vendor on its own contract, the client and finance on the manager step, a wrong step and a stale version — writing nothing', async () => {
    const at = (step: string, contractVersion = 1) => ({ step, contractVersion });
    await refused(
      [
        ['lina@cahayapanggung.test', 'approve', at('manager_review'), 403, 'OWN_CONTRACT'],
        ['maya@sinarcahaya.test', 'approve', at('manager_review'), 403, 'WRONG_ROLE'],
        ['budi@gema.test', 'approve', at('manager_review'), 403, 'WRONG_ROLE'],
        ['eko@gema.test', 'reject', { ...at('manager_review'), reason: 'x' }, 403, 'WRONG_ROLE'],
        ['maya@sinarcahaya.test', 'approve', at('client_approval'), 409, 'WRONG_STEP'],
        ['ayu@gema.test', 'approve', at('manager_review', 2), 409, 'STALE_VERSION'],
        ['maya@sinarcahaya.test', 'withdraw', { contractVersion: 1 }, 403, 'WRONG_ROLE'],
      ],
      lightingId,
    );
    const stale = await post(
      'ayu@gema.test',
      `/api/contracts/${lightingId}/approve`,
      at('manager_review', 2),
    );
    expect(stale.json().current).toMatchObject({ version: 1, status: 'in_approval', step: 'manager_review' });
  });

  it('answers 404 to a vendor deciding on another vendor’s contract, and 400 naming the field for bad input', async () => {
    const before = await api.eventCount();
    const foreign = await post('hendra@suaraprima.test', `/api/contracts/${lightingId}/approve`, {
      step: 'manager_review',
      contractVersion: 1,
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await post('ayu@gema.test', `/api/contracts/${lightingId}/approve`, {
      step: 'the_boss',
      contractVersion: 1,
    });
    expect(bad.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION', field: 'body.step' });
    const noReason = await post('ayu@gema.test', `/api/contracts/${lightingId}/reject`, {
      step: 'manager_review',
      contractVersion: 1,
    });
    expect(noReason.json()).toMatchObject({ statusCode: 400, field: 'body.reason' });
    expect(await api.eventCount()).toBe(before);
  });

  it('goes manager → budget check → client → signed through the API, and raises the budget’s committed figure', async () => {
    const committedBefore = (await budgetLine('lighting')).committed;
    const approved = await post('ayu@gema.test', `/api/contracts/${lightingId}/approve`, {
      step: 'manager_review',
      contractVersion: 1,
      note: 'Sesuai rider',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ accepted: true, step: 'budget_check' });
    expect((await inbox('ayu@gema.test')).some((i) => i.contractId === lightingId)).toBe(false);

    await waitForStep('maya@sinarcahaya.test', lightingId, 'client_approval');
    await refused(
      [
        ['budi@gema.test', 'approve', { step: 'client_approval', contractVersion: 1 }, 403, 'WRONG_ROLE'],
        ['ayu@gema.test', 'approve', { step: 'client_approval', contractVersion: 1 }, 403, 'WRONG_ROLE'],
        ['ayu@gema.test', 'approve', { step: 'manager_review', contractVersion: 1 }, 409, 'ALREADY_DECIDED'],
      ],
      lightingId,
    );
    const signed = await post('maya@sinarcahaya.test', `/api/contracts/${lightingId}/approve`, {
      step: 'client_approval',
      contractVersion: 1,
    });
    expect(signed.json()).toMatchObject({ accepted: true, status: 'signed' });
    await vi.waitFor(
      async () => expect((await budgetLine('lighting')).committed).toBe(committedBefore + 226_440_000),
      { timeout: 20_000, interval: 100 },
    );
    const after = await post('maya@sinarcahaya.test', `/api/contracts/${lightingId}/approve`, {
      step: 'client_approval',
      contractVersion: 1,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'ALREADY_DECIDED', current: { status: 'signed' } });
  });

  it('shows the chain as a timeline with names; the vendor sees its steps but not the budget check', async () => {
    const contract = (await get('ayu@gema.test', `/api/contracts/${lightingId}`)).json();
    expect(contract.status).toBe('signed');
    expect(
      contract.timeline.map((e: { outcome: string; step?: string; by?: { name: string } }) =>
        [e.outcome, e.step, e.by?.name].filter(Boolean).join(' '),
      ),
    ).toEqual([
      'drafted Ayu Lestari',
      'submitted submission Ayu Lestari',
      'opened manager_review',
      'approved manager_review Ayu Lestari',
      'opened budget_check',
      'passed budget_check',
      'opened client_approval',
      'approved client_approval Maya Kusuma',
      'signed signature',
    ]);
    expect(contract.timeline[3]).toMatchObject({ note: 'Sesuai rider', at: expect.any(String) });
    const vendorView = (await get('lina@cahayapanggung.test', `/api/contracts/${lightingId}`)).json();
    expect(vendorView.timeline.map((e: { step?: string }) => e.step)).not.toContain('budget_check');
    expect((await get('hendra@suaraprima.test', `/api/contracts/${lightingId}`)).statusCode).toBe(404);
  });

  it('lets only finance decide an overrun; a second submit of the same version is 409; the vendor never approves its own', async () => {
    const id = DEMO.soundContractId;
    const submit = () => post('ayu@gema.test', `/api/contracts/${id}/submit`, { contractVersion: 1 });
    const before = await api.eventCount();
    expect(
      (await post('hendra@suaraprima.test', `/api/contracts/${id}/submit`, { contractVersion: 1 }))
        .statusCode,
    ).toBe(403);
    expect(await api.eventCount()).toBe(before);
    const first = await submit();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ accepted: true, workflowId: `contract-approval-${id}-v1` });
    const again = await submit();
    expect(again.statusCode).toBe(409);

    await waitForStep('ayu@gema.test', id, 'manager_review');
    await refused(
      [
        [
          'hendra@suaraprima.test',
          'approve',
          { step: 'manager_review', contractVersion: 1 },
          403,
          'OWN_CONTRACT',
        ],
      ],
      id,
    );
    await post('ayu@gema.test', `/api/contracts/${id}/approve`, {
      step: 'manager_review',
      contractVersion: 1,
    });
    await waitForStep('budi@gema.test', id, 'finance_overrun');
    await refused(
      [
        [
          'maya@sinarcahaya.test',
          'approve',
          { step: 'finance_overrun', contractVersion: 1 },
          403,
          'WRONG_ROLE',
        ],
        ['ayu@gema.test', 'approve', { step: 'finance_overrun', contractVersion: 1 }, 403, 'WRONG_ROLE'],
        ['rina@gema.test', 'approve', { step: 'finance_overrun', contractVersion: 1 }, 403, 'WRONG_ROLE'],
      ],
      id,
    );
    const overrun = (await get('budi@gema.test', `/api/contracts/${id}`))
      .json()
      .timeline.find((e: { outcome: string }) => e.outcome === 'overrun');
    expect(overrun.budget).toMatchObject({ estimate: 300_000_000, contractTotal: 335_220_000 });
    const decided = await post('budi@gema.test', `/api/contracts/${id}/approve`, {
      step: 'finance_overrun',
      contractVersion: 1,
    });
    expect(decided.json()).toMatchObject({ accepted: true, step: 'client_approval' });
    await waitForStep('maya@sinarcahaya.test', id, 'client_approval');
    const withdrawn = await post('ayu@gema.test', `/api/contracts/${id}/withdraw`, {
      contractVersion: 1,
      reason: 'Negosiasi ulang',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await inbox('maya@sinarcahaya.test')).some((i) => i.contractId === id)).toBe(false);
  });
});
