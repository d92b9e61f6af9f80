// The play test driver: a player on xstate's SimulatedClock with a scripted story, driven by
// chainable, awaitable steps (`await play.pick(1).advance(10_000).expectState('ended')`) whose
// failures say what state play was in and what was stored.
import { expect } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { EventDraft, InputMethod } from '../../src/core/events.ts';
import type { LookaheadResult, StoryMeta } from '../../src/core/model.ts';
import type { SavedPlay, WallClock } from '../../src/core/ports.ts';
import type { TimeScale } from '../../src/core/timing.ts';
import type { PlayState, PlayView } from '../../src/core/view.ts';
import {
  createPlayerMachine,
  runPlayer,
  type Player,
  type PlayerEffects,
} from '../../src/player/player.ts';
import { HOLD_MS, SHOW_MS } from '../../src/player/machine.ts';
import { FakeRuntime, type FakeScript } from './fake-runtime.ts';

export interface PlayDriverOptions {
  readonly meta?: Partial<StoryMeta>;
  readonly timeScale?: TimeScale;
  /** replaces the capturing record (to fail or hold a capture) */
  readonly record?: (draft: EventDraft) => Promise<void>;
  readonly resume?: SavedPlay | null;
  readonly runtime?: FakeRuntime;
  /** called after the save is captured (to fail or hold it) */
  readonly save?: (save: SavedPlay) => Promise<void>;
  readonly preload?: (results: readonly LookaheadResult[], costMs: number) => void;
  /** the frame source a pick's hold ends on (absent: the hold ends when its time is up) */
  readonly atNextFrame?: (begin: () => void) => void;
  /**
   * 'auto' (the default) plays like a view that shows text at once and a player who continues at
   * once: after every step it reports each beat read (REVEALED), lets the cards land (SHOW_MS),
   * lets a chosen card's hold run out (HOLD_MS) and continues past the last beat, so a test can
   * count a window from the moment it opens. 'manual' does none of that: the test sends
   * REVEALED/CONTINUE and moves the clock itself.
   */
  readonly reader?: 'auto' | 'manual';
}

/** The steps, each queued after the previous one; a chain is awaited to run them. */
export interface PlaySteps<Next> {
  send(cmd: PlayerCommand): Next;
  pick(index: number, input?: InputMethod): Next;
  rewind(turn: number): Next;
  /** moves the simulated clock, then lets what it triggered settle */
  advance(ms: number): Next;
  /** lets pending promises settle; the simulated clock does not move */
  flush(): Next;
  /** the view reports every line on screen fully shown (REVEALED through the last line) */
  reveal(): Next;
  /** the player continues past the last beat (CONTINUE) */
  continue(): Next;
  stop(): Next;
  expectState(state: PlayState): Next;
  /** the view matches this partial view (toMatchObject) */
  expectView(partial: Record<string, unknown>): Next;
  /** a decision is on screen and matches this partial DecisionView */
  expectDecision(partial: Record<string, unknown>): Next;
  /** some stored event matches this partial event */
  expectStored(partial: Record<string, unknown>): Next;
  /** no stored event has this type */
  expectNothingStored(type: EventDraft['type']): Next;
  /** any check of your own, run in turn */
  check(fn: (play: PlayDriver) => void): Next;
}

export interface PlayChain extends PlaySteps<PlayChain>, PromiseLike<void> {}

