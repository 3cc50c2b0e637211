import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditChangePage, ShowCommandResult, ShowControlBody, ShowView } from '@panggung/contracts';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup, and a
// worker in this process (the contract's approval workflow, the incident's escalation).
import { bearer, DEMO } from '@panggung/api/testing';
import { startTestApiWithWorker, type TestApiWithWorker } from '@panggung/api/testing/with-worker';
import { launchChromium, signInPage } from './browser.ts';
import { buildDashboard } from './build.ts';

/**
 * Audit after the event (issue 7): the demo concert after its show. The setup does through the API what
 * the approvals and show-day e2e specs do in the browser: the manager and the client approve the lighting
 * contract, then the show day runs on its own clock (14 March 2027) — crew check-ins, the lighting
 * vendor's arrival, a standby and its acknowledgement, every cue to the end, a crew incident and a hold.
 * In the browser the production manager moves the audit page's time slider to before the contract's
 * approval and sees it unapproved, then back; replays the show at 60x in the show-day screen to its end;
 * and downloads the planned-vs-actual report as CSV.
 */
const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CONCERT = DEMO.concertId;
/** The demo concert's show day (`DEMO_SHOW.showDay` in the API's seed). */
const DAY = '2027-03-14';
const WAIT = { timeout: 30_000 };

let api: TestApiWithWorker;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let manager: Page;
let lighting: { id: string; title: string };
/** The show run as the caller saw it, once started. */
let run: ShowView['run'];

const shot = (name: string, page: Page) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

