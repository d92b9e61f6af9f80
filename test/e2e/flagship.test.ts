// The flagship story (stories/tapeloop) played to each of its endings in Chromium, by clicking
// the Choices buttons along the explorer's shortest path to each ending; then the story map
// counts every ending found.
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileInk } from '../../src/build/compile-ink.ts';
import { exploreJson } from '../../src/build/explore.ts';
import { scanStory } from '../../src/build/story-build.ts';
import { pickOption, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const entry = join(resolve(import.meta.dirname, '../..'), 'stories/tapeloop/main.ink');

function shortestPaths() {
  const compiled = compileInk(entry, { countAllVisits: true });
  if (compiled.json === null) throw new Error('tapeloop does not compile');
  return exploreJson(compiled.json, {
    seed: 1,
    runs: 200,
    exclude: scanStory(entry, compiled.files).functions,
  }).endings;
}

const stateOf = (page: Page) =>
  page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');

describe('the flagship story in Chromium', () => {
  const endings = shortestPaths();

  test('plays to every ending the explorer finds, and the story map counts them all', async ({
    baseUrl,
    open,
  }) => {
    expect(endings.length).toBeGreaterThanOrEqual(5);
    const { page, errors } = await open();

    // untimed, so no window runs out while the test reads the screen, and instant text: this
    // walks paths (pacing.test.ts reads them at the default speed)
    await page.goto(`${baseUrl}/#/settings`);
    await page.getByLabel('No timer: wait for me').check();
    await page.getByLabel('Instant (each page appears whole)').check();
    await page.goto(`${baseUrl}/#/play/tapeloop`);

    const reached: string[] = [];
    for (const [n, ending] of endings.entries()) {
      if (n > 0) {
        await page
          .getByRole('region', { name: 'Ending' })
          .getByRole('button', { name: 'Start over' })
          .click();
      }
      for (const index of ending.choices) await pickOption(page, index);
      // the ending's prose waits for the reader, who continues
      await waitForState(page, ['ended', 'error'], 60_000);
      expect(await stateOf(page), `after the path to ${ending.path}`).toBe('ended');
      await expect.poll(() => page.getByRole('region', { name: 'Ending' }).isVisible()).toBe(true);
      reached.push(ending.path);
    }
    expect(reached).toEqual(endings.map((e) => e.path));

    await page.getByRole('link', { name: /Story map/ }).click();
    await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'map');
    expect(await page.locator('.story-map-summary').textContent()).toContain(
      `Endings found: ${endings.length} of ${endings.length}.`,
    );
    expect(errors).toEqual([]);
  }, 600_000);
});
