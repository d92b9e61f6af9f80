// The ink plugin in `npm run dev`: story warnings reach the terminal and the browser console
// without stopping play, after the first load and after each edit; story maps load lazily.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, createServer } from 'vite';
import type { Plugin, ResolvedConfig } from 'vite';
import type { CatalogueEntry } from '../../src/core/model.ts';
import type { StoryMapData } from '../../src/core/story-map.ts';
import { inkStories } from '../../src/build/vite-plugin-ink.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures');

function storiesProject(stories: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-dev-'));
  for (const [id, from] of Object.entries(stories))
    cpSync(join(fixtures, from), join(dir, 'stories', id), { recursive: true });
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('story warnings in the dev server', () => {
  it('prints each warning in the terminal and in the console, with its file and line', async () => {
    const root = storiesProject({ warned: 'authoring/warned' });
    const logged: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => void logged.push(msg);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const server = await createServer({
      root,
      configFile: false,
      customLogger: logger,
      plugins: [inkStories({ storiesDir: 'stories' })],
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    try {
      const mod = (await server.ssrLoadModule('virtual:inkreel/catalogue')) as {
        catalogue: CatalogueEntry[];
      };
      // play is not stopped: the story is in the catalogue and loads
      expect(mod.catalogue.map((e) => e.meta.id)).toEqual(['warned']);
      expect(JSON.parse(await mod.catalogue[0]!.load())).toHaveProperty('inkVersion');
      const consoleLines = warn.mock.calls.map((c) => String(c[0]));
      expect(consoleLines).toContain(
        '[inkreel] stories/warned/main.ink:3: unknown tag "#mood: sad"',
      );
      expect(
        consoleLines.some((l) => /main\.ink:4: .*assets\/missing\.png" is missing/.test(l)),
      ).toBe(true);
      expect(
        logged.some((l) => l.includes('stories/warned/main.ink:3: unknown tag "#mood: sad"')),
      ).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('after an edit sends the new warnings to the browser and the story, never an error', () => {
    const root = storiesProject({ warned: 'authoring/warned' });
    const plugin = inkStories({ storiesDir: 'stories' }) as Plugin & Record<string, unknown>;
    (plugin.configResolved as (c: Partial<ResolvedConfig>) => void)({ root, command: 'serve' });
    const load = plugin.load as (this: unknown, id: string) => unknown;
    load.call(
      {
        addWatchFile: () => undefined,
        warn: () => undefined,
        error: (e: unknown) => {
          throw e;
        },
      },
      '\0virtual:inkreel/catalogue',
    );

    const main = join(root, 'stories/warned/main.ink');
    writeFileSync(main, readFileSync(main, 'utf8').replace('Hello.', 'Hello. #weather: rain'));
    const sent: { event: unknown; data: unknown }[] = [];
    const terminal: string[] = [];
    const environment = {
      name: 'client',
      moduleGraph: {
        getModuleById: () => undefined,
        getModulesByFile: () => undefined,
        invalidateModule: () => undefined,
      },
      hot: { send: (event: unknown, data?: unknown) => sent.push({ event, data }) },
      logger: { warn: (m: string) => terminal.push(m) },
    };
    const hotUpdate = plugin.hotUpdate as (this: unknown, u: unknown) => unknown;
    hotUpdate.call({ environment }, { file: main, type: 'update', timestamp: 42, modules: [] });

    const events = sent.map((s) => s.event);
    expect(events).toEqual(['inkreel:warnings', 'inkreel:story-updated']);
    const data = sent[0]!.data as {
      id: string;
      warnings: { file: string; line: number; message: string }[];
    };
    expect(data.id).toBe('warned');
    expect(data.warnings).toContainEqual({
      severity: 'warning',
      file: 'stories/warned/main.ink',
      line: 3,
      message: 'unknown tag "#weather: rain"',
    });
    expect(terminal.some((l) => l.includes('main.ink:3: unknown tag "#weather: rain"'))).toBe(true);
  });
});

describe('story maps from the plugin', () => {
  it('gives each catalogue entry a lazy map whose ids match the runtime decision ids', async () => {
    const root = storiesProject({ map: 'authoring/map' });
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
      const map: StoryMapData | undefined = await mod.catalogue[0]!.loadMap?.();
      expect(map?.storyId).toBe('map');
      expect(
        map?.nodes
          .filter((n) => n.kind === 'ending')
          .map((n) => n.id)
          .sort(),
      ).toEqual(['end:left', 'end:lose', 'end:trap']);
      expect(map?.nodes.some((n) => n.id === '?right.door')).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