export interface PlayDriver extends PlaySteps<PlayChain> {
  readonly player: Player;
  readonly clock: SimulatedClock;
  readonly runtime: FakeRuntime;
  /** every event the player asked to record, in order */
  readonly events: readonly EventDraft[];
  /** every autosave, in order */
  readonly saves: readonly SavedPlay[];
  view(): PlayView;
  /** the choice.made events */
  choices(): EventDraft<'choice.made'>[];
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function choicesOf(events: readonly EventDraft[]): EventDraft<'choice.made'>[] {
  return events.filter((e): e is EventDraft<'choice.made'> => e.type === 'choice.made');
}

/** One line saying where play stands, for failure messages. */
function describePlay(play: PlayDriver): string {
  const view = play.view();
  const decision = view.decision;
  const at =
    decision === null
      ? ''
      : ` at decision ${decision.turn} (${decision.id}, ${decision.phase}, ${String(decision.remainingMs)} ms left)`;
  const stored = play.events.map((e) => e.type).join(', ') || 'nothing';
  return `play is '${view.state}'${at} after ${String(play.clock.now())} ms; stored: ${stored}`;
}

export async function playDriver(
  script: FakeScript,
  options: PlayDriverOptions = {},
): Promise<PlayDriver> {
  const clock = new SimulatedClock();
  const runtime = options.runtime ?? new FakeRuntime(script, options.meta);
  const events: EventDraft[] = [];
  const saves: SavedPlay[] = [];
  // ISO stamps on the simulated clock, so a save's savedAt moves with the test's time
  const wallClock: WallClock = { isoNow: () => new Date(clock.now()).toISOString() };
  const effects: PlayerEffects = {
    runtime,
    clock,
    wallClock,
    record:
      options.record ??
      ((draft) => {
        events.push(draft);
        return Promise.resolve();
      }),
    save: (save) => {
      saves.push(save);
      return options.save === undefined ? Promise.resolve() : options.save(save);
    },
    ...(options.preload === undefined ? {} : { preload: options.preload }),
    ...(options.atNextFrame === undefined ? {} : { atNextFrame: options.atNextFrame }),
  };
  const player = runPlayer(
    createPlayerMachine(effects),
    effects,
    {
      meta: runtime.meta,
      storyId: 'fake',
      sessionId: 's1',
      timeScale: options.timeScale ?? 1,
      resume: options.resume ?? null,
    },
    { clock },
  );

  let queue: Promise<void> = Promise.resolve();
  const step =
    (run: () => void | Promise<void>): (() => PlayChain) =>
    () => {
      queue = queue.then(run).then(autoRead);
      return chain;
    };
  const advance = async (ms: number): Promise<void> => {
    clock.increment(ms);
    // SimulatedClock skips a timer scheduled by the last callback of a flush even when it is
    // already due (a 0 ms re-arm); a zero step runs what is due without moving time.
    for (let i = 0; i < 3; i++) clock.increment(0);
    await flushPromises();
  };
  const send = async (cmd: PlayerCommand): Promise<void> => {
    player.send(cmd);
    await flushPromises();
  };
  const revealAll = async (): Promise<void> => {
    const last = player.getView().lines.at(-1);
    await send({ type: 'REVEALED', through: last?.id ?? 0 });
  };
  // The 'auto' reader: moves play on to where a test of windows and picks wants to look.
  let reportedThrough = -1;
  const autoRead = async (): Promise<void> => {
    if (options.reader === 'manual') return;
    for (let i = 0; i < 50; i++) {
      const view = player.getView();
      const phase = view.decision?.phase;
      const last = view.lines.at(-1)?.id ?? 0;
      const between = view.state === 'reading' || (view.state === 'paused' && !view.decision);
      if (between && view.endingNext) await send({ type: 'CONTINUE' });
      else if (between && last !== reportedThrough) {
        reportedThrough = last;
        await revealAll();
      } else if (phase === 'shown') await advance(SHOW_MS);
      else if (phase === 'picked' || phase === 'timedOut') await advance(HOLD_MS);
      else return;
    }
  };

  const steps: PlaySteps<PlayChain> = {
    send: (cmd) => step(() => send(cmd))(),
    pick: (index, input = 'pointer') => step(() => send({ type: 'PICK', index, input }))(),
    rewind: (turn) => step(() => send({ type: 'REWIND', turn }))(),
    advance: (ms) => step(() => advance(ms))(),
    flush: () => step(flushPromises)(),
    reveal: () => step(revealAll)(),
    continue: () => step(() => send({ type: 'CONTINUE' }))(),
    stop: () =>
      step(async () => {
        player.stop();
        await flushPromises();
      })(),
    expectState: (state) =>
      step(() => {
        expect(play.view().state, describePlay(play)).toBe(state);
      })(),
    expectView: (partial) =>
      step(() => {
        expect(play.view(), describePlay(play)).toMatchObject(partial);
      })(),
    expectDecision: (partial) =>
      step(() => {
        expect(play.view().decision, describePlay(play)).toMatchObject(partial);
      })(),
    expectStored: (partial) =>
      step(() => {
        expect(events, describePlay(play)).toEqual(
          expect.arrayContaining([expect.objectContaining(partial)]),
        );
      })(),
    expectNothingStored: (type) =>
      step(() => {
        expect(
          events.filter((e) => e.type === type),
          describePlay(play),
        ).toEqual([]);
      })(),
    check: (fn) =>
      step(() => {
        fn(play);
      })(),
  };
  const chain: PlayChain = {
    ...steps,
    then: (onFulfilled, onRejected) => queue.then(onFulfilled, onRejected),
  };
  const play: PlayDriver = {
    ...steps,
    player,
    clock,
    runtime,
    events,
    saves,
    view: () => player.getView(),
    choices: () => choicesOf(events),
  };
  await flushPromises();
  await autoRead();
  return play;
}
