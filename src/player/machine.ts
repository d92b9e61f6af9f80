// The playback machine (DESIGN.md §3): beats, timed decisions and their phases, pauses, rewind,
// autosave and capture. Its effects are named here and provided by player.ts (or a test).
import { assign, fromPromise, raise, setup, spawnChild } from 'xstate';
import type { PlayerCommand } from '../core/commands.ts';
import type { EventDraft } from '../core/events.ts';
import type { Decision } from '../core/model.ts';
import { HOLD_MS, SHOW_MS } from '../core/pacing.ts';
import type { SavedPlay } from '../core/ports.ts';
import { windowMs } from '../core/timing.ts';
import { remainingAt } from '../core/view.ts';
import {
  addTime,
  isCounting,
  openCountdown,
  pauseCountdown,
  resumeCountdown,
  startCountdown,
} from './countdown.ts';
import {
  CLEARED,
  choiceDraft,
  draftOf,
  failedStep,
  fromStep,
  initialContext,
  isLive,
  isRead,
  rescaled,
  messageOf,
  restoredFrom,
  revealed,
  rewoundTo,
  savedPlayOf,
  settle,
  type PlayerContext,
  type PlayerInput,
  type RecordKind,
  type StepResult,
} from './play-context.ts';

// re-exported so the player's tests and the views read the one pacing policy
export { HOLD_MS, SHOW_MS } from '../core/pacing.ts';
/**
 * Lookahead waits this long after a decision is shown, so its cost lands after the decision's
 * first frame (and outside the pick → next beat measure) rather than in front of it.
 */
export const LOOKAHEAD_AFTER_MS = 50;

export interface StepInput {
  /** ink choice index to take first, or null */
  readonly choose: number | null;
  readonly reset: boolean;
}

// An effect nobody provided is a wiring mistake: say so instead of playing on without it.
function unprovided(name: string): never {
  throw new Error(`The player's "${name}" effect was not provided (see createPlayerMachine).`);
}

/**
 * The frame a pick's hold ends on has begun (see `askHoldFrame`): sent by the player's effects
 * from inside that frame, before it is drawn, never by the page's commands.
 */
export interface HoldFrame {
  readonly type: 'HOLD_FRAME';
}

const countdownEvents = {
  PAUSE: { target: '.arm', actions: ['stampNow', 'applyPause'] },
  RESUME: {
    target: '.arm',
    actions: ['stampNow', { type: 'applyResume', params: { landed: true } }],
  },
  MORE_TIME: { target: '.arm', actions: ['stampNow', 'applyMoreTime'] },
  SET_TIME_SCALE: {
    target: '.arm',
    actions: ['stampNow', { type: 'applyTimeScale', params: { landed: true } }],
  },
} as const;

