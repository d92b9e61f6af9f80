// Screenshots of the home for a person to look at (not a test): fresh, with a save, and with a
// catalogue of 18 stories (the shipped four and renamed copies), at a phone, a laptop and a large
// screen in both themes. Builds its own site into /tmp/inkreel-home-shots. Run:
// npx tsx test/e2e/home-shots.ts. Writes screenshots/home-*.png (gitignored).
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchBrowser, pickOption, waitForState } from './browser.ts';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'screenshots');
const work = '/tmp/inkreel-home-shots';
const sizes = [
  [390, 844],
  [1280, 720],
  [2560, 1440],
] as const;
const NAMES = [
  'Harbour Lights',
  'The Long Corridor',
  'Static',
  'Paper Moons',
  'Second Shift',
  'Undertow',
  'The Quiet Floor',
  'Glasshouse',
  'Late Bus',
  'Signal',
  'Blue Hour',
  'Fieldwork',
  'Open Water',
  'Afterimage',
];

async function site(many: boolean): Promise<string> {
  const dir = join(work, many ? 'many' : 'shipped');
  const stories = join(dir, 'stories');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(stories, { recursive: true });
  const shipped = readdirSync(join(root, 'stories'));
  for (const id of shipped)
    cpSync(join(root, 'stories', id), join(stories, id), { recursive: true });
  if (many)
    NAMES.forEach((name, i) => {
      const from = shipped[i % shipped.length] ?? 'tutorial';
      const id = name.toLowerCase().replace(/\W+/g, '-');
      cpSync(join(root, 'stories', from), join(stories, id), { recursive: true });
      const main = join(stories, id, 'main.ink');
      writeFileSync(main, readFileSync(main, 'utf8').replace(/^# title: .*$/m, `# title: ${name}`));
    });
  process.env.INKREEL_STORIES_DIR = stories;
  await build({ root, logLevel: 'warn', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  return join(dir, 'dist');
}

mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
try {
  for (const many of [false, true]) {
    const dist = await site(many);
    const port = many ? 4331 : 4330;
    const server = await preview({
      root,
      build: { outDir: dist },
      preview: { port, strictPort: true },
    });
    const base = `http://localhost:${port}`;
    for (const colorScheme of ['dark', 'light'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const shoot = async (name: string) => {
        for (const [width, height] of sizes) {
          await page.setViewportSize({ width, height });
          await page.goto(`${base}/#/`);
          await page.reload();
          await waitForState(page, ['home']);
          // lazy posters below the fold never load for a screenshot: wait for the ones in view
          await page.waitForFunction(() =>
            [...document.querySelectorAll('img')].every(
              (i) => i.complete || i.getBoundingClientRect().top > innerHeight,
            ),
          );
          const file = `home-${name}-${colorScheme}-${width}x${height}`;
          await page.screenshot({ path: join(out, `${file}.png`) });
          await page.screenshot({ path: join(out, `${file}-full.png`), fullPage: true });
        }
      };
      if (many) {
        await shoot('many');
      } else {
        await shoot('fresh');
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.goto(`${base}/#/play/tapeloop`);
        for (const index of [0, 1]) await pickOption(page, index, 60_000);
        await page.goto(`${base}/#/play/night-shift`);
        await pickOption(page, 0, 60_000);
        await shoot('saves');
      }
      await context.close();
    }
    server.httpServer.close();
  }
} finally {
  await browser.close();
}
console.log(`home screenshots in ${out}`);
