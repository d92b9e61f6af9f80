// Builds the site (the real vite.config.ts) and the bench-only pages into the bench's own folder,
// and reads the bundle's chunks and largest modules from the build output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { inkStories } from '../src/build/vite-plugin-ink.ts';

export const ROOT = join(import.meta.dirname, '..');
export const PAGES = join(import.meta.dirname, 'pages');

export interface ChunkInfo {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly isEntry: boolean;
  readonly isDynamicEntry: boolean;
}

export interface ModuleInfo {
  /** a package name (node_modules) or a project path */
  readonly id: string;
  /** minified bytes this module contributes to the bundle */
  readonly bytes: number;
}

export interface SiteBuild {
  readonly outDir: string;
  readonly chunks: readonly ChunkInfo[];
  /** largest modules, grouped by package for node_modules */
  readonly modules: readonly ModuleInfo[];
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rollup.RollupOutput[] {
  if (Array.isArray(result)) return result;
  if ('output' in result) return [result];
  throw new Error('vite build returned a watcher');
}

function groupOf(id: string): string {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? clean);
    return pkg;
  }
  return clean.startsWith(ROOT) ? clean.slice(ROOT.length + 1) : clean;
}

/** `vite build` of the project into `outDir` (the shipped stories unless storiesDir is given). */
export async function buildSite(outDir: string): Promise<SiteBuild> {
  const saved = process.env.INKREEL_STORIES_DIR;
  delete process.env.INKREEL_STORIES_DIR;
  try {
    const result = await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
    const chunks: ChunkInfo[] = [];
    const byGroup = new Map<string, number>();
    for (const output of outputsOf(result)) {
      for (const item of output.output) {
        if (item.type !== 'chunk') continue;
        const code = readFileSync(join(outDir, item.fileName));
        chunks.push({
          file: item.fileName,
          bytes: code.length,
          gzip: gzipSync(code, { level: 9 }).length,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
        });
        for (const [id, mod] of Object.entries(item.modules)) {
          const group = groupOf(id);
          byGroup.set(group, (byGroup.get(group) ?? 0) + mod.renderedLength);
        }
      }
    }
    const modules = [...byGroup.entries()]
      .map(([id, bytes]) => ({ id, bytes }))
      .sort((a, b) => b.bytes - a.bytes);
    chunks.sort((a, b) => b.gzip - a.gzip);
    return { outDir, chunks, modules };
  } finally {
    if (saved !== undefined) process.env.INKREEL_STORIES_DIR = saved;
  }
}

/** The bare page, the Inky-style page, the store page and the views page, built into `<siteOut>/__bench/` (served beside the site). */
export async function buildBenchPages(siteOut: string): Promise<void> {
  await build({
    root: PAGES,
    configFile: false,
    base: '/__bench/',
    logLevel: 'warn',
    plugins: [inkStories({ storiesDir: join(ROOT, 'stories') })],
    build: {
      outDir: join(siteOut, '__bench'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          bare: join(PAGES, 'bare/index.html'),
          inky: join(PAGES, 'inky/index.html'),
          store: join(PAGES, 'store/index.html'),
          views: join(PAGES, 'views/index.html'),
        },
      },
    },
  });
}

/** gzip bytes of a built file, by its URL path on the preview server. */
export function gzipOfUrl(outDir: string, pathname: string): number {
  return gzipSync(readFileSync(join(outDir, decodeURIComponent(pathname))), { level: 9 }).length;
}
