// Key art in the browser: the home shows each story's 2:3 poster whole (the box has the art's
// aspect and nothing is cropped), sharp at the screen's density through srcset; the title screen
// shows it whole too; and a story's poster variants differ in what they show, not only in tint.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from './fixture.ts';
import { waitForState } from './browser.ts';

const STORIES = resolve(import.meta.dirname, '../../stories');
const SHIPPED = readdirSync(STORIES).filter((id) => existsSync(join(STORIES, id, 'main.ink')));

interface Shown {
  id: string;
  box: { w: number; h: number };
  natural: { w: number; h: number };
  fit: string;
  srcset: string;
  current: string;
}

describe('key art', () => {
  for (const [width, height, dpr] of [
    [390, 844, 3],
    [1280, 720, 1],
  ] as const) {
    test(`the home shows every poster whole and sharp at ${width}×${height}@${dpr}x`, async ({
      baseUrl,
      open,
    }) => {
      const { page, errors } = await open({
        viewport: { width, height },
        deviceScaleFactor: dpr,
      });
      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLImageElement>('img.poster')].every(
            (img) => img.complete && img.naturalWidth > 0,
          ),
        null,
        { timeout: 20_000 },
      );
      const shown: Shown[] = await page.evaluate(() =>
        Promise.all(
          [...document.querySelectorAll<HTMLImageElement>('.story-card img.poster')].map(
            async (img) => {
              const r = img.getBoundingClientRect();
              // naturalWidth of a srcset image is in CSS pixels; the file's own come from a copy
              const file = new Image();
              file.src = img.currentSrc;
              await file.decode();
              return {
                id: img.closest<HTMLElement>('[data-story]')?.dataset.story ?? '',
                box: { w: r.width, h: r.height },
                natural: { w: file.naturalWidth, h: file.naturalHeight },
                fit: getComputedStyle(img).objectFit,
                srcset: img.getAttribute('srcset') ?? '',
                current: img.currentSrc,
              };
            },
          ),
        ),
      );
      expect(shown.map((s) => s.id).sort()).toEqual([...SHIPPED].sort());
      for (const s of shown) {
        // the box is 2:3 and so is the image in it: object-fit has nothing to crop either way
        expect(s.box.w / s.box.h, `${s.id} box`).toBeCloseTo(2 / 3, 2);
        expect(s.natural.w / s.natural.h, `${s.id} image`).toBeCloseTo(2 / 3, 2);
        expect(['contain', 'fill'], `${s.id} object-fit`).toContain(s.fit);
        expect(s.srcset, `${s.id} srcset`).toMatch(/ 300w, .* 600w, .* 900w$/);
        // sharp: the file chosen has at least as many pixels as the box shows
        expect(s.natural.w, `${s.id} ${s.current}`).toBeGreaterThanOrEqual(
          Math.min(900, Math.floor(s.box.w * dpr)),
        );
      }
      expect(errors).toEqual([]);
    });
  }

  test('the title screen shows the key art whole: 2:3 beside the text, the 16:9 banner on a phone', async ({
    baseUrl,
    open,
  }) => {
    for (const [width, height, aspect] of [
      [1280, 720, 2 / 3],
      [390, 844, 16 / 9],
    ] as const) {
      const { page, errors } = await open({ viewport: { width, height } });
      await page.goto(`${baseUrl}/#/story/night-shift`);
      await page.waitForFunction(
        () => {
          const img = document.querySelector<HTMLImageElement>('img.title-art');
          return img !== null && img.complete && img.naturalWidth > 0;
        },
        null,
        { timeout: 20_000 },
      );
      const art = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('img.title-art')!;
        const r = img.getBoundingClientRect();
        return {
          box: { w: r.width, h: r.height },
          natural: { w: img.naturalWidth, h: img.naturalHeight },
          fit: getComputedStyle(img).objectFit,
        };
      });
      expect(art.natural.w / art.natural.h, `${width}: the art chosen`).toBeCloseTo(aspect, 2);
      // whole: either the box has the art's aspect or object-fit: contain fits it inside
      const boxAspect = art.box.w / art.box.h;
      if (Math.abs(boxAspect - aspect) > 0.02) expect(art.fit).toBe('contain');
      expect(art.box.h).toBeGreaterThan(150);
      expect(errors).toEqual([]);
    }
  });

  test('a story’s poster variants differ in what they show, compared in greyscale', async ({
    open,
  }) => {
    const { page } = await open();
    for (const id of SHIPPED) {
      const dir = join(STORIES, id, 'assets');
      const files = readdirSync(dir).filter((f) => /^poster[a-z-]*\.webp$/.test(f));
      expect(files.length, `${id} posters`).toBeGreaterThan(1);
      const urls = files.map(
        (f) => `data:image/webp;base64,${readFileSync(join(dir, f)).toString('base64')}`,
      );
      // Luminance below the title band, each image normalised (z-scores): a tint or a brighter
      // grade of the same picture scores near 0, a different picture near 1.
      const diffs: number[] = await page.evaluate(async (list) => {
        const grey = async (url: string, filter = 'none') => {
          const bitmap = await createImageBitmap(await (await fetch(url)).blob());
          const c = new OffscreenCanvas(100, 150);
          const ctx = c.getContext('2d')!;
          ctx.filter = filter;
          ctx.drawImage(bitmap, 0, 0, 100, 150);
          const { data } = ctx.getImageData(0, 50, 100, 90);
          const out = new Float32Array(data.length / 4);
          for (let i = 0; i < out.length; i++)
            out[i] = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
          const mean = out.reduce((x, y) => x + y, 0) / out.length;
          const sd = Math.sqrt(out.reduce((x, y) => x + (y - mean) ** 2, 0) / out.length) || 1;
          return out.map((v) => (v - mean) / sd);
        };
        const greys = await Promise.all(list.map((u) => grey(u)));
        const diff = (x: Float32Array, y: Float32Array) => {
          let sum = 0;
          for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
          return sum / x.length;
        };
        const pairs: number[] = [];
        for (let a = 0; a < greys.length; a++)
          for (let b = a + 1; b < greys.length; b++) pairs.push(diff(greys[a]!, greys[b]!));
        // the first poster tinted and brightened: what a tint-only variant would be
        const tint = await grey(list[0]!, 'hue-rotate(120deg) saturate(1.6) brightness(1.25)');
        return [diff(greys[0]!, tint), ...pairs];
      }, urls);
      const tinted = diffs.shift()!;
      expect(tinted, `${id}: a tint alone`).toBeLessThan(0.35);
      expect(Math.min(...diffs), `${id}: two variants alike (${diffs.join(', ')})`).toBeGreaterThan(
        0.35,
      );
    }
  });
});
