// The first beat of a cold direct play link against the bare page's first choice (DESIGN §8), and
// the JS fetched before it, beside an Inky-style page (inkjs runtime + plain DOM) built in the same
// run. Cold loads alternate app, bare page and Inky-style page so all three see the same load.
import type { Browser } from 'playwright-core';
import { gzipOfUrl } from './build.ts';
import { summarize, type Summary } from './stats.ts';

const APP_PATH = '/#/play/night-shift';
const BARE_PATH = '/__bench/bare/index.html';
const INKY_PATH = '/__bench/inky/index.html';

interface MarkLoad {
  readonly ms: number;
  /** script URL paths whose request started before the mark */
  readonly scripts: readonly string[];
}

/** One cold load (a new context: empty cache and storage) until the named User Timing mark. */
async function coldLoadUntil(browser: Browser, url: string, mark: string): Promise<MarkLoad> {
  const context = await browser.newContext();
  // tsx's keepNames helper, which page.evaluate's functions call (bench/browser.ts)
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page
      .waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
        timeout: 60_000,
      })
      .catch((error: unknown) => {
        throw new Error(`${url}: no ${mark} mark (${errors.join('; ')})`, { cause: error });
      });
    return await page.evaluate((name) => {
      const at = performance.getEntriesByName(name)[0]!.startTime;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.startTime <= at && /\.m?js(\?|$)/.test(new URL(r.name).pathname))
        .map((r) => new URL(r.name).pathname);
      return { ms: at, scripts };
    }, mark);
  } finally {
    await context.close();
  }
}

export interface FirstBeatFigures {
  /** `inkreel:first-beat` of the app */
  readonly app: Summary;
  /** `inkreel:first-choice` of the bare page */
  readonly bare: Summary;
  /** `inkreel:first-beat` of the Inky-style page */
  readonly inky: Summary;
  /** median of per-pair ratios app / bare (each app load next to a bare load) */
  readonly ratio: Summary;
  readonly jsGzip: number;
  readonly bareJsGzip: number;
  readonly inkyJsGzip: number;
  /** the app's scripts before its first beat, largest first */
  readonly scripts: readonly { path: string; gzip: number }[];
}

export async function firstBeatFigures(
  browser: Browser,
  url: string,
  outDir: string,
  runs: number,
): Promise<FirstBeatFigures> {
  const app: number[] = [];
  const bare: number[] = [];
  const inky: number[] = [];
  const ratios: number[] = [];
  let scripts = {
    app: [] as readonly string[],
    bare: [] as readonly string[],
    inky: [] as readonly string[],
  };
  const once = async (): Promise<{ a: MarkLoad; b: MarkLoad; i: MarkLoad }> => ({
    a: await coldLoadUntil(browser, `${url}${APP_PATH}`, 'inkreel:first-beat'),
    b: await coldLoadUntil(browser, `${url}${BARE_PATH}`, 'inkreel:first-choice'),
    i: await coldLoadUntil(browser, `${url}${INKY_PATH}`, 'inkreel:first-beat'),
  });
  // one untimed round warms the server and the OS file cache
  await once();
  for (let run = 0; run < runs; run++) {
    const { a, b, i } = await once();
    app.push(a.ms);
    bare.push(b.ms);
    inky.push(i.ms);
    ratios.push(a.ms / b.ms);
    scripts = { app: a.scripts, bare: b.scripts, inky: i.scripts };
  }
  const sized = (paths: readonly string[]): { path: string; gzip: number }[] =>
    [...new Set(paths)]
      .map((path) => ({ path, gzip: gzipOfUrl(outDir, path) }))
      .sort((x, y) => y.gzip - x.gzip);
  const total = (paths: readonly string[]): number =>
    sized(paths).reduce((sum, s) => sum + s.gzip, 0);
  const appScripts = sized(scripts.app);
  return {
    app: summarize(app),
    bare: summarize(bare),
    inky: summarize(inky),
    ratio: summarize(ratios),
    jsGzip: appScripts.reduce((sum, s) => sum + s.gzip, 0),
    bareJsGzip: total(scripts.bare),
    inkyJsGzip: total(scripts.inky),
    scripts: appScripts,
  };
}
