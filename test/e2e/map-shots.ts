// Screenshots of the story map for a person to look at (not a test): fresh, after one
// playthrough's first decisions and after several, at a phone, a laptop and a large screen, in both
// themes. Build the site first (node test/e2e/build-site.mjs); run: npx tsx test/e2e/map-shots.ts
// [storyId]. Writes screenshots/map-*.png (gitignored).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { launchBrowser, pickOption, waitForState } from './browser.ts';

const out = resolve('screenshots');
const storyId = process.argv[2] ?? 'tapeloop';
const site = join(resolve(process.env.INKREEL_E2E_DIR ?? '.e2e'), 'dist');
const sizes = [
  [360, 640],
  [390, 844],
  [1280, 720],
  [2560, 1440],
] as const;

mkdirSync(out, { recursive: true });
const server = await preview({
  build: { outDir: site },
  preview: { port: 4318, strictPort: true },
});
const base = 'http://localhost:4318';
const browser = await launchBrowser();
try {
  for (const colorScheme of ['dark', 'light'] as const) {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 720 },
    });
    const page = await context.newPage();
    const shoot = async (name: string) => {
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        await page.goto(`${base}/#/map/${storyId}`);
        await page.reload();
        await waitForState(page, ['map']);
        await page.waitForFunction(() =>
          document.querySelector('.story-map-world')?.getAttribute('transform'),
        );
        await page.screenshot({
          path: join(out, `map-${name}-${colorScheme}-${width}x${height}.png`),
        });
      }
    };
    await shoot('fresh');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${base}/#/play/${storyId}`);
    for (const index of [0, 1, 0, 1]) await pickOption(page, index, 60_000);
    await shoot('played');
    await page.goto(`${base}/#/play/${storyId}`);
    for (let i = 0; i < 10; i++) await pickOption(page, i % 2, 60_000).catch(() => undefined);
    await shoot('more');
    await context.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
console.log(`map screenshots in ${out}`);
