// The story's structure in Chromium: tapeloop's title screen, its chapter cards and an ending card,
// played by clicking with the timer off; axe-core on the title screen and the ending card in both
// themes; screenshots of each at four screen sizes into test-results/screenshots/structure/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileInk } from '../../src/build/compile-ink.ts';
import { exploreJson } from '../../src/build/explore.ts';
import { buildStory, scanStory } from '../../src/build/story-build.ts';
import { axeViolations, waitForState } from './present-helpers.ts';
import { pickOption } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const SHOTS = 'test-results/screenshots/structure';
const stories = join(resolve(import.meta.dirname, '../..'), 'stories');
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 2560, height: 1440 },
] as const;

/** The explorer's shortest way to each ending of tapeloop, and what the build names it. */
function endings() {
  const entry = join(stories, 'tapeloop/main.ink');
  const compiled = compileInk(entry, { countAllVisits: true });
  if (compiled.json === null) throw new Error('tapeloop does not compile');
  const found = exploreJson(compiled.json, {
    seed: 1,
    runs: 50,
    exclude: scanStory(entry, compiled.files).functions,
  }).endings;
  const outline = buildStory(stories, 'tapeloop').outline;
  return found.map((e) => ({
    ...e,
    name: outline?.endings.find((x) => x.path === e.path)?.name ?? '',
    total: outline?.endings.length ?? 0,
  }));
}

async function shots(page: Page, name: string): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** True when the element's box lies inside the viewport and nothing in it scrolls on its own. */
async function fitsWithoutScrollBox(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    const inside = box.top >= 0 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
    const scrollers = [el, ...el.querySelectorAll('*'), el.parentElement].filter(
      (x): x is Element => x instanceof Element && x.scrollHeight > x.clientHeight + 1,
    );
    return inside && scrollers.every((x) => getComputedStyle(x).overflowY === 'visible');
  }, selector);
}

describe('title screen, chapters and ending card in Chromium', () => {
  const paths = endings();
  // the shortest way to an ending, so each theme's playthrough is quick
  const target = [...paths].sort((a, b) => a.choices.length - b.choices.length)[0];

  for (const colorScheme of ['dark', 'light'] as const) {
    test(`plays tapeloop from its title screen to a named ending card (${colorScheme} theme)`, async ({
      baseUrl,
      open,
    }) => {
      if (!target) throw new Error('the explorer found no ending of tapeloop');
      expect(target.name).not.toBe('');
      // axe is injected as an inline script, which the site's own CSP rightly refuses
      const { page, errors } = await open({
        colorScheme,
        bypassCSP: true,
        viewport: { width: 1280, height: 720 },
      });
      const dark = colorScheme === 'dark';
      if (dark) mkdirSync(SHOTS, { recursive: true });

      // the home card leads to the title screen
      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);
      await page.getByRole('link', { name: /Tapeloop/ }).click();
      await waitForState(page, ['title']);
      expect(page.url()).toContain('#/story/tapeloop');
      await page.getByRole('heading', { name: 'Tapeloop', level: 1 }).waitFor();
      const text = (await page.locator('.title-screen').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('1986. You are nineteen');
      expect(text).toMatch(/Typical length: about \d+ decisions, \d+ minutes/);
      expect(text).toContain('Chapters · 0 of 4 reached');
      // the key art is shown whole: its box keeps the picture's own shape
      const art = await page.locator('img.title-art').evaluate((img: HTMLImageElement) => ({
        fit: getComputedStyle(img).objectFit,
        loaded: img.complete && img.naturalWidth > 0,
      }));
      expect(art).toEqual({ fit: 'contain', loaded: true });
      expect(await axeViolations(page)).toEqual([]);
      if (dark) await shots(page, 'title');

      // untimed, chosen right here, kept as the profile's setting
      await page.getByLabel('No timer').check();
      await page.getByText('Saved: no timer').waitFor();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      // the card shows with the first line and goes by itself after 2 s: look for it before
      // reading on through the opening's pages
      const card = page.locator('.chapter-card:not([hidden])');
      await card.waitFor({ timeout: 5_000 });
      expect(await card.locator('span').allTextContents()).toEqual(['Chapter 1 of 4', 'Tuesday']);
      if (dark) {
        // the card goes by itself after 2 s: each size gets a fresh card, below
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
      expect(await page.locator('.play-chapter').innerText()).toBe('Chapter 1 of 4: Tuesday');
      // Escape only took the card away: play is not paused
      expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(0);
      await waitForState(page, ['narrating', 'reading', 'choosing']);

      for (const index of target.choices) await pickOption(page, index);
      await waitForState(page, ['ended']);

      const ending = page.getByRole('region', { name: 'Ending' });
      await ending.waitFor();
      expect(await ending.getByRole('heading', { level: 2 }).innerText()).toBe(target.name);
      // the count comes once the map and the log are read, a moment after the card
      await expect.poll(() => ending.innerText()).toContain(`Ending 1 of ${target.total} found`);
      const lastLine = (await page.getByRole('log').locator('p').last().innerText()).trim();
      expect(await ending.locator('blockquote').innerText()).toBe(lastLine);
      const chips = ending.getByRole('list', { name: 'Your path' }).getByRole('button');
      expect(await chips.count()).toBe(target.choices.length);
      const groups = await ending.locator('.ending-chapter-name').allInnerTexts();
      expect(groups[0]).toBe('1. Tuesday');
      expect(await axeViolations(page)).toEqual([]);

      for (const size of [VIEWPORTS[0], VIEWPORTS[3]]) {
        await page.setViewportSize(size);
        expect(await fitsWithoutScrollBox(page, '.ending-card'), `at ${size.width}`).toBe(true);
      }
      await page.setViewportSize({ width: 1280, height: 720 });
      if (dark) await shots(page, 'ending');

      // "go back here" is one step away: a chip shows the decision, its button goes back
      await chips.first().click();
      await ending.getByRole('button', { name: 'Go back here' }).waitFor();

      await ending.getByRole('button', { name: 'Start over' }).click();
      await waitForState(page, ['narrating', 'choosing']);
      await expect
        .poll(async () => (await page.getByRole('log').innerText()).includes('ninth of September'))
        .toBe(true);
      if (dark) {
        for (const size of VIEWPORTS) {
          // a fresh profile each time, so the title screen offers Start and the card shows
          const { page: fresh } = await open({ viewport: size, colorScheme });
          await fresh.goto(`${baseUrl}/#/story/tapeloop`);
          await waitForState(fresh, ['title']);
          await fresh.getByRole('button', { name: 'Start', exact: true }).click();
          await fresh.locator('.chapter-card:not([hidden])').waitFor({ timeout: 5_000 });
          // past its fade-in, before it goes
          await fresh.waitForTimeout(500);
          await fresh.screenshot({ path: `${SHOTS}/chapter-${size.width}x${size.height}.png` });
        }
      }
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
