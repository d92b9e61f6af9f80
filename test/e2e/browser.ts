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

/** The group of the decision's option buttons. */
export const CHOICES = '[role="group"][aria-label="Choices"]';
const OPEN_CHOICE = `${CHOICES} button:not([disabled])`;

/**
 * Waits until a decision takes input: 'choosing', an enabled option, and no chapter card over it
 * (a picked card's hold still reads 'choosing' with its buttons disabled). On the way it reads
 * on through pages of text, as a player would.
 */
export async function waitForDecision(page: Page, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const handle = await page.waitForFunction(
      (open) => {
        if (
          document.getElementById('app')?.dataset.state === 'choosing' &&
          document.querySelector(open) !== null &&
          document.querySelector('.chapter-card:not([hidden])') === null
        )
          return 'open';
        const cue = document.querySelector('button.continue:not([hidden])');
        return cue?.textContent === 'Continue' ? 'page' : false;
      },
      OPEN_CHOICE,
      { timeout: Math.max(1, deadline - Date.now()) },
    );
    if ((await handle.jsonValue()) === 'open') return;
    await page
      .locator('button.continue:not([hidden])')
      .click({ timeout: Math.max(1, deadline - Date.now()) })
      .catch(() => undefined);
  }
}

/** Clicks option `index` once its decision takes input, and waits until the pick was taken. */
export async function pickOption(page: Page, index: number, timeout = 20_000): Promise<void> {
  await waitForDecision(page, timeout);
  const before = await page.evaluate(
    () => performance.getEntriesByName('inkreel:next-beat').length,
  );
  await page.locator(`${CHOICES} button[data-index="${index}"]`).click();
  await page.waitForFunction(
    (n) =>
      performance.getEntriesByName('inkreel:next-beat').length > n &&
      ['reading', 'choosing', 'ended', 'error'].includes(
        document.getElementById('app')?.dataset.state ?? '',
      ),
    before,
    { timeout },
  );
}

/** The keys, or the values, of one object store of the app's IndexedDB database, read in the page. */
export async function readStore(
  page: Page,
  store: string,
  what: 'keys' | 'values',
): Promise<unknown[]> {
  return page.evaluate(
    async ({ store, what }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('inkreel');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
      });
      try {
        return await new Promise<unknown[]>((resolve, reject) => {
          const objects = db.transaction(store).objectStore(store);
          const req = what === 'keys' ? objects.getAllKeys() : objects.getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        });
      } finally {
        db.close();
      }
    },
    { store, what },
  );
}
