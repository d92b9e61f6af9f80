// The playback machine (DESIGN.md §3): beats, timed decisions and their phases, pauses, rewind, autosave, capture.
import { assign, fromPromise, setup, spawnChild } from 'xstate';
import type { PauseReason, PlayerCommand } from '../core/commands.ts';
import type { EventDraft, InputMethod } from '../core/events.ts';
import type { Beat, Decision, Line, LookaheadResult } from '../core/model.ts';
import type { Clock, SavedPlay, SavedTurn, StoryRuntime } from '../core/ports.ts';
import { windowMs, type TimeScale } from '../core/timing.ts';
import {
  activeMs,
  addTime,
  freezeCountdown,
  isCounting,
  msLeft,
  openCountdown,
  pauseCountdown,
  resumeCountdown,
  untime,
  type Countdown,
} from './countdown.ts';

/** How long the options take to appear before the player is "selecting" (the window already runs). */
export const SHOW_MS = 300;
/**
 * Lookahead waits this long after a decision is shown, so its cost lands after the decision's
 * first frame (and outside the pick → next beat measure) rather than in front of it.
 */
export const LOOKAHEAD_AFTER_MS = 50;
/** A `pause:` tag never holds the story longer than this, whatever the author wrote. */
export const MAX_HOLD_MS = 10_000;

export interface PlayerDeps {
  readonly runtime: StoryRuntime;
  readonly clock: Clock;
  /** resolves once the event is durable */
  readonly record: (draft: EventDraft) => Promise<void>;
  readonly save: (save: SavedPlay) => Promise<void>;
  /**
   * Gets what each option's branch will need, run ahead while the decision is shown, to preload
   * it; `costMs` is the lookahead's own time on `clock`. Only called when the runtime has lookahead.
   */
  readonly preload?: (results: readonly LookaheadResult[], costMs: number) => void;
}

export interface PlayerInput extends PlayerDeps {
  readonly storyId: string;
  readonly sessionId: string;
  readonly timeScale: TimeScale;
  readonly resume?: SavedPlay | null;
}

export interface TranscriptEntry {
  /** increasing for the whole life of the player, rewinds included, so keyed views never mix lines */
  readonly id: number;
  readonly line: Line;
}

export interface Turn {
  /** ink state at the moment the decision was shown */
  readonly snapshot: string;
  readonly transcriptLength: number;
  readonly decisionId: string;
  readonly chosenText: string | null;
  readonly timedOut: boolean;
}

export interface LiveDecision {
  readonly decision: Decision;
  /** 1-based */
  readonly turn: number;
  readonly countdown: Countdown;
  /** position in decision.options once picked or defaulted */
  readonly chosen: number | null;
  readonly timedOut: boolean;
  readonly input: InputMethod | null;
  readonly decisionMs: number | null;
}

export interface PlayerContext {
  readonly deps: PlayerDeps;
  readonly storyId: string;
  readonly sessionId: string;
  readonly storyVersion: string;
  readonly title: string;
  readonly timeScale: TimeScale;
  readonly pauses: readonly PauseReason[];
  readonly transcript: readonly TranscriptEntry[];
  readonly nextLineId: number;
  /** lines of the current beat not revealed yet (a `pause:` tag holds the rest back) */
  readonly pending: readonly Line[];
  readonly pendingDecision: Decision | null;
  readonly pendingEndPath: string | null;
  readonly holdMs: number;
  readonly restartRequested: boolean;
  /** the next load starts the story from scratch (RESTART) */
  readonly resetOnLoad: boolean;
  readonly turns: readonly Turn[];
  readonly current: LiveDecision | null;
  readonly ending: { readonly path: string } | null;
  readonly error: { readonly message: string } | null;
  readonly recordFailures: number;
  readonly resume: SavedPlay | null;
  /** time left in the resumed decision's window, used once by the first decision after a resume */
  readonly resumeRemainingMs: number | null;
}

