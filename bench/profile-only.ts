// `npx tsx bench/profile-only.ts [store] [export] [runs]`: only the big-profile rows of the bench
// (ProfileStore load at 100 000 events, the worker export and import of 100 000 events), for
// working on them without the whole bench. Prints medians with their spread and the load.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../test/e2e/browser.ts';
import { exportImportFigure } from './big-profile.ts';
import { serve, storeFigures } from './browser.ts';
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
