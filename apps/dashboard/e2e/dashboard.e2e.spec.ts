import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The API's test helper: real PostgreSQL and Temporal from the `e2e` project's global setup.
import { bearer, DEMO, startTestApi, type TestApi } from '@panggung/api/testing';
import { launchChromium } from './browser.ts';
import { buildDashboard } from './build.ts';

const dashboardDir = path.resolve(import.meta.dirname, '..');
const shots = path.resolve(dashboardDir, '../../test-results/e2e');
const CONCERT = 'Senandung Senja — Konser Outdoor Jakarta 2027';
const WAIT = { timeout: 20_000 };

let api: TestApi;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, target: Page = page) =>
  target.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

describe('dashboard in a browser', () => {
  beforeAll(async () => {
    const distDir = await buildDashboard('dashboard');
    await fs.mkdir(shots, { recursive: true });
    api = await startTestApi('dashboard_e2e', { dashboardDir: distDir });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = address.replace('localhost', '127.0.0.1');
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'id-ID',
      timezoneId: 'UTC',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.app.close();
  });

  it('sends a signed-out visitor to sign-in, explains a wrong password, then signs in', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Masuk ke Panggung' }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await shot('01-sign-in');

    await page.getByLabel('E-mail').fill('ayu@gema.test');
    await page.getByLabel('Kata sandi').fill('not-the-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail atau kata sandi tidak sesuai.' }).waitFor(WAIT);

    await page.getByLabel('Kata sandi').fill(DEMO.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Produksi Anda', level: 1 }).waitFor(WAIT);
    await page.getByRole('link', { name: CONCERT }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Peluncuran Produk Nusantara X' }).waitFor(WAIT);
    // Dates in Jakarta time with the WIB label, roles in words.
    await page.getByText('Min, 14 Mar 2027 · 16.00–23.30 WIB').waitFor(WAIT);
    expect(await page.getByText('Pengelola produksi').count()).toBeGreaterThan(0);
    await shot('02-productions');
  });

  it('switches to English and back, and remembers the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Your productions', level: 1 }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Sun, 14 Mar 2027 · 16:00–23:30 WIB').waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { name: 'Your productions', level: 1 }).waitFor(WAIT);
    await shot('05-english');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Produksi Anda', level: 1 }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('opens the concert, goes live, and follows a rename without a reload', async () => {
    await page.getByRole('link', { name: CONCERT }).click();
    await page.getByRole('heading', { name: CONCERT, level: 1 }).waitFor(WAIT);
    await page.locator('[data-live-status="live"]').waitFor(WAIT);
    expect(await page.locator('[data-live-status]').innerText()).toContain('Langsung');
    // The heading has focus after the route change (screen readers start there).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByText('Belum ada aktivitas sejak halaman ini dibuka.').waitFor(WAIT);
    await shot('03-production-live');

    // Someone else's change through the API: Ayu's bearer token, at the version the API reports.
    const token = await api.signIn('ayu@gema.test');
    const current = await api.app.inject({
      method: 'GET',
      url: `/api/productions/${DEMO.concertId}`,
      headers: bearer(token),
    });
    const renamed = 'Senandung Senja — Konser Outdoor Jakarta 2027 (Hari Kedua)';
    const patch = await api.app.inject({
      method: 'PATCH',
      url: `/api/productions/${DEMO.concertId}`,
      headers: bearer(token),
      payload: { expectedVersion: current.json<{ version: number }>().version, name: renamed },
    });
    expect(patch.statusCode).toBe(200);

    const feed = page.getByTestId('activity');
    await feed.getByText(`Nama produksi diubah menjadi “${renamed}”`).waitFor(WAIT);
    await feed.getByText('oleh Anda').waitFor(WAIT);
    await page.getByRole('heading', { name: renamed, level: 1 }).waitFor(WAIT);
    expect(page.url()).toBe(`${baseUrl}/productions/${DEMO.concertId}`); // same page, no navigation
    await shot('04-after-live-update');

    // Another section opens in place, and the live stream stays up across sections.
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit', level: 2 }).waitFor(WAIT);
    await page.locator('[data-live-status="live"]').waitFor(WAIT);
  });

  it('works on a phone-sized screen', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(error.message));
    await small.goto(`${baseUrl}/productions/${DEMO.concertId}`);
    await small.locator('[data-live-status="live"]').waitFor(WAIT);
    await small.getByRole('heading', { name: 'Aktivitas langsung' }).waitFor(WAIT);
    // Nothing wider than the screen (the section tabs scroll inside their own strip).
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('06-phone', small);
    await phone.close();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Panggung' }).waitFor(WAIT);
    await page.getByText('Anda telah keluar.').waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    // The cookie is gone: the API no longer knows this browser.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