const rewindEvents = {
  REWIND: {
    guard: 'canRewind',
    target: '#player.restoring',
    actions: [{ type: 'record', params: { kind: 'rewound' } }, 'truncateToRewind'],
  },
  RESTART: {
    target: '#player.loading',
    actions: [{ type: 'record', params: { kind: 'restart' } }, 'clearPlaythrough'],
  },
} as const;

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerCommand | HoldFrame,
    input: {} as PlayerInput,
  },
  actors: {
    /** runs the story to its next decision or ending */
    continueStory: fromPromise<StepResult, StepInput>(() => unprovided('continueStory')),
    /** loads a decision's ink state back into the story */
    restoreState: fromPromise<Decision, { readonly state: string }>(() =>
      unprovided('restoreState'),
    ),
    /** resolves once the event is durable */
    recordEvent: fromPromise<void, EventDraft>(() => unprovided('recordEvent')),
    /** stamps and stores the autosave; never rejects (a lost save must not stop play) */
    autosave: fromPromise<void, Omit<SavedPlay, 'savedAt'>>(() => unprovided('autosave')),
  },
  delays: {
    showDelay: SHOW_MS,
    pickHold: HOLD_MS,
    lookaheadDelay: LOOKAHEAD_AFTER_MS,
    pauseHold: ({ context }) => context.holdMs,
    // `arm` stamps the time on entry, so this is measured at the moment the timer is set
    windowLeft: ({ context }) =>
      context.current === null ? 0 : (remainingAt(context.current.countdown, context.now) ?? 0),
  },
  guards: {
    canResume: ({ context }) => {
      const r = context.resume;
      return (
        r !== null &&
        r.snapshots.length > 0 &&
        r.storyId === context.storyId &&
        r.storyVersion === context.meta.version
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
    isRead: ({ context }) => isRead(context),
    turnOpen: ({ context }) =>
      context.pendingDecision !== null && context.turns.at(-1)?.chosenText === null,
    hasPendingError: ({ context }) => context.pendingError !== null,
    stepFailedBare: ({ context }) => context.error !== null,
  },
  actions: {
    /** reads the Clock into context.now for the window arithmetic that follows it */
    stampNow: assign((): Partial<PlayerContext> => unprovided('stampNow')),
    /** runs the options ahead on a copy of the story and hands their assets to preload */
    lookahead: () => unprovided('lookahead'),
    /**
     * Asks for HOLD_FRAME at the start of the next frame; without frames to wait for (the
     * player's own tests, Node) it is sent at once.
     */
    askHoldFrame: raise({ type: 'HOLD_FRAME' }),
    /** captures one of the machine's own events; a spawned child, so play never waits on it */
    record: assign(({ context, event, spawn }, params: { readonly kind: RecordKind }) => {
      const rewindTo = event.type === 'REWIND' ? event.turn : null;
      spawn('recordEvent', { input: draftOf(context, params.kind, rewindTo) });
      return {};
    }),
    autosave: spawnChild('autosave', { input: ({ context }) => savedPlayOf(context) }),
    loadSave: assign(({ context }) =>
      context.resume === null ? {} : restoredFrom(context.resume),
    ),
    noteRecordFailure: assign(({ context }) => ({ recordFailures: context.recordFailures + 1 })),
    revealLines: assign(({ context }) => revealed(context)),
    pushTurn: assign(({ context }) => ({
      turns: [
        ...context.turns,
        {
          snapshot: context.pendingSnapshot ?? '',
          transcriptLength: context.transcript.length,
          decisionId: context.pendingDecision?.id ?? '',
          chosenText: null,
          timedOut: false,
        },
      ],
    })),
    noteRevealed: assign(({ context, event }) =>
      event.type === 'REVEALED' && Number.isFinite(event.through)
        ? { revealedThrough: Math.max(context.revealedThrough, event.through) }
        : {},
    ),
    applyNextStep: assign(({ context }) =>
      context.nextStep === null ? {} : fromStep(context.nextStep),
    ),
    showPendingError: assign(({ context }) => ({
      error: context.pendingError,
      pendingError: null,
    })),
    /** the cards have landed: the window starts counting now */
    startWindow: assign(({ context }) =>
      context.current === null
        ? {}
        : {
            current: {
              ...context.current,
              countdown: startCountdown(
                context.current.countdown,
                context.now,
                context.pauses.length > 0,
              ),
            },
          },
    ),
    applyTimeScale: assign(({ context, event }, params: { readonly landed: boolean }) =>
      event.type === 'SET_TIME_SCALE' ? rescaled(context, event.scale, params.landed) : {},
    ),
    beginDecision: assign(({ context }) => {
      const decision = context.pendingDecision;
      if (decision === null) return {};
      const window = windowMs(decision, context.meta, context.timeScale);
      // the window starts when the cards have landed (startWindow), not while they rise
      const opened = { ...openCountdown(window, context.now, false), runningSince: null };
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
        ? { ...context.current, countdown: pauseCountdown(context.current.countdown, context.now) }
        : context.current;
      return { pauses, current };
    }),
    // `landed`: the window had started; before that a resume only ends the pause
    applyResume: assign(({ context, event }, params: { readonly landed: boolean }) => {
      if (event.type !== 'RESUME') return {};
      const pauses = context.pauses.filter((r) => r !== event.reason);
      if (pauses.length > 0 || !isLive(context.current)) return { pauses };
      const resumed = resumeCountdown(context.current.countdown, context.now);
      const countdown = params.landed ? resumed : { ...resumed, runningSince: null };
      return { pauses, current: { ...context.current, countdown } };
    }),
    applyMoreTime: assign(({ context }) =>
      isLive(context.current)
        ? {
            current: {
              ...context.current,
              countdown: addTime(context.current.countdown, context.now),
            },
          }
        : {},
    ),
    truncateToRewind: assign(({ context, event }) =>
      rewoundTo(context, event.type === 'REWIND' ? event.turn : context.turns.length),
    ),
    clearPlaythrough: assign(() => ({ ...CLEARED, ending: null, error: null })),
    storyRestart: assign(() => CLEARED),
    markEnded: assign(({ context }) => ({
      ending: { path: context.pendingEndPath ?? '' },
      current: null,
    })),
  },
}).createMachine({
  id: 'player',
  context: ({ input }) => initialContext(input),
  initial: 'starting',
  on: {
    PAUSE: { actions: ['stampNow', 'applyPause'] },
    RESUME: { actions: ['stampNow', { type: 'applyResume', params: { landed: true } }] },
    MORE_TIME: { actions: ['stampNow', 'applyMoreTime'] },
    SET_TIME_SCALE: {
      actions: ['stampNow', { type: 'applyTimeScale', params: { landed: true } }],
    },
    // a view may finish showing the text before the beat's last hold is over
    REVEALED: { actions: 'noteRevealed' },
  },
  states: {
    starting: {
      entry: { type: 'record', params: { kind: 'session.started' } },
      always: [
        { guard: 'canResume', target: 'restoring', actions: 'loadSave' },
        { target: 'loading' },
      ],
    },
    loading: {
      invoke: {
        src: 'continueStory',
        input: ({ context }) => ({ choose: null, reset: context.resetOnLoad }),
        onDone: {
          target: 'narrating',
          actions: assign(({ event }) => ({ ...fromStep(event.output), resetOnLoad: false })),
        },
        onError: [
          {
            guard: ({ event }) => failedStep(event.error).error != null,
            target: 'error',
            actions: assign(({ event }) => failedStep(event.error)),
          },
          { target: 'narrating', actions: assign(({ event }) => failedStep(event.error)) },
        ],
      },
    },
    restoring: {
      invoke: {
        src: 'restoreState',
        input: ({ context }) => ({
          state: context.turns[context.turns.length - 1]?.snapshot ?? '',
        }),
        onDone: {
          target: 'reading',
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
            { target: '#player.reading' },
          ],
        },
        holding: { after: { pauseHold: 'reveal' } },
      },
    },
    // The beat is on screen; the view reports (REVEALED) once its last line is fully shown.
    reading: {
      initial: 'check',
      on: { ...rewindEvents },
      states: {
        check: {
          always: [{ guard: 'isRead', target: 'read' }, { target: 'waiting' }],
        },
        waiting: {
          on: { REVEALED: { target: 'check', actions: 'noteRevealed' } },
        },
        read: {
          always: [
            { guard: 'hasPendingError', target: '#player.error', actions: 'showPendingError' },
            // a restored or rewound decision is its turn already; a new one becomes the next turn
            { guard: 'turnOpen', target: '#player.choosing' },
            { guard: 'hasDecision', target: '#player.choosing', actions: 'pushTurn' },
            { target: 'lastBeat' },
          ],
        },
        // the story's last beat waits for the player before the ending
        lastBeat: {
          on: { CONTINUE: '#player.ended' },
        },
      },
    },
    choosing: {
      entry: ['stampNow', 'beginDecision', 'autosave'],
      initial: 'shown',
      states: {
        // the cards rise; the window has not started
        shown: {
          on: {
            PICK: { guard: 'validPick', target: 'landing', actions: ['stampNow', 'assignPick'] },
            RESUME: {
              actions: ['stampNow', { type: 'applyResume', params: { landed: false } }],
            },
            SET_TIME_SCALE: {
              actions: ['stampNow', { type: 'applyTimeScale', params: { landed: false } }],
            },
            ...rewindEvents,
          },
          after: { lookaheadDelay: { actions: 'lookahead' }, showDelay: 'selecting' },
        },
        selecting: {
          initial: 'arm',
          entry: ['stampNow', 'startWindow'],
          on: {
            PICK: { guard: 'validPick', target: 'landing', actions: ['stampNow', 'assignPick'] },
            ...countdownEvents,
            ...rewindEvents,
          },
          states: {
            arm: {
              entry: 'stampNow',
              always: [{ guard: 'isCounting', target: 'counting' }, { target: 'idle' }],
            },
            counting: { after: { windowLeft: '#player.choosing.timedOut' } },
            idle: {},
          },
        },
        timedOut: {
          entry: ['stampNow', 'assignTimeout'],
          always: 'landing',
        },
        // The chosen card holds while the choice is stored and the next beat is computed.
        landing: {
          type: 'parallel',
          states: {
            capture: {
              initial: 'storing',
              states: {
                storing: {
                  invoke: {
                    src: 'recordEvent',
                    input: ({ context }) => choiceDraft(context),
                    onDone: 'stored',
                    onError: { target: 'stored', actions: 'noteRecordFailure' },
                  },
                },
                stored: { type: 'final' },
              },
            },
            story: {
              initial: 'stepping',
              states: {
                stepping: {
                  invoke: {
                    src: 'continueStory',
                    input: ({ context }) => {
                      const live = context.current;
                      const option =
                        live?.chosen == null ? undefined : live.decision.options[live.chosen];
                      return { choose: option?.index ?? null, reset: false };
                    },
                    onDone: {
                      target: 'ready',
                      actions: assign(({ event }) => ({ nextStep: event.output })),
                    },
                    onError: {
                      target: 'ready',
                      actions: assign(({ event }) => failedStep(event.error)),
                    },
                  },
                },
                ready: { type: 'final' },
              },
            },
            // The hold ends on a frame: once its time is up, the first frame to begin ends it,
            // from inside that frame, so the next beat is drawn in the frame the hold ends in
            // rather than in the one after (DESIGN §8).
            hold: {
              initial: 'holding',
              states: {
                holding: { after: { pickHold: 'aligning' } },
                aligning: { entry: 'askHoldFrame', on: { HOLD_FRAME: 'held' } },
                held: { type: 'final' },
              },
            },
          },
          onDone: [
            { guard: 'stepFailedBare', target: '#player.error' },
            { guard: 'hasPendingError', target: '#player.narrating' },
            { target: '#player.narrating', actions: 'applyNextStep' },
          ],
        },
      },
    },
    ended: {
      entry: [
        'markEnded',
        { type: 'record', params: { kind: 'story.ended' } },
        { type: 'record', params: { kind: 'session.ended' } },
      ],
      on: { ...rewindEvents },
    },
    error: {
      on: {
        ...rewindEvents,
        GO_BACK: {
          guard: 'hasTurns',
          target: 'restoring',
          actions: [{ type: 'record', params: { kind: 'rewound' } }, 'truncateToRewind'],
        },
      },
    },
  },
});

export type PlayerMachine = typeof playerMachine;
