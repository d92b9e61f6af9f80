// The Vite plugin: compiles stories/<id>/main.ink on import, serves virtual:inkreel/catalogue,
// turns ink errors into located Vite errors and reloads stories in the open browser on edit.
//
// Dev events on Vite's HMR channel (listen with `import.meta.hot.on(event, fn)`):
// - `inkreel:warnings` `{ id, warnings: { file, line, message }[] }` after a story recompiles;
//   the catalogue module already prints them with console.warn.
// - `inkreel:story-updated` `{ id, version, stamp }` after an edit that compiles. The catalogue
//   module handles it: it points that entry's `load` at the new JSON and updates its `meta`, then
//   calls the listeners given to its `onStoryUpdated`; with no listener it reloads the page.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { InkDiagnostic } from './compile-ink.ts';
import { storyMapOf } from './map.ts';
import { chaptersOf } from './outline.ts';
import { buildStory, listStoryIds } from './story-build.ts';
import type { StoryBuild } from './story-build.ts';

export interface InkStoriesOptions {
  /** folder of story folders, relative to the Vite root or absolute */
  readonly storiesDir: string;
}

export const CATALOGUE_ID = 'virtual:inkreel/catalogue';
const RESOLVED_CATALOGUE = '\0' + CATALOGUE_ID;
/** `virtual:inkreel/map/<id>`: one story's map, computed here so the browser needs no compiler */
export const MAP_PREFIX = 'virtual:inkreel/map/';
const RESOLVED_MAP_PREFIX = '\0' + MAP_PREFIX;

/** A few lines of `source` around `line` with a caret under `column` (both 1-based). */
export function codeFrame(source: string, line: number, column = 1): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/** The RollupError for the first compile error of a story: file, line, reason and a frame. */
export function inkError(root: string, diagnostic: InkDiagnostic) {
  const shown = relative(root, diagnostic.file) || diagnostic.file;
  const where = diagnostic.line === null ? shown : `${shown}:${diagnostic.line}`;
  const message = `ink: ${where}: ${diagnostic.message}`;
  if (diagnostic.line === null || !existsSync(diagnostic.file)) {
    return { message, id: diagnostic.file };
  }
  const source = readFileSync(diagnostic.file, 'utf8');
  const text = source.split(/\r?\n/)[diagnostic.line - 1] ?? '';
  const column = text.length - text.trimStart().length + 1;
  return {
    message,
    id: diagnostic.file,
    loc: { file: diagnostic.file, line: diagnostic.line, column },
    frame: codeFrame(source, diagnostic.line, column),
  };
}

export function formatWarning(root: string, w: InkDiagnostic): string {
  const shown = relative(root, w.file) || w.file;
  return `${shown}${w.line === null ? '' : `:${w.line}`}: ${w.message}`;
}

