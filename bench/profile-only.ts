// `npx tsx bench/profile-only.ts [store] [export] [runs]`: only the big-profile rows of the bench
// (ProfileStore load at 100 000 events, the worker export and import of 100 000 events), for
// working on them without the whole bench. Prints medians with their spread and the load.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../test/e2e/browser.ts';
import { exportImportFigure } from './big-profile.ts';
import { serve, storeFigures, type Bench } from './browser.ts';
import { buildBenchPages, buildSite, ROOT } from './build.ts';
import type { Summary } from './stats.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const site = join(ROOT, 'bench/results/site-profile');
const fmt = (s: Summary): string =>
  `median ${s.median.toFixed(0)} ms (${JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))})`;

async function main(): Promise<void> {
  console.log(
    `load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await buildSite(site);
  await buildBenchPages(site);
  const browser = await launchBrowser();
  const { server, url } = await serve(site);
  try {
    if (args.includes('store')) {
      const store = await storeFigures(browser, url, [100_000], runs, 10);
      console.log(`ProfileStore load, 100,000 events: ${fmt(store.load[100_000]!)}`);
    }
    if (args.includes('breakdown')) {
      // the store page's own split of a load: IndexedDB's read, then restoreRecords
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/__bench/store/index.html`);
      await page.waitForFunction(() => 'inkreelBench' in window, undefined, { timeout: 30_000 });
      const out = await page.evaluate(
        async ([n, r]) => {
          const api = (window as unknown as Bench).inkreelBench;
          await api.clear('split');
          const id = await api.seed('split', n);
          const loads = await api.load('split', id, r);
          const splits = [];
          for (let i = 0; i < r; i++) splits.push(await api.breakdown('split', id));
          await api.clear('split');
          return { loads, splits };
        },
        [100_000, runs] as const,
      );
      console.log(`load ${out.loads.map((x) => x.toFixed(0)).join(' ')} ms`);
      for (const s of out.splits)
        console.log(`  read ${s.read.toFixed(0)} ms, restore ${s.restore.toFixed(0)} ms`);
      await context.close();
    }
    if (args.includes('export')) {
      const big = await exportImportFigure(browser, url, 100_000, runs);
      console.log(
        `Export, 100,000 events (worker): ${fmt(big.exportMs)}; ZIP ${(big.zipBytes / 1e6).toFixed(2)} MB`,
      );
      console.log(`Import, 100,000 events (worker): ${fmt(big.importMs)}`);
    }
  } finally {
    await server.close();
    await browser.close();
  }
  console.log(
    `load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
