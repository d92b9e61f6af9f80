// The play view's frame and countdown in Chromium: a 16:9 picture letterboxed on a laptop and
// full-bleed on an upright phone, the self-hosted typeface in use, and the last seconds of a
// window announced once on the page while the progressbar marks them.
import type { Page } from 'playwright-core';
import { waitForDecision } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

describe('the cinematic frame in Chromium', () => {
  test('keeps the picture 16:9 and centred between black bars on a 1280×720 window, over the controls', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl}/#/play/tapeloop`);
    await waitForDecision(page);
    const stage = await box(page, '.stage-host');
    const frame = await box(page, '.play-frame');
    const controls = await box(page, '.play-controls');
    expect(stage.width / stage.height).toBeCloseTo(16 / 9, 1);
    // centred in its frame, bars on both sides
    expect(stage.x - frame.x).toBeGreaterThan(8);
    expect(frame.x + frame.width - (stage.x + stage.width)).toBeCloseTo(stage.x - frame.x, 0);
    expect(
      await page.locator('.play-frame').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(0, 0, 0)');
    // the controls sit below the picture, never on it
    expect(controls.y).toBeGreaterThanOrEqual(stage.y + stage.height - 1);
    // the canvas is the picture's size
    const canvas = await box(page, 'canvas[data-inkreel="stage"]');
    expect(Math.abs(canvas.width - stage.width)).toBeLessThan(2);
    expect(errors).toEqual([]);
  });

  test('fills the width of an upright 390×844 phone, and draws its text in Atkinson Hyperlegible Next', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/#/play/tapeloop`);
    await waitForDecision(page);
    const stage = await box(page, '.stage-host');
    expect(stage.x).toBeLessThan(1);
    expect(stage.width).toBeGreaterThan(389);
    expect(stage.height).toBeGreaterThan(stage.width);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        body: document.fonts.check('400 16px "Atkinson Hyperlegible Next"'),
        bold: document.fonts.check('700 16px "Atkinson Hyperlegible Next"'),
        family: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(fonts.body).toBe(true);
    expect(fonts.bold).toBe(true);
    expect(fonts.family).toMatch(/^"?Atkinson Hyperlegible Next/);
    expect(errors).toEqual([]);
  });

  test('marks the last three seconds on the progressbar and tells the page once', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseUrl}/#/play/tapeloop`);
    await waitForDecision(page);
    await page.evaluate(() => {
      const w = window as unknown as { lowTimes: unknown[] };
      w.lowTimes = [];
      document.addEventListener('inkreel:low-time', (e) =>
        w.lowTimes.push((e as CustomEvent).detail),
      );
    });
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('data-low-time')).toBe('false');
    await page.waitForFunction(
      () =>
        document.querySelector('[role="progressbar"]')?.getAttribute('data-low-time') === 'true',
      undefined,
      { timeout: 15_000 },
    );
    // "N seconds left", rounded up
    const left = Number((await bar.getAttribute('aria-valuetext'))?.split(' ')[0]);
    expect(left).toBeLessThanOrEqual(3);
    const colour = await page
      .locator('[role="progressbar"] .timer-fill')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(255, 92, 77)');
    await page.waitForTimeout(500);
    const heard = await page.evaluate(
      () => (window as unknown as { lowTimes: unknown[] }).lowTimes,
    );
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ turn: 1 });
    expect(errors).toEqual([]);
  });
});
