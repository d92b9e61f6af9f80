// The story map in Chromium: it opens on the player's latest path (not on an empty corner), it
// pans and zooms by keyboard, and no label gives away a tag, the default option or an ink path.
import type { Page } from 'playwright-core';
import { describe, expect, test } from './fixture.ts';
import { pickOption, waitForState } from './browser.ts';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const viewRect = (page: Page): Promise<Rect> =>
  page.locator('.story-map-view').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

const nodeRect = (page: Page, selector: string): Promise<Rect> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });

const inside = (a: Rect, b: Rect) =>
  a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;

const transformOf = (page: Page) =>
  page.locator('.story-map-world').evaluate((g) => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(
      g.getAttribute('transform') ?? '',
    );
    return m ? { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) } : null;
  });

async function openMap(page: Page, baseUrl: string, storyId: string) {
  await page.goto(`${baseUrl}/#/map/${storyId}`);
  await waitForState(page, ['map']);
  await page.waitForFunction(() =>
    document.querySelector('.story-map-world')?.getAttribute('transform'),
  );
}

describe('the story map in Chromium', () => {
  for (const [width, height] of [
    [1280, 720],
    [360, 640],
  ] as const) {
    test(`opens on the latest path at ${width}×${height} and pans and zooms by keyboard`, async ({
      baseUrl,
      open,
    }) => {
      const { page, errors } = await open({ viewport: { width, height } });
      // a fresh player: the map opens on the story's start, readable, not on an empty corner
      await openMap(page, baseUrl, 'tapeloop');
      const fresh = await transformOf(page);
      expect(fresh?.k).toBeGreaterThanOrEqual(0.75);
      expect(inside(await nodeRect(page, '.node-decision rect'), await viewRect(page))).toBe(true);

      // play three decisions, then the map opens on them
      await page.goto(`${baseUrl}/#/play/tapeloop`);
      for (const index of [0, 1, 0]) await pickOption(page, index, 60_000);
      await openMap(page, baseUrl, 'tapeloop');
      const taken = await page.locator('.node-choice.node-last').count();
      expect(taken).toBe(3);
      // the newest steps are in view (as many as fit at a readable scale), the newest always
      const view = await viewRect(page);
      const rects: (Rect & { y: number })[] = [];
      for (let i = 0; i < taken; i++)
        rects.push(
          await page
            .locator('.node-choice.node-last rect')
            .nth(i)
            .evaluate((el) => {
              const b = el.getBoundingClientRect();
              return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, y: b.top };
            }),
        );
      // along one path a later step is lower on the map
      const inView = rects.sort((a, b) => a.y - b.y).map((r) => inside(r, view));
      expect(inView[inView.length - 1], 'the newest step is in view').toBe(true);
      expect(inView.slice(inView.indexOf(true)).every(Boolean), inView.join(' ')).toBe(true);
      expect((await transformOf(page))?.k).toBeGreaterThanOrEqual(0.75);

      // keys: + zooms in, − out, arrows move, 0 fits the whole map
      await page.locator('.story-map-view').focus();
      const before = await transformOf(page);
      await page.keyboard.press('+');
      const zoomed = await transformOf(page);
      expect(zoomed?.k ?? 0).toBeGreaterThan(before?.k ?? 0);
      await page.keyboard.press('-');
      expect((await transformOf(page))?.k).toBeCloseTo(before?.k ?? 0, 5);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowUp');
      const moved = await transformOf(page);
      expect(moved?.x ?? 0).toBeGreaterThan(before?.x ?? 0);
      expect(moved?.y ?? 0).toBeGreaterThan(before?.y ?? 0);
      await page.keyboard.press('0');
      // focusing the view may have scrolled the page: measure the view again
      const fitted = await viewRect(page);
      const whole = await page
        .locator('.story-map-world')
        .evaluate((g) => (g as SVGGElement).getBoundingClientRect());
      expect(
        inside(
          { left: whole.left, top: whole.top, right: whole.right, bottom: whole.bottom },
          fitted,
        ),
      ).toBe(true);

      // the page itself never scrolls sideways
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  test('labels carry no tag, no default marker and no ink path', async ({ baseUrl, open }) => {
    const { page } = await open({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl}/#/play/tapeloop`);
    for (const index of [1, 0]) await pickOption(page, index, 60_000);
    await openMap(page, baseUrl, 'tapeloop');
    const labels = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.story-map svg text, .story-map svg title, .story-map-words li, .story-map-words h4',
        ),
      ].map((el) => el.textContent ?? ''),
    );
    expect(labels.length).toBeGreaterThan(5);
    const leaks = labels.filter((l) => /#|taste:|default|\b[a-z_]+\.[a-z_]+\b/i.test(l));
    expect(leaks).toEqual([]);
    // chapters group the map, named as the story names them
    const chapters = await page.locator('.chapter-title').allTextContents();
    expect(chapters[0]).toMatch(/^Chapter 1: /);
    expect(chapters.length).toBeGreaterThanOrEqual(2);
  });
});
