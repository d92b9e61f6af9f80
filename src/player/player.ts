// The framework-free handle around the playback machine, and the one place its effects are
// provided: nothing outside player/ ever sees xstate.
import { assign, createActor, fromPromise, type ActorOptions } from 'xstate';
import type { PlayerCommand } from '../core/commands.ts';
import { systemClock } from '../core/clock.ts';
import type { EventDraft } from '../core/events.ts';
import type { LookaheadResult } from '../core/model.ts';
import type { Clock, SavedPlay, StoryRuntime, WallClock } from '../core/ports.ts';
import type { TimeScale } from '../core/timing.ts';
import { remainingAt, type PlayView } from '../core/view.ts';
import { playerMachine, type PlayerMachine } from './machine.ts';
import { savedPlayOf, type PlayerInput } from './play-context.ts';
import { selectView } from './select-view.ts';

/** What the machine does to the world; startPlayer passes the real ones, tests pass fakes. */
export interface PlayerEffects {
  readonly runtime: StoryRuntime;
  /** the clock DecisionView.runningSince is measured on; give the renderer the same one */
  readonly clock: Clock;
  /** stamps the autosave */
  readonly wallClock: WallClock;
  /** stores one captured event; resolves once it is durable */
  readonly record: (draft: EventDraft) => Promise<void>;
  /** the autosave, called each time a decision is shown */
  readonly save: (save: SavedPlay) => Promise<void>;
  /**
   * Gets what each option's branch will need, run ahead while the decision is shown, to preload
   * it; `costMs` is the lookahead's own time on `clock`. Only called when the runtime has lookahead.
   */
  readonly preload?: (results: readonly LookaheadResult[], costMs: number) => void;
  /**
   * Resolves once the frame that answers a pick (the chosen card's confirm frame) has been drawn:
   * the pick's own work, running the story on and capturing the choice, waits for it, so that frame
   * carries only the view's change (DESIGN §8). Both still run while the card holds. Absent: they
   * start at once (the player's tests).
   */
  readonly afterConfirm?: () => Promise<void>;
  /**
   * Calls `begin` at the start of the next frame, before that frame is drawn, so that what it
   * changes is drawn in that frame: the end of a pick's hold waits for it (DESIGN §8). Absent: the
   * hold ends as soon as its time is up (the player's tests).
   */
  readonly atNextFrame?: (begin: () => void) => void;
}

export interface PlayerOptions extends Omit<PlayerEffects, 'wallClock'> {
  readonly storyId: string;
  readonly sessionId: string;
  readonly timeScale: TimeScale;
  /** stamps saves; the system's clock when absent */
  readonly wallClock?: WallClock;
  /** a previous autosave to resume from (ignored when it belongs to another story version) */
  readonly resume?: SavedPlay | null;
}

export interface Player {
  send(cmd: PlayerCommand): void;
  getView(): PlayView;
  subscribe(listener: (view: PlayView) => void): () => void;
  stop(): void;
}

