// `npm run shots`: screenshots of the play view for a person to look at (not a test): Tapeloop's
// title screen, a beat of each chapter, a decision mid-window, its last 3 s, a pick landing and the
// ending card, at a phone, laptop and 4K size in both themes, into screenshots/ (gitignored).
// The site comes from build-site.mjs (INKREEL_E2E_DIR, default .e2e/). Narrow a run with
// `--size 1280x720` and `--theme dark` (each may repeat); `--docs` also writes the README's WebP
// copies of a few of them into docs/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { launchBrowser } from './browser.ts';

const out = resolve('screenshots');
const STORY = 'tapeloop';
const ALL_SIZES = ['390x844', '1280x720', '2560x1440'];
const ALL_THEMES = ['dark', 'light'] as const;
const CHOICE = '[role="group"][aria-label="Choices"] button:not([disabled])';
const BAR = '[role="progressbar"][aria-label="Time left to choose"]';

function wanted(flag: string, all: readonly string[]): string[] {
  const picked: string[] = [];
  process.argv.forEach((arg, i) => {
    const next = process.argv[i + 1];
    if (arg === flag && next) picked.push(next);
  });
  return picked.length > 0 ? picked.filter((p) => all.includes(p)) : [...all];
}

const state = (page: Page): Promise<string> =>
  page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');

async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
}

/** Plays Tapeloop from its title screen to an ending, shooting along the way. */
async function playThrough(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const chapters = new Set<string>();
  let windowShot = false;
  for (let step = 0; step < 2_000; step++) {
    const now = await state(page);
    if (now === 'ended') break;
    if (now === 'error') throw new Error('the story reached its error screen');
    const cardShown = await page.locator('.chapter-card:not([hidden])').count();
    const chapter = ((await page.locator('.play-chapter').textContent()) ?? '').trim();
    if (cardShown === 0 && chapter && !chapters.has(chapter) && now !== 'loading') {
      chapters.add(chapter);
      await settle(page, 900);
      await shot(`chapter-${chapters.size}`);
    }
    if (now === 'choosing' && (await page.locator(CHOICE).count()) > 0) {
      const bar = page.locator(BAR);
      if (!windowShot && (await bar.count()) > 0) {
        windowShot = true;
        await page.waitForFunction(
          (sel) => Number(document.querySelector(sel)?.getAttribute('aria-valuenow') ?? 100) <= 55,
          BAR,
          { timeout: 30_000 },
        );
        await shot('decision-mid');
        await page.waitForFunction(
          (sel) => document.querySelector(sel)?.getAttribute('data-low-time') === 'true',
          BAR,
          { timeout: 30_000 },
        );
        await settle(page, 700);
        await shot('last-3s');
        await page.locator(CHOICE).first().click();
        await settle(page, 220);
        await shot('pick-landing');
        continue;
      }
      await page.locator(CHOICE).first().click();
      await settle(page, 700);
      continue;
    }
    const cue = page.locator('button.continue:not([hidden])');
    if ((await cue.count()) > 0 && (await cue.isVisible())) {
      await cue.click();
      await settle(page, 150);
      continue;
    }
    await settle(page, 120);
  }
  await page.getByRole('region', { name: 'Ending' }).waitFor({ timeout: 30_000 });
  await settle(page, 800);
  await shot('ending');
}

async function shoot(browser: Browser, base: string, size: string, theme: string): Promise<void> {
  const [width, height] = size.split('x').map(Number) as [number, number];
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme: theme === 'light' ? 'light' : 'dark',
  });
  const page = await context.newPage();
  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(out, `${name}-${size}-${theme}.png`) });
  };
  // whole pages at once, so a shot never catches half a line
  await page.goto(`${base}/#/settings`);
  await page.getByLabel('Instant (each page appears whole)').check();
  // the player's choice of theme, over Tapeloop's own `theme: dark`
  await page.getByLabel(theme === 'light' ? 'Light' : 'Dark', { exact: true }).check();
  await page.goto(`${base}/#/story/${STORY}`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 30_000 });
  await settle(page, 800);
  await shot('title');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await playThrough(page, shot);
  await context.close();
  console.log(`shots: ${size} ${theme}`);
}

/** The README's pictures: screenshot name → docs file. */
const DOCS: Readonly<Record<string, string>> = {
  'decision-mid-1280x720-dark': 'play-decision.webp',
  'last-3s-390x844-dark': 'play-last-seconds-phone.webp',
  'chapter-4-2560x1440-light': 'play-subtitles-light.webp',
};

/** Re-encodes the DOCS screenshots as WebP with Chromium's own encoder (no image tool needed). */
async function writeDocs(browser: Browser): Promise<void> {
  const docs = resolve('docs');
  mkdirSync(docs, { recursive: true });
  const page = await browser.newPage();
  for (const [shot, file] of Object.entries(DOCS)) {
    const png = readFileSync(join(out, `${shot}.png`)).toString('base64');
    const webp = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      // the 4K shot is halved: the README shows it at page width anyway
      const scale = img.width > 1600 ? 0.5 : 1;
      const c = document.createElement('canvas');
      c.width = Math.round(img.width * scale);
      c.height = Math.round(img.height * scale);
      c.getContext('2d')?.drawImage(img, 0, 0, c.width, c.height);
      return c.toDataURL('image/webp', 0.82).split(',')[1] ?? '';
    }, `data:image/png;base64,${png}`);
    writeFileSync(join(docs, file), Buffer.from(webp, 'base64'));
    console.log(`shots: docs/${file}`);
  }
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = await preview({
    build: { outDir: join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist') },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const browser = await launchBrowser();
  try {
    for (const theme of wanted('--theme', ALL_THEMES))
      for (const size of wanted('--size', ALL_SIZES)) await shoot(browser, base, size, theme);
    if (process.argv.includes('--docs')) await writeDocs(browser);
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`shots: written to ${out}`);
}

await main();
