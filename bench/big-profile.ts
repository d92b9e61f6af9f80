// Chromium figures for big profiles on the built app (its own IndexedDB, seeded): the report's
// first paint and its completion at each size, and export and import through the report's
// controls (both in their Web Workers), wall time as a player waits for them.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newContext, waitForState, type Bench } from './browser.ts';
import { summarize, type Summary } from './stats.ts';

export interface ReportPaint {
  /** `#/report` set → the first frame showing the report's title (its frame, before the data) */
  readonly firstPaint: Summary;
  /** `#/report` set → the frame after the whole report is drawn */
  readonly complete: Summary;
}

async function seeded(
  browser: Browser,
  url: string,
  events: number,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${url}/__bench/store/index.html`);
  await page.waitForFunction(() => 'inkreelBench' in window, undefined, { timeout: 30_000 });
  await page.evaluate((n) => (window as unknown as Bench).inkreelBench.seed('inkreel', n), events);
  await page.goto(`${url}/#/`);
  return { page, close: () => context.close() };
}

/** Opens the report (home → #/report) `runs` times after a warm-up opening. */
export async function reportPaintFigure(
  browser: Browser,
  url: string,
  events: number,
  runs: number,
): Promise<ReportPaint> {
  const { page, close } = await seeded(browser, url, events);
  try {
    const first: number[] = [];
    const complete: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await waitForState(page, ['home'], 120_000);
      const ms = await page.evaluate(
        () =>
          new Promise<{ first: number; complete: number }>((resolve) => {
            const app = document.getElementById('app')!;
            const t = performance.now();
            let firstAt = -1;
            const check = (): void => {
              // a frame after the element is in the DOM: it has been laid out and painted
              const titled = app.querySelector('#report-title') !== null;
              const done = app.dataset.state === 'report';
              requestAnimationFrame(() => {
                const now = performance.now() - t;
                if (titled && firstAt < 0) firstAt = now;
                if (done) resolve({ first: firstAt, complete: now });
                else check();
              });
            };
            location.hash = '#/report';
            check();
          }),
      );
      if (i > 0) {
        first.push(ms.first);
        complete.push(ms.complete);
      }
      await page.evaluate(() => {
        location.hash = '#/';
      });
    }
    return { firstPaint: summarize(first), complete: summarize(complete) };
  } finally {
    await close();
  }
}

export interface ExportImport {
  /** click on "Download my data" → the download made (built in the export worker) */
  readonly exportMs: Summary;
  /** file chosen → "Imported … as a new profile" (checked in the import worker, then stored) */
  readonly importMs: Summary;
  readonly zipBytes: number;
}

/** Export, then import of that export, through the report's controls on `events` events. */
export async function exportImportFigure(
  browser: Browser,
  url: string,
  events: number,
  runs: number,
): Promise<ExportImport> {
  const { page, close } = await seeded(browser, url, events);
  try {
    await waitForState(page, ['home'], 120_000);
    await page.evaluate(() => {
      location.hash = '#/report';
    });
    await waitForState(page, ['report'], 120_000);
    const exports: number[] = [];
    const imports: number[] = [];
    let zip: Buffer | null = null;
    for (let i = 0; i < runs; i++) {
      const [download, ms] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const status = document.querySelector('.export-status')!;
              const t = performance.now();
              const seen = new MutationObserver(() => {
                const error = status.querySelector('.export-error, .export-cancelled');
                if (error) {
                  seen.disconnect();
                  reject(new Error(`the export failed: ${error.textContent ?? ''}`));
                } else if (status.querySelector('.export-done')) {
                  seen.disconnect();
                  resolve(performance.now() - t);
                }
              });
              seen.observe(status, { childList: true, subtree: true });
              document.querySelector<HTMLButtonElement>('button.export-data')!.click();
            }),
        ),
      ]);
      exports.push(ms);
      const path = await download.path();
      zip = readFileSync(path);
    }
    if (!zip) throw new Error('no export was made');
    for (let i = 0; i < runs; i++) {
      const started = page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const status = document.querySelector('.import-status')!;
            const input = document.querySelector<HTMLInputElement>('#import-file')!;
            let t = -1;
            input.addEventListener('change', () => (t = performance.now()), {
              once: true,
              capture: true,
            });
            const seen = new MutationObserver(() => {
              const error = status.querySelector('.import-error, .import-cancelled');
              if (error) {
                seen.disconnect();
                reject(new Error(`the import failed: ${error.textContent ?? ''}`));
              } else if (t >= 0 && status.querySelector('.import-done')) {
                seen.disconnect();
                resolve(performance.now() - t);
              }
            });
            seen.observe(status, { childList: true, subtree: true });
          }),
      );
      await page.setInputFiles('#import-file', {
        name: 'export.zip',
        mimeType: 'application/zip',
        buffer: zip,
      });
      imports.push(await started);
    }
    return { exportMs: summarize(exports), importMs: summarize(imports), zipBytes: zip.length };
  } finally {
    await close();
  }
}