interface ContinueInput {
  readonly runtime: StoryRuntime;
  /** ink choice index to take first, or null */
  readonly choose: number | null;
  readonly reset: boolean;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' && error !== '' ? error : 'The story stopped unexpectedly.';
}

function isLive(current: LiveDecision | null): current is LiveDecision {
  return current !== null && current.chosen === null;
}

function holdOf(line: Line): number {
  let ms = 0;
  for (const d of line.directives) if (d.kind === 'pause' && d.seconds > 0) ms += d.seconds * 1000;
  return Math.min(ms, MAX_HOLD_MS);
}

function draftBase(ctx: PlayerContext) {
  return { sessionId: ctx.sessionId, storyId: ctx.storyId, storyVersion: ctx.storyVersion };
}

function choiceDraft(ctx: PlayerContext): EventDraft<'choice.made'> {
  const live = ctx.current;
  if (live === null || live.chosen === null) throw new Error('No choice to record.');
  const d = live.decision;
  return {
    ...draftBase(ctx),
    type: 'choice.made',
    decisionId: d.id,
    knot: d.knot,
    options: d.options.map((o) => ({ text: o.text, taste: o.taste })),
    chosenIndex: live.chosen,
    decisionMs: live.decisionMs ?? 0,
    windowMs: live.countdown.windowMs,
    timedOut: live.timedOut,
    input: live.input ?? 'timer',
  };
}

function rewoundDraft(ctx: PlayerContext, toTurn: number): EventDraft<'decision.rewound'> {
  return {
    ...draftBase(ctx),
    type: 'decision.rewound',
    toDecisionId: toTurn === 0 ? null : (ctx.turns[toTurn - 1]?.decisionId ?? null),
    toTurn,
    fromTurn: ctx.turns.length,
  };
}

export function savedPlayOf(ctx: PlayerContext, savedAt: string): SavedPlay {
  return {
    storyId: ctx.storyId,
    storyVersion: ctx.storyVersion,
    sessionId: ctx.sessionId,
    snapshots: ctx.turns.map((t) => t.snapshot),
    transcript: ctx.transcript.map((e) => e.line.text),
    lines: ctx.transcript.map((e) => e.line),
    turns: ctx.turns.map((t): SavedTurn => ({
      decisionId: t.decisionId,
      transcriptLength: t.transcriptLength,
      chosenText: t.chosenText,
      timedOut: t.timedOut,
    })),
    savedAt,
  };
}

/** Settles a chosen option into the live decision and its turn. */
function settle(
  ctx: PlayerContext,
  index: number,
  input: InputMethod,
  timedOut: boolean,
): Pick<PlayerContext, 'current' | 'turns'> {
  const live = ctx.current;
  if (live === null) return { current: null, turns: ctx.turns };
  const now = ctx.deps.clock.now();
  const option = live.decision.options[index];
  const turns = ctx.turns.map((t, i) =>
    i === live.turn - 1 ? { ...t, chosenText: option?.text ?? '', timedOut } : t,
  );
  return {
    turns,
    current: {
      ...live,
      chosen: index,
      input,
      timedOut,
      decisionMs: activeMs(live.countdown, now),
      countdown: freezeCountdown(live.countdown, now),
    },
  };
}

function fromBeat(beat: Beat): Partial<PlayerContext> {
  return {
    pending: beat.lines,
    pendingDecision: beat.decision,
    pendingEndPath: beat.endPath ?? null,
    current: null,
    error: null,
  };
}

const countdownEvents = {
  PAUSE: { target: '.arm', actions: 'applyPause' },
  RESUME: { target: '.arm', actions: 'applyResume' },
  MORE_TIME: { target: '.arm', actions: 'applyMoreTime' },
  SET_TIME_SCALE: { target: '.arm', actions: 'applyTimeScale' },
} as const;

