// Sound in Chromium, on the flagship: nothing before a gesture (no AudioContext, no engine chunk),
// then a running context with the first scene's ambience and the first music cue, the UI sounds of
// a decision (cards rise, the last three seconds tick, the clock chose, a pick), no CSP error, and
// every audio node let go when play is left. Muted, no AudioContext is made at all. Observed through
// the app's trace (`?audio-trace`), never by listening or timing.
import type { Page } from 'playwright-core';
import { pickOption, readStore, waitForDecision, waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

/** Counts AudioContexts the page makes, and CSP violations, from before any script runs. */
async function watchAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __contextsMade: number; __cspViolations: string[] };
    w.__contextsMade = 0;
    w.__cspViolations = [];
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        w.__contextsMade += 1;
      }
    };
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

function trace(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.__inkreelAudio?.events ?? [])]);
}

function contextsMade(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __contextsMade: number }).__contextsMade);
}

async function traced(page: Page, entry: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((e) => window.__inkreelAudio?.events.includes(e) ?? false, entry, {
    timeout,
  });
}

describe('sound in Chromium', () => {
  test('the flagship is silent until a gesture, then plays its ambience, its score and the decision sounds, and lets every node go', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors, requests } = await open({ viewport: { width: 1280, height: 720 } });
    await watchAudio(page);
    await page.goto(`${baseUrl}/?audio-trace#/play/tapeloop`);
    await waitForState(page, ['narrating', 'reading', 'choosing']);
    // before any gesture: no context, no engine code fetched, nothing traced
    expect(await contextsMade(page)).toBe(0);
    expect(await page.evaluate(() => window.__inkreelAudio?.context)).toBe('none');
    expect(requests.filter((r) => /synth/.test(r.url()))).toEqual([]);

    // a key is a gesture: Space, which first dismisses the opening chapter card (the card keeps
    // the key to itself), still starts the sound
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.evaluate(() => window.__inkreelAudio?.context), { timeout: 10_000 })
      .toBe('running');
    expect(await contextsMade(page)).toBe(1);
    expect(requests.some((r) => /synth/.test(r.url()))).toBe(true);
    // the first scene is the bedroom on a rainy morning (rain on the window); the first cue is
    // Tuesday's theme
    await traced(page, 'ambience:rain');
    await traced(page, 'music:tuesday');

    // the first decision: the cards rise, and left alone its last three seconds tick, then the
    // clock chooses
    await waitForDecision(page);
    await traced(page, 'ui:rise');
    await traced(page, 'ui:clock-chose', 40_000);
    const ticks = (await trace(page)).filter((e) => e === 'ui:tick');
    expect(ticks).toHaveLength(3);
    expect((await trace(page)).indexOf('ui:tick')).toBeLessThan(
      (await trace(page)).indexOf('ui:clock-chose'),
    );
    expect(await trace(page)).not.toContain('ui:pick');

    // the next decision is picked: a pick sound, and no clock-chose for it
    await pickOption(page, 0, 40_000);
    await traced(page, 'ui:pick');
    expect((await trace(page)).filter((e) => e === 'ui:clock-chose')).toHaveLength(1);

    // notes release their nodes as they end: the engine holds a bounded number while playing
    const live = await page.evaluate(() => window.__inkreelAudio?.liveNodes() ?? -1);
    expect(live).toBeGreaterThan(0);
    expect(live).toBeLessThan(300);

    // leaving play tears the engine down: every node let go, the context closed
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await expect.poll(() => page.evaluate(() => window.__inkreelAudio?.context)).toBe('closed');
    expect(await page.evaluate(() => window.__inkreelAudio?.liveNodes())).toBe(0);

    expect(
      await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('muted in settings, play makes no AudioContext at all, even after gestures', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 720 } });
    await watchAudio(page);
    await page.goto(`${baseUrl}/?audio-trace#/settings`);
    const mute = page.getByRole('checkbox', { name: 'Mute all sound' });
    await mute.check();
    // kept: once written, a fresh page reads it back from the profile
    await expect
      .poll(async () => JSON.stringify(await readStore(page, 'settings', 'values')))
      .toContain('"soundMuted":true');
    await page.reload();
    await expect.poll(() => mute.isChecked()).toBe(true);
    await page.evaluate(() => {
      location.hash = '#/play/tapeloop';
    });
    await waitForState(page, ['narrating', 'reading', 'choosing']);
    await page.mouse.click(640, 300);
    await page.keyboard.press('Space');
    await waitForDecision(page);
    expect(await contextsMade(page)).toBe(0);
    expect(await page.evaluate(() => window.__inkreelAudio?.context)).toBe('none');
    expect(errors).toEqual([]);
  });
});