/** The playback machine with its named effects bound to `effects`. */
export function createPlayerMachine(effects: PlayerEffects): PlayerMachine {
  const { runtime, clock, wallClock, record, save, preload, afterConfirm, atNextFrame } = effects;
  return playerMachine.provide({
    actors: {
      continueStory: fromPromise(async ({ input }) => {
        // a pick's step (the only one that chooses) waits until its card has been drawn
        if (input.choose !== null && afterConfirm) await afterConfirm();
        if (input.reset) runtime.reset();
        if (input.choose !== null) runtime.choose(input.choose);
        const beat = await runtime.next();
        // the state the story stopped at is the decision's snapshot, taken before anything moves it
        return { beat, snapshot: beat.decision === null ? null : runtime.saveState() };
      }),
      restoreState: fromPromise(async ({ input }) => {
        runtime.loadState(input.state);
        const decision = runtime.decision;
        if (decision === null)
          throw new Error('The saved story state has no decision to return to.');
        return await Promise.resolve(decision);
      }),
      recordEvent: fromPromise(async ({ input }) => {
        if (input.type === 'choice.made' && afterConfirm) await afterConfirm();
        await record(input);
      }),
      autosave: fromPromise(async ({ input }) => {
        // A failed autosave must not stop play: the story goes on, only resuming is lost.
        await save({ ...input, savedAt: wallClock.isoNow() }).catch((error: unknown) => {
          console.warn('inkreel: the autosave failed; play goes on.', error);
        });
      }),
    },
    actions: {
      stampNow: assign({ now: () => clock.now() }),
      ...(atNextFrame && {
        askHoldFrame: ({ self }) => {
          // a frame after play was left (its fallback timer) has no one to tell
          atNextFrame(() => {
            if (self.getSnapshot().status === 'active') self.send({ type: 'HOLD_FRAME' });
          });
        },
      }),
      lookahead: () => {
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
    },
  });
}

/**
 * Runs a provided player machine behind the Player handle. `actorOptions.clock` is the timer
 * clock xstate schedules `after` delays on (tests give a SimulatedClock).
 */
export function runPlayer(
  machine: PlayerMachine,
  effects: PlayerEffects,
  input: PlayerInput,
  actorOptions: Pick<ActorOptions<PlayerMachine>, 'clock'> = {},
): Player {
  const actor = createActor(machine, { ...actorOptions, input });
  const listeners = new Set<(view: PlayView) => void>();
  let lastSnapshot: unknown = null;
  let lastView: PlayView | null = null;
  let stopped = false;

  const view = (): PlayView => {
    const snapshot = actor.getSnapshot();
    if (snapshot !== lastSnapshot || lastView === null) {
      lastSnapshot = snapshot;
      lastView = selectView(snapshot);
    }
    return lastView;
  };

  actor.subscribe({
    next: () => {
      const current = view();
      for (const listener of [...listeners]) listener(current);
    },
    // an effect that throws inside the machine must never leave a frozen page without a word
    error: (err: unknown) => {
      console.error('inkreel player stopped:', err);
    },
  });
  actor.start();

  return {
    send(cmd) {
      if (!stopped) actor.send(cmd);
    },
    getView: view,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      if (stopped) return;
      stopped = true;
      const snapshot = actor.getSnapshot();
      const live = snapshot.context.current;
      if (snapshot.matches('choosing') && live !== null && live.chosen === null) {
        // leaving mid-window (report, settings, another story): the save keeps the time that was left
        const left = remainingAt(live.countdown, effects.clock.now());
        if (left !== null) {
          const play = savedPlayOf(snapshot.context);
          effects
            .save({ ...play, savedAt: effects.wallClock.isoNow(), remainingMs: left })
            .catch((error: unknown) => {
              console.warn('inkreel: the save on leaving failed; resuming starts afresh.', error);
            });
        }
      }
      if (!snapshot.matches('ended')) {
        const { sessionId, storyId, meta } = snapshot.context;
        effects
          .record({
            type: 'session.ended',
            reason: 'left',
            sessionId,
            storyId,
            storyVersion: meta.version,
          })
          .catch((error: unknown) => {
            console.warn('inkreel: session.ended was not stored.', error);
          });
      }
      actor.stop();
      listeners.clear();
    },
  };
}

export function startPlayer(options: PlayerOptions): Player {
  const effects: PlayerEffects = {
    runtime: options.runtime,
    clock: options.clock,
    wallClock: options.wallClock ?? systemClock,
    record: options.record,
    save: options.save,
    ...(options.preload === undefined ? {} : { preload: options.preload }),
    ...(options.afterConfirm === undefined ? {} : { afterConfirm: options.afterConfirm }),
    ...(options.atNextFrame === undefined ? {} : { atNextFrame: options.atNextFrame }),
  };
  return runPlayer(createPlayerMachine(effects), effects, {
    meta: options.runtime.meta,
    storyId: options.storyId,
    sessionId: options.sessionId,
    timeScale: options.timeScale,
    resume: options.resume ?? null,
  });
}
