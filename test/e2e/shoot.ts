// Screenshots of the pacing states (a beat being read, a paged beat, a speaker line, the pick's
// hold, "The clock chose") at a phone, desktop and 4K size, written to screenshots/ (gitignored)
// for a person to look at. Run after `node test/e2e/build-site.mjs`: `npx tsx test/e2e/shoot.ts`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launchBrowser } from './browser.ts';

const out = resolve('screenshots');
const sizes = [
  [390, 844],
  [1280, 720],
  [2560, 1440],
] as const;

const state = (page: Page) =>
  page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');
const cue = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLButtonElement>('button.continue:not([hidden])')?.textContent,
  );

async function untilChoosing(
  page: Page,
  shot: (name: string) => Promise<void>,
  paged: { done: boolean },
) {
  for (let i = 0; i < 300; i++) {
    if ((await state(page)) === 'choosing') return;
    if ((await cue(page)) === 'Continue') {
      if (!paged.done) {
        paged.done = true;
        await shot('paged');
      }
      await page.locator('button.continue').click();
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no decision');
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = await preview({
    build: { outDir: join(resolve('.e2e'), 'dist') },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const browser = await launchBrowser();
  try {
    for (const [width, height] of sizes) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const shot = async (name: string) => {
        await page.screenshot({ path: join(out, `${name}-${width}x${height}.png`) });
      };
      const paged = { done: false };
      await page.goto(`${base}/#/play/tapeloop`);
      await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'reading');
      await page.waitForTimeout(900);
      await shot('reading');
      await untilChoosing(page, shot, paged);
      await page.waitForTimeout(500);
      await shot('choosing');
      await page.locator('[aria-label="Choices"] button[data-index="0"]').click();
      await page.waitForTimeout(200);
      await shot('pick-hold');
      await page.waitForFunction(
        () => document.querySelector('[role="log"]')?.textContent?.includes('Jude, look') === true,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(2500);
      await shot('speaker');
      await untilChoosing(page, shot, paged);
      await page.waitForFunction(
        () =>
          document.querySelector('.play-status')?.textContent?.includes('The clock chose') === true,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(150);
      await shot('clock-chose');
      for (let d = 0; d < 6 && !paged.done; d++) {
        await untilChoosing(page, shot, paged);
        await page.locator('[aria-label="Choices"] button[data-index="0"]').click();
        await page.waitForTimeout(800);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