function stripQuery(id: string): string {
  const q = id.indexOf('?');
  return q < 0 ? id : id.slice(0, q);
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function inkStories(options: InkStoriesOptions): Plugin {
  let root = process.cwd();
  let storiesDir = resolve(root, options.storiesDir);
  let dev = false;
  const builds = new Map<string, StoryBuild>();
  const broken = new Set<string>();

  const storyOf = (file: string): string | null => {
    if (!isInside(storiesDir, file)) return null;
    const first = relative(storiesDir, file).split(sep)[0];
    return first ?? null;
  };
  const compiled = (id: string): StoryBuild => {
    const cached = builds.get(id);
    if (cached) return cached;
    const fresh = buildStory(storiesDir, id);
    builds.set(id, fresh);
    return fresh;
  };
  const entryOf = (id: string) => resolve(storiesDir, id, 'main.ink');
  const urlOf = (file: string) =>
    isInside(root, file) ? '/' + relative(root, file).split(sep).join('/') : '/@fs' + file;

  const catalogueCode = (stories: readonly StoryBuild[]): string => {
    const imports: string[] = [];
    const entries: string[] = [];
    stories.forEach((s, i) => {
      const assets = s.assetFiles.map((path, j) => {
        const name = `a${i}_${j}`;
        imports.push(
          `import ${name} from ${JSON.stringify(resolve(s.dir, path) + '?url&no-inline')};`,
        );
        return `[${JSON.stringify(path)}, ${name}]`;
      });
      const url = urlOf(s.entry);
      const load = dev
        ? `() => (stamps[${JSON.stringify(s.id)}] ? import(/* @vite-ignore */ ${JSON.stringify(url + '?import&t=')} + stamps[${JSON.stringify(s.id)}]) : import(${JSON.stringify(url)})).then((m) => m.default)`
        : `() => import(${JSON.stringify(url)}).then((m) => m.default)`;
      const loadMap = `() => import(${JSON.stringify(MAP_PREFIX + s.id)}).then((m) => m.default)`;
      entries.push(
        // a null-prototype table built from entries: `assets["constructor"]` or `["__proto__"]`
        // answers only for a file of that name, never with a member of Object.prototype
        `  { meta: ${JSON.stringify(s.meta)}, outline: ${JSON.stringify(s.outline)}, load: ${load}, loadMap: ${loadMap}, assets: Object.setPrototypeOf(Object.fromEntries([${assets.join(', ')}]), null) },`,
      );
    });
    const head = [...imports, 'const stamps = {};', 'export const catalogue = ['];
    const body = [...entries, '];'];
    const listeners = [
      'const listeners = new Set();',
      '/** Called after a story is edited in dev and its entry updated; returns an unsubscribe. */',
      'export function onStoryUpdated(fn) { listeners.add(fn); return () => { listeners.delete(fn); }; }',
    ];
    if (!dev) return [...head, ...body, ...listeners, ''].join('\n');
    const warnings = stories.flatMap((s) => s.warnings.map((w) => formatWarning(root, w)));
    const hot = `
const report = (lines) => { for (const l of lines) console.warn('[inkreel] ' + l); };
report(${JSON.stringify(warnings)});
if (import.meta.hot) {
  import.meta.hot.on('inkreel:warnings', (data) => report(data.warnings.map((w) => w.file + (w.line === null ? '' : ':' + w.line) + ': ' + w.message)));
  import.meta.hot.on('inkreel:story-updated', (data) => {
    const entry = catalogue.find((e) => e.meta.id === data.id);
    if (!entry || listeners.size === 0) { location.reload(); return; }
    stamps[data.id] = data.stamp;
    entry.meta = data.meta;
    entry.outline = data.outline;
    for (const fn of listeners) fn(data.id);
  });
}`;
    return [...head, ...body, ...listeners, hot, ''].join('\n');
  };

  return {
    name: 'inkreel-stories',
    configResolved(config: ResolvedConfig) {
      root = config.root;
      storiesDir = resolve(root, options.storiesDir);
      dev = config.command === 'serve';
    },
    configureServer(server) {
      server.watcher.add(storiesDir);
    },
    buildStart() {
      builds.clear();
    },
    resolveId(source, importer) {
      if (source === CATALOGUE_ID) return RESOLVED_CATALOGUE;
      if (source.startsWith(MAP_PREFIX)) return '\0' + source;
      const path = stripQuery(source);
      if (!path.endsWith('.ink')) return null;
      if (isAbsolute(path) && existsSync(path)) return path;
      if (path.startsWith('/')) return resolve(root, '.' + path);
      if (importer && !importer.startsWith('\0')) return resolve(importer, '..', path);
      return null;
    },
    load(id) {
      if (id === RESOLVED_CATALOGUE) {
        const stories: StoryBuild[] = [];
        for (const storyId of listStoryIds(storiesDir)) {
          const s = compiled(storyId);
          for (const file of s.compile.files) this.addWatchFile(file);
          const error = s.compile.diagnostics.find((d) => d.severity === 'error');
          if (error || s.meta === null) {
            broken.add(storyId);
            this.error(
              inkError(
                root,
                error ?? {
                  severity: 'error',
                  file: s.entry,
                  line: null,
                  message: 'does not compile',
                },
              ),
            );
          }
          broken.delete(storyId);
          for (const w of s.warnings) this.warn(formatWarning(root, w));
          stories.push(s);
        }
        return { code: catalogueCode(stories), moduleType: 'js' };
      }
      if (id.startsWith(RESOLVED_MAP_PREFIX)) {
        const storyId = id.slice(RESOLVED_MAP_PREFIX.length);
        const s = compiled(storyId);
        for (const file of s.compile.files) this.addWatchFile(file);
        if (s.compile.json === null)
          this.error({ message: `ink: ${storyId} does not compile`, id });
        const map =
          s.map ??
          storyMapOf(storyId, s.compile.json, {
            exclude: s.scan.functions,
            chapters: chaptersOf(s.scan).map((c) => c.knot),
          });
        return { code: `export default ${JSON.stringify(map)};\n`, moduleType: 'js' };
      }
      const path = stripQuery(id);
      if (!path.endsWith('.ink')) return null;
      const storyId = storyOf(path);
      if (storyId === null || path !== entryOf(storyId)) {
        this.error({
          message: `ink: import stories/<id>/main.ink only; ${relative(root, path)} is INCLUDEd by its main.ink`,
          id: path,
        });
      }
      const s = compiled(storyId);
      for (const file of s.compile.files) this.addWatchFile(file);
      const error = s.compile.diagnostics.find((d) => d.severity === 'error');
      if (error || s.compile.json === null) {
        this.error(
          inkError(
            root,
            error ?? { severity: 'error', file: path, line: null, message: 'does not compile' },
          ),
        );
      }
      return { code: `export default ${JSON.stringify(s.compile.json)};\n`, moduleType: 'js' };
    },
    hotUpdate(update) {
      if (this.environment.name !== 'client') return;
      const file = update.file;
      const storyId = storyOf(file);
      if (storyId === null) return;
      const graph = this.environment.moduleGraph;
      const catalogue = graph.getModuleById(RESOLVED_CATALOGUE);
      if (catalogue) graph.invalidateModule(catalogue);
      const before = builds.get(storyId);
      builds.delete(storyId);
      for (const mod of graph.getModulesByFile(entryOf(storyId)) ?? []) graph.invalidateModule(mod);
      const mapModule = graph.getModuleById(RESOLVED_MAP_PREFIX + storyId);
      if (mapModule) graph.invalidateModule(mapModule);

      const structural =
        update.type !== 'update' || !existsSync(entryOf(storyId)) || before === undefined;
      if (structural && !file.endsWith('.ink')) {
        // an asset added or removed: the catalogue's asset map changed
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      }
      if (!file.endsWith('.ink')) return;
      if (structural || broken.has(storyId) || !existsSync(entryOf(storyId))) {
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      }
      const s = compiled(storyId);
      const error = s.compile.diagnostics.find((d) => d.severity === 'error');
      if (error || s.meta === null) {
        broken.add(storyId);
        const err = inkError(
          root,
          error ?? { severity: 'error', file, line: null, message: 'does not compile' },
        );
        this.environment.hot.send({
          type: 'error',
          err: { ...err, stack: '', plugin: 'inkreel-stories' },
        });
        return [];
      }
      for (const w of s.warnings) this.environment.logger.warn(formatWarning(root, w));
      this.environment.hot.send('inkreel:warnings', {
        id: storyId,
        warnings: s.warnings.map((w) => ({ ...w, file: relative(root, w.file) })),
      });
      this.environment.hot.send('inkreel:story-updated', {
        id: storyId,
        version: s.meta.version,
        meta: s.meta,
        outline: s.outline,
        stamp: update.timestamp,
      });
      return [];
    },
  };
}
