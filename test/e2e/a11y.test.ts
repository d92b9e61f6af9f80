// Accessibility in Chromium: axe-core finds nothing on any route in either theme, and the whole
// sample story can be played with only what a screen reader is given (roles, names, the log).
import type { Page } from 'playwright-core';
import { describe, expect, test } from './fixture.ts';
import { axeViolations, waitForChoices, waitForState } from './present-helpers.ts';

async function pickByName(page: Page, name: string): Promise<void> {
  await page
    .getByRole('group', { name: 'Choices' })
    .getByRole('button', { name, exact: true })
    .click();
}

describe('accessibility in Chromium', () => {
  for (const colorScheme of ['dark', 'light'] as const) {
    test(`has no axe-core violations on any route in the ${colorScheme} theme`, async ({
      baseUrl,
      open,
    }) => {
      // axe is injected as an inline script, which the site's own CSP rightly refuses.
      const { page } = await open({ colorScheme, bypassCSP: true });
      const found: Record<string, string[]> = {};

      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);
      found.home = await axeViolations(page);

      await page.goto(`${baseUrl}/#/play/night-shift`);
      await waitForChoices(page);
      found.choosing = await axeViolations(page);

      await page.goto(`${baseUrl}/#/play/inky-tags`);
      await waitForChoices(page);
      await pickByName(page, 'Walk away');
      await page.getByRole('button', { name: 'Finish' }).waitFor();
      await pickByName(page, 'Finish');
      await waitForState(page, ['ended']);
      await page.getByRole('region', { name: 'Ending' }).waitFor();
      found.ending = await axeViolations(page);

      await page.goto(`${baseUrl}/#/report`);
      await waitForState(page, ['report']);
      found.report = await axeViolations(page);

      // night-shift's map, with the decision just met
      await page.goto(`${baseUrl}/#/map/night-shift`);
      await waitForState(page, ['map']);
      found.map = await axeViolations(page);

      await page.goto(`${baseUrl}/#/settings`);
      await waitForState(page, ['settings']);
      found.settings = await axeViolations(page);

      await page.goto(`${baseUrl}/#/no-such-page`);
      await waitForState(page, ['error']);
      found.unknown = await axeViolations(page);

      expect(found).toEqual({
        home: [],
        choosing: [],
        ending: [],
        report: [],
        map: [],
        settings: [],
        unknown: [],
      });
    });
  }

  test('plays the whole sample story with only the roles, names and log a screen reader gets', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open();
    await page.goto(`${baseUrl}/#/`);
    await page.getByRole('link', { name: /Night Shift/ }).click();
    // the card opens the story's title screen; Start is a button like any other
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const log = page.getByRole('log');
    const group = page.getByRole('group', { name: 'Choices' });
    let picks = 0;
    for (let guard = 0; guard < 40; guard++) {
      const state = await waitForState(page, ['choosing', 'ended', 'error']);
      if (state !== 'choosing') break;
      await waitForChoices(page);
      const names = await group.getByRole('button').allInnerTexts();
      const lines = await log.locator('p').allInnerTexts();
      const newest = lines[lines.length - 1] ?? '';
      expect(newest.trim()).not.toBe('');
      expect(await log.textContent()).toContain(newest.trim().slice(0, 40));
      // Take the last option each time: a different path from the click-through test's.
      // The key number beside each option is aria-hidden: the name is the option's text alone.
      const accessible =
        names[names.length - 1]
          ?.replace(/^\s*\d+\s*/, '')
          .replace(/\s+/g, ' ')
          .trim() ?? '';
      expect(accessible).not.toBe('');
      await group.getByRole('button', { name: accessible, exact: true }).click();
      picks++;
      await page.waitForFunction(
        (before) => {
          const s = document.getElementById('app')?.dataset.state;
          const p = [...document.querySelectorAll('[role="log"] p')].pop()?.textContent;
          return s === 'ended' || s === 'error' || (p !== undefined && p !== before);
        },
        lines[lines.length - 1] ?? '',
        { timeout: 30_000 },
      );
    }
    expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe('ended');
    expect(picks).toBeGreaterThanOrEqual(5);
    const ending = page.getByRole('region', { name: 'Ending' });
    // the ending card's heading is the ending's name, from its `ending` tag
    const name = await ending.getByRole('heading', { level: 2 }).innerText();
    expect(['Room Seven', 'The Morning Train', 'Platform Two']).toContain(name);
    expect((await log.locator('p').last().innerText()).trim()).not.toBe('');
    expect(errors).toEqual([]);
  });
});
