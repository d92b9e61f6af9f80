// The foundation in a real Chromium: home → play the sample story to an ending → the report.
import { CHOICES, foreignRequests, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

describe('playing the sample story in Chromium', () => {
  test('plays to an ending by clicking choices, takes the default when a window runs out, records every choice and never leaves the origin', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors, requests } = await open();

    await page.goto(`${baseUrl}/#/`);
    const link = page.getByRole('link', { name: /Night Shift/ });
    await link.click();
    // the card opens the story's title screen, whose Start begins play
    await waitForState(page, ['title']);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    expect(await waitForState(page, ['choosing'])).toBe('choosing');

    // The first decision has a 6 s window whose default is its second option: let it run out.
    const first = page.locator(`${CHOICES} button`);
    await expect.poll(() => first.count()).toBeGreaterThan(1);
    const defaultText = (await first.nth(1).textContent())?.replace(/^\d+\s*/, '').trim();
    expect(defaultText).toBeTruthy();
    const bar = page.getByRole('progressbar');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.waitForFunction(
      () => (document.querySelector('[role="log"]')?.textContent ?? '').includes('Seven rings'),
      undefined,
      { timeout: 15_000 },
    );

    // Then click through every later decision until the story ends.
    let picks = 0;
    for (let guard = 0; guard < 60; guard++) {
      const state = await waitForState(page, ['choosing', 'ended', 'error']);
      if (state !== 'choosing') break;
      const button = page.locator(`${CHOICES} button:not([disabled])`).first();
      await button.waitFor({ state: 'attached', timeout: 15_000 });
      const turn = await page.locator(`${CHOICES} button`).first().textContent();
      await button.click();
      picks++;
      await page.waitForFunction(
        (before) => {
          const state = document.getElementById('app')?.dataset.state;
          const now = document.querySelector(
            '[role="group"][aria-label="Choices"] button',
          )?.textContent;
          return state === 'ended' || state === 'error' || now !== before;
        },
        turn,
        { timeout: 15_000 },
      );
    }
    expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe('ended');
    expect(picks).toBeGreaterThanOrEqual(7);
    const ending = page.getByRole('region', { name: 'Ending' });
    await expect.poll(() => ending.isVisible()).toBe(true);

    // Reload, open the report: every decision is there, the first one taken by the timer.
    await page.reload();
    await page.goto(`${baseUrl}/#/report`);
    await waitForState(page, ['report']);
    const choices = page.locator('[data-type="choice.made"]');
    expect(await choices.count()).toBe(picks + 1);
    const timed = page.locator('[data-type="choice.made"]', { hasText: 'The timer chose' });
    expect(await timed.count()).toBe(1);
    expect(await timed.first().textContent()).toContain(defaultText);

    expect(foreignRequests(requests, baseUrl)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
