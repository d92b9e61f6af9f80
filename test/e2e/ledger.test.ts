// The live ledger and the personalised home screen in a real Chromium with real IndexedDB.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHOICES, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';
import { axeViolations } from './present-helpers.ts';

const STORIES = resolve(import.meta.dirname, '../../stories');
const SHIPPED = readdirSync(STORIES).filter((id) => existsSync(join(STORIES, id, 'main.ink')));

/** Option text → its weight on one dimension, read from the story's own taste tags. */
function tasteWeights(storyId: string, dimension: string): Map<string, number> {
  const source = readFileSync(join(STORIES, storyId, 'main.ink'), 'utf8');
  const weights = new Map<string, number>();
  for (const match of source.matchAll(/^\s*[*+]+\s*\[([^#\]]+)#([^\]]*)\]/gm)) {
    const text = match[1]!.trim();
    const taste = /taste:\s*([^#]*)/.exec(match[2]!)?.[1] ?? '';
    const term = new RegExp(`\\b${dimension}([+-][0-9.]+)`).exec(taste);
    weights.set(text, term ? Number(term[1]) : 0);
  }
  return weights;
}

async function state(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('app')?.dataset.state ?? '');
}

async function barValue(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'));
}

async function optionTexts(page: Page): Promise<string[]> {
  return page
    .locator(`${CHOICES} button`)
    .evaluateAll((buttons) =>
      buttons.map((b) => (b.textContent ?? '').replace(/^\s*\d+\s*/, '').trim()),
    );
}

/** Waits until the choices on screen differ from `before` (a pick went through) or play ended. */
async function waitForNextDecision(page: Page, before: string): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const s = document.getElementById('app')?.dataset.state;
      const now = document.querySelector(
        '[role="group"][aria-label="Choices"] button',
      )?.textContent;
      // a continue cue means the pick went through and the story waits for the reader
      const cue = document.querySelector('button.continue:not([hidden])') !== null;
      return s === 'ended' || s === 'error' || cue || (s === 'choosing' && now !== previous);
    },
    before,
    { timeout: 30_000 },
  );
}

async function firstLedgerItem(page: Page): Promise<string> {
  return (await page.locator('dialog.ledger .ledger-item').first().textContent()) ?? '';
}

describe('the live ledger and the home screen in Chromium', () => {
  test('opening the ledger pauses the window, and it lists the timer’s and the player’s choices as they are recorded', async ({
    baseUrl,
    open,
  }) => {
    // bypassCSP only lets axe-core be injected; the CSP itself has its own test.
    const { page, errors } = await open({ bypassCSP: true });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    expect(await waitForState(page, ['choosing'])).toBe('choosing');
    const ledgerButton = page.getByRole('button', { name: 'What’s being recorded' });
    const dialog = page.getByRole('dialog', { name: 'What’s being recorded' });

    // The first window (6 s) is running: opening the ledger stops it.
    await expect.poll(() => barValue(page), { timeout: 10_000 }).toBeLessThan(100);
    await ledgerButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Session started');
    const frozen = await barValue(page);
    expect(frozen).toBeGreaterThan(0);
    // Long enough that a running 6 s bar would have dropped several points.
    await page.waitForTimeout(1500);
    expect(await barValue(page)).toBe(frozen);
    expect(await state(page)).toBe('choosing');

    // Escape closes it and the window runs again, to its end: the timer takes the default.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => barValue(page), { timeout: 10_000 }).toBeLessThan(frozen);
    await page.waitForFunction(
      () => (document.querySelector('[role="log"]')?.textContent ?? '').includes('Seven rings'),
      undefined,
      { timeout: 20_000 },
    );
    await ledgerButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => firstLedgerItem(page)).toContain('The timer chose “Let it ring”');
    await page.getByRole('button', { name: 'Close and go on' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // A pick of the player's own shows as "You chose", on top.
    await waitForState(page, ['choosing']);
    const button = page.locator(`${CHOICES} button:not([disabled])`).first();
    await button.waitFor({ state: 'attached', timeout: 20_000 });
    const [text] = await optionTexts(page);
    expect(text).toBeTruthy();
    const before = (await page.locator(`${CHOICES} button`).first().textContent()) ?? '';
    await button.click();
    await waitForNextDecision(page, before);
    await ledgerButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => firstLedgerItem(page)).toContain(`You chose “${text}”`);
    expect(await page.locator('dialog.ledger a[href="#/report"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  test('with site storage blocked the play view says nothing is saved, and the ledger says so too', async ({
    baseUrl,
    open,
  }) => {
    // the page is still blank: the init script runs at its first navigation
    const { context, page } = await open();
    await context.addInitScript(() => {
      // As when a browser blocks site storage: no IndexedDB, and localStorage (localforage's
      // other driver) throws.
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    expect(await waitForState(page, ['choosing'])).toBe('choosing');
    expect(await page.locator('.play-profile').textContent()).toBe(
      'Not saved: storage unavailable',
    );
    const notice = page.locator('.play-storage-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/nothing is being kept/);
    await page.getByRole('button', { name: 'What’s being recorded' }).click();
    const dialog = page.getByRole('dialog', { name: 'What’s being recorded' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.ledger-notice').textContent()).toMatch(/nothing is being kept/);
    // Play goes on in memory, so the session is still listed for this tab.
    expect(await dialog.textContent()).toContain('Session started');
  });

  test('the home screen shows every shipped story’s poster, a variant with its reason once the profile leans, and the defaults when personalisation is off', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ bypassCSP: true });

    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    for (const id of SHIPPED) {
      const poster = page.locator(`[data-row="all"] .story-card[data-story="${id}"] img.poster`);
      expect(await poster.count(), `a poster for ${id}`).toBe(1);
      await page.waitForFunction(
        (storyId) => {
          const img = document.querySelector<HTMLImageElement>(
            `[data-row="all"] .story-card[data-story="${storyId}"] img.poster`,
          );
          return img !== null && img.complete && img.naturalWidth > 0;
        },
        id,
        { timeout: 20_000 },
      );
    }

    // Play Night Shift through, always taking the warmest option on offer.
    const warmth = tasteWeights('night-shift', 'empathy');
    // the card opens the story's title screen; Start plays it
    await page
      .locator('[data-row="all"] .story-card[data-story="night-shift"] a.story-link')
      .click();
    await waitForState(page, ['title']);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    let picks = 0;
    for (let guard = 0; guard < 40; guard++) {
      if ((await waitForState(page, ['choosing', 'ended', 'error'])) !== 'choosing') break;
      await page
        .locator(`${CHOICES} button:not([disabled])`)
        .first()
        .waitFor({ state: 'attached', timeout: 20_000 });
      const texts = await optionTexts(page);
      let best = 0;
      texts.forEach((t, i) => {
        if ((warmth.get(t) ?? 0) > (warmth.get(texts[best] ?? '') ?? 0)) best = i;
      });
      const before = (await page.locator(`${CHOICES} button`).first().textContent()) ?? '';
      await page.locator(`${CHOICES} button`).nth(best).click();
      picks++;
      await waitForNextDecision(page, before);
    }
    expect(await state(page)).toBe('ended');
    expect(picks).toBeGreaterThanOrEqual(5);

    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    const card = page.locator('[data-row="all"] .story-card[data-story="night-shift"]');
    const variant = await card.locator('img.poster').getAttribute('data-variant');
    expect(variant).toBe('empathy+');
    expect(await card.locator('img.poster').getAttribute('src')).toContain('poster-empathy');
    // one short reason, in the claims' words (the variant needs a likely claim), linking to the
    // report, on its card in the row of stories picked for the player's leans; no "Why here: Fit…"
    const leans = page.locator('[data-row="leans"]');
    expect(await leans.locator('h2').textContent()).toMatch(/^Because you lean|^Because of how/);
    const chip = leans.locator('.story-card[data-story="night-shift"] a.reason-chip');
    expect(await chip.count()).toBe(1);
    expect(await chip.textContent()).toBe('Because you lean Warmth');
    expect(await chip.getAttribute('href')).toBe('#/report');
    expect(await page.locator('.home').textContent()).not.toMatch(/Why here|Fit \d|fit \d/);
    expect(await card.locator('.story-facts').textContent()).toContain('Finished');
    expect(await axeViolations(page)).toEqual([]);

    // One switch in the settings turns it off: the default poster, and the home says so.
    await page.goto(`${baseUrl}/#/settings`);
    await waitForState(page, ['settings']);
    const toggle = page.getByRole('checkbox', { name: /Personalise posters/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    // A hash change, not a reload: the app keeps running, as a player clicking a link would.
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await waitForState(page, ['home']);
    await expect
      .poll(() => card.locator('img.poster').getAttribute('data-variant'))
      .toBe('default');
    expect(await page.locator('.home-personalisation').textContent()).toMatch(
      /personalisation is off/i,
    );
    expect(await page.locator('.home .reason-chip').count()).toBe(0);
    expect(await page.locator('[data-row="leans"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
