// The pause menu and History in Chromium: used by keyboard alone, the window held while they are
// open, the phone's one-row controls and its stage, and axe-core on both dialogs in both themes.
import type { Page } from 'playwright-core';
import { CHOICES, waitForDecision, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';
import { axeViolations } from './present-helpers.ts';

const OPEN_CHOICE = `${CHOICES} button:not([disabled])`;

async function barValue(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'));
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el instanceof HTMLInputElement) return `radio:${el.closest('label')?.textContent?.trim()}`;
    return el?.textContent?.trim() ?? '';
  });
}

/** Picks option `key` by its number key and waits for the next decision's first option to differ. */
async function pressPick(page: Page, key: string): Promise<void> {
  await waitForDecision(page);
  const before = await page.locator(CHOICES).textContent();
  await page.keyboard.press(key);
  // the picked card holds, then the next beat is read (through its pages) before choices rise
  await page.waitForFunction(
    (old) => document.querySelector('[role="group"][aria-label="Choices"]')?.textContent !== old,
    before,
    { timeout: 30_000 },
  );
  await waitForDecision(page);
}

describe('the pause menu and History in Chromium', () => {
  test('work by keyboard alone: Escape, Tab and Enter open the menu, change the timing, show the History, and resume', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open();
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForState(page, ['choosing']);
    const firstOption = (await page.locator(`${CHOICES} button`).first().textContent()) ?? '';
    await pressPick(page, '1');
    await expect.poll(() => barValue(page), { timeout: 10_000 }).toBeLessThan(100);

    await page.keyboard.press('Escape');
    const menu = page.getByRole('dialog', { name: 'Paused' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await focusedName(page)).toBe('Resume');
    const held = await barValue(page);
    await page.waitForTimeout(1_200);
    expect(await barValue(page)).toBe(held);

    // Tab past More time and History to the timing, whose checked radio is "as the story sets it"
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('More time for this choice');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('History');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('radio:As the story sets it');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('radio:Twice as long (×2)');
    await expect
      .poll(() => menu.getByRole('status').textContent())
      .toContain('Twice as long (×2). Saved');

    // Tab goes round inside the dialog and never reaches the page behind it
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(
        true,
      );
    }
    while ((await focusedName(page)) !== 'History') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const history = page.getByRole('dialog', { name: 'History' });
    await expect.poll(() => history.isVisible()).toBe(true);
    const told = (await history.textContent()) ?? '';
    expect(told).toContain('The Hotel Alcyone has nine rooms');
    expect(told).toContain('Hotel Alcyone, night desk.');
    expect(told).toContain(`You chose: ${firstOption.replace(/^1\s*/, '').trim()}`);
    expect(await history.getByRole('heading', { name: 'Decision 1' }).count()).toBe(1);
    // opened scrolled to the newest
    expect(
      await page.evaluate(() => {
        const box = document.querySelector('.history-scroll');
        return box ? box.scrollHeight - box.clientHeight - box.scrollTop : -1;
      }),
    ).toBeLessThanOrEqual(2);

    await page.keyboard.press('Escape');
    await expect.poll(() => history.isVisible()).toBe(false);
    expect(await focusedName(page)).toBe('History');
    expect(await barValue(page)).toBe(held);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => barValue(page), { timeout: 10_000 }).toBeLessThan(held);

    // the timing was kept as the profile's setting
    await page.goto(`${baseUrl}/#/settings`);
    await waitForState(page, ['settings']);
    expect(await page.getByLabel('Twice as long').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  test('on a 390×844 phone the controls are one row with the Menu button, the stage takes at least three quarters of the height, and the menu holds the rest', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/#/play/tapeloop`);
    await page.locator(OPEN_CHOICE).first().waitFor({ timeout: 30_000 });
    const controls = await page.locator('.play-controls').boundingBox();
    const stage = await page.locator('.stage-host').boundingBox();
    expect(controls?.height).toBeLessThan(64);
    expect(stage?.height ?? 0).toBeGreaterThanOrEqual(0.75 * 844);
    const shown = await page
      .locator('.play-controls > *')
      .evaluateAll((els: Element[]): string[] =>
        els.filter((el) => el.getClientRects().length > 0).map((el) => el.className),
      );
    expect(shown).toEqual(['play-title', 'menu-open']);
    // the choice cards stack: one above the other
    const cards = await page
      .locator(`${CHOICES} button`)
      .evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })),
      );
    expect(cards.length).toBeGreaterThan(1);
    for (let i = 1; i < cards.length; i += 1) expect(cards[i]!.y).toBeGreaterThan(cards[i - 1]!.y);

    await page.getByRole('button', { name: 'Menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Paused' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    for (const name of ['Resume', 'History', 'What’s being recorded', 'Start over…'])
      expect(await menu.getByRole('button', { name }).isVisible()).toBe(true);
    const box = await menu.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 390).toBe(true);
    // the ledger opens over the menu, and closing it comes back to the menu, not the folded row
    await menu.getByRole('button', { name: 'What’s being recorded' }).click();
    const ledger = page.getByRole('dialog', { name: 'What’s being recorded' });
    await expect.poll(() => ledger.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => ledger.isVisible()).toBe(false);
    expect(await menu.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'What’s being recorded',
    );
    expect(
      await page.evaluate(() => document.activeElement?.closest('dialog')?.className ?? null),
    ).toContain('pause-menu');
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['dark', 'light'] as const) {
    test(`has no axe-core violations on the pause menu and the History in the ${colorScheme} theme`, async ({
      baseUrl,
      open,
    }) => {
      // axe is injected as an inline script, which the site's own CSP rightly refuses
      const { page, errors } = await open({ colorScheme, bypassCSP: true });
      await page.goto(`${baseUrl}/#/play/night-shift`);
      await pressPick(page, '1');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Paused' }).waitFor();
      const found: Record<string, string[]> = { menu: await axeViolations(page) };
      await page
        .getByRole('dialog', { name: 'Paused' })
        .getByRole('button', { name: 'History' })
        .click();
      await page.getByRole('dialog', { name: 'History' }).waitFor();
      found.history = await axeViolations(page);
      await page.setViewportSize({ width: 360, height: 640 });
      found.historyPhone = await axeViolations(page);
      await page.keyboard.press('Escape');
      found.menuPhone = await axeViolations(page);
      expect(found).toEqual({ menu: [], history: [], historyPhone: [], menuPhone: [] });
      expect(errors).toEqual([]);
    });
  }
});
