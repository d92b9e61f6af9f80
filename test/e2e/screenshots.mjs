// Screenshots of the play view, the pause menu and the History at phone, laptop and large sizes in
// both themes, for a person to look at (not a test). Build the site first with build-site.mjs;
// writes screenshots/ (gitignored). Usage: node test/e2e/screenshots.mjs [storyId]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'screenshots');
const storyId = process.argv[2] ?? 'tapeloop';
const SIZES = [
  [360, 640],
  [390, 844],
  [1280, 720],
  [2560, 1440],
];
const CHOICE = '[role="group"][aria-label="Choices"] button:not([disabled])';

async function executablePath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return (await import('@sparticuz/chromium')).default.executablePath();
}

mkdirSync(out, { recursive: true });
const server = await preview({
  build: { outDir: join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist') },
  preview: { port: 0, host: '127.0.0.1', strictPort: false },
  logLevel: 'warn',
});
const baseUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: await executablePath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const colorScheme of ['dark', 'light']) {
    for (const [width, height] of SIZES) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const name = (what) => join(out, `${what}-${width}x${height}-${colorScheme}.png`);
      await page.goto(`${baseUrl}/#/settings`);
      await page.getByLabel('No timer: wait for me').check();
      await page.goto(`${baseUrl}/#/play/${storyId}`);
      for (let n = 0; n < 2; n += 1) {
        await page.locator(CHOICE).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(600);
        await page.locator(CHOICE).first().click();
      }
      await page.locator(CHOICE).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(2_500);
      await page.screenshot({ path: name('play') });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Paused' }).waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: name('menu') });
      await page
        .getByRole('dialog', { name: 'Paused' })
        .getByRole('button', { name: 'History' })
        .click();
      await page.getByRole('dialog', { name: 'History' }).waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: name('history') });
      await context.close();
      console.log(`${width}x${height} ${colorScheme}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