const rewindEvents = {
  REWIND: {
    guard: 'canRewind',
    target: '#player.restoring',
    actions: ['recordRewind', 'truncateToRewind'],
  },
  RESTART: { target: '#player.loading', actions: ['recordRestart', 'clearPlaythrough'] },
} as const;

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerCommand,
    input: {} as PlayerInput,
  },
  actors: {
    continueStory: fromPromise<Beat, ContinueInput>(async ({ input }) => {
      if (input.reset) input.runtime.reset();
      if (input.choose !== null) input.runtime.choose(input.choose);
      return await input.runtime.next();
    }),
    restoreState: fromPromise<Decision, { runtime: StoryRuntime; state: string }>(
      async ({ input }) => {
        input.runtime.loadState(input.state);
        const decision = input.runtime.decision;
        if (decision === null)
          throw new Error('The saved story state has no decision to return to.');
        return await Promise.resolve(decision);
      },
    ),
    recordEvent: fromPromise<void, { record: PlayerDeps['record']; draft: EventDraft }>(
      async ({ input }) => {
        await input.record(input.draft);
      },
    ),
    autosave: fromPromise<void, { save: PlayerDeps['save']; play: SavedPlay }>(
      async ({ input }) => {
        // A failed autosave must not stop play: the story goes on, only resuming is lost.
        await input.save(input.play).catch((error: unknown) => {
          console.warn('inkreel: the autosave failed; play goes on.', error);
        });
      },
    ),
  },
  delays: {
    showDelay: SHOW_MS,
    lookaheadDelay: LOOKAHEAD_AFTER_MS,
    pauseHold: ({ context }) => context.holdMs,
    windowLeft: ({ context }) =>
      context.current === null
        ? 0
        : (msLeft(context.current.countdown, context.deps.clock.now()) ?? 0),
  },
  guards: {
    canResume: ({ context }) => {
      const r = context.resume;
      return (
        r !== null &&
        r.snapshots.length > 0 &&
        r.storyId === context.storyId &&
        r.storyVersion === context.storyVersion
      );
    },
    isHolding: ({ context }) => context.holdMs > 0,
    restartRequested: ({ context }) => context.restartRequested,
    hasDecision: ({ context }) => context.pendingDecision !== null,
    isCounting: ({ context }) => isLive(context.current) && isCounting(context.current.countdown),
    validPick: ({ context, event }) =>
      event.type === 'PICK' &&
      isLive(context.current) &&
      Number.isInteger(event.index) &&
      event.index >= 0 &&
      event.index < context.current.decision.options.length,
    canRewind: ({ context, event }) =>
      event.type === 'REWIND' &&
      Number.isInteger(event.turn) &&
      event.turn >= 1 &&
      event.turn <= context.turns.length,
    hasTurns: ({ context }) => context.turns.length > 0,
  },
  actions: {
    recordSessionStarted: spawnChild('recordEvent', {
      input: ({ context }) => ({
        record: context.deps.record,
        draft: {
          ...draftBase(context),
          type: 'session.started',
        } satisfies EventDraft<'session.started'>,
      }),
    }),
    recordEnding: spawnChild('recordEvent', {
      input: ({ context }) => ({
        record: context.deps.record,
        draft: {
          ...draftBase(context),
          type: 'story.ended',
          endingPath: context.pendingEndPath ?? '',
          decisions: context.turns.length,
        } satisfies EventDraft<'story.ended'>,
      }),
    }),
    recordSessionEnded: spawnChild('recordEvent', {
      input: ({ context }) => ({
        record: context.deps.record,
        draft: {
          ...draftBase(context),
          type: 'session.ended',
          reason: 'ended',
        } satisfies EventDraft<'session.ended'>,
      }),
    }),
    recordRewind: spawnChild('recordEvent', {
      input: ({ context, event }) => ({
        record: context.deps.record,
        draft: rewoundDraft(context, event.type === 'REWIND' ? event.turn : context.turns.length),
      }),
    }),
    recordRestart: spawnChild('recordEvent', {
      input: ({ context }) => ({ record: context.deps.record, draft: rewoundDraft(context, 0) }),
    }),
    lookahead: ({ context }) => {
      const { runtime, clock, preload } = context.deps;
      if (preload === undefined || runtime.lookahead === undefined) return;
      // a failing lookahead only costs a preload, never the decision
      try {
        const started = clock.now();
        const results = runtime.lookahead();
        preload(results, clock.now() - started);
      } catch {
        return;
      }
    },
    autosave: spawnChild('autosave', {
      input: ({ context }) => ({
        save: context.deps.save,
        play: savedPlayOf(context, new Date().toISOString()),
      }),
    }),
    loadSave: assign(({ context }) => {
      const save = context.resume;
      if (save === null) return {};
      const lines: readonly Line[] =
        save.lines ?? save.transcript.map((text): Line => ({ text, tags: [], directives: [] }));
      const transcript = lines.map((line, i) => ({ id: i + 1, line }));
      const last = save.snapshots.length - 1;
      const turns = save.snapshots.map((snapshot, i): Turn => {
        const t = save.turns?.[i];
        return {
          snapshot,
          transcriptLength: Math.min(t?.transcriptLength ?? transcript.length, transcript.length),
          decisionId: t?.decisionId ?? '',
          chosenText: i === last ? null : (t?.chosenText ?? ''),
          timedOut: i === last ? false : (t?.timedOut ?? false),
        };
      });
      const left = save.remainingMs;
      return {
        transcript,
        nextLineId: transcript.length + 1,
        turns,
        resumeRemainingMs: typeof left === 'number' && left >= 0 ? left : null,
      };
    }),
    noteRecordFailure: assign(({ context }) => ({ recordFailures: context.recordFailures + 1 })),
    revealLines: assign(({ context }) => {
      const shown: TranscriptEntry[] = [];
      let holdMs = 0;
      let restartRequested = false;
      let taken = 0;
      let id = context.nextLineId;
      for (const line of context.pending) {
        taken += 1;
        if (line.directives.some((d) => d.kind === 'restart')) {
          restartRequested = true;
          break;
        }
        shown.push({ id, line });
        id += 1;
        holdMs = holdOf(line);
        if (holdMs > 0) break;
      }
      return {
        transcript: [...context.transcript, ...shown],
        nextLineId: id,
        pending: restartRequested ? [] : context.pending.slice(taken),
        holdMs,
        restartRequested,
      };
    }),
    pushTurn: assign(({ context }) => ({
      turns: [
        ...context.turns,
        {
          snapshot: context.deps.runtime.saveState(),
          transcriptLength: context.transcript.length,
          decisionId: context.pendingDecision?.id ?? '',
          chosenText: null,
          timedOut: false,
        },
      ],
    })),
    beginDecision: assign(({ context }) => {
      const decision = context.pendingDecision;
      if (decision === null) return {};
      const window = windowMs(decision, context.deps.runtime.meta, context.timeScale);
      const opened = openCountdown(window, context.deps.clock.now(), context.pauses.length > 0);
      // play left mid-window goes on with the time that was left, not a fresh window
      const left = context.resumeRemainingMs;
      const countdown =
        left !== null && opened.remainingMs !== null
          ? { ...opened, remainingMs: Math.min(left, opened.remainingMs) }
          : opened;
      return {
        resumeRemainingMs: null,
        current: {
          decision,
          turn: context.turns.length,
          countdown,
          chosen: null,
          timedOut: false,
          input: null,
          decisionMs: null,
        },
        ending: null,
        error: null,
      };
    }),
    assignPick: assign(({ context, event }) =>
      event.type === 'PICK' ? settle(context, event.index, event.input, false) : {},
    ),
    assignTimeout: assign(({ context }) =>
      context.current === null
        ? {}
        : settle(context, context.current.decision.defaultOption, 'timer', true),
    ),
    applyPause: assign(({ context, event }) => {
      if (event.type !== 'PAUSE') return {};
      const pauses = context.pauses.includes(event.reason)
        ? context.pauses
        : [...context.pauses, event.reason];
      const current = isLive(context.current)
        ? {
            ...context.current,
            countdown: pauseCountdown(context.current.countdown, context.deps.clock.now()),
          }
        : context.current;
      return { pauses, current };
    }),
    applyResume: assign(({ context, event }) => {
      if (event.type !== 'RESUME') return {};
      const pauses = context.pauses.filter((r) => r !== event.reason);
      const current =
        pauses.length === 0 && isLive(context.current)
          ? {
              ...context.current,
              countdown: resumeCountdown(context.current.countdown, context.deps.clock.now()),
            }
          : context.current;
      return { pauses, current };
    }),
    applyMoreTime: assign(({ context }) =>
      isLive(context.current)
        ? {
            current: {
              ...context.current,
              countdown: addTime(context.current.countdown, context.deps.clock.now()),
            },
          }
        : {},
    ),
    applyTimeScale: assign(({ context, event }) => {
      if (event.type !== 'SET_TIME_SCALE') return {};
      const current =
        event.scale === 'off' && isLive(context.current)
          ? { ...context.current, countdown: untime(context.current.countdown) }
          : context.current;
      return { timeScale: event.scale, current };
    }),
    truncateToRewind: assign(({ context, event }) => {
      const turn = event.type === 'REWIND' ? event.turn : context.turns.length;
      const kept = context.turns.slice(0, turn);
      const target = kept[kept.length - 1];
      if (target === undefined) return {};
      return {
        turns: [...kept.slice(0, -1), { ...target, chosenText: null, timedOut: false }],
        transcript: context.transcript.slice(0, target.transcriptLength),
        pending: [],
        pendingDecision: null,
        pendingEndPath: null,
        current: null,
        ending: null,
        error: null,
      };
    }),
    clearPlaythrough: assign(() => ({
      turns: [],
      transcript: [],
      pending: [],
      pendingDecision: null,
      pendingEndPath: null,
      current: null,
      ending: null,
      error: null,
      holdMs: 0,
      restartRequested: false,
      resetOnLoad: true,
    })),
    storyRestart: assign(() => ({
      turns: [],
      transcript: [],
      pending: [],
      pendingDecision: null,
      pendingEndPath: null,
      current: null,
      holdMs: 0,
      restartRequested: false,
      resetOnLoad: true,
    })),
    markEnded: assign(({ context }) => ({
      ending: { path: context.pendingEndPath ?? '' },
      current: null,
    })),
  },
}).createMachine({
  id: 'player',
  context: ({ input }) => ({
    deps: {
      runtime: input.runtime,
      clock: input.clock,
      record: input.record,
      save: input.save,
      ...(input.preload === undefined ? {} : { preload: input.preload }),
    },
    storyId: input.storyId,
    sessionId: input.sessionId,
    storyVersion: input.runtime.meta.version,
    title: input.runtime.meta.title,
    timeScale: input.timeScale,
    pauses: [],
    transcript: [],
    nextLineId: 1,
    pending: [],
    pendingDecision: null,
    pendingEndPath: null,
    holdMs: 0,
    restartRequested: false,
    resetOnLoad: false,
    turns: [],
    current: null,
    ending: null,
    error: null,
    recordFailures: 0,
    resume: input.resume ?? null,
    resumeRemainingMs: null,
  }),
  initial: 'starting',
  on: {
    PAUSE: { actions: 'applyPause' },
    RESUME: { actions: 'applyResume' },
    MORE_TIME: { actions: 'applyMoreTime' },
    SET_TIME_SCALE: { actions: 'applyTimeScale' },
  },
  states: {
    starting: {
      entry: 'recordSessionStarted',
      always: [
        { guard: 'canResume', target: 'restoring', actions: 'loadSave' },
        { target: 'loading' },
      ],
    },
    loading: {
      invoke: {
        src: 'continueStory',
        input: ({ context }) => ({
          runtime: context.deps.runtime,
          choose: null,
          reset: context.resetOnLoad,
        }),
        onDone: {
          target: 'narrating',
          actions: assign(({ event }) => ({ ...fromBeat(event.output), resetOnLoad: false })),
        },
        onError: {
          target: 'error',
          actions: assign(({ event }) => ({ error: { message: messageOf(event.error) } })),
        },
      },
    },
    restoring: {
      invoke: {
        src: 'restoreState',
        input: ({ context }) => ({
          runtime: context.deps.runtime,
          state: context.turns[context.turns.length - 1]?.snapshot ?? '',
        }),
        onDone: {
          target: 'choosing',
          actions: assign(({ event }) => ({ pendingDecision: event.output, error: null })),
        },
        onError: {
          target: 'error',
          actions: assign(({ event }) => ({ error: { message: messageOf(event.error) } })),
        },
      },
    },
    narrating: {
      initial: 'reveal',
      on: { ...rewindEvents },
      states: {
        reveal: {
          entry: 'revealLines',
          always: [
            { guard: 'restartRequested', target: '#player.loading', actions: 'storyRestart' },
            { guard: 'isHolding', target: 'holding' },
            { guard: 'hasDecision', target: '#player.choosing', actions: 'pushTurn' },
            { target: '#player.ended' },
          ],
        },
        holding: { after: { pauseHold: 'reveal' } },
      },
    },
    choosing: {
      entry: ['beginDecision', 'autosave'],
      initial: 'shown',
      states: {
        shown: {
          on: {
            PICK: { guard: 'validPick', target: 'picked', actions: 'assignPick' },
            ...rewindEvents,
          },
          after: { lookaheadDelay: { actions: 'lookahead' }, showDelay: 'selecting' },
        },
        selecting: {
          initial: 'arm',
          on: {
            PICK: { guard: 'validPick', target: 'picked', actions: 'assignPick' },
            ...countdownEvents,
            ...rewindEvents,
          },
          states: {
            arm: { always: [{ guard: 'isCounting', target: 'counting' }, { target: 'idle' }] },
            counting: { after: { windowLeft: '#player.choosing.timedOut' } },
            idle: {},
          },
        },
        picked: {
          invoke: {
            src: 'recordEvent',
            input: ({ context }) => ({ record: context.deps.record, draft: choiceDraft(context) }),
            onDone: 'hide',
            onError: { target: 'hide', actions: 'noteRecordFailure' },
          },
        },
        timedOut: {
          entry: 'assignTimeout',
          invoke: {
            src: 'recordEvent',
            input: ({ context }) => ({ record: context.deps.record, draft: choiceDraft(context) }),
            onDone: 'hide',
            onError: { target: 'hide', actions: 'noteRecordFailure' },
          },
        },
        hide: {
          invoke: {
            src: 'continueStory',
            input: ({ context }) => {
              const live = context.current;
              const option = live?.chosen == null ? undefined : live.decision.options[live.chosen];
              return { runtime: context.deps.runtime, choose: option?.index ?? null, reset: false };
            },
            onDone: {
              target: '#player.narrating',
              actions: assign(({ event }) => fromBeat(event.output)),
            },
            onError: {
              target: '#player.error',
              actions: assign(({ event }) => ({ error: { message: messageOf(event.error) } })),
            },
          },
        },
      },
    },
    ended: {
      entry: ['markEnded', 'recordEnding', 'recordSessionEnded'],
      on: { ...rewindEvents },
    },
    error: {
      on: {
        ...rewindEvents,
        GO_BACK: {
          guard: 'hasTurns',
          target: 'restoring',
          actions: ['recordRewind', 'truncateToRewind'],
        },
      },
    },
  },
});

export type PlayerMachine = typeof playerMachine;
