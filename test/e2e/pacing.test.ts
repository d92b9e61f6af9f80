// Read, then choose, in Chromium: full tapeloop playthroughs at default settings (one clicking, one
// letting every window run out). For every decision the progressbar first drops only after the
// log says the text is complete (aria-busy false) and holds the beat's last line; no line ink
// produced is missing from the log; the ending's prose waits for the player.
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileInk } from '../../src/build/compile-ink.ts';
import { windowMs } from '../../src/core/timing.ts';
import { createInkRuntime } from '../../src/story/ink-runtime.ts';
import { CHOICES } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const entry = join(resolve(import.meta.dirname, '../..'), 'stories/tapeloop/main.ink');

interface Drop {
  readonly busy: string | null;
  readonly log: string;
}

/** Records, for each window, the log at the moment its progressbar first drops below 100. */
function watchDrops(): void {
  const w = window as unknown as { __drops: Drop[] };
  w.__drops = [];
  let dropped = false;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes)
          if (n instanceof Element && n.matches('[role="progressbar"]')) dropped = false;
      } else if (r.target instanceof Element && r.target.getAttribute('role') === 'progressbar') {
        const value = Number(r.target.getAttribute('aria-valuenow'));
        if (!dropped && value < 100) {
          dropped = true;
          const log = document.querySelector('[role="log"]');
          w.__drops.push({
            busy: log?.getAttribute('aria-busy') ?? null,
            log: log?.textContent ?? '',
          });
        }
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-valuenow'],
  });
}

const drops = (page: Page) =>
  page.evaluate(() => (window as unknown as { __drops: Drop[] }).__drops);
const logNow = (page: Page) =>
  page.evaluate(() => ({
    busy: document.querySelector('[role="log"]')?.getAttribute('aria-busy') ?? null,
    log: document.querySelector('[role="log"]')?.textContent ?? '',
  }));

/** Continues through pages until a decision is open (or, at the end, the last beat is read). */
async function readUntil(page: Page, want: 'decision' | 'ending'): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const at = await page.evaluate(() => ({
      state: document.getElementById('app')?.dataset.state ?? '',
      cue: document.querySelector<HTMLButtonElement>('button.continue:not([hidden])')?.textContent,
      cards: document.querySelector('[aria-label="Choices"] button:not([disabled])') !== null,
    }));
    if (at.state === 'error') throw new Error('the story hit an error');
    if (want === 'decision' && at.state === 'choosing' && at.cards) return;
    if (want === 'ending' && at.cue === 'Continue to the ending') return;
    if (at.cue === 'Continue') await page.locator('button.continue').click();
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${want} within 60 s`);
}

async function playThrough(page: Page, baseUrl: string, mode: 'click' | 'timeout') {
  const compiled = compileInk(entry);
  if (compiled.json === null) throw new Error('tapeloop does not compile');
  // the same story, run beside the page, says which lines each beat must show
  const ink = createInkRuntime(compiled.json, { storyId: 'tapeloop' });
  await page.addInitScript(watchDrops);
  await page.goto(`${baseUrl}/#/play/tapeloop`);
  let decisions = 0;
  for (let turn = 0; turn < 80; turn++) {
    const beat = ink.nextSync();
    const expected = beat.lines.map((l) => l.text).filter((t) => t.trim() !== '');
    if (beat.decision === null) {
      await readUntil(page, 'ending');
      const now = await logNow(page);
      expect(now.busy).toBe('false');
      for (const text of expected) expect(now.log, `the ending's line "${text}"`).toContain(text);
      expect(await page.getByRole('region', { name: 'Ending' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Continue to the ending' }).click();
      await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ended');
      return decisions;
    }
    await readUntil(page, 'decision');
    decisions += 1;
    const timed = windowMs(beat.decision, ink.meta) !== null;
    let chosen = 0;
    if (timed) {
      const seen = (await drops(page)).length;
      await expect.poll(async () => (await drops(page)).length, { timeout: 30_000 }).toBe(seen + 1);
      const drop = (await drops(page))[seen]!;
      expect(drop.busy, `decision ${decisions}: aria-busy when the window first drops`).toBe(
        'false',
      );
      for (const text of expected) {
        const found = drop.log.includes(text);
        expect(found, `decision ${decisions}: "${text}" in the log when its window starts`).toBe(
          true,
        );
      }
      if (mode === 'timeout') {
        chosen = beat.decision.defaultOption;
        await page.waitForFunction(
          () => document.querySelector('[role="progressbar"]') === null,
          undefined,
          { timeout: 130_000 },
        );
        await expect
          .poll(() => page.locator('.play-status').textContent())
          .toContain('The clock chose');
      }
    } else {
      const now = await logNow(page);
      expect(now.busy).toBe('false');
      for (const text of expected) expect(now.log).toContain(text);
    }
    if (mode === 'click' || !timed)
      await page.locator(`${CHOICES} button[data-index="${chosen}"]`).click();
    ink.choose(chosen);
    // the choice lands before the next beat: wait for the cards to go
    await page.waitForFunction(
      () => document.querySelector('[aria-label="Choices"] button:not([disabled])') === null,
    );
  }
  throw new Error('tapeloop did not end within 80 decisions');
}

describe('read, then choose, in Chromium', () => {
  test('clicking through tapeloop: every window starts after its beat is read, no line is lost', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 1280, height: 720 } });
    const decisions = await playThrough(page, baseUrl, 'click');
    expect(decisions).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  }, 300_000);

  test('letting every window run out: the same holds, and the clock says what it chose', async ({
    baseUrl,
    open,
  }) => {
    const { page, errors } = await open({ viewport: { width: 390, height: 844 } });
    const decisions = await playThrough(page, baseUrl, 'timeout');
    expect(decisions).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
  }, 600_000);
});
