// "A pick answers within a frame" (DESIGN §8): scripted playthroughs of night-shift in headless
// Chromium, every pick of each run until an ending, read from the app's own User Timing entries
// (src/app/play-marks.ts): `inkreel:confirm` (pick → the end of the frame drawing the chosen card),
// the `ready` of each `inkreel:hold-end` mark (next beat computed and laid out before the hold
// ended) and `inkreel:next-beat` (hold end → the end of the next beat's first frame).
import type { Browser } from 'playwright-core';
import { newContext, untilOpenDecision } from './browser.ts';
import { summarize, type Summary } from './stats.ts';

const CHOICES = '[role="group"][aria-label="Choices"]';

/** A measure's parts (play-marks.ts): the handling task, the wait for the frame, the frame's drawing. */
export interface Parts {
  readonly taskMs: number;
  readonly waitMs: number;
  readonly frameMs: number;
  /** the part of waitMs before the frame began: the display's cadence, not the page's work */
  readonly idleMs?: number;
}

export interface PickRun {
  readonly confirm: readonly number[];
  readonly nextBeat: readonly number[];
  readonly confirmParts: readonly Parts[];
  readonly nextBeatParts: readonly Parts[];
  /** one per pick: the next beat was ready before the hold ended */
  readonly ready: readonly boolean[];
  readonly ending: string;
}

export interface PartSummaries {
  readonly task: Summary;
  readonly wait: Summary;
  readonly frame: Summary;
}

function partSummaries(parts: readonly Parts[]): PartSummaries {
  return {
    task: summarize(parts.map((p) => p.taskMs)),
    wait: summarize(parts.map((p) => p.waitMs)),
    frame: summarize(parts.map((p) => p.frameMs)),
  };
}

export interface PickFigures {
  readonly runs: readonly PickRun[];
  readonly confirm: Summary;
  readonly nextBeat: Summary;
  /** the parts of each measure, summarised apart (their p95s do not add up to the measure's) */
  readonly confirmParts: PartSummaries;
  readonly nextBeatParts: PartSummaries;
  /** each measure less its idleMs: the page's own work, the display's cadence left out */
  readonly confirmWork: Summary;
  readonly nextBeatWork: Summary;
  /** measures whose frame was the first to begin after the task (no frame skipped), of all */
  readonly confirmFirstFrame: number;
  readonly nextBeatFirstFrame: number;
  readonly picks: number;
  readonly readyPicks: number;
  /** share of ready picks in each run (0..1) */
  readonly readyShare: Summary;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** One playthrough to an ending; run `run` takes option (run + turn) mod n, so runs differ. */
async function playthrough(
  browser: Browser,
  url: string,
  run: number,
  viewport: { width: number; height: number },
): Promise<PickRun> {
  const context = await newContext(browser, { viewport });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/#/play/night-shift`);
    let state = '';
    for (let turn = 0; turn < 80; turn++) {
      state = await untilOpenDecision(page);
      if (state !== 'choosing') break;
      const buttons = page.locator(`${CHOICES} button:not([disabled])`);
      const count = await buttons.count();
      const before = await page.evaluate(
        () => performance.getEntriesByName('inkreel:next-beat').length,
      );
      await buttons.nth((run + turn) % Math.max(1, count)).click();
      // the pick is done when the frame after the hold has been measured
      await page.waitForFunction(
        (n) => performance.getEntriesByName('inkreel:next-beat').length > n,
        before,
        { timeout: 15_000, polling: 50 },
      );
    }
    if (state !== 'ended')
      throw new Error(`bench: night-shift stopped in ${state}: ${errors.join('; ')}`);
    return await page.evaluate(() => {
      const durations = (name: string): number[] =>
        performance.getEntriesByName(name, 'measure').map((m) => m.duration);
      const parts = (name: string): Parts[] =>
        performance
          .getEntriesByName(name, 'measure')
          .map((m) => (m as PerformanceMeasure).detail as Parts);
      const ready = performance
        .getEntriesByName('inkreel:hold-end', 'mark')
        .map((m) => (m as PerformanceMark).detail as { ready?: unknown } | null)
        .map((d) => d?.ready === true);
      return {
        confirm: durations('inkreel:confirm'),
        nextBeat: durations('inkreel:next-beat'),
        confirmParts: parts('inkreel:confirm'),
        nextBeatParts: parts('inkreel:next-beat'),
        ready,
        ending:
          document.querySelector('[role="region"][aria-label="Ending"] h2')?.textContent ?? '',
      };
    });
  } finally {
    await context.close();
  }
}

/** `runs` playthroughs of night-shift at `viewport` (1280×720 unless given). */
export async function pickFigures(
  browser: Browser,
  url: string,
  runs: number,
  viewport = { width: 1280, height: 720 },
): Promise<PickFigures> {
  const all: PickRun[] = [];
  for (let run = 0; run < runs; run++) all.push(await playthrough(browser, url, run, viewport));
  const ready = all.flatMap((r) => r.ready);
  const work = (durations: readonly number[], parts: readonly Parts[]): Summary =>
    summarize(durations.map((d, i) => d - (parts[i]?.idleMs ?? 0)));
  // a frame begins at most one display interval (16.7 ms, 1 ms of timer slack) after the task
  const firstFrame = (parts: readonly Parts[]): number =>
    parts.filter((p) => (p.idleMs ?? Infinity) <= 17.7).length;
  const confirmParts = all.flatMap((r) => r.confirmParts);
  const nextBeatParts = all.flatMap((r) => r.nextBeatParts);
  return {
    confirmWork: work(
      all.flatMap((r) => r.confirm),
      confirmParts,
    ),
    nextBeatWork: work(
      all.flatMap((r) => r.nextBeat),
      nextBeatParts,
    ),
    confirmFirstFrame: firstFrame(confirmParts),
    nextBeatFirstFrame: firstFrame(nextBeatParts),
    runs: all,
    confirm: summarize(all.flatMap((r) => r.confirm)),
    nextBeat: summarize(all.flatMap((r) => r.nextBeat)),
    confirmParts: partSummaries(all.flatMap((r) => r.confirmParts)),
    nextBeatParts: partSummaries(all.flatMap((r) => r.nextBeatParts)),
    picks: ready.length,
    readyPicks: ready.filter(Boolean).length,
    readyShare: summarize(
      all.map((r) => r.ready.filter(Boolean).length / Math.max(1, r.ready.length)),
    ),
    viewport,
  };
}
