import fs from 'node:fs/promises';
import path from 'node:path';
import type { PhaseReadiness } from '@panggung/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup.
import { bearer, DEMO, startTestApi, type TestApi } from '@panggung/api/testing';
import { createActivities, type ActivityDeps } from '@panggung/worker';
import { quietTemporalRuntime, testWorkflowBundle } from '@panggung/workflows/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { launchChromium, signInPage } from './browser.ts';
import { buildDashboard } from './build.ts';

/**
 * Planning the demo concert to show-day readiness in the browser, on the seeded plan (timeline from the
 * concert template, the department heads' shifts for load-in, rehearsal and show day, their checklists):
 * the manager works the timeline, publishes the call sheets, the department heads acknowledge their calls
 * and sign off their checklists in their own browser contexts, the manager accepts the sound overrun on
 * the budget page and moves the phases one by one — a refused gate names what is missing. The vendor
 * contracts are signed through the API (the approvals e2e covers that path in the browser).
 */
const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CONCERT = DEMO.concertId;
const PRODUCTION = `/productions/${CONCERT}`;
const DAYS = ['2027-03-12', '2027-03-13', '2027-03-14'];
const HEADS = [
  {
    email: 'eko@gema.test',
    name: 'Eko Prasetyo',
    key: 'sound',
    label: 'Tata suara',
    item: 'Cek IEM semua artis',
  },
  {
    email: 'fajar@gema.test',
    name: 'Fajar Nugroho',
    key: 'lighting',
    label: 'Tata cahaya',
    item: 'Fokus semua fixture',
  },
  {
    email: 'sari@gema.test',
    name: 'Sari Putri',
    key: 'video',
    label: 'Video',
    item: 'Uji kamera IMAG ke LED',
  },
  // Joko reads the dashboard in English.
  {
    email: 'joko@gema.test',
    name: 'Joko Susilo',
    key: 'stage',
    label: 'Stage',
    item: 'Safety walk panggung',
  },
] as const;
type Head = (typeof HEADS)[number];
const english = (head: Head) => head.email === 'joko@gema.test';
const words = (head: Head) =>
  english(head)
    ? {
        myCalls: 'My calls',
        acknowledge: 'Acknowledge my call',
        acknowledged: 'Acknowledged',
        signOff: `Sign off the ${head.label} checklist`,
        signedOff: `Signed off by ${head.name}`,
      }
    : {
        myCalls: 'Call saya',
        acknowledge: 'Konfirmasi call saya',
        acknowledged: 'Dikonfirmasi',
        signOff: `Sign-off checklist ${head.label}`,
        signedOff: `Sign-off oleh ${head.name}`,
      };
const WAIT = { timeout: 30_000 };

let api: TestApi;
let baseUrl: string;
let browser: Browser;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let manager: Page;
const heads = new Map<string, Page>();

const shot = (name: string, page: Page) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

const signedIn = (email: string): Promise<Page> =>
  signInPage(browser, {
    baseUrl,
    email,
    password: DEMO.password,
    timezoneId: 'UTC',
    homeHeading: email === 'joko@gema.test' ? 'Your productions' : 'Produksi Anda',
    contexts,
    pageErrors,
  });

