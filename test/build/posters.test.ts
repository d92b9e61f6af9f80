// Every shipped story's key art (`npm run posters`): each poster its `# poster:` tags declare has
// 2:3 card art and a 16:9 banner at 1×, 2× and 3×, at the sizes the home's srcset promises.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildStory } from '../../src/build/story-build.ts';
import { posterSources } from '../../src/ui/poster-image.ts';

const STORIES = resolve(import.meta.dirname, '../../stories');
const ids = readdirSync(STORIES).filter((id) => existsSync(join(STORIES, id, 'main.ink')));

/** Width and height from a WebP file's header (lossy VP8, lossless VP8L or extended VP8X). */
export function webpSize(buf: Buffer): { width: number; height: number } {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WEBP')
    throw new Error('not a WebP file');
  const chunk = buf.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') {
    if (buf[23] !== 0x9d || buf[24] !== 0x01 || buf[25] !== 0x2a) throw new Error('bad VP8 frame');
    return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const bits = buf.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X')
    return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  throw new Error(`unknown WebP chunk ${chunk}`);
}

/** The story's files as the catalogue lists its assets (path → URL; here path → path). */
function assetTable(dir: string): Record<string, string> {
  const table: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else table[rel] = rel;
    }
  };
  walk('');
  return table;
}

const widths = (srcset: string | null) =>
  (srcset ?? '').split(',').map((c) => c.trim().split(/\s+/) as [string, string]);

describe.each(ids)('key art of %s', (id) => {
  const build = buildStory(STORIES, id);
  const dir = join(STORIES, id);
  const assets = assetTable(dir);
  const posters = build.meta?.posters ?? [];

  test('declares a default poster and maybe variants, each a file', () => {
    expect(posters.some((p) => p.when === null)).toBe(true);
  });

  test.each(posters.map((p) => [p.when ? `${p.when.dimension}${p.when.pole}` : 'default', p]))(
    '%s: 2:3 and 16:9 at 1×, 2×, 3×',
    (_name, poster) => {
      const sources = posterSources(assets, poster.path);
      expect(sources, `${poster.path} exists`).not.toBeNull();
      const expected = [
        { image: sources!.card, w: 300, h: 450 },
        { image: sources!.wide, w: 640, h: 360 },
      ];
      for (const { image, w, h } of expected) {
        expect(image, `${poster.path}: ${w}×${h} art`).not.toBeNull();
        const candidates = widths(image!.srcset);
        expect(candidates.map(([, d]) => d)).toEqual([`${w}w`, `${w * 2}w`, `${w * 3}w`]);
        candidates.forEach(([file], i) => {
          const buf = readFileSync(join(dir, file));
          expect(webpSize(buf), file).toEqual({ width: w * (i + 1), height: h * (i + 1) });
          // small files: a 3× banner stays well under 150 KB
          expect(buf.length, `${file} bytes`).toBeLessThan(150_000);
        });
      }
    },
  );
});
