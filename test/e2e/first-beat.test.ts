// The first beat of a cold direct play link in Chromium: the story's first line shows as text
// before any of pixi is fetched (the stage loads after it), and the canvas that takes over shows
// what the text already showed as read, never typing it a second time.
import { waitForDecision } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

/** Strings only pixi.js's code carries (its deprecation warnings, its renderers). */
const PIXI = /PixiJS|WebGLRenderer|autoDetectRenderer/;

describe('the first beat before the stage', () => {
  test('shows the first line as text before pixi is fetched, and the canvas takes over without replaying it', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 720 } });
    // every script that carries pixi is held back until the text has been read
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pixiScripts: string[] = [];
    await page.route(/\.js$/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (PIXI.test(body)) {
        pixiScripts.push(new URL(route.request().url()).pathname);
        await held;
      }
      await route.fulfill({ response, body });
    });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await page.waitForFunction(() => performance.getEntriesByName('inkreel:first-beat').length > 0);

    // the first line is on screen as text, in the frame the canvas will fill, and no canvas yet
    const firstLine = page.locator('[role="log"] p').first();
    expect(await firstLine.isVisible()).toBe(true);
    expect((await firstLine.textContent())?.length).toBeGreaterThan(0);
    expect(await page.locator('.stage-host canvas').count()).toBe(0);
    expect(await page.locator('section.play').getAttribute('class')).toContain('stage-pending');
    // no script fetched before the first beat carries pixi: the entry neither
    const before = await page.evaluate(() => {
      const at = performance.getEntriesByName('inkreel:first-beat')[0]!.startTime;
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.startTime <= at && new URL(r.name).pathname.endsWith('.js'))
        .map((r) => new URL(r.name).pathname);
    });
    const entry = await page.locator('script[type="module"][src]').getAttribute('src');
    expect(before).toContain(entry);
    for (const path of before) expect(pixiScripts).not.toContain(path);
    const texts = await page.evaluate(
      (paths) => Promise.all(paths.map((p) => fetch(p).then((r) => r.text()))),
      before,
    );
    expect(texts.filter((t) => PIXI.test(t))).toEqual([]);

    // the text view reads the whole beat and its choices rise while the stage is still held
    await waitForDecision(page);
    const read = await page.locator('[role="log"] p').allTextContents();
    expect(read.length).toBeGreaterThan(1);
    expect(await page.locator('.stage-host canvas').count()).toBe(0);

    // the stage arrives: it shows the beat the text showed as read, nothing is typed again
    release();
    const canvas = page.locator('canvas[data-inkreel="stage"]');
    await canvas.waitFor({ state: 'attached' });
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('canvas[data-inkreel="stage"]')?.dataset.revealing,
    );
    expect(await canvas.getAttribute('data-revealing')).toBe('false');
    expect(await page.locator('[role="log"] p').allTextContents()).toEqual(read);
    await page.waitForFunction(() => {
      const play = document.querySelector('section.play');
      return play?.classList.contains('canvas-mode') && !play.classList.contains('stage-arriving');
    });
    expect(await page.locator('section.play').getAttribute('class')).not.toContain('stage-pending');
    // pixi did come, after the first beat
    expect(pixiScripts.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
