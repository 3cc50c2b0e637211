import fs from 'node:fs/promises';
import path from 'node:path';
import type { ShowView } from '@panggung/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup, and a
// worker in this process (an incident starts its escalation workflow).
import { bearer, DEMO } from '@panggung/api/testing';
import { startTestApiWithWorker, type TestApiWithWorker } from '@panggung/api/testing/with-worker';
import { launchChromium, signInPage } from './browser.ts';
import { buildDashboard } from './build.ts';

/**
 * Show day end to end: the show caller (Dewi) starts the demo concert's show and runs ten cues from her
 * console — keyboard and buttons, a standby the sound department acknowledges, an inserted delay — while
 * the sound department (Eko, on a phone), the client (Maya) and the production manager (Ayu) follow in
 * browser contexts of their own, live, without reloading. Eko's connection drops mid-show and his screen
 * says so, then catches up by itself. A crew member logs an incident and the manager's overview shows it.
 */
const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CONCERT = DEMO.concertId;
/** The demo concert's show day (`DEMO_SHOW.showDay` in the API's seed). */
const DAY = '2027-03-14';
const SCREEN = (screen: string) => `/productions/${CONCERT}/show/${DAY}/${screen}`;
const WAIT = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };

let api: TestApiWithWorker;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

let caller: Page;
let sound: Page;
let client: Page;
let manager: Page;
/** The show run as the caller sees it (every department's notes), once started. */
let run: ShowView['run'];

const shot = (name: string, page: Page) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

const signedIn = (email: string, viewport?: { width: number; height: number }): Promise<Page> =>
  signInPage(browser, {
    baseUrl,
    email,
    password: DEMO.password,
    timezoneId: 'Asia/Jakarta',
    ...(viewport ? { viewport } : {}),
    contexts,
    pageErrors,
  });

async function open(page: Page, screen: string, heading: string) {
  await page.goto(`${baseUrl}${SCREEN(screen)}`);
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor(WAIT);
  await page.locator('[data-live-status="live"]').waitFor(WAIT);
}

/** The screen shows cue `n` (1-based) as the live one. */
const showsCue = (page: Page, n: number) =>
  page.locator(`[data-testid="current-cue"][data-cue-id="${run.cues[n - 1]!.cueId}"]`).waitFor(WAIT);
/** The client view shows cue `n` live in its running order. */
const clientShowsCue = (page: Page, n: number) =>
  page.locator(`[data-cue-row="${run.cues[n - 1]!.cueId}"][data-cue-status="live"]`).waitFor(WAIT);

let presses = 0;
/** GO from the caller's console: by the space bar or the button, in turn. */
async function go(n: number) {
  presses += 1;
  // A press while the last one is still being answered is not sent (the console says "sending").
  await caller.locator('button[data-command="go"]:enabled').waitFor(WAIT);
  if (presses % 2 === 1) await caller.keyboard.press('Space');
  else await caller.locator('button[data-command="go"]').click();
  await showsCue(caller, n);
}

