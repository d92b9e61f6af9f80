// The home in Chromium, as a newcomer meets it on a phone and a laptop: a featured banner, rows
// that scroll sideways with snap and take the arrow keys, whole 2:3 posters, no sideways page.
import { describe, expect, test } from './fixture.ts';
import { pickOption, waitForState } from './browser.ts';

describe('the home in Chromium', () => {
  for (const [width, height] of [
    [390, 844],
    [1280, 720],
  ] as const) {
    test(`has a banner, rows and whole posters at ${width}×${height}`, async ({
      baseUrl,
      open,
    }) => {
      const { page, errors } = await open({ viewport: { width, height } });
      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);

      // the featured story, with a way to play it at once
      const title = (await page.locator('.banner-title').textContent()) ?? '';
      expect(title).not.toBe('');
      // a landmark named by the featured story's title
      const banner = page.getByRole('region', { name: title, exact: true });
      expect(await banner.count()).toBe(1);
      const play = banner.getByRole('link', { name: /^(Play|Continue|Play again)$/ });
      expect(await play.getAttribute('href')).toMatch(/^#\/play\//);

      // the All row: labelled, every story once, sideways scrolling with snap on a phone
      const all = page.getByRole('list', { name: 'All stories' });
      const cards = all.locator(':scope > li');
      expect(await cards.count()).toBeGreaterThanOrEqual(4);
      const row = await all.evaluate((ul) => ({
        snap: getComputedStyle(ul).scrollSnapType,
        scrolls: ul.scrollWidth > ul.clientWidth,
      }));
      expect(row.snap).toContain('x');
      if (width < 500) expect(row.scrolls).toBe(true);

      // posters are shown whole: a 2:3 box, contained
      const poster = await all
        .locator('img.poster')
        .first()
        .evaluate((img) => {
          const r = img.getBoundingClientRect();
          return { ratio: r.width / r.height, fit: getComputedStyle(img).objectFit };
        });
      expect(poster.ratio).toBeCloseTo(2 / 3, 1);
      expect(poster.fit).toBe('contain');

      // arrow keys move along the row
      const links = all.locator(':scope > li > a.story-link');
      await links.nth(0).focus();
      await page.keyboard.press('ArrowRight');
      expect(await links.nth(1).evaluate((a) => a === document.activeElement)).toBe(true);
      await page.keyboard.press('End');
      const last = (await links.count()) - 1;
      expect(await links.nth(last).evaluate((a) => a === document.activeElement)).toBe(true);

      // the page itself never scrolls sideways
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  test('a story left part-way shows in Continue, saying where', async ({ baseUrl, open }) => {
    const { page } = await open({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await pickOption(page, 0, 60_000);
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    const row = page.getByRole('list', { name: 'Continue' });
    await expect.poll(() => row.locator(':scope > li').count()).toBe(1);
    const card = row.locator('[data-story="night-shift"]');
    expect(await card.locator('.story-facts').textContent()).toMatch(/decision 1/i);
    expect(await card.locator('a').getAttribute('href')).toBe('#/story/night-shift');
  });
});
