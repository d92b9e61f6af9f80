// Builds the site for the browser tests: the shipped stories plus the fixture stories of
// test/fixtures/e2e-stories/ (faults, markup, Inky's tags), into INKREEL_E2E_DIR (default .e2e/).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, process.env.INKREEL_E2E_DIR ?? '.e2e');
const stories = join(out, 'stories');
rmSync(out, { recursive: true, force: true });
mkdirSync(stories, { recursive: true });
for (const dir of ['stories', 'test/fixtures/e2e-stories']) {
  const from = join(root, dir);
  if (!existsSync(from)) continue;
  for (const id of readdirSync(from)) {
    if (existsSync(join(from, id, 'main.ink')))
      cpSync(join(from, id), join(stories, id), { recursive: true });
  }
}
process.env.INKREEL_STORIES_DIR = stories;
await build({ root, logLevel: 'warn', build: { outDir: join(out, 'dist'), emptyOutDir: true } });
console.log(`e2e site built in ${join(out, 'dist')}`);
