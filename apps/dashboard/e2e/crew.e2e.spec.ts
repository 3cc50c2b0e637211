import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup.
import { DEMO, startTestApi, type TestApi } from '@panggung/api/testing';
import { launchChromium, signInPage } from './browser.ts';
import { buildDashboard } from './build.ts';

/**
 * Crew scheduling in the browser: the production manager assigns shifts (a conflict is refused and
 * listed, then overridden with a reason), publishes the show day's call sheet; the crew member
 * acknowledges their call under "my calls" and gets their calendar address; the manager's open page
 * follows the acknowledgement live.
 */
const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CREW_PAGE = `/productions/${DEMO.concertId}/crew`;
const WAIT = { timeout: 20_000 };

let api: TestApi;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let manager: Page;
let eko: Page;

const shot = (name: string, page: Page) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

async function signedIn(email: string): Promise<Page> {
  const page = await signInPage(browser, {
    baseUrl,
    email,
    password: DEMO.password,
    timezoneId: 'UTC',
    contexts,
    pageErrors,
  });
  await page.goto(`${baseUrl}${CREW_PAGE}`);
  await page.getByRole('heading', { name: 'Kru', level: 2 }).waitFor(WAIT);
  return page;
}

async function assign(page: Page, person: string, times: [string, string, string], role: string) {
  const form = page.locator('form.assign');
  await form.getByLabel('Orang').selectOption({ label: person });
  await form.getByLabel('Hari').fill('2027-03-14');
  await form.getByLabel('Jam call (WIB)').fill(times[0]);
  await form.getByLabel('Mulai (WIB)').fill(times[1]);
  await form.getByLabel('Selesai (WIB)').fill(times[2]);
  await form.getByLabel('Peran di shift').fill(role);
}

describe('crew scheduling in the browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('crew');
    await fs.mkdir(shots, { recursive: true });
    api = await startTestApi('crew_e2e', { dashboardDir: distDir });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await api?.app.close();
  });

  it('the manager assigns shifts; a conflict is refused with its reason, then overridden', async () => {
    manager = await signedIn('ayu@gema.test');
    await manager.getByText('Belum ada shift').waitFor(WAIT);
    await assign(manager, 'Eko Prasetyo', ['09:00', '10:00', '20:00'], 'FOH engineer');
    await manager.locator('form.assign').getByLabel('Call kunci').check();
    await manager.getByRole('button', { name: 'Tugaskan shift' }).click();
    await manager.getByRole('rowheader', { name: /Eko Prasetyo/ }).waitFor(WAIT);

    await assign(manager, 'Fajar Nugroho', ['08:00', '09:00', '18:00'], 'Lighting designer');
    await manager.getByRole('button', { name: 'Tugaskan shift' }).click();
    await manager.getByRole('rowheader', { name: /Fajar Nugroho/ }).waitFor(WAIT);
    // Not a key call: the form starts afresh after each assignment.
    await expect
      .poll(() => manager.getByRole('rowheader', { name: /Fajar Nugroho/ }).textContent())
      .not.toMatch(/Kunci/);

    // Eko again, overlapping his own shift: refused, the conflicts listed.
    await assign(manager, 'Eko Prasetyo', ['13:00', '14:00', '22:00'], 'Monitor engineer');
    await manager.getByRole('button', { name: 'Tugaskan shift' }).click();
    const refused = manager.getByTestId('refused-conflicts');
    await refused.getByText('Bertabrakan dengan shift lain orang ini di produksi ini').waitFor(WAIT);
    await shot('crew-01-conflict-refused', manager);
    await refused.getByLabel('Alasan tetap menugaskan').fill('Eko covers monitors after soundcheck');
    await manager.getByRole('button', { name: 'Tetap tugaskan' }).click();
    await refused.waitFor({ state: 'detached', ...WAIT });
    await manager
      .getByText(/dikecualikan: Eko covers monitors after soundcheck/)
      .first()
      .waitFor(WAIT);
    expect(await manager.locator('tr.conflict').count()).toBeGreaterThanOrEqual(2);
  });

  it('the manager publishes the show day’s call sheet', async () => {
    await manager.getByRole('button', { name: 'Terbitkan call sheet' }).click();
    await manager.getByTestId('sheet-status').getByText('Diterbitkan · v1').waitFor(WAIT);
    await manager.getByText('Menunggu konfirmasi').first().waitFor(WAIT);
    await manager.locator('[data-live-status="live"]').waitFor(WAIT);
    await shot('crew-02-schedule-published', manager);
  });

  it('the crew member acknowledges their call and gets their calendar address; the manager sees it live', async () => {
    eko = await signedIn('eko@gema.test');
    await eko.getByRole('heading', { name: 'Call saya' }).waitFor(WAIT);
    await eko.getByRole('button', { name: 'Konfirmasi call saya' }).first().click();
    await eko.getByTestId('my-call').first().getByText('Dikonfirmasi').waitFor(WAIT);
    expect(await eko.getByRole('button', { name: 'Konfirmasi call saya' }).count()).toBe(0);
    // A crew member neither assigns nor publishes.
    expect(await eko.locator('form.assign').count()).toBe(0);

    await eko.getByRole('button', { name: 'Buat alamat kalender baru' }).click();
    const url = await eko.getByTestId('calendar-url').inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await feed.text()).match(/BEGIN:VEVENT/g)).toHaveLength(2);
    await shot('crew-03-my-calls', eko);

    // Two rows for Eko on the manager's open page, both acknowledged, without a reload.
    await expect
      .poll(
        () => manager.locator('tr', { hasText: 'Eko Prasetyo' }).filter({ hasText: 'Dikonfirmasi' }).count(),
        WAIT,
      )
      .toBe(2);
    expect(pageErrors).toEqual([]);
  });
});
