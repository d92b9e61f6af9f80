// Runaway ink in a real Chromium: a loop that keeps printing reaches the error screen within 5 s
// with a small heap, and a decision whose 300 options all loop keeps the page responsive.
import { waitForState } from './browser.ts';
import { describe, expect, test } from './fixture.ts';

const MB = 1024 * 1024;

describe('runaway ink in Chromium', () => {
  const viewport = { width: 1000, height: 700 };

  test('reaches the error screen within 5 s of opening a story that prints for ever, with the heap under 200 MB', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ viewport });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${baseUrl}/#/`);
    await waitForState(page, ['home']);
    const started = Date.now();
    await page.evaluate(() => {
      location.hash = '#/play/runaway-text';
    });
    expect(await waitForState(page, ['error', 'choosing', 'ended'], 5_000)).toBe('error');
    expect(Date.now() - started).toBeLessThan(5_000);
    const message = (await page.locator('.error-screen').textContent()) ?? '';
    expect(message).toMatch(/printed more than 2 000 lines without offering a choice/);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    console.log(
      `runaway-text: error after ${Date.now() - started} ms, heap ${(heap.usedSize / MB).toFixed(1)} MB`,
    );
    expect(heap.usedSize).toBeLessThan(200 * MB);
    // the lines it did print are not all kept on screen: the log holds far fewer than 2 000
    const logged = await page.evaluate(
      () => (document.querySelector('[role="log"]')?.textContent ?? '').length,
    );
    expect(logged).toBeLessThan(200_000);
  });

  test('keeps every frame within a few hundred ms while a decision of 300 looping options is shown', async ({
    baseUrl,
    open,
  }) => {
    const { page } = await open({ viewport });
    // frame times from the very start, and when the decision was first seen in the DOM
    await page.addInitScript(() => {
      const w = window as unknown as { frames_: number[]; choosingAt: number | null };
      w.frames_ = [];
      w.choosingAt = null;
      const tick = (t: number) => {
        w.frames_.push(t);
        if (w.choosingAt === null && document.getElementById('app')?.dataset.state === 'choosing')
          w.choosingAt = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${baseUrl}/#/play/runaway-options`);
    await waitForState(page, ['choosing', 'error'], 30_000);
    // lookahead runs just after a decision is shown; give it time to run (it took 17 s before)
    await page.waitForFunction(
      () => performance.getEntriesByName('inkreel:lookahead', 'measure').length > 0,
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1500);
    const { gap, frames, cost } = await page.evaluate(() => {
      const w = window as unknown as { frames_: number[]; choosingAt: number | null };
      const from = w.choosingAt ?? Infinity;
      let gap = 0;
      let frames = 0;
      for (let i = 1; i < w.frames_.length; i++) {
        const t = w.frames_[i]!;
        if (t < from) continue;
        frames++;
        gap = Math.max(gap, t - w.frames_[i - 1]!);
      }
      const cost = performance.getEntriesByName('inkreel:lookahead', 'measure')[0]?.duration ?? NaN;
      return { gap, frames, cost };
    });
    expect(await page.evaluate(() => document.getElementById('app')?.dataset.state)).toBe(
      'choosing',
    );
    console.log(
      `runaway-options: longest frame gap ${gap.toFixed(0)} ms over ${frames} frames, lookahead ${cost.toFixed(1)} ms`,
    );
    expect(frames).toBeGreaterThan(10);
    expect(cost).toBeLessThan(300);
    expect(gap).toBeLessThan(500);
    expect(await page.locator('[role="group"][aria-label="Choices"] button').count()).toBe(300);
  });
});
