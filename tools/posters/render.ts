// `npm run posters [-- <story id>…]`: renders every story's key art (DESIGN §6 posters) with the
// story's own scenes and its title lettered on, as WebP at 1×, 2× and 3×, in 2:3 for cards and
// 16:9 for banners, next to the poster its `# poster:` tag names:
//   assets/poster.webp  poster@2x.webp  poster@3x.webp  poster.wide.webp  poster.wide@2x.webp …
// An author's own image wins: a declared poster file that this script did not write (it keeps
// what it wrote, with hashes, in the story's .posters.json) is left alone, and so are its siblings.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { buildStory } from '../../src/build/story-build.ts';
import type { PosterJob } from './page.ts';
import { lookFor } from './plan.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const STORIES = resolve(ROOT, process.env.INKREEL_STORIES_DIR ?? 'stories');
const RECORD = '.posters.json';

/** 1× sizes in CSS pixels: a card is at most about 300 px wide, a banner 640. */
const POSTER_SIZES = {
  card: { width: 300, height: 450, suffix: '' },
  wide: { width: 640, height: 360, suffix: '.wide' },
} as const;
const DENSITIES = [1, 2, 3] as const;

/** `assets/poster.webp` → `assets/poster.wide@2x.webp` */
function posterFile(path: string, suffix: string, density: number): string {
  const base = path.replace(/\.[a-z0-9]+$/i, '');
  return `${base}${suffix}${density === 1 ? '' : `@${density}x`}.webp`;
}

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** Scenes the story names, most used first. */
function scenesOf(dir: string): string[] {
  const counts = new Map<string, number>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.ink'))
        for (const m of readFileSync(join(d, e.name), 'utf8').matchAll(/#\s*scene:\s*([a-z-]+)/gi))
          counts.set(m[1]!.toLowerCase(), (counts.get(m[1]!.toLowerCase()) ?? 0) + 1);
    }
  };
  walk(dir);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const ids = wanted.length
    ? wanted
    : readdirSync(STORIES).filter((id) => existsSync(join(STORIES, id, 'main.ink')));
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    optimizeDeps: { entries: ['tools/posters/index.html'] },
    server: {
      port: 0,
      host: '127.0.0.1',
      strictPort: false,
      // an edit while it renders must not reload the page under it
      hmr: false,
      watch: null,
      // node_modules may be a link to another checkout's
      fs: { allow: [ROOT, realpathSync(join(ROOT, 'node_modules'))] },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (await (await import('@sparticuz/chromium')).default.executablePath());
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`[page] ${m.text()}`);
    });
    await page.goto(`${url}/tools/posters/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, {
      timeout: 60_000,
    });
    for (const id of ids) {
      const dir = join(STORIES, id);
      const { meta } = buildStory(STORIES, id);
      if (!meta) {
        console.error(`${id}: does not compile; no posters`);
        continue;
      }
      const recordPath = join(dir, RECORD);
      const record: Record<string, string> = existsSync(recordPath)
        ? (JSON.parse(readFileSync(recordPath, 'utf8')) as Record<string, string>)
        : {};
      const scenes = scenesOf(dir);
      for (const [index, poster] of meta.posters.entries()) {
        if (/^scene:/i.test(poster.path)) continue;
        const own = join(dir, poster.path);
        if (existsSync(own) && record[poster.path] !== sha(readFileSync(own))) {
          console.log(`${id}: ${poster.path} is the author's own; left as it is`);
          continue;
        }
        if (!poster.path.endsWith('.webp')) {
          console.error(`${id}: ${poster.path}: name a .webp file to have it generated`);
          continue;
        }
        const condition = poster.when ? `${poster.when.dimension}${poster.when.pole}` : null;
        const look = lookFor(id, condition, scenes, index);
        for (const size of Object.values(POSTER_SIZES)) {
          const job: PosterJob = {
            spec: { ...look, title: meta.title, author: meta.author },
            width: size.width,
            height: size.height,
            densities: DENSITIES,
            quality: 0.82,
          };
          const urls = await page.evaluate((j) => window.renderPoster(j), job);
          urls.forEach((data, i) => {
            const density = DENSITIES[i]!;
            const file = posterFile(poster.path, size.suffix, density);
            const buf = Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
            mkdirSync(dirname(join(dir, file)), { recursive: true });
            writeFileSync(join(dir, file), buf);
            record[file] = sha(buf);
            // kept after every file, so a run stopped halfway does not orphan what it wrote
            writeFileSync(recordPath, JSON.stringify(record, null, 2) + '\n');
            console.log(
              `${id}: ${file} ${Math.round(buf.length / 1024)} KB (${look.subject} in ${look.scene})`,
            );
          });
        }
      }
      writeFileSync(recordPath, JSON.stringify(record, null, 2) + '\n');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
