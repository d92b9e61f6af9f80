// Playback as a player meets it, in a real Chromium: keyboard play, timed and paused windows,
// rewind to another ending, resume after a reload, fault stories, and a double click.
import type { Page } from 'playwright-core';
import { appState, CHOICES, waitForDecision, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const OPEN_CHOICE = `${CHOICES} button:not([disabled])`;
const LONG = { timeout: 30_000 };

// Shortest choice paths to two endings of night-shift (`npm run story -- explore night-shift`):
// both begin by letting the phone ring, and part at the second decision.
const TO_MORNING = [1, 0, 1, 2, 2, 0, 1, 2, 0];
const TO_ROOM_SEVEN = [1, 2, 0, 2, 2, 0, 0, 2, 1];

async function logText(page: Page): Promise<string> {
  return (await page.locator('[role="log"]').textContent()) ?? '';
}

async function waitForLog(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => (document.querySelector('[role="log"]')?.textContent ?? '').includes(wanted),
    text,
    { timeout },
  );
}

/** The open decision's option texts, once its buttons take input. */
async function openDecision(page: Page): Promise<string> {
  await waitForDecision(page, 60_000);
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].map((b) => b.textContent?.trim() ?? '').join(' | '),
    `${CHOICES} button`,
  );
}

/** Waits until the decision `before` is gone: a new decision is open, or the story ended. */
async function waitPast(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    ({ before, sel, all }) => {
      const state = document.getElementById('app')?.dataset.state;
      if (state === 'ended' || state === 'error') return true;
      // the last beat (or a page) waits for the reader: the pick went through
      if (document.querySelector('button.continue:not([hidden])')) return true;
      if (state !== 'choosing' || document.querySelectorAll(sel).length === 0) return false;
      const now = [...document.querySelectorAll(all)]
        .map((b) => b.textContent?.trim() ?? '')
        .join(' | ');
      return now !== before;
    },
    { before, sel: OPEN_CHOICE, all: `${CHOICES} button` },
    LONG,
  );
  return waitForState(page, ['choosing', 'ended', 'error']);
}

/** Picks `index` (0-based) with its number key and waits for the story to move on. */
async function pressPick(page: Page, index: number): Promise<string> {
  const before = await openDecision(page);
  await page.keyboard.press(String(index + 1));
  return waitPast(page, before);
}

async function playPath(page: Page, path: readonly number[]): Promise<string> {
  let state = 'choosing';
  for (const index of path) state = await pressPick(page, index);
  return state;
}

async function openStory(page: Page, baseUrl: string, storyId: string): Promise<void> {
  await page.goto(`${baseUrl}/#/play/${storyId}`);
  await waitForState(page, ['choosing', 'error', 'ended']);
}

async function valueNow(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'));
}

/** Makes the page believe its tab was hidden or shown again, as a browser does. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** ms since the first decision became visible, on the page's own clock. */
async function sinceFirstChoice(page: Page): Promise<number> {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('inkreel:first-choice')[0];
    return mark ? performance.now() - mark.startTime : NaN;
  });
}

async function choiceRows(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}/#/report`);
  await waitForState(page, ['report']);
  return page.locator('[data-type="choice.made"]').count();
}

