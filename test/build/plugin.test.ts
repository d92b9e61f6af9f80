// The ink Vite plugin end to end: real `vite build` and dev-server loads on a temporary project.
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import type { CatalogueEntry } from '../../src/core/model.ts';
import { inkStories } from '../../src/build/vite-plugin-ink.ts';

const repo = resolve(import.meta.dirname, '../..');
const fixtures = join(repo, 'test/fixtures');
const made: string[] = [];

/** A throwaway Vite project whose stories/ holds the named fixture folders. */
function project(stories: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-plugin-'));
  made.push(dir);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [id, from] of Object.entries(stories)) {
    cpSync(join(fixtures, from), join(dir, 'stories', id), { recursive: true });
  }
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body><script type="module" src="/entry.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'entry.js'),
    [
      "import { Story } from 'inkjs';",
      "import { catalogue } from 'virtual:inkreel/catalogue';",
      'for (const e of catalogue) e.load().then((json) => new Story(json).Continue());',
      '',
    ].join('\n'),
  );
  return dir;
}

function quietBuild(root: string) {
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [inkStories({ storiesDir: 'stories' })],
    build: { outDir: 'dist', minify: false },
  });
}

function builtJs(root: string): Map<string, string> {
  const dir = join(root, 'dist/assets');
  const out = new Map<string, string>();
  for (const f of readdirSync(dir))
    if (f.endsWith('.js')) out.set(f, readFileSync(join(dir, f), 'utf8'));
  return out;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('inkStories in vite build', () => {
  it('bundles the catalogue meta, lazy story JSON and fingerprinted assets without the compiler', async () => {
    const root = project({ good: 'authoring/good', warned: 'authoring/warned' });
    await quietBuild(root);
    const js = builtJs(root);
    const all = [...js.values()].join('\n');
    expect(all).toMatch(/"?title"?:\s*"The Good Fixture"/);
    expect(all).toMatch(/"?author"?:\s*"Test Author"/);
    // the compiler's parser class never ships, only the runtime
    expect(all).not.toContain('InkParser');
    // story JSON sits in its own chunk, loaded on demand
    const storyJson = '{\\"inkVersion\\":';
    const jsonChunks = [...js].filter(([, code]) => code.includes(storyJson));
    expect(jsonChunks.length).toBe(2);
    const entry = [...js].find(([, code]) => code.includes('The Good Fixture'));
    expect(entry?.[1]).not.toContain(storyJson);
    const poster = readdirSync(join(root, 'dist/assets')).find((f) => /^poster-.*\.png$/.test(f));
    expect(poster).toBeDefined();
    expect(all).toContain(`/assets/${poster}`);
  }, 60_000);

  it('fails the build naming the INCLUDEd file, its line and the reason', async () => {
    const root = project({ good: 'authoring/good', bad: 'broken/include-error' });
    const error = await quietBuild(root).then(
      () => null,
      (e: unknown) => e as Error & { loc?: { file?: string; line: number }; frame?: string },
    );
    expect(error).not.toBeNull();
    expect(error?.message).toContain('stories/bad/part.ink:3');
    expect(error?.message).toContain("Divert target not found: '-> nowhere'");
  }, 60_000);
});

describe('inkStories in the dev server', () => {
  it('serves a catalogue sorted by id with meta from the global tags and loadable JSON', async () => {
    const root = project({ zeta: 'authoring/warned', good: 'authoring/good' });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [inkStories({ storiesDir: 'stories' })],
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    try {
      const mod = (await server.ssrLoadModule('virtual:inkreel/catalogue')) as {
        catalogue: CatalogueEntry[];
      };
      const ids = mod.catalogue.map((e) => e.meta.id);
      expect(ids).toEqual(['good', 'zeta']);
      const good = mod.catalogue[0]!;
      expect(good.meta).toMatchObject({
        id: 'good',
        title: 'The Good Fixture',
        author: 'Test Author',
        dimensions: [{ id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' }],
        timerSeconds: 12,
        posters: [{ path: 'assets/poster.png', when: null }],
        theme: 'dark',
      });
      expect(good.meta.version).toMatch(/^[0-9a-f]{16}$/);
      expect(Object.keys(good.assets)).toEqual(['assets/poster.png']);
      // the asset table answers only for the story's files, never for Object.prototype members
      for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString'])
        expect(good.assets[name]).toBeUndefined();
      const json = await good.load();
      expect(JSON.parse(json)).toHaveProperty('inkVersion');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('gives each catalogue entry its blurb, chapters in order, named endings and typical length', async () => {
    const root = project({ doors: 'authoring/structure' });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [inkStories({ storiesDir: 'stories' })],
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    try {
      const mod = (await server.ssrLoadModule('virtual:inkreel/catalogue')) as {
        catalogue: CatalogueEntry[];
      };
      const entry = mod.catalogue[0];
      expect(entry?.meta.blurb).toBe('A hallway, two doors,');
      expect(entry?.outline?.chapters.map((c) => c.title)).toEqual(['The Hall', 'The Red Room']);
      expect(entry?.outline?.endings.map((e) => e.name)).toEqual([
        'Blue Door',
        'Warmth',
        'Out the Window',
      ]);
      expect(entry?.outline?.typicalLength?.minutes).toBe(1);
      // the endings are the map's: the ending card counts them against the same nodes
      const map = await entry?.loadMap?.();
      expect(
        map?.nodes
          .filter((n) => n.kind === 'ending')
          .map((n) => n.label)
          .sort(),
      ).toEqual(entry?.outline?.endings.map((e) => e.path));
    } finally {
      await server.close();
    }
  }, 60_000);

  it('reports a compile error with the file, line and a code frame', async () => {
    const root = project({ bad: 'broken/main-error' });
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [inkStories({ storiesDir: 'stories' })],
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    try {
      const error = await server.ssrLoadModule('virtual:inkreel/catalogue').then(
        () => null,
        (e: unknown) => e as Error & { loc?: { file?: string; line: number }; frame?: string },
      );
      expect(error?.message).toContain('stories/bad/main.ink:3');
      expect(error?.loc?.line).toBe(3);
      expect(error?.frame).toContain('> 3 | * [Go] -> missing_knot');
    } finally {
      await server.close();
    }
  }, 60_000);
});