const as = async (email: string) => bearer(await api.signIn(email));
const call = async (email: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  api.app.inject({ method, url, headers: await as(email), ...(payload ? { payload } : {}) });

/** Waits until the person's approvals inbox holds this step of the contract (the worker opens it). */
const waitForStep = (email: string, contractId: string, step: string) =>
  vi.waitFor(
    async () => {
      const items = (await call(email, 'GET', '/api/approvals')).json().items as Array<{
        contractId: string;
        step: string;
      }>;
      expect(items.find((i) => i.contractId === contractId)?.step).toBe(step);
    },
    { timeout: 30_000, interval: 100 },
  );

async function approve(email: string, contractId: string, step: string) {
  await waitForStep(email, contractId, step);
  const response = await call(email, 'POST', `/api/contracts/${contractId}/approve`, {
    step,
    contractVersion: 1,
  });
  expect(response.statusCode, response.body).toBe(200);
}

const phases = async () =>
  (await call('ayu@gema.test', 'GET', `/api/productions/${CONCERT}/phases`)).json() as PhaseReadiness;

/** The phases panel on the production's overview, with its gate. */
async function overview(): Promise<void> {
  await manager.goto(`${baseUrl}${PRODUCTION}`);
  await manager.getByTestId('phases').getByRole('heading', { name: 'Fase produksi' }).waitFor(WAIT);
}

async function advanceTo(phase: string): Promise<void> {
  await manager.getByRole('button', { name: `Lanjut ke ${phase}`, exact: true }).click();
  await manager.getByText(`Produksi kini di fase ${phase}.`).first().waitFor(WAIT);
  await manager.locator('.stepper li.current', { hasText: phase }).waitFor(WAIT);
}

describe('planning the demo concert to show-day readiness in the browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('planning');
    await fs.mkdir(shots, { recursive: true });
    api = await startTestApi('planning_e2e', { dashboardDir: distDir }, undefined, { planning: true });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');

    // The phase, approval and call workflows run on a worker in this process, on the API's task queue.
    quietTemporalRuntime();
    connection = await NativeConnection.connect({ address: api.config.temporal.address });
    worker = await Worker.create({
      connection,
      namespace: api.config.temporal.namespace,
      taskQueue: api.config.temporal.taskQueue,
      workflowBundle: await testWorkflowBundle(),
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

  it('the manager sees the planned timeline, adds a task and marks tasks done', async () => {
    manager = await signedIn('ayu@gema.test');
    await manager.goto(`${baseUrl}${PRODUCTION}/timeline`);
    const gantt = manager.getByTestId('gantt');
    await gantt.getByText('Kontrak venue ditandatangani', { exact: true }).waitFor(WAIT);
    await gantt.getByText('Rundown & cue sheet final', { exact: true }).waitFor(WAIT);
    await manager
      .getByTestId('timeline-summary')
      .getByText(/tugas di jalur kritis/)
      .waitFor(WAIT);
    // The seeded dependencies are there: the owned tasks lead into the rehearsal.
    await manager
      .getByTestId('dependencies')
      .getByText(/Plot cahaya & programming pra-visual → Gladi bersih/)
      .first()
      .waitFor(WAIT);

    const form = manager.locator('form', { has: manager.getByRole('heading', { name: 'Tambah tugas' }) });
    await form.getByLabel('Judul').fill('Briefing keselamatan kru');
    await form.getByLabel('Penanggung jawab').selectOption({ label: 'Joko Susilo' });
    await form.getByLabel('Durasi (jam)').fill('2');
    await form.getByRole('button', { name: 'Tambah', exact: true }).click();
    const added = gantt.locator('[role="row"]', { hasText: 'Briefing keselamatan kru' });
    await added.getByText(/Joko Susilo/).waitFor(WAIT);

    for (const title of ['Kontrak vendor sound & lighting', 'Briefing keselamatan kru']) {
      const row = gantt.locator('[role="row"]', { hasText: title });
      await row.getByRole('button', { name: /^Tandai selesai/ }).click();
      await row.locator('.badge.done').waitFor(WAIT);
    }
    expect(await gantt.locator('.badge.done').count()).toBeGreaterThanOrEqual(4);
    await manager.locator('[data-live-status="live"]').waitFor(WAIT);
    await shot('planning-timeline', manager);
  });

  it('moves from planning to pre-production; the next gate refuses, naming the unsigned contracts', async () => {
    await overview();
    await manager.getByTestId('gate-conditions').waitFor(WAIT);
    await advanceTo('Praproduksi');

    // Every category with an estimate is required by default: none is signed yet.
    await manager.getByRole('button', { name: 'Lanjut ke Gladi teknis', exact: true }).click();
    const refusal = manager.getByRole('alert').filter({ hasText: 'Gerbang belum terpenuhi' });
    await refusal.getByText('Kontrak Tata suara sudah ditandatangani').waitFor(WAIT);
    await refusal.getByText('Kontrak Tata cahaya sudah ditandatangani').waitFor(WAIT);
    expect((await phases()).phase).toBe('pre_production');
  });

  it('sets up through the API what the approvals e2e covers: the gates need sound and lighting, both signed', async () => {
    const before = await phases();
    const set = await call('ayu@gema.test', 'PUT', `/api/productions/${CONCERT}/phases/requirements`, {
      expectedVersion: before.version,
      categories: ['sound', 'lighting'],
    });
    expect(set.statusCode, set.body).toBe(200);

    const contracts = (await call('ayu@gema.test', 'GET', `/api/productions/${CONCERT}/contracts`)).json()
      .items as Array<{ id: string; category: string }>;
    const lighting = contracts.find((c) => c.category === 'lighting')!.id;
    await approve('ayu@gema.test', lighting, 'manager_review');
    await approve('maya@sinarcahaya.test', lighting, 'client_approval');

    const submitted = await call('ayu@gema.test', 'POST', `/api/contracts/${DEMO.soundContractId}/submit`, {
      contractVersion: 1,
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    await approve('ayu@gema.test', DEMO.soundContractId, 'manager_review');
    await approve('budi@gema.test', DEMO.soundContractId, 'finance_overrun');
    await approve('maya@sinarcahaya.test', DEMO.soundContractId, 'client_approval');
    await vi.waitFor(async () => expect((await phases()).missing).toEqual([]), {
      timeout: 30_000,
      interval: 200,
    });
  });

  it('the gate to the technical rehearsal is met now: the manager moves on', async () => {
    await overview();
    await manager.getByText('Semua syarat terpenuhi.').waitFor(WAIT);
    await advanceTo('Gladi teknis');
    // The show-day gate lists what the crew, the checklists and the budget still owe.
    const gate = manager.getByTestId('gate-conditions');
    await gate.getByText('Call sheet kru sudah diterbitkan').waitFor(WAIT);
    await gate.getByText('Checklist Tata suara sudah disetujui kepala departemen').waitFor(WAIT);
    await gate.getByText('Anggaran Tata suara tidak melebihi estimasi tanpa persetujuan').waitFor(WAIT);
  });

  it('the manager publishes the call sheets of load-in, rehearsal and show day', async () => {
    await manager.goto(`${baseUrl}${PRODUCTION}/crew`);
    await manager.getByRole('heading', { name: 'Kru', level: 2 }).waitFor(WAIT);
    for (const day of DAYS) {
      const section = manager.locator(`section[data-day="${day}"]`);
      await section.getByRole('rowheader', { name: /Eko Prasetyo/ }).waitFor(WAIT);
      await section.getByRole('button', { name: 'Terbitkan call sheet' }).click();
      await section.getByTestId('sheet-status').getByText('Diterbitkan · v1').waitFor(WAIT);
    }
    await manager.getByText('Menunggu konfirmasi').first().waitFor(WAIT);
    await manager.locator('[data-live-status="live"]').waitFor(WAIT);
    await shot('planning-crew', manager);
  });

  it('each department head acknowledges their calls in their own browser', async () => {
    for (const head of HEADS) {
      const page = await signedIn(head.email);
      heads.set(head.email, page);
      await page.goto(`${baseUrl}${PRODUCTION}/crew`);
      const w = words(head);
      await page.getByRole('heading', { name: w.myCalls }).waitFor(WAIT);
      const confirm = page.getByRole('button', { name: w.acknowledge });
      for (let left = DAYS.length; left > 0; left--) {
        await expect.poll(() => confirm.count(), WAIT).toBe(left);
        await confirm.first().click();
      }
      await expect.poll(() => confirm.count(), WAIT).toBe(0);
      expect(await page.getByTestId('my-call').filter({ hasText: w.acknowledged }).count()).toBe(DAYS.length);
    }
    // The manager's open page follows every acknowledgement, without a reload.
    await expect
      .poll(() => manager.locator('tbody tr').filter({ hasText: 'Dikonfirmasi' }).count(), WAIT)
      .toBe(HEADS.length * DAYS.length);
    await shot('planning-crew', manager);
  });

  it('each department head checks the last item and signs off their checklist', async () => {
    for (const head of HEADS) {
      const page = heads.get(head.email)!;
      await page.goto(`${baseUrl}${PRODUCTION}/technical`);
      await page.getByTestId('technical-readiness').waitFor(WAIT);
      const department = page.locator(`section[aria-labelledby="dept-${head.key}"]`);
      await department.getByLabel(head.item).check();
      await department.getByText('Checklist (3/3)').waitFor(WAIT);
      await department.getByRole('button', { name: words(head).signOff }).click();
      await department.getByText(words(head).signedOff).waitFor(WAIT);
    }
  });

  it('the budget page shows the sound overrun; the manager accepts it with a reason', async () => {
    await manager.goto(`${baseUrl}${PRODUCTION}/budget`);
    await manager.getByRole('heading', { name: 'Anggaran', level: 2 }).waitFor(WAIT);
    const sound = manager.locator('tr[data-category="sound"]');
    await sound.getByText('Melebihi anggaran').waitFor(WAIT);
    const form = manager.locator('form', {
      has: manager.getByRole('heading', { name: 'Setujui kelebihan anggaran' }),
    });
    await form.getByLabel('Alasan').fill('Delay tower tambahan diminta klien untuk area belakang');
    await form.getByRole('button', { name: 'Setujui kelebihan' }).click();
    // Accepted: the line reads "over (approved)" and nothing is left to approve.
    await sound.getByText('Melebihi (disetujui)').waitFor(WAIT);
    await form.waitFor({ state: 'detached', ...WAIT });
    await manager.locator('[data-live-status="live"]').waitFor(WAIT);
    await shot('planning-budget', manager);
  });

  it('every show-day condition is met: the manager moves the production to show day', async () => {
    await overview();
    await manager.getByText('Semua syarat terpenuhi.').waitFor(WAIT);
    expect(await manager.getByTestId('gate-conditions').locator('li.missing').count()).toBe(0);
    await shot('planning-gate-met', manager);
    await advanceTo('Hari H');
    expect((await phases()).phase).toBe('show_day');
    expect(pageErrors).toEqual([]);
  });
});
