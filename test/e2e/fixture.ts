// The shared browser-test fixture: one Chromium per test file, and `open()` for a fresh context and
// page that records its errors and requests and is closed after the test, whatever happens.
import { inject, test as base } from 'vitest';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Request,
} from 'playwright-core';
import { collectErrors, launchBrowser, trackRequests } from './browser.ts';

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** page errors and console errors so far */
  readonly errors: string[];
  /** every request the page made */
  readonly requests: Request[];
}

export interface BrowserFixtures {
  /** the preview server's URL (test/e2e/global-setup.ts) */
  baseUrl: string;
  browser: Browser;
  /** a new context and page; both are closed when the test ends */
  open: (options?: BrowserContextOptions) => Promise<Opened>;
}

/** A new context and page on `browser` that record errors and requests; the caller closes it. */
export async function openContext(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<Opened> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page), requests: trackRequests(page) };
}

export const test = base.extend<BrowserFixtures>({
  // file-scoped, so a file's own file-scoped fixture (one playthrough for many tests) can use it
  baseUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(inject('baseUrl'));
    },
    { scope: 'file' },
  ],
  browser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchBrowser();
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],
  open: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const opened = await openContext(browser, options);
      contexts.push(opened.context);
      return opened;
    });
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  },
});

export { describe, expect } from 'vitest';