describe('playback in Chromium', () => {
  const viewport = { width: 1000, height: 700 };

  test('plays night-shift to an ending by keyboard alone, and a finished story opens fresh', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    let picks = 0;
    for (let guard = 0; guard < 30; guard++) {
      const before = await openDecision(page);
      // The lookahead runs shortly after a decision is shown; a faster pick skips it by design,
      // so wait for this decision's measure to make the count below exact.
      await page.waitForFunction(
        (n) => performance.getEntriesByName('inkreel:lookahead', 'measure').length >= n,
        picks + 1,
        LONG,
      );
      if (picks % 2 === 0) {
        await page.keyboard.press('1');
      } else {
        // arrows move focus through the options, Enter picks the focused one
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      }
      picks++;
      const state = await waitPast(page, before);
      if (state !== 'choosing') break;
    }
    expect(await appState(page)).toBe('ended');
    expect(picks).toBeGreaterThanOrEqual(9);
    await expect.poll(() => page.getByRole('region', { name: 'Ending' }).isVisible()).toBe(true);
    expect(await logText(page)).toContain('THE END');
    // every decision was run ahead and its cost measured for the benchmark
    const measures = await page.evaluate(() =>
      performance.getEntriesByName('inkreel:lookahead', 'measure').map((m) => ({
        duration: m.duration,
        options: (m as PerformanceMeasure).detail?.options as number,
      })),
    );
    expect(measures).toHaveLength(picks);
    for (const m of measures) expect(m.options).toBeGreaterThanOrEqual(2);
    if (process.env.INKREEL_REPORT_LOOKAHEAD) {
      const sorted = measures.map((m) => m.duration).sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      console.log(`lookahead in Chromium: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`, sorted);
    }

    expect(await choiceRows(page, baseUrl)).toBe(picks);
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    // the All row holds every story once; a finished story is not in Continue
    const card = page
      .getByRole('list', { name: 'All stories' })
      .getByRole('link', { name: /Night Shift/ });
    await card.waitFor(LONG);
    expect(await card.textContent()).not.toMatch(/decision \d/i);
    expect(await page.locator('[data-row="continue"] [data-story="night-shift"]').count()).toBe(0);
    await openStory(page, baseUrl, 'night-shift');
    expect(await page.locator('.resume-notice').count()).toBe(0);
    expect(await logText(page)).not.toContain('THE END');
    expect(errors).toEqual([]);
  });

  test('takes the default option when the first window of 6 s runs out, and not before', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    const options = page.locator(`${CHOICES} button`);
    const defaultText = ((await options.nth(1).textContent()) ?? '').replace(/^\d+\s*/, '').trim();
    expect(defaultText).toBe('Let it ring');
    // "Seven rings" is the first line of the default's branch
    await waitForLog(page, 'Seven rings');
    expect(await sinceFirstChoice(page)).toBeGreaterThanOrEqual(5_900);

    await page.goto(`${baseUrl}/#/report`);
    await waitForState(page, ['report']);
    const rows = page.locator('[data-type="choice.made"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('The timer chose');
    expect(await rows.first().textContent()).toContain(defaultText);
    expect(errors).toEqual([]);
  });

  test('holds the window while the tab is hidden and resumes it with the time that was left', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    await openDecision(page);
    await page.waitForFunction(
      () => {
        const v = Number(
          document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'),
        );
        return v < 95 && v > 30;
      },
      undefined,
      LONG,
    );
    await setHidden(page, true);
    const hiddenAt = await sinceFirstChoice(page);
    const held = await valueNow(page);
    expect(held).toBeGreaterThan(0);
    // hidden for longer than the whole 6 s window: without the pause it would have run out
    await page.waitForTimeout(7_000);
    expect(await appState(page)).toBe('choosing');
    expect(await valueNow(page)).toBe(held);
    expect(await page.locator(OPEN_CHOICE).count()).toBe(2);
    expect(await logText(page)).not.toContain('Seven rings');

    await setHidden(page, false);
    const shownAt = await sinceFirstChoice(page);
    // it goes on from where it was held: not a fresh window, not zero
    const after = await valueNow(page);
    expect(after).toBeLessThanOrEqual(held);
    expect(after).toBeGreaterThan(0);
    await waitForLog(page, 'Seven rings');
    const hiddenMs = shownAt - hiddenAt;
    expect(hiddenMs).toBeGreaterThanOrEqual(7_000);
    expect(await sinceFirstChoice(page)).toBeGreaterThanOrEqual(6_000 + hiddenMs - 200);
    expect(errors).toEqual([]);
  });

  test('holds the window while the report is open and goes on with the time left on return', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    await openDecision(page);
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[role="progressbar"]');
        return Number(bar?.getAttribute('aria-valuenow')) < 80;
      },
      undefined,
      LONG,
    );
    await page.getByRole('link', { name: 'Report' }).first().click();
    await waitForState(page, ['report']);
    // away for longer than the whole 6 s window
    await page.waitForTimeout(7_000);
    await page.goto(`${baseUrl}/#/play/night-shift`);
    await openDecision(page);
    expect(await logText(page)).not.toContain('Seven rings');
    const left = await valueNow(page);
    expect(left).toBeLessThan(85);
    expect(left).toBeGreaterThan(0);
    expect(await page.locator('.resume-notice').textContent()).toContain('decision 1');
    await waitForLog(page, 'Seven rings');
    expect(errors).toEqual([]);
  });

  test('pauses on Escape (the pause menu opens) and resumes on Escape again', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    await openDecision(page);
    await page.keyboard.press('Escape');
    const menu = page.getByRole('dialog', { name: 'Paused' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await page.locator('.play-status').textContent()).toContain('Paused');
    const held = await valueNow(page);
    await page.waitForTimeout(1_500);
    expect(await valueNow(page)).toBe(held);

    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => valueNow(page), { timeout: 10_000 }).toBeLessThan(held);
    // still the same decision: the pause never picked anything
    expect(await page.locator(OPEN_CHOICE).count()).toBe(2);
    expect(errors).toEqual([]);
  });

  test('rewinds from the ending screen to decision 2 and reaches a different ending', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    expect(await playPath(page, TO_MORNING)).toBe('ended');
    expect(await logText(page)).toContain('THE END: The Morning Train');

    // on the ending card a decision's chip shows it, and "Go back here" goes back to it
    const ending = page.getByRole('region', { name: 'Ending' });
    await ending.getByRole('button', { name: /^Decision 2:/ }).click();
    await ending.getByRole('button', { name: 'Go back here' }).click();
    await openDecision(page);
    const rewound = await logText(page);
    expect(rewound).not.toContain('THE END');
    expect(rewound).toContain('Seven rings');
    expect(await playPath(page, TO_ROOM_SEVEN.slice(1))).toBe('ended');
    const text = await logText(page);
    expect(text).toContain('THE END: Room Seven');
    expect(text).not.toContain('The Morning Train');
    expect(errors).toEqual([]);
  }, 180_000); // two playthroughs, each beat read at the default text speed

  test('resumes at the same decision with the text so far after a reload, and offers to start over', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    await playPath(page, [0, 0, 0]);
    const decision = await openDecision(page);
    const text = await logText(page);

    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    await expect
      .poll(
        () =>
          page
            .getByRole('list', { name: 'All stories' })
            .getByRole('link', { name: /Night Shift/ })
            .textContent(),
        LONG,
      )
      .toMatch(/decision 4/i);

    await page.goto(`${baseUrl}/#/play/night-shift`);
    await page.reload();
    expect(await openDecision(page)).toBe(decision);
    expect(await logText(page)).toBe(text);
    const notice = page.locator('.resume-notice');
    expect(await notice.textContent()).toContain('Resumed at decision 4 where you left off');

    await notice.getByRole('button', { name: 'Start over' }).click();
    await page.waitForFunction(
      () => !(document.querySelector('[role="log"]')?.textContent ?? '').includes('Grey coat'),
      undefined,
      LONG,
    );
    await openDecision(page);
    expect(await logText(page)).toContain('the desk phone rings');
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('shows the error screen for an ink runtime error, and "Go back" returns to the last decision', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ viewport });
    await openStory(page, baseUrl, 'fault-runtime');
    expect(await pressPick(page, 0)).toBe('error');
    const alert = page.locator('.error-screen');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(/RANDOM was called/);

    await page.getByRole('button', { name: 'Go back to the last decision' }).click();
    expect(await openDecision(page)).toMatch(/Break the story.*Stay safe/);
    expect(await page.locator('.error-screen').count()).toBe(0);
    expect(await pressPick(page, 1)).toBe('ended');
    expect(await logText(page)).toContain('Safe ending.');
  });

  test('names an EXTERNAL with no binding and no fallback instead of showing a blank page', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ viewport });
    await openStory(page, baseUrl, 'fault-external');
    expect(await appState(page)).toBe('error');
    expect(await page.locator('.error-screen').textContent()).toContain('sendTelemetry');
  });

  test('keeps the page responsive while a story loops without output, then shows the error screen', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ viewport });
    await openStory(page, baseUrl, 'fault-loop');
    // the longest gap between timer callbacks while the story spins
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number };
      w.maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.maxGap = Math.max(w.maxGap, now - last);
        last = now;
      }, 20);
    });
    const before = await openDecision(page);
    await page.keyboard.press('1');
    await page.waitForFunction(
      (before) =>
        document.getElementById('app')?.dataset.state !== 'choosing' ||
        document.querySelector('[role="group"][aria-label="Choices"] button')?.textContent !==
          before.split(' | ')[0],
      before,
      LONG,
    );
    const started = Date.now();
    // the page answers while the loop runs: scripts run, and a control still responds
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    if ((await appState(page)) !== 'error') {
      await page.locator('.play-controls button.menu-open').click({ timeout: 5_000 });
      const menu = page.getByRole('dialog', { name: 'Paused' });
      await menu.getByRole('button', { name: 'Start over…' }).click({ timeout: 5_000 });
      await menu.getByRole('button', { name: 'No, keep my place' }).click({ timeout: 5_000 });
      await menu.getByRole('button', { name: 'Resume' }).click({ timeout: 5_000 });
    }
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(await waitForState(page, ['error'], 20_000)).toBe('error');
    expect(await page.locator('.error-screen').textContent()).toMatch(/without any new text/);
    const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    expect(maxGap).toBeLessThan(1_000);

    await page.getByRole('button', { name: 'Go back to the last decision' }).click();
    await openDecision(page);
    expect(await pressPick(page, 1)).toBe('ended');
    expect(await logText(page)).toContain('Safe ending.');
  });

  test('records one choice for a double click on an option, and one for a held key', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport });
    await openStory(page, baseUrl, 'night-shift');
    const before = await openDecision(page);
    await page.locator(OPEN_CHOICE).first().dblclick();
    const second = await openDecision(page);
    expect(second).not.toBe(before);
    expect(await logText(page)).toContain('Hotel Alcyone, night desk.');
    // a held key repeats: only its first press picks
    await page.keyboard.down('1');
    await page.keyboard.down('1');
    await page.keyboard.down('1');
    await page.keyboard.up('1');
    expect(await waitPast(page, second)).toBe('choosing');
    expect(await choiceRows(page, baseUrl)).toBe(2);
    expect(errors).toEqual([]);
  });
});
