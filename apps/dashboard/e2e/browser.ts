import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless (a test tool's own browser download is not available here). The flags keep
 * it from reaching out to the network at start, which this machine's closed network would refuse.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface SignInOptions {
  readonly baseUrl: string;
  readonly email: string;
  readonly password: string;
  /** The browser's zone: `UTC` where a spec pins times, `Asia/Jakarta` as the users have it. */
  readonly timezoneId: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The home page's heading in the person's language (default Indonesian: 'Produksi Anda'). */
  readonly homeHeading?: string;
  /** Collects the context, to be closed by the spec's `afterAll`. */
  readonly contexts: BrowserContext[];
  /** Collects uncaught page errors, which a spec expects to stay empty. */
  readonly pageErrors: string[];
}

/**
 * A person signed in through the sign-in page, in a browser context of their own (Indonesian, at a
 * desktop size unless a phone's is given), waiting until their home page shows.
 */
export async function signInPage(browser: Browser, options: SignInOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: options.timezoneId,
  });
  options.contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => options.pageErrors.push(`${options.email}: ${error.message}`));
  await page.goto(`${options.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(options.email);
  await page.getByLabel('Kata sandi').fill(options.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page
    .getByRole('heading', { name: options.homeHeading ?? 'Produksi Anda', level: 1 })
    .waitFor({ timeout: 30_000 });
  return page;
}