const call = async (email: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  api.app.inject({
    method,
    url,
    headers: bearer(await api.signIn(email)),
    ...(payload ? { payload } : {}),
  });

/** Approves the contract's step once the approval workflow has opened it in the person's inbox. */
async function approve(email: string, contractId: string, step: string) {
  await vi.waitFor(
    async () => {
      const items = (await call(email, 'GET', '/api/approvals')).json().items as Array<{
        contractId: string;
        step: string;
      }>;
      expect(items.find((i) => i.contractId === contractId)?.step).toBe(step);
    },
    { timeout: 30_000, interval: 100 },
  );
  const response = await call(email, 'POST', `/api/contracts/${contractId}/approve`, {
    step,
    contractVersion: 1,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** A live command without what `control` adds to it (distributed over the union's members). */
type Unsent<T> = T extends unknown ? Omit<T, 'idempotencyKey' | 'expectedCueId'> : never;

/** The show caller's live commands, each against the live cue she last saw. */
const SHOW = `/api/productions/${CONCERT}/shows/${DAY}`;
let liveCueId: string | null = null;
let sent = 0;
async function control(body: Unsent<ShowControlBody>, email = 'dewi@gema.test'): Promise<ShowCommandResult> {
  sent += 1;
  const route = body.type === 'acknowledge' ? 'acknowledgements' : 'commands';
  const response = await call(email, 'POST', `${SHOW}/${route}`, {
    ...body,
    idempotencyKey: `audit-e2e-${sent}`,
    expectedCueId: liveCueId,
  });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json<ShowCommandResult>();
  liveCueId = result.position.currentCueId;
  if (body.type === 'go' && liveCueId === null) expect(result.position.status).toBe('ended');
  return result;
}

/** An instant of the show day, in WIB. */
const wib = (time: string) => new Date(`${DAY}T${time}+07:00`);

/**
 * When each cue was GOne (WIB), against the plan of 16:00–23:15: a little late from the opening video
 * on, a hold during the changeover, and the audience out early. The last is the GO that ends the show.
 */
const GO_AT = [
  '16:00:00',
  '17:02:00',
  '18:31:00',
  '18:36:30',
  '18:49:00',
  '19:01:00',
  '19:48:00',
  '20:34:00',
  '22:06:00',
  '22:31:00',
  '22:36:00',
  '22:47:00',
  '22:57:00',
];

/**
 * The show day as it happened, on the show day's own clock: the API runs in this process, so its clock
 * is this process's `Date`, set to each moment in turn (timers stay real). Crew check in against their
 * calls, the lighting vendor arrives, the caller starts the show, stands by and runs every cue; the
 * sound crew logs an incident and the caller holds the show for it.
 */
async function runTheShow() {
  for (const [personId, department] of [
    [DEMO.people.sound, 'sound'],
    [DEMO.people.lighting, 'lighting'],
  ] as const) {
    const shift = await call('ayu@gema.test', 'POST', `/api/productions/${CONCERT}/crew/shifts`, {
      personId,
      department,
      callAt: wib('14:00:00').toISOString(),
      startsAt: wib('14:00:00').toISOString(),
      endsAt: wib('23:59:00').toISOString(),
      location: 'Lapangan Banteng',
    });
    expect(shift.statusCode, shift.body).toBe(201);
  }
  const clock = (time: string) => vi.setSystemTime(wib(time));
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    clock('12:30:00');
    const arrived = await call(
      'lina@cahayapanggung.test',
      'POST',
      `/api/productions/${CONCERT}/checkin/vendors`,
      {
        vendorId: DEMO.lightingVendorId,
        note: 'Truk lighting tiba, 2 unit',
      },
    );
    expect(arrived.statusCode, arrived.body).toBe(201);
    clock('13:52:00');
    expect((await call('eko@gema.test', 'POST', `/api/productions/${CONCERT}/checkin`, {})).statusCode).toBe(
      200,
    );
    clock('14:20:00');
    expect(
      (await call('fajar@gema.test', 'POST', `/api/productions/${CONCERT}/checkin`, {})).statusCode,
    ).toBe(200);

    clock('15:50:00');
    const started = await call('dewi@gema.test', 'POST', `${SHOW}/start`, {
      idempotencyKey: 'audit-e2e-start',
    });
    expect(started.statusCode, started.body).toBe(201);
    run = started.json<ShowView>().run;
    const cues = run.cues;
    expect(GO_AT).toHaveLength(cues.length + 1);
    clock('15:58:00');
    await control({ type: 'stand_by' });
    clock('15:59:00');
    await control({ type: 'acknowledge', cueId: cues[0]!.cueId, department: 'sound' }, 'eko@gema.test');
    for (const [i, time] of GO_AT.entries()) {
      clock(time);
      await control({ type: 'go' });
      expect(liveCueId).toBe(cues[i]?.cueId ?? null);
      if (i === 6) {
        clock('19:55:00');
        const incident = await call('eko@gema.test', 'POST', `/api/productions/${CONCERT}/incidents`, {
          severity: 'high',
          location: 'FOH',
          description: 'Mic MC 2 putus-putus',
          cueRef: 'Q7',
        });
        expect(incident.statusCode, incident.body).toBeLessThan(300);
        clock('19:56:00');
        await control({ type: 'hold' });
        clock('20:01:00');
        await control({ type: 'resume' });
      }
    }
  } finally {
    vi.useRealTimers();
  }
}

const signedIn = (email: string): Promise<Page> =>
  signInPage(browser, {
    baseUrl,
    email,
    password: DEMO.password,
    timezoneId: 'Asia/Jakarta',
    contexts,
    pageErrors,
  });

/** Presses a key on a focused control `times` times. */
async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

describe('audit and replay after the show, in the browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('audit');
    await fs.mkdir(shots, { recursive: true });
    // Sessions outlive the show day's clock: the show's people sign in on 14 March 2027.
    api = await startTestApiWithWorker('audit_e2e', { dashboardDir: distDir, sessionTtlHours: 24 });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');

    const contracts = (await call('ayu@gema.test', 'GET', `/api/productions/${CONCERT}/contracts`)).json()
      .items as Array<{ id: string; category: string; title: string }>;
    const found = contracts.find((c) => c.category === 'lighting')!;
    lighting = { id: found.id, title: found.title };
    await approve('ayu@gema.test', lighting.id, 'manager_review');
    await approve('maya@sinarcahaya.test', lighting.id, 'client_approval');
    // The workflow signs it once the client has approved.
    await vi.waitFor(
      async () => {
        const contract = await call('ayu@gema.test', 'GET', `/api/contracts/${lighting.id}`);
        expect(contract.json().status).toBe('signed');
      },
      { timeout: 30_000, interval: 100 },
    );
    await runTheShow();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await api?.stop();
  });

  it('the time slider before the contract’s approval shows it unapproved, and back at the end signed', async () => {
    manager = await signedIn('ayu@gema.test');
    await manager.goto(`${baseUrl}/productions/${CONCERT}/audit`);
    await manager.getByRole('heading', { name: 'Audit', level: 2 }).waitFor(WAIT);
    const slider = manager.getByRole('slider', { name: /Keadaan pada/ });
    await slider.waitFor(WAIT);
    const snapshot = manager.getByRole('region', { name: 'Keadaan pada saat itu' });
    const contract = snapshot.getByRole('listitem').filter({ hasText: lighting.title });
    const atChange = manager.getByTestId('audit-at-change');

    // Now (the last change: the show has ended), the contract is signed.
    await contract.getByText('Ditandatangani').waitFor(WAIT);
    await snapshot.getByText('Dalam persetujuan').waitFor({ state: 'detached', ...WAIT });

    // Where the manager's approval of it is in the record: the change list the page shows.
    const changes = (
      await call('ayu@gema.test', 'GET', `/api/productions/${CONCERT}/audit/changes?limit=500&lang=id`)
    ).json<AuditChangePage>();
    expect(changes.nextCursor).toBeNull();
    const approval = changes.items.findIndex(
      (change) => change.type === 'ApprovalStepApproved' && change.streamId.includes(lighting.id),
    );
    expect(approval).toBeGreaterThan(0);
    const approvalChange = changes.items[approval]!;
    expect(approvalChange.actorName).toBe('Ayu Lestari');
    // The slider starts at the last change the page loaded.
    const [, n, total] = /Perubahan (\d+) dari (\d+)/.exec(await atChange.innerText()) ?? [];
    expect(n).toBe(total);
    const last = Number(total) - 1;
    expect(last).toBeGreaterThan(approval);

    // One step before the approval, by the keyboard: the contract waits for the manager's review.
    await slider.focus();
    await press(manager, 'ArrowLeft', last - (approval - 1));
    await atChange.getByText(`Perubahan ${approval} dari ${last + 1}`).waitFor(WAIT);
    await atChange.getByText(changes.items[approval - 1]!.summary).waitFor(WAIT);
    expect(await slider.getAttribute('aria-valuetext')).toContain(changes.items[approval - 1]!.summary);
    await contract.getByText('Dalam persetujuan').waitFor(WAIT);
    await contract.getByText('menunggu Ayu Lestari').waitFor(WAIT);
    expect(await contract.innerText()).not.toContain('Ditandatangani');

    // The list of changes between two moments: from a few changes before, up to this one.
    const from = manager.getByRole('slider', { name: /Perubahan sejak/ });
    await from.focus();
    await press(manager, 'End', 1);
    await press(manager, 'ArrowLeft', last - (approval - 5));
    const listed = manager.getByTestId('audit-changes').getByRole('listitem');
    await expect.poll(() => listed.count(), WAIT).toBe(4);
    await manager.getByRole('heading', { name: 'Perubahan (4)' }).waitFor(WAIT);
    await shot('audit-01-before-approval', manager);

    // One step on, the approval itself: the manager no longer holds it; it is not signed yet.
    await slider.focus();
    await press(manager, 'ArrowRight', 1);
    await atChange.getByText(approvalChange.summary).waitFor(WAIT);
    await expect.poll(() => contract.innerText(), WAIT).not.toContain('menunggu Ayu Lestari');
    await contract.getByText('Dalam persetujuan').waitFor(WAIT);
    await listed
      .filter({ hasText: approvalChange.summary })
      .getByText('Ayu Lestari', { exact: true })
      .waitFor(WAIT);

    // Back to the end: signed again.
    await press(manager, 'End', 1);
    await atChange.getByText(`Perubahan ${last + 1} dari ${last + 1}`).waitFor(WAIT);
    await contract.getByText('Ditandatangani').waitFor(WAIT);
  });

  it('replays the show at 60x in the show-day screen, through its last cues to the end', async () => {
    await manager.goto(`${baseUrl}/productions/${CONCERT}/show/${DAY}/manager`);
    await manager.getByRole('heading', { name: 'Ringkasan pengelola', level: 2 }).waitFor(WAIT);
    await manager.getByRole('button', { name: 'Putar ulang' }).click();
    const replay = manager.getByRole('region', { name: 'Putar ulang hari H' });
    const play = replay.getByRole('button', { name: 'Putar', exact: true });
    await play.waitFor(WAIT);
    const rows = replay.locator('[data-cue-row]');
    const feed = replay.getByRole('region', { name: 'Insiden dan kedatangan' });
    const current = replay.getByTestId('current-cue');
    const scrubber = replay.getByRole('slider', { name: /Posisi/ });

    // The record starts with the lighting vendor's arrival, before the show started.
    await replay.getByTestId('replay-at').getByText('12:30:00').waitFor(WAIT);
    await replay.getByText('Sebelum acara dimulai').waitFor(WAIT);
    await feed.getByText('Vendor datang: Truk lighting tiba, 2 unit').waitFor(WAIT);

    // To the closing MC (a minute before the last cue), then play at 60x: a minute of the show a second.
    await scrubber.fill(String(wib('22:46:00').getTime()));
    await replay.getByTestId('replay-at').getByText('22:46:00').waitFor(WAIT);
    await current.getByText('Penutupan MC').waitFor(WAIT);
    await expect.poll(() => rows.count(), WAIT).toBe(run.cues.length);
    await expect.poll(() => replay.locator('[data-cue-status="done"]').count(), WAIT).toBe(10);
    await feed.getByText('Insiden dilaporkan: Mic MC 2 putus-putus (FOH)').waitFor(WAIT);
    await feed.getByText('Kru datang').first().waitFor(WAIT);

    // Every cue the screen shows from here, in turn (a tick may pass over one, never go back).
    await manager.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenCues: string[] }).seenCues = seen;
      const note = () => {
        const cue = document.querySelector('[data-testid="current-cue"]');
        const id = cue?.getAttribute('data-cue-id') ?? '';
        if (seen.at(-1) !== id) seen.push(id);
      };
      note();
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-cue-id'],
      });
    });
    await replay.getByRole('radio', { name: '60x' }).check();
    await play.click();
    await replay.getByRole('button', { name: 'Jeda' }).waitFor(WAIT);
    // At the end it pauses by itself: every cue ran and the show ended.
    await current.getByText('Selesai').waitFor(WAIT);
    await play.waitFor(WAIT);
    await replay.getByTestId('replay-at').getByText('22:57:00').waitFor(WAIT);
    await expect.poll(() => replay.locator('[data-cue-status="done"]').count(), WAIT).toBe(run.cues.length);
    expect(await scrubber.inputValue()).toBe(await scrubber.getAttribute('max'));
    const seen = await manager.evaluate(() => (window as unknown as { seenCues: string[] }).seenCues);
    const order = run.cues.map((cue) => cue.cueId);
    expect(seen[0]).toBe(order[10]);
    expect(seen.at(-1)).toBe('');
    const indexes = seen.slice(0, -1).map((id) => order.indexOf(id));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(indexes.every((index) => index >= 10)).toBe(true);
    await shot('audit-02-replay-end', manager);
  });

  it('downloads the planned-vs-actual report: a row per cue and a total', async () => {
    await manager.goto(`${baseUrl}/productions/${CONCERT}/audit`);
    const report = manager.getByRole('region', { name: 'Rencana vs realisasi acara' });
    const table = report.getByRole('table');
    await table.getByRole('rowheader', { name: run.cues.at(-1)!.title }).waitFor(WAIT);
    await table.getByRole('rowheader', { name: 'Total (cue yang berjalan)' }).waitFor(WAIT);

    const [download] = await Promise.all([
      manager.waitForEvent('download', WAIT),
      report.getByRole('link', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`show-${DAY}-${CONCERT}.csv`);
    const text = await fs.readFile(await download.path(), 'utf8');
    const records = parse(text, { bom: true }) as string[][];
    const [header, ...rows] = records;
    expect(header).toEqual([
      'No.',
      'Cue',
      'Status',
      'Mulai rencana',
      'Durasi rencana (detik)',
      'Mulai aktual',
      'Selesai aktual',
      'Durasi aktual (detik)',
      'Selisih (detik)',
    ]);
    const total = rows.at(-1)!;
    const cues = rows.slice(0, -1);
    expect(cues.map((row) => [row[0], row[1], row[2]])).toEqual(
      run.cues.map((cue, i) => [String(i + 1), cue.title, 'Selesai']),
    );
    for (const row of cues) expect(row[5]).not.toBe('');
    expect(total[1]).toBe('Total');
    const seconds = (column: number) => cues.reduce((sum, row) => sum + Number(row[column]), 0);
    expect(Number(total[4])).toBe(seconds(4));
    expect(Number(total[7])).toBe(seconds(7));
    await report.screenshot({ path: path.join(shots, 'audit-03-report.png') });
    expect(pageErrors).toEqual([]);
  });

  it('shows the budget as of now and keeps the approval workflow’s Temporal history to download', async () => {
    await manager.goto(`${baseUrl}/productions/${CONCERT}/audit`);
    const budget = manager.getByRole('region', { name: 'Anggaran saat penutupan' });
    await budget.getByRole('table').first().waitFor(WAIT);
    await budget
      .getByText(/belum ditutup|per saat ini/i)
      .first()
      .waitFor(WAIT);
    await budget.screenshot({ path: path.join(shots, 'audit-04-budget.png') });

    // The approval ended when the contract was signed; the keeper fetches its history from Temporal.
    const workflows = manager.getByRole('region', { name: 'Riwayat workflow' });
    const approval = workflows.getByRole('row').filter({ hasText: 'Persetujuan kontrak' }).first();
    await approval.waitFor(WAIT);
    const link = approval.getByRole('link', { name: 'Unduh JSON' });
    // Listed as being fetched until the keeper has it: reload the page, as a user would, until it is kept.
    await expect
      .poll(async () => {
        if (await link.isVisible()) return true;
        await manager.reload();
        await approval.waitFor(WAIT);
        return link.isVisible();
      }, WAIT)
      .toBe(true);
    const [download] = await Promise.all([manager.waitForEvent('download', WAIT), link.click()]);
    const history = JSON.parse(await fs.readFile(await download.path(), 'utf8')) as {
      events: { eventType: string }[];
    };
    expect(history.events.length).toBeGreaterThan(3);
    expect(history.events[0]!.eventType).toMatch(/WORKFLOW_EXECUTION_STARTED|WorkflowExecutionStarted/);
    expect(pageErrors).toEqual([]);
  });
});
