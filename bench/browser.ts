// Chromium figures for the bench: countdown frame intervals beside the idle bare page, ProfileStore
// on IndexedDB, report render (the first beat: first-beat.ts; picks: pick.ts; frames: frames.ts).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { StoreBenchApi } from './pages/store/store.ts';
import type { ViewsBenchApi } from './pages/views/views.ts';
import { summarize, type Summary } from './stats.ts';

const CHOICES = '[role="group"][aria-label="Choices"]';

/**
 * A fresh context (empty cache and storage). tsx compiles the functions given to page.evaluate
 * with esbuild's keepNames, which calls a `__name` helper that the page does not have.
 */
export async function newContext(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

export async function serve(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('the preview server did not report a URL');
  return { server, url };
}

export async function waitForState(
  page: Page,
  states: string[],
  timeout = 30_000,
): Promise<string> {
  await page.waitForFunction(
    (wanted) => wanted.includes(document.getElementById('app')?.dataset.state ?? ''),
    states,
    { timeout },
  );
  return page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');
}

/**
 * Plays on as a reader would until a decision takes input (or the story ends): a page or the last
 * beat waits for Continue (DESIGN §3, read then choose), and a chapter's title card goes first.
 */
export async function untilOpenDecision(page: Page, timeout = 30_000): Promise<string> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const at = await page.evaluate((sel) => {
      const state = document.getElementById('app')?.dataset.state ?? '';
      const open =
        state === 'choosing' &&
        document.querySelector(`${sel} button:not([disabled])`) !== null &&
        document.querySelector('.chapter-card:not([hidden])') === null;
      const next = document.querySelector<HTMLButtonElement>('button.continue:not([hidden])');
      if (!open && next) next.click();
      return { state, open };
    }, CHOICES);
    if (at.open || at.state === 'ended' || at.state === 'error') return at.state;
    await page.waitForTimeout(50);
  }
  throw new Error('bench: no decision opened and the story did not end');
}

export interface PlayFigures {
  readonly playthroughs: number;
  readonly frames: Summary;
  /** rAF intervals on the idle bare page for as long: what this machine gives any page */
  readonly bareFrames: Summary;
}

/** rAF deltas for `ms` in the page. */
export function frameDeltas(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = -1;
        const start = performance.now();
        const tick = (t: number): void => {
          if (last >= 0) deltas.push(t - last);
          last = t;
          if (t - start < duration) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Frame intervals in the first countdown of night-shift (the picks are bench/pick.ts's). */
export async function playFigures(
  browser: Browser,
  url: string,
  runs: number,
  countdownMs: number,
): Promise<PlayFigures> {
  const frames: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${url}/#/play/night-shift`);
      await untilOpenDecision(page);
      frames.push(...(await frameDeltas(page, countdownMs)));
    } finally {
      await context.close();
    }
  }
  const bareFrames: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${url}/__bench/bare/index.html`);
      await page.waitForFunction(
        () => performance.getEntriesByName('inkreel:first-choice').length > 0,
      );
      bareFrames.push(...(await frameDeltas(page, countdownMs)));
    } finally {
      await context.close();
    }
  }
  return {
    playthroughs: runs,
    frames: summarize(frames),
    bareFrames: summarize(bareFrames),
  };
}

async function storePage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${url}/__bench/store/index.html`);
  await page.waitForFunction(() => 'inkreelBench' in window, undefined, { timeout: 30_000 });
  return { page, close: () => context.close() };
}

export type Bench = { inkreelBench: StoreBenchApi };

export interface StoreFigures {
  readonly append: Summary;
  readonly load: Readonly<Record<number, Summary>>;
}

export async function storeFigures(
  browser: Browser,
  url: string,
  sizes: readonly number[],
  runs: number,
  appends: number,
): Promise<StoreFigures> {
  const { page, close } = await storePage(browser, url);
  try {
    const load: Record<number, Summary> = {};
    let append: Summary | null = null;
    for (const size of sizes) {
      const name = `bench-${size}`;
      const samples = await page.evaluate(
        async ([n, count, r]) => {
          const api = (window as unknown as Bench).inkreelBench;
          await api.clear(n);
          const id = await api.seed(n, count);
          return { id, ms: await api.load(n, id, r) };
        },
        [name, size, runs] as const,
      );
      load[size] = summarize(samples.ms);
      if (append === null) {
        append = summarize(
          await page.evaluate(
            ([n, id, count]) =>
              (window as unknown as Bench).inkreelBench.appendLatency(n, id, count),
            [name, samples.id, appends] as const,
          ),
        );
      }
      await page.evaluate((n) => (window as unknown as Bench).inkreelBench.clear(n), name);
    }
    return { append: append ?? summarize([]), load };
  } finally {
    await close();
  }
}

/** The report opened (home → #/report) on the app's own database seeded with `events` events. */
export async function reportFigure(
  browser: Browser,
  url: string,
  events: number,
  runs: number,
): Promise<Summary> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/__bench/store/index.html`);
    await page.waitForFunction(() => 'inkreelBench' in window, undefined, { timeout: 30_000 });
    await page.evaluate(
      (n) => (window as unknown as Bench).inkreelBench.seed('inkreel', n),
      events,
    );
    await page.goto(`${url}/#/`);
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await waitForState(page, ['home']);
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const app = document.getElementById('app')!;
            const t = performance.now();
            const check = (): void => {
              // a frame after the report is in the DOM: it has been laid out and painted
              if (app.dataset.state === 'report')
                requestAnimationFrame(() => resolve(performance.now() - t));
              else requestAnimationFrame(check);
            };
            location.hash = '#/report';
            requestAnimationFrame(check);
          }),
      );
      if (i > 0) samples.push(ms); // the first opening warms the code
      await page.evaluate(() => {
        location.hash = '#/';
      });
    }
    return summarize(samples);
  } finally {
    await context.close();
  }
}

type Views = { inkreelViews: ViewsBenchApi };

export interface ViewFigures {
  /** ms to render the home with `homeStories` stories, to the frame after */
  readonly home: Summary;
  readonly homeStories: number;
  /** frame intervals while the large story's map is panned and zoomed */
  readonly mapFrames: Summary;
}

/** The home with many stories, and pan/zoom frames on the map of the large generated story. */
export async function viewFigures(
  browser: Browser,
  url: string,
  mapJson: string,
  runs: number,
  frames: number,
): Promise<ViewFigures> {
  const homeStories = 200;
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${url}/__bench/views/index.html`);
    await page.waitForFunction(() => 'inkreelViews' in window, undefined, { timeout: 30_000 });
    const home: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await page.evaluate(
        (n) => (window as unknown as Views).inkreelViews.home(n),
        homeStories,
      );
      if (i > 0) home.push(ms); // the first render warms the code
    }
    const intervals = await page.evaluate(
      ([json, n]) => (window as unknown as Views).inkreelViews.mapFrames(json, n),
      [mapJson, frames] as const,
    );
    return { home: summarize(home), homeStories, mapFrames: summarize(intervals.slice(5)) };
  } finally {
    await context.close();
  }
}
