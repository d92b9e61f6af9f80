// Screenshots and measurements of the report and the home for a person to look at: a fresh profile,
// one short playthrough and a long history (imported), at a phone, desktop and 4K size, dark and
// light. Prints each page's height and whether it scrolls sideways. Run after building a site:
// `INKREEL_E2E_DIR=/tmp/site node test/e2e/build-site.mjs && INKREEL_E2E_DIR=/tmp/site npx tsx test/e2e/report-shots.ts`
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launchBrowser } from './browser.ts';
import { exportDocument, openReport, waitForState } from './report-helpers.ts';

const out = resolve(process.env.INKREEL_SHOTS_DIR ?? 'screenshots');
const sizes = [
  [390, 844],
  [1280, 720],
  [2560, 1440],
] as const;

interface Taste {
  readonly [dim: string]: number;
}

/**
 * `count` choices over the shipped stories: a player who leans Thrill-seeking and Warmth, with no
 * lean on the rest, picking the first option a little more often than chance.
 */
function history(profileId: string, count: number, seed = 7): unknown[] {
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const stories = ['tapeloop', 'night-shift', 'low-tide', 'tutorial'];
  const pairs: [Taste, Taste][] = [
    [{ risk: 1 }, { risk: -1 }],
    [{ empathy: 1 }, { empathy: -1 }],
    [{ honesty: 1 }, { honesty: -1 }],
    [{ curiosity: 1, risk: 0.5 }, { curiosity: -1 }],
    [{ solitude: 1 }, { solitude: -1 }],
  ];
  const weights: Taste = { risk: 1.4, empathy: 0.9, honesty: 0, curiosity: 0, solitude: 0 };
  const events: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const story = stories[i % stories.length]!;
    // the + pole comes first on every other decision, so position and taste are not confounded
    const [p, q] = pairs[(i * 7 + Math.floor(i / 11)) % pairs.length]!;
    const [a, b] = i % 2 === 0 ? [p, q] : [q, p];
    const u = (t: Taste) =>
      Object.entries(t).reduce((sum, [k, v]) => sum + (weights[k] ?? 0) * v, 0);
    const pA = 1 / (1 + Math.exp(u(b) - u(a) - 0.2));
    const chosenIndex = rand() < pA ? 0 : 1;
    const windowMs = i % 3 === 0 ? null : 9000;
    const timedOut = windowMs !== null && rand() < 0.08;
    const decisionMs = timedOut ? 9000 : 1500 + Math.floor(rand() * 6000);
    const text = (t: Taste, n: number) => `${Object.keys(t)[0]} ${n > 0 ? 'yes' : 'no'} ${i % 23}`;
    events.push({
      v: 1,
      id: `h${i}`,
      profileId,
      sessionId: `s${Math.floor(i / 12)}`,
      storyId: story,
      storyVersion: 'v',
      at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      type: 'choice.made',
      decisionId: `${story}.d${i % 23}`,
      knot: 'k',
      options: [
        { text: text(a, i % 2 === 0 ? 1 : -1), taste: a },
        { text: text(b, i % 2 === 0 ? -1 : 1), taste: b },
      ],
      chosenIndex: timedOut ? 0 : chosenIndex,
      decisionMs,
      windowMs,
      timedOut,
      input: 'pointer',
    });
  }
  return events;
}

async function importHistory(
  page: Page,
  base: string,
  events: unknown[],
  name: string,
): Promise<void> {
  await openReport(page, base);
  const doc = exportDocument({ id: name, name }, events);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.locator('.switch-imported, .import-error').first().waitFor({ timeout: 60_000 });
  const error = await page.locator('.import-error').count();
  if (error > 0) throw new Error(String(await page.locator('.import-error').textContent()));
  await page.locator('.switch-imported').click();
  await waitForState(page, ['report', 'home']);
  await openReport(page, base);
}

async function measure(page: Page, label: string): Promise<void> {
  const m = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  console.log(
    `${label}: height ${m.height} px, scrollWidth ${m.scrollWidth} / clientWidth ${m.clientWidth}`,
  );
  if (process.env.INKREEL_SHOTS_PARTS) {
    const parts = await page.evaluate(() =>
      [...(document.querySelector('.report')?.children ?? [])].map(
        (el) => `${el.className || el.tagName}:${Math.round(el.getBoundingClientRect().height)}`,
      ),
    );
    console.log(`  ${parts.join(' ')}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = await preview({
    build: { outDir: join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist') },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const browser = await launchBrowser();
  const only = process.env.INKREEL_SHOTS_ONLY;
  try {
    for (const scheme of ['dark', 'light'] as const) {
      for (const [width, height] of sizes) {
        if (only && !only.includes(`${width}`)) continue;
        const context = await browser.newContext({
          viewport: { width, height },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        const shot = async (name: string, fullPage = false) => {
          await page.screenshot({
            path: join(out, `${name}-${scheme}-${width}x${height}.png`),
            fullPage,
          });
        };
        const profiles: [string, unknown[]][] = [
          ['fresh', []],
          ['one', history('one', 9)],
          ['many', history('many', 400)],
        ];
        for (const [name, events] of profiles) {
          if (events.length === 0) await openReport(page, base);
          else await importHistory(page, base, events, name);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(300);
          await measure(page, `report ${name} ${scheme} ${width}x${height}`);
          await shot(`report-${name}`);
          // the first screens, one by one, as a person scrolls them
          for (let screen = 1; screen < 4; screen++) {
            await page.evaluate((y) => window.scrollTo(0, y), screen * height);
            await page.waitForTimeout(100);
            await shot(`report-${name}-screen${screen + 1}`);
          }
          const before = await page.evaluate(() => {
            const list = document.querySelector('.report-records');
            return list ? Math.round(list.getBoundingClientRect().top + window.scrollY) : -1;
          });
          console.log(
            `  the recorded events start at ${before} px (${(before / height).toFixed(1)} screens)`,
          );
          if (name === 'many') {
            await shot(`report-${name}-full`, width < 2000);
            // "How this is calculated" and a lean's evidence, unfolded
            await page.evaluate(() => {
              const calc = document.querySelector<HTMLDetailsElement>('details.how-calculated');
              const evidence = document.querySelector<HTMLDetailsElement>(
                'details.evidence-details',
              );
              if (calc) calc.open = true;
              if (evidence) evidence.open = true;
              calc?.scrollIntoView();
            });
            await page.waitForTimeout(100);
            await shot(`report-${name}-calculated`);
            await page.goto(`${base}/#/`);
            await waitForState(page, ['home']);
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.waitForTimeout(300);
            await measure(page, `home ${name} ${scheme} ${width}x${height}`);
            await shot(`home-${name}`);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
