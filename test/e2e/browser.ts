// Launches the real headless Chromium for browser tests: CHROMIUM_PATH, else @sparticuz/chromium.
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  // No skip when it is missing: a browser test that cannot find Chromium must fail.
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_FLAGS });
}

/** Records every request a page makes, so a test can assert none left the origin. */
export function trackRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

export function foreignRequests(requests: readonly Request[], origin: string): string[] {
  return requests
    .map((r) => r.url())
    .filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
}

/** Collects page errors and console errors, so a test can show them when it fails. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The app root's `data-state` (DESIGN.md §7). */
export async function appState(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');
}

/**
 * Waits until the app root's `data-state` is one of `states`, and returns it. On the way it reads
 * as a player would: it continues through pages of text (the "Continue" cue), and past a story's
 * last beat to the ending when `ended` is wanted; it never picks.
 */
export async function waitForState(
  page: Page,
  states: readonly string[],
  timeout = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const left = deadline - Date.now();
    const handle = await page.waitForFunction(
      (wanted) => {
        const state = document.getElementById('app')?.dataset.state ?? '';
        if (wanted.includes(state)) return 'state';
        const cue = document.querySelector<HTMLButtonElement>('button.continue:not([hidden])');
        if (!cue) return false;
        if (cue.textContent === 'Continue') return 'page';
        return wanted.includes('ended') ? 'ending' : false;
      },
      [...states],
      { timeout: Math.max(1, left) },
    );
    if ((await handle.jsonValue()) === 'state') return appState(page);
    await page
      .locator('button.continue:not([hidden])')
      .click({ timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => undefined);
  }
}
