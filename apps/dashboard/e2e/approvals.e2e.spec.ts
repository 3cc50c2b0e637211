import fs from 'node:fs/promises';
import path from 'node:path';
import type { Budget, ContractView } from '@panggung/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup.
import { bearer, DEMO, startTestApi, type TestApi } from '@panggung/api/testing';
import { createActivities, type ActivityDeps } from '@panggung/worker';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { launchChromium, signInPage } from './browser.ts';
import { buildDashboard } from './build.ts';

/**
 * Vendor contract approval end to end: a real API serving the built dashboard, a Temporal worker in this
 * process on the API's task queue, and headless Chromium with one browser context per person. The demo's
 * sound contract (Rp 335.220.000 against a sound estimate of Rp 300.000.000, above the client threshold of
 * Rp 50.000.000) goes through manager review, the budget check (overrun), finance and the client, and the
 * manager's open budget page follows the signature live.
 */
const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CONCERT = DEMO.concertId;
const CONTRACT = DEMO.soundContractId;
const TITLE = 'Sistem tata suara — Senandung Senja';
const WAIT = { timeout: 20_000 };

let api: TestApi;
let baseUrl: string;
let browser: Browser;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

// The people, each in a browser context of their own.
let manager: Page;
let budgetPage: Page;
let finance: Page;
let client: Page;
let vendor: Page;

const shot = (name: string, page: Page) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

const signedIn = (email: string, viewport?: { width: number; height: number }): Promise<Page> =>
  signInPage(browser, {
    baseUrl,
    email,
    password: DEMO.password,
    timezoneId: 'UTC',
    ...(viewport ? { viewport } : {}),
    contexts,
    pageErrors,
  });

async function apiGet<T>(email: string, url: string): Promise<{ status: number; body: T }> {
  const response = await api.app.inject({ method: 'GET', url, headers: bearer(await api.signIn(email)) });
  return { status: response.statusCode, body: response.json<T>() };
}

/** The inbox card of the sound contract at a step. */
const inboxItem = (page: Page, step: string) =>
  page.locator(`[data-testid="inbox"] li[data-contract="${CONTRACT}"][data-step="${step}"]`);

