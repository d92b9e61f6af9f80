// The edit loop in `npm run dev`: vite's dev server on a temp copy of a story, a page playing it,
// and the time from saving the .ink file to the page showing the new text.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { ROOT } from './build.ts';
import { summarize, type Summary } from './stats.ts';

const ORIGINAL = 'The Hotel Alcyone has nine rooms';

export async function devReloadFigure(
  browser: Browser,
  runs: number,
  cacheDir: string,
): Promise<Summary> {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-bench-stories-'));
  cpSync(join(ROOT, 'stories/night-shift'), join(dir, 'night-shift'), { recursive: true });
  const file = join(dir, 'night-shift/main.ink');
  const source = readFileSync(file, 'utf8');
  if (!source.includes(ORIGINAL)) throw new Error(`night-shift no longer says "${ORIGINAL}"`);
  const saved = process.env.INKREEL_STORIES_DIR;
  process.env.INKREEL_STORIES_DIR = dir;
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    await server.listen();
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!url) throw new Error('the dev server did not report a URL');
    const page = await context.newPage();
    const logHas = (text: string) =>
      page.waitForFunction(
        (t) => (document.querySelector('[role="log"]')?.textContent ?? '').includes(t),
        text,
        { timeout: 60_000, polling: 'raf' },
      );
    await page.goto(`${url}/#/play/night-shift`);
    await logHas('Hotel Alcyone');
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const marker = `The Hotel Alcyone has bench${Date.now()}x${i} rooms`;
      const t = performance.now();
      writeFileSync(file, source.replace(ORIGINAL, marker));
      await logHas(marker);
      if (i > 0) samples.push(performance.now() - t); // the first edit warms the compiler
    }
    return summarize(samples);
  } finally {
    await context.close();
    await server.close();
    if (saved === undefined) delete process.env.INKREEL_STORIES_DIR;
    else process.env.INKREEL_STORIES_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
