// Every scene the shipped stories name, with its parameters, screenshotted in headless Chromium
// (1280×720, and a few at 390×844 and 2560×1440) into screenshots/scenes/ (gitignored), and the
// frame time of each at 2560×1440 printed. `npx tsx test/e2e/scene-shots.ts [filter]`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchBrowser } from './browser.ts';

const out = resolve('screenshots/scenes');
const site = process.env.INKREEL_SCENES_DIR ?? resolve('.e2e/scene-shots');

/** scene, query, and the sizes to shoot it at (1280×720 always). */
const SHOTS: [string, string][] = [
  ['bedroom-morning', 'scene=bedroom&time=morning&weather=rain'],
  ['bedroom-night', 'scene=bedroom&time=night'],
  ['kitchen', 'scene=kitchen&time=morning&weather=rain'],
  ['room-night', 'scene=room&time=night'],
  ['room-day', 'scene=room&time=day'],
  ['street-morning-rain', 'scene=street&time=morning&weather=rain'],
  ['street-night-rain', 'scene=street&time=night&weather=rain'],
  ['street-dawn', 'scene=street&time=dawn'],
  ['street-day', 'scene=street&time=day'],
  ['bus', 'scene=bus&time=morning&weather=rain'],
  ['towpath', 'scene=towpath&time=morning&weather=rain'],
  ['rail-yard', 'scene=rail-yard&time=morning&weather=rain'],
  ['office-day', 'scene=office&time=day'],
  ['office-night', 'scene=office&time=night'],
  ['office-crt', 'scene=office&time=night&look=crt-1986'],
  ['diner-day', 'scene=diner&time=day'],
  ['pub', 'scene=pub&time=night&weather=rain'],
  ['shop', 'scene=shop&time=day'],
  ['plant', 'scene=plant&look=crt-1986'],
  ['void', 'scene=void'],
  ['hotel-desk', 'scene=hotel-desk&time=night&weather=rain'],
  ['hotel-desk-dawn', 'scene=hotel-desk&time=dawn&weather=clear'],
  ['rooftop', 'scene=rooftop&time=night&weather=rain'],
  ['platform', 'scene=platform&time=night&weather=rain'],
  ['cafe', 'scene=cafe&time=day&weather=rain'],
  ['beach-morning', 'scene=beach&time=morning'],
  ['beach-storm', 'scene=beach&time=morning&weather=rain'],
  ['beach-dusk', 'scene=beach&time=dusk'],
  ['bedroom-sodium', 'scene=bedroom&time=night&look=sodium'],
  ['beach-seaside', 'scene=beach&time=morning&look=seaside'],
  ['fade-half', 'scene=office&to=street%20time=night%20weather=rain&transition=fade&at=0.5'],
  ['dip-quarter', 'scene=office&to=street%20time=night&transition=dip&at=0.3'],
  ['wipe-half', 'scene=office&to=street%20time=night&transition=wipe&at=0.5'],
];

const EXTRA_SIZES: [number, number][] = [
  [390, 844],
  [2560, 1440],
];
const EXTRA = new Set([
  'bedroom-morning',
  'street-night-rain',
  'hotel-desk',
  'beach-morning',
  'office-crt',
]);

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  // SCENE_SHOTS_4K=1: every scene at 2560×1440 too, with its frame time
  const all4k = process.env.SCENE_SHOTS_4K === '1';
  mkdirSync(out, { recursive: true });
  await build({
    root: resolve('test/e2e/scene-shots'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: site, emptyOutDir: true },
  });
  const server = await preview({
    root: resolve('test/e2e/scene-shots'),
    configFile: false,
    build: { outDir: site },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
  const browser = await launchBrowser();
  try {
    for (const [name, query] of SHOTS) {
      // a comma-separated list of parts of names, or nothing for every scene
      if (!filter.split(',').some((part) => name.includes(part))) continue;
      const sizes: [number, number][] = [
        [1280, 720],
        ...(EXTRA.has(name) ? EXTRA_SIZES : all4k ? [[2560, 1440] as [number, number]] : []),
      ];
      for (const [width, height] of sizes) {
        const page = await browser.newPage({ viewport: { width, height } });
        page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
        await page.goto(`${base}/?${query}`);
        await page.waitForFunction(() => window.sceneReady === true);
        await page.screenshot({ path: join(out, `${name}-${width}x${height}.png`) });
        if (width === 2560) {
          const times = await page.evaluate(() => window.timeFrames?.(60) ?? []);
          console.log(`${name} ${width}x${height}: p95 ${p95(times.slice(5)).toFixed(1)} ms`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

void main();