describe('contract approval in the browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('approvals');
    await fs.mkdir(shots, { recursive: true });
    api = await startTestApi('approvals_e2e', { dashboardDir: distDir });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');

    // The approval workflow runs on a worker in this process, on the API's own task queue.
    quietTemporalRuntime();
    connection = await NativeConnection.connect({ address: api.config.temporal.address });
    worker = await Worker.create({
      connection,
      namespace: api.config.temporal.namespace,
      taskQueue: api.config.temporal.taskQueue,
      workflowBundle: await testWorkflowBundle(),
      // The API's store, typed with its read-model tables; the activities use only the event tables.
      activities: createActivities({ store: api.app.store as unknown as ActivityDeps['store'] }),
    });
    running = worker.run();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await connection?.close();
    await api?.app.close();
  });

  it('sets up through the API: the sound contract is over its budget and above the client threshold', async () => {
    const ayu = await api.signIn('ayu@gema.test');
    const budget = await apiGet<Budget>('ayu@gema.test', `/api/productions/${CONCERT}/budget`);
    const sound = budget.body.lines.find((line) => line.category === 'sound');
    expect(sound).toMatchObject({ estimate: 300_000_000, committed: 0 });
    const policy = await apiGet<{ clientApprovalThreshold: number }>(
      'ayu@gema.test',
      `/api/productions/${CONCERT}/approval-policy`,
    );
    const contract = await apiGet<ContractView>('ayu@gema.test', `/api/contracts/${CONTRACT}`);
    expect(contract.body).toMatchObject({ status: 'draft', version: 1, total: 335_220_000 });
    expect(contract.body.total).toBeGreaterThan(sound!.estimate);
    expect(contract.body.total).toBeGreaterThanOrEqual(policy.body.clientApprovalThreshold);

    const submitted = await api.app.inject({
      method: 'POST',
      url: `/api/contracts/${CONTRACT}/submit`,
      headers: bearer(ayu),
      payload: { contractVersion: 1 },
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
  });

  it('the manager sees it in the approvals inbox and approves the review', async () => {
    manager = await signedIn('ayu@gema.test');
    await manager.getByRole('link', { name: 'Persetujuan' }).click();
    await manager.getByRole('heading', { name: 'Persetujuan', level: 1 }).waitFor(WAIT);
    const item = inboxItem(manager, 'manager_review');
    await item.waitFor(WAIT);
    await item.getByText('Tinjauan pengelola produksi').waitFor(WAIT);
    await item.getByText('PT Suara Prima Audio').waitFor(WAIT);
    await item.getByText('Rp 335.220.000').waitFor(WAIT);
    await manager.locator('[data-live-status="live"]').waitFor(WAIT);
    await shot('approvals-01-inbox', manager);

    await item.getByRole('button', { name: 'Setujui' }).click();
    await item.getByRole('button', { name: 'Ya, setujui' }).click();
    await manager.getByText(`“${TITLE}” disetujui.`).waitFor(WAIT);
    await item.waitFor({ state: 'detached', ...WAIT });
  });

  it('opens the budget page before the money is committed and keeps it open', async () => {
    budgetPage = await manager.context().newPage();
    budgetPage.on('pageerror', (error) => pageErrors.push(`budget: ${error.message}`));
    await budgetPage.goto(`${baseUrl}/productions/${CONCERT}/budget`);
    await budgetPage.getByRole('heading', { name: 'Anggaran', level: 2 }).waitFor(WAIT);
    await budgetPage.locator('[data-live-status="live"]').waitFor(WAIT);
    await expectText(budgetPage, 'committed-sound', 'Rp 0');
    await expectText(budgetPage, 'committed-total', 'Rp 0');
    // A mark that a reload would wipe out.
    await budgetPage.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await shot('approvals-02-budget-before', budgetPage);
  });

  it('finance sees the overrun step and approves it on the contract page', async () => {
    finance = await signedIn('budi@gema.test');
    await finance.getByRole('link', { name: 'Persetujuan' }).click();
    // The step opens once the workflow's budget check flags the overrun; the inbox follows live.
    const item = inboxItem(finance, 'finance_overrun');
    await item.waitFor(WAIT);
    await item.getByRole('link', { name: 'Buka kontrak' }).click();
    await finance.getByRole('heading', { name: TITLE, level: 2 }).waitFor(WAIT);
    await finance
      .getByTestId('current-step')
      .getByText('Persetujuan keuangan (melebihi anggaran)')
      .waitFor(WAIT);
    // The budget check's figures are in the timeline for finance.
    await finance.getByText('Pemeriksaan anggaran: melebihi anggaran').waitFor(WAIT);
    await finance.getByText(/melebihi Rp\s35\.220\.000/).waitFor(WAIT);

    await finance.getByRole('button', { name: 'Setujui' }).click();
    await finance.getByRole('button', { name: 'Ya, setujui' }).click();
    await finance.getByText('Persetujuan Anda diterima.').waitFor(WAIT);
    // The chain moves on to the client, live.
    await finance.locator('[data-station="client_approval"][data-state="current"]').waitFor(WAIT);
  });

  it('the client approves from a second browser context', async () => {
    client = await signedIn('maya@sinarcahaya.test');
    await client.getByRole('link', { name: 'Persetujuan' }).click();
    const item = inboxItem(client, 'client_approval');
    await item.waitFor(WAIT);
    await item.getByRole('link', { name: 'Buka kontrak' }).click();
    await client.getByRole('heading', { name: TITLE, level: 2 }).waitFor(WAIT);
    // A client sees neither the budget check nor the finance step.
    expect(await client.getByText('Pemeriksaan anggaran').count()).toBe(0);
    expect(await client.getByText('Persetujuan keuangan (melebihi anggaran)').count()).toBe(0);
    expect(await client.getByRole('link', { name: 'Anggaran' }).count()).toBe(0);
    await shot('approvals-03-client-view', client);

    await client.getByRole('button', { name: 'Setujui' }).click();
    await client.getByRole('button', { name: 'Ya, setujui' }).click();
    await client.getByText('Persetujuan Anda diterima.').waitFor(WAIT);
    await client.locator('[data-contract-status="signed"]').first().waitFor(WAIT);
  });

  it('the manager’s open budget page shows the new committed figure without a reload', async () => {
    await expectText(budgetPage, 'committed-sound', 'Rp 335.220.000');
    await expectText(budgetPage, 'committed-total', 'Rp 335.220.000');
    const sound = budgetPage.locator('tr[data-category="sound"]');
    await sound.getByText('Melebihi anggaran').waitFor(WAIT);
    await sound.getByText('−Rp 35.220.000').waitFor(WAIT);
    expect(await budgetPage.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );
    expect(budgetPage.url()).toBe(`${baseUrl}/productions/${CONCERT}/budget`);
    await shot('approvals-04-budget-after', budgetPage);
  });

  it('the budget and the inbox fit a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'id-ID',
      storageState: await manager.context().storageState(),
    });
    contexts.push(phone);
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(`phone: ${error.message}`));
    await small.goto(`${baseUrl}/productions/${CONCERT}/budget`);
    await expectText(small, 'committed-sound', 'Rp 335.220.000');
    const overflow = () => small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('approvals-08-budget-phone', small);
    await small.goto(`${baseUrl}/approvals`);
    await small.getByRole('heading', { name: 'Persetujuan', level: 1 }).waitFor(WAIT);
    await small.getByTestId('inbox').waitFor(WAIT);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('approvals-09-inbox-phone', small);
  });

  it('the RFQ page compares the quotes side by side, the cheapest marked', async () => {
    await manager.goto(`${baseUrl}/productions/${CONCERT}/vendors`);
    await manager.getByRole('heading', { name: 'Vendor & kontrak', level: 2 }).waitFor(WAIT);
    await manager.getByTestId('contract-list').getByText('Ditandatangani').first().waitFor(WAIT);
    await manager.getByTestId('rfq-list').getByRole('link', { name: TITLE }).click();
    const comparison = manager.getByTestId('comparison');
    await comparison.waitFor(WAIT);
    const cheapest = comparison.locator('thead th', { hasText: 'Termurah' });
    await cheapest.getByText('PT Suara Prima Audio').waitFor(WAIT);
    await comparison.getByText('Rp 335.220.000').first().waitFor(WAIT);
    await comparison.getByText('PT Gelombang Suara Nusantara').waitFor(WAIT);
    await shot('approvals-07-rfq-comparison', manager);
  });

  it('the contract page shows the chain as a timeline of who did what and when', async () => {
    await manager.goto(`${baseUrl}/productions/${CONCERT}/vendors/contracts/${CONTRACT}`);
    const timeline = manager.getByTestId('timeline');
    await timeline.getByText('Kontrak ditandatangani').waitFor(WAIT);
    await timeline.getByText('Anda mengajukan kontrak untuk persetujuan').waitFor(WAIT);
    await timeline.getByText('Anda menyetujui Tinjauan pengelola produksi').waitFor(WAIT);
    await timeline
      .getByText('Budi Santoso menyetujui Persetujuan keuangan (melebihi anggaran)')
      .waitFor(WAIT);
    await timeline.getByText('Maya Kusuma menyetujui Persetujuan klien').waitFor(WAIT);
    for (const station of ['manager_review', 'budget_check', 'finance_overrun', 'client_approval', 'signed'])
      await manager.locator(`[data-station="${station}"][data-state="done"]`).waitFor(WAIT);
    await shot('approvals-05-contract-timeline', manager);

    // The inbox is empty for the manager's sound contract now.
    await manager.getByRole('link', { name: 'Persetujuan' }).click();
    await manager.getByRole('heading', { name: 'Persetujuan', level: 1 }).waitFor(WAIT);
    expect(await inboxItem(manager, 'manager_review').count()).toBe(0);
  });

  it('a vendor sees only its own invitation, quote and contract: no budget, no competitors', async () => {
    vendor = await signedIn('hendra@suaraprima.test', { width: 390, height: 844 });
    await vendor.goto(`${baseUrl}/productions/${CONCERT}/vendors`);
    await vendor.getByRole('heading', { name: 'Undangan penawaran', exact: true }).waitFor(WAIT);
    await vendor.getByRole('link', { name: TITLE }).first().waitFor(WAIT);
    expect(await vendor.getByRole('link', { name: 'Tata cahaya panggung utama' }).count()).toBe(0);
    expect(await vendor.getByRole('link', { name: 'Anggaran' }).count()).toBe(0);
    const contracts = vendor.getByTestId('contract-list');
    await contracts.getByText('Ditandatangani').waitFor(WAIT);
    expect(await contracts.locator('li').count()).toBe(1);

    await vendor.getByTestId('rfq-list').getByRole('link', { name: TITLE }).click();
    await vendor.getByRole('heading', { name: 'Penawaran Anda' }).waitFor(WAIT);
    await vendor.getByText('Line array utama (L-Acoustics K2), rigging termasuk').waitFor(WAIT);
    expect(await vendor.getByText('Perbandingan penawaran').count()).toBe(0);
    expect(await vendor.getByText('PT Gelombang Suara Nusantara').count()).toBe(0);
    expect(await vendor.getByText(/d&b GSL/).count()).toBe(0);
    await shot('approvals-06-vendor-view', vendor);

    // Its own contract: the chain without the internal steps, and nothing for it to decide.
    await vendor.getByRole('link', { name: 'Kembali ke Vendor & kontrak' }).click();
    await vendor.getByTestId('contract-list').getByRole('link', { name: TITLE }).click();
    await vendor.getByTestId('timeline').getByText('Kontrak ditandatangani').waitFor(WAIT);
    expect(await vendor.getByText('Pemeriksaan anggaran').count()).toBe(0);
    expect(await vendor.getByText(/Budi Santoso/).count()).toBe(0);
    expect(await vendor.getByRole('button', { name: 'Setujui' }).count()).toBe(0);

    // The API agrees: no budget for a vendor.
    const budget = await vendor.evaluate(
      async (id) => (await fetch(`/api/productions/${id}/budget`)).status,
      CONCERT,
    );
    expect(budget).toBe(403);
    const overflow = await vendor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('raised no error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Waits until the element with a test id reads exactly `text` (the browser polls; no fixed sleep). */
async function expectText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, wanted]) =>
      (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
    [`[data-testid="${testId}"]`, text] as const,
    WAIT,
  );
}
