// The play view as people see it in Chromium: phone to 4K screenshots, markup as text, Inky's tags,
// reduced motion, Enter finishing the reveal, and no canvas left behind by route changes.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { CHOICES } from './browser.ts';
import { describe, expect, test } from './fixture.ts';
import { axeViolations, distinctColours, waitForChoices, waitForState } from './present-helpers.ts';

const SHOTS = 'test-results/screenshots';
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 720 },
  { width: 2560, height: 1440 },
] as const;

async function logText(page: Page): Promise<string> {
  return (await page.getByRole('log').textContent()) ?? '';
}

async function insideViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 1 &&
    box.y + box.height <= size.height + 1 &&
    box.width > 0
  );
}

/** Lets the stage draw two frames, so its data-revealing reflects the newest lines. */
async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

describe('presentation in Chromium', () => {
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  for (const viewport of VIEWPORTS) {
    const name = `${viewport.width}x${viewport.height}`;
    test(`shows home, a drawn play scene with its text and reachable choices, and the report at ${name}`, async ({
      baseUrl,
      open,
    }) => {
      const { page, errors } = await open({ viewport });

      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);
      const link = page.getByRole('link', { name: /Night Shift/ });
      await link.waitFor();
      await page.screenshot({ path: `${SHOTS}/home-${name}.png` });
      // Cards further down the list are a scroll away; scrolled to, each fits the screen.
      await link.scrollIntoViewIfNeeded();
      expect(await insideViewport(page, 'a[href="#/story/night-shift"]')).toBe(true);

      await page.goto(`${baseUrl}/#/play/night-shift`);
      await waitForChoices(page);
      await page.locator('canvas[data-inkreel="stage"]').waitFor();
      await page.screenshot({ path: `${SHOTS}/play-${name}.png` });
      expect(await distinctColours(page, 'canvas[data-inkreel="stage"]')).toBeGreaterThan(12);
      expect(await logText(page)).toContain('desk phone rings');
      const buttons = page.locator(`${CHOICES} button`);
      const count = await buttons.count();
      expect(count).toBeGreaterThan(1);
      const stageBox = await page.locator('canvas[data-inkreel="stage"]').boundingBox();
      for (let i = 0; i < count; i++) {
        expect(await insideViewport(page, `${CHOICES} button >> nth=${i}`)).toBe(true);
        // the focusable button lies over its card on the canvas, not beside it
        const box = await buttons.nth(i).boundingBox();
        expect(box && stageBox && box.y >= stageBox.y - 1).toBe(true);
        expect(box && stageBox && box.y + box.height <= stageBox.y + stageBox.height + 1).toBe(
          true,
        );
      }

      await page.goto(`${baseUrl}/#/report`);
      await waitForState(page, ['report']);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.screenshot({ path: `${SHOTS}/report-${name}.png` });
      expect(await distinctColours(page, 'body')).toBeGreaterThan(2);

      expect(errors).toEqual([]);
    });
  }

  test('shows HTML and script in story text, speakers, choices and titles as text and runs none of it', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors, requests } = await open();
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    expect(await page.locator('#app').textContent()).toContain('<b>Markup</b>');

    await page.goto(`${baseUrl}/#/play/markup`);
    await waitForChoices(page);
    const log = await logText(page);
    expect(log).toContain('<img src=x onerror=window.__xss=1> and <script>window.__xss=1</script>');
    expect(log).toContain('<a href="javascript:window.__xss=1">link</a>');
    expect(
      await page.locator('[role="log"] img, [role="log"] script, [role="log"] b').count(),
    ).toBe(0);
    const option = page.locator(`${CHOICES} button`).first();
    expect(await option.textContent()).toContain('<img src=x onerror=window.__xss=1> Open it');
    await option.click();
    await waitForState(page, ['ended']);
    expect(await logText(page)).toContain('You opened <script>window.__xss=1</script>.');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(requests.map((r) => r.url()).filter((u) => /\/x$/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("plays a story written with Inky's tags only (BACKGROUND, IMAGE, CLASS, CLEAR, AUDIO, AUDIOLOOP, RESTART, theme) to its end without errors", async ({
    baseUrl,
    open,
  }) => {
    const { page, errors, requests } = await open({ colorScheme: 'light' });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${baseUrl}/#/play/inky-tags`);
    await waitForChoices(page);
    expect(
      await page.getByRole('button', { name: 'Mute sound' }).getAttribute('aria-pressed'),
    ).toBe('false');
    // The story's `theme: dark` dresses the page although the system prefers light.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await logText(page)).toContain('The room hums.');
    expect(await page.locator('[role="log"] .line-italic').count()).toBe(1);
    const pick = async (name: string): Promise<void> => {
      await page.getByRole('group', { name: 'Choices' }).getByRole('button', { name }).click();
    };
    await pick('Look closer');
    await page.getByRole('button', { name: 'Step back' }).waitFor();
    const cleared = await logText(page);
    expect(cleared).not.toContain('The room hums.');
    expect(cleared).toContain('You lean in');
    await pick('Step back');
    await pick('Start again');
    // RESTART: the story begins again from the top.
    await page.getByRole('button', { name: 'Look closer' }).waitFor();
    expect(await logText(page)).toContain('The room hums.');
    await pick('Walk away');
    await pick('Finish');
    await waitForState(page, ['ended']);
    expect(await distinctColours(page, 'canvas[data-inkreel="stage"]')).toBeGreaterThan(2);
    // The ending screen sits over the stage and leaves the play controls below it uncovered.
    const ending = await page.locator('.play-screen').boundingBox();
    const controls = await page.locator('.play-controls').boundingBox();
    expect(ending && controls && ending.y + ending.height <= controls.y + 1).toBe(true);
    const fetched = requests.map((r) => r.url());
    expect(fetched.some((u) => /bg[^/]*\.png/.test(u))).toBe(true);
    expect(fetched.some((u) => /pic[^/]*\.png/.test(u))).toBe(true);
    expect(fetched.some((u) => /hum[^/]*\.wav/.test(u))).toBe(true);
    expect(fetched.some((u) => /ding[^/]*\.wav/.test(u))).toBe(true);
    expect(warnings.filter((w) => /sound|asset|image/i.test(w))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('shows the text at once with reduced motion, and play still works', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ reducedMotion: 'reduce' });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForChoices(page);
    const canvas = page.locator('canvas[data-inkreel="stage"]');
    await page.waitForFunction(() =>
      document.querySelector('canvas[data-inkreel="stage"]')?.hasAttribute('data-revealing'),
    );
    await twoFrames(page);
    expect(await canvas.getAttribute('data-revealing')).toBe('false');
    const before = await logText(page);
    await page.locator(`${CHOICES} button`).first().click();
    await page.waitForFunction(
      (old) => document.querySelector('[role="log"]')?.textContent !== old,
      before,
    );
    await twoFrames(page);
    expect(await canvas.getAttribute('data-revealing')).toBe('false');
    expect(errors).toEqual([]);
  });

  test('reveals text gradually with full motion, and Enter away from the choices shows it all at once', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ reducedMotion: 'no-preference' });
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForState(page, ['narrating', 'reading', 'choosing']);
    await page.waitForFunction(
      () =>
        document.querySelector('canvas[data-inkreel="stage"]')?.getAttribute('data-revealing') ===
        'true',
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('canvas[data-inkreel="stage"]')?.getAttribute('data-revealing') ===
        'false',
    );
    // Enter skipped the text; it picked nothing.
    await waitForChoices(page);
    expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe(
      'choosing',
    );
  });

  test('leaves one canvas and no extra WebGL context after going play → home → play many times', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (/WebGL|context/i.test(m.text())) warnings.push(m.text());
    });
    for (let round = 0; round < 12; round++) {
      await page.goto(`${baseUrl}/#/play/night-shift`);
      await waitForChoices(page);
      await page.locator('canvas[data-inkreel="stage"]').waitFor();
      expect(await page.locator('canvas').count()).toBe(1);
      await page.goto(`${baseUrl}/#/`);
      await waitForState(page, ['home']);
      expect(await page.locator('canvas[data-inkreel="stage"]').count()).toBe(0);
    }
    // Leaving before the story has even loaded leaves nothing behind either.
    for (let round = 0; round < 6; round++) {
      await page.goto(`${baseUrl}/#/play/night-shift`);
      await page.goto(`${baseUrl}/#/`);
    }
    await waitForState(page, ['home']);
    // the story has a save now: its card is in Continue as well as in All stories
    await page
      .getByRole('list', { name: 'All stories' })
      .getByRole('link', { name: /Night Shift/ })
      .waitFor();
    // a grace period for any play still loading in the background to finish and tear down
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe('home');
    expect(await page.locator('canvas[data-inkreel="stage"]').count()).toBe(0);
    expect(warnings.filter((w) => /too many active webgl contexts/i.test(w))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('system preferences applied live in Chromium', () => {
  test('follows a change of the system colour scheme and of reduced motion while a story without its own theme plays', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({
      colorScheme: 'dark',
      reducedMotion: 'no-preference',
    });
    await page.goto(`${baseUrl}/#/play/low-tide`);
    await waitForState(page, ['narrating', 'reading', 'choosing']);
    const canvas = page.locator('canvas[data-inkreel="stage"]');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-theme')).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(
      () =>
        document.querySelector('canvas[data-inkreel="stage"]')?.getAttribute('data-theme') ===
        'light',
    );
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await waitForChoices(page);
    await page.locator(`${CHOICES} button`).first().click();
    await page.waitForFunction(() =>
      ['reading', 'choosing', 'ended'].includes(
        document.getElementById('app')?.dataset.state ?? '',
      ),
    );
    await twoFrames(page);
    expect(await canvas.getAttribute('data-revealing')).toBe('false');
    expect(errors).toEqual([]);
  });
});

describe('display settings reach the stage in Chromium', () => {
  test("draws a story in the player's chosen theme over the story's own theme tag, and with reduced motion when chosen", async ({
    baseUrl,
    open,
  }) => {
    // bypassCSP lets axe-core in as an inline script
    const { page, errors } = await open({
      colorScheme: 'dark',
      reducedMotion: 'no-preference',
      bypassCSP: true,
    });
    await page.goto(`${baseUrl}/#/settings`);
    await waitForState(page, ['settings']);
    await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('radio', { name: 'Reduce motion' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    // night-shift says `theme: dark`; the player's explicit choice wins.
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await waitForChoices(page);
    const canvas = page.locator('canvas[data-inkreel="stage"]');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-theme')).toBe('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await twoFrames(page);
    expect(await canvas.getAttribute('data-revealing')).toBe('false');
    // the light page over a light canvas passes axe too (contrast of the play controls and ledger)
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