describe('show day in the browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('show-day');
    await fs.mkdir(shots, { recursive: true });
    api = await startTestApiWithWorker('show_day_e2e', { dashboardDir: distDir });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await api?.stop();
  });

  it('the screens open before the show and wait for it', async () => {
    [caller, sound, client, manager] = await Promise.all([
      signedIn('dewi@gema.test'),
      signedIn('eko@gema.test', PHONE),
      signedIn('maya@sinarcahaya.test'),
      signedIn('ayu@gema.test'),
    ]);
    await open(sound, 'department/sound', 'Departemen Tata suara');
    await sound.getByText('Pertunjukan belum dimulai').waitFor(WAIT);
    await open(client, 'client', 'Layar klien');
    await open(manager, 'manager', 'Ringkasan pengelola');
    await open(caller, 'caller', 'Konsol pemandu acara');
    // The show-day page lists the screens the caller may open.
    const list = await caller.context().newPage();
    await list.goto(`${baseUrl}/productions/${CONCERT}/show-day`);
    await list.getByRole('link', { name: 'Konsol pemandu acara' }).waitFor(WAIT);
    await shot('show-day-00-screens', list);
    await list.close();
  });

  it('the caller starts the show; every screen comes alive without a reload', async () => {
    await caller.getByRole('button', { name: 'Mulai pertunjukan' }).click();
    await caller.locator('button[data-command="go"]').waitFor(WAIT);
    const view = await api.app.inject({
      method: 'GET',
      url: `/api/productions/${CONCERT}/shows/${DAY}`,
      headers: bearer(await api.signIn('dewi@gema.test')),
    });
    expect(view.statusCode).toBe(200);
    run = view.json<ShowView>().run;
    expect(run.cues.length).toBeGreaterThanOrEqual(10);

    await sound.locator('[data-testid="current-cue"]').waitFor(WAIT);
    await client.locator('[data-testid="client-progress"]').waitFor(WAIT);
    await manager.locator('[data-testid="current-cue"]').waitFor(WAIT);
  });

  it('GO by the space bar; the department and the client follow live', async () => {
    await caller.getByText('Pintasan papan ketik').waitFor(WAIT);
    await go(1);
    await showsCue(sound, 1);
    await clientShowsCue(client, 1);
    await client.getByTestId('client-count').getByText('Isyarat 1 dari 12').waitFor(WAIT);
  });

  it('a standby the sound department acknowledges from the phone, seen live on the console', async () => {
    await caller.locator('button[data-command="stand_by"]').click();
    const ack = sound.getByRole('button', { name: 'Siap — konfirmasi' });
    await ack.waitFor(WAIT);
    await shot('show-day-02-department-standby-phone', sound);
    await caller
      .locator('[data-testid="standby-acks"] li[data-department="sound"][data-ready="false"]')
      .waitFor(WAIT);
    await ack.click();
    await sound.getByText('Anda sudah menyatakan siap.').waitFor(WAIT);
    await caller
      .locator('[data-testid="standby-acks"] li[data-department="sound"][data-ready="true"]')
      .waitFor(WAIT);
    await go(2);
    await go(3);
    await showsCue(sound, 3);
  });

  it('inserts a delay before the next cue; the rundown re-times it', async () => {
    await caller.getByLabel('Jeda (menit) sebelum isyarat berikutnya').fill('3');
    // Typing in the field is not a command: the cue has not moved.
    await caller.getByLabel('Jeda (menit) sebelum isyarat berikutnya').press('Space');
    await caller.locator('button[data-command="delay"]').click();
    await caller.locator(`[data-cue-row="${run.cues[3]!.cueId}"]`).getByText('jeda 03:00').waitFor(WAIT);
    await showsCue(caller, 3);
    await go(4);
    await go(5);
    await shot('show-day-01-caller', caller);
  });

  it('the department’s connection drops: it says so, and catches up by itself', async () => {
    await sound.context().setOffline(true);
    await sound.getByText('Terputus — menyambung ulang…').waitFor(WAIT);
    await go(6);
    await go(7);
    await shot('show-day-03-department-offline-phone', sound);
    await sound.context().setOffline(false);
    await sound.locator('[data-testid="connection-lost"]').waitFor({ state: 'detached', ...WAIT });
    await showsCue(sound, 7);
    await clientShowsCue(client, 7);
  });

  it('crew log an incident; the manager’s overview shows it live', async () => {
    const logged = await api.app.inject({
      method: 'POST',
      url: `/api/productions/${CONCERT}/incidents`,
      headers: bearer(await api.signIn('eko@gema.test')),
      payload: {
        severity: 'high',
        location: 'FOH',
        description: 'Mic MC 2 putus-putus',
        cueRef: `Q${7}`,
      },
    });
    expect(logged.statusCode, logged.body).toBeLessThan(300);
    await manager
      .locator('[data-testid="manager-incidents"]')
      .getByText('Mic MC 2 putus-putus')
      .waitFor(WAIT);
    await showsCue(manager, 7);
    await shot('show-day-05-manager', manager);
  });

  it('runs on to the tenth cue; every screen shows it and the client never a note', async () => {
    await go(8);
    await go(9);
    await go(10);
    await showsCue(sound, 10);
    await clientShowsCue(client, 10);
    await client.getByTestId('client-count').getByText('Isyarat 10 dari 12').waitFor(WAIT);
    await showsCue(manager, 10);

    const clientText = await client.locator('main').innerText();
    const notes = run.cues.flatMap((cue) => Object.values(cue.notes));
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect(clientText).not.toContain(note);
    // The department sees its own notes, not another department's.
    const soundText = await sound.locator('main').innerText();
    expect(soundText).toContain(
      run.cues[9]!.notes.sound ?? run.cues.find((c) => c.notes.sound)!.notes.sound!,
    );
    for (const cue of run.cues) if (cue.notes.lighting) expect(soundText).not.toContain(cue.notes.lighting);

    const stage = await caller.context().newPage();
    await stage.setViewportSize(PHONE);
    await stage.goto(`${baseUrl}${SCREEN('stage')}`);
    await showsCue(stage, 10);
    await shot('show-day-06-stage-phone', stage);
    await shot('show-day-04-client', client);
    await shot('show-day-02-department-phone', sound);
    await shot('show-day-01-caller', caller);
    expect(pageErrors).toEqual([]);
  });
});
