// Frames with the art (DESIGN §8): rAF intervals of the built app in headless Chromium (the 2D
// canvas path) at 1280×720 and 2560×1440, for each story's opening scene with its look on:
// "ambient" while the first beat is on screen (the scene's rain, flicker and drift moving, no
// decision open), "countdown" while the first decision's window runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { frameDeltas, untilOpenDecision } from './browser.ts';
import { summarize, type Summary } from './stats.ts';

export const FRAME_SIZES = [
  { width: 1280, height: 720 },
  { width: 2560, height: 1440 },
] as const;

/** how many times slower the "weak device" sample runs the page's main thread */
export const THROTTLE = 4;

export interface FrameSample {
  readonly storyId: string;
  readonly size: string;
  readonly ambient: Summary;
  readonly countdown: Summary;
  /** the stage's quality level at the end (data-quality on the canvas), if it says */
  readonly quality: string | null;
  /** the canvas's backing store, px */
  readonly backing: string;
  readonly raw: { readonly ambient: number[]; readonly countdown: number[] };
  /** main-thread busy ms per frame (CDP TaskDuration over the window / frames), ambient and countdown */
  readonly busyPerFrame: { readonly ambient: number; readonly countdown: number };
}

/** Frame intervals for `ms`, with the main thread's busy time per frame (CDP Performance metrics). */
async function measured(page: Page, ms: number): Promise<{ deltas: number[]; busy: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  };
  const before = await task();
  const deltas = await frameDeltas(page, ms);
  const busy = ((await task()) - before) * 1000;
  await cdp.detach();
  return { deltas, busy: busy / Math.max(1, deltas.length) };
}

/** One story at one size: ambient frames on the first beat, then countdown frames. */
async function storyFrames(
  browser: Browser,
  url: string,
  storyId: string,
  size: { width: number; height: number },
  ms: number,
  opts: { throttle?: number; shotsDir?: string } = {},
): Promise<FrameSample> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    const page = await context.newPage();
    if (opts.throttle !== undefined) {
      // a weak device: Chromium runs the page's main thread this many times slower
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.throttle });
    }
    await page.goto(`${url}/#/play/${storyId}`);
    await page.waitForSelector('canvas[data-inkreel="stage"]', { timeout: 60_000 });
    // the scene library and the fonts arrive after the first text; let them land
    await page.waitForFunction(
      () => {
        const c = document.querySelector('canvas[data-inkreel="stage"]');
        return c !== null && (document.getElementById('app')?.dataset.state ?? '') !== '';
      },
      undefined,
      { timeout: 30_000 },
    );
    // the scene library, the fonts and the first layout land in the first second or so: the
    // ambient window starts after them, while the first beat is still being read
    await page.waitForTimeout(1500);
    const { deltas: ambient, busy: ambientBusy } = await measured(page, ms);
    if ((await untilOpenDecision(page, 60_000)) !== 'choosing')
      throw new Error('bench: no decision opened');
    const { deltas: countdown, busy: countdownBusy } = await measured(page, ms);
    if (opts.shotsDir !== undefined) {
      mkdirSync(opts.shotsDir, { recursive: true });
      const tag = opts.throttle === undefined ? '' : `-cpu${String(opts.throttle)}x`;
      await page.screenshot({
        path: join(
          opts.shotsDir,
          `${storyId}-${String(size.width)}x${String(size.height)}${tag}.png`,
        ),
      });
    }
    const info = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas[data-inkreel="stage"]');
      return {
        quality: c?.dataset.quality ?? null,
        backing: c ? `${c.width}×${c.height}` : '',
      };
    });
    return {
      storyId,
      size: `${size.width}×${size.height}`,
      // the first interval or two include the measuring script's own start
      ambient: summarize(ambient.slice(2)),
      countdown: summarize(countdown.slice(2)),
      ...info,
      raw: { ambient: ambient.slice(2), countdown: countdown.slice(2) },
      busyPerFrame: { ambient: ambientBusy, countdown: countdownBusy },
    };
  } finally {
    await context.close();
  }
}

export interface FrameFigures {
  readonly samples: readonly FrameSample[];
  /** the first story at 2560×1440 on a CPU throttled THROTTLE× (a weak device): the level it chose */
  readonly weak: FrameSample | null;
  /** pooled over the stories, per size */
  readonly bySize: readonly { size: string; ambient: Summary; countdown: Summary }[];
}

/** Every story in `storyIds` at both sizes, `runs` times each (pooled). */
export async function frameFigures(
  browser: Browser,
  url: string,
  storyIds: readonly string[],
  runs: number,
  ms: number,
  shotsDir?: string,
): Promise<FrameFigures> {
  const samples: FrameSample[] = [];
  const raw = new Map<string, { ambient: number[]; countdown: number[] }>();
  for (let run = 0; run < runs; run++) {
    for (const size of FRAME_SIZES) {
      for (const id of storyIds) {
        const s = await storyFrames(
          browser,
          url,
          id,
          size,
          ms,
          run === 0 && shotsDir !== undefined ? { shotsDir } : {},
        );
        samples.push(s);
        process.stderr.write(
          `bench: frames ${id} ${s.size}: ambient p95 ${s.ambient.p95.toFixed(1)} (n=${String(s.ambient.n)}), countdown p95 ${s.countdown.p95.toFixed(1)} (n=${String(s.countdown.n)}), busy/frame ${s.busyPerFrame.ambient.toFixed(1)}/${s.busyPerFrame.countdown.toFixed(1)} ms, quality ${s.quality ?? '—'}, backing ${s.backing}\n`,
        );
      }
    }
  }
  // every interval of every story at one size, pooled
  for (const s of samples) {
    const entry = raw.get(s.size) ?? { ambient: [], countdown: [] };
    entry.ambient.push(...s.raw.ambient);
    entry.countdown.push(...s.raw.countdown);
    raw.set(s.size, entry);
  }
  const first = storyIds[0];
  const weak =
    first === undefined
      ? null
      : await storyFrames(browser, url, first, { width: 2560, height: 1440 }, ms * 2, {
          throttle: THROTTLE,
          ...(shotsDir === undefined ? {} : { shotsDir }),
        });
  if (weak)
    process.stderr.write(
      `bench: frames ${weak.storyId} ${weak.size} on a CPU ${String(THROTTLE)}× slower: ambient p95 ${weak.ambient.p95.toFixed(1)}, countdown p95 ${weak.countdown.p95.toFixed(1)}, quality ${weak.quality ?? '—'}\n`,
    );
  return {
    samples,
    weak,
    bySize: [...raw.entries()].map(([size, e]) => ({
      size,
      ambient: summarize(e.ambient),
      countdown: summarize(e.countdown),
    })),
  };
}
