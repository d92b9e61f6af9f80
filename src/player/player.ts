// The framework-free handle around the playback machine: nothing outside player/ ever sees xstate.
import { createActor, type ActorOptions } from 'xstate';
import type { PlayerCommand } from '../core/commands.ts';
import type { EventDraft } from '../core/events.ts';
import type { Clock, SavedPlay, StoryRuntime } from '../core/ports.ts';
import type { TimeScale } from '../core/timing.ts';
import type { PlayView } from '../core/view.ts';
import { msLeft } from './countdown.ts';
import { playerMachine, savedPlayOf, type PlayerDeps } from './machine.ts';
import { selectView } from './select-view.ts';

export interface PlayerOptions {
  readonly runtime: StoryRuntime;
  /** the clock DecisionView.runningSince is measured on; give the renderer the same one */
  readonly clock: Clock;
  readonly storyId: string;
  readonly sessionId: string;
  readonly timeScale: TimeScale;
  /** stores one captured event; resolves once it is durable */
  readonly record: (draft: EventDraft) => Promise<void>;
  /** the autosave, called each time a decision is shown */
  readonly save: (save: SavedPlay) => Promise<void>;
  /** receives each decision's lookahead (assets per option) to preload them; see PlayerDeps */
  readonly preload?: PlayerDeps['preload'];
  /** a previous autosave to resume from (ignored when it belongs to another story version) */
  readonly resume?: SavedPlay | null;
  /** for tests: xstate's SimulatedClock, which then also serves as `clock` */
  readonly xstateClock?: unknown;
}

export interface Player {
  send(cmd: PlayerCommand): void;
  getView(): PlayView;
  subscribe(listener: (view: PlayView) => void): () => void;
  stop(): void;
}

export function startPlayer(options: PlayerOptions): Player {
  const actor = createActor(playerMachine, {
    input: {
      runtime: options.runtime,
      clock: options.clock,
      storyId: options.storyId,
      sessionId: options.sessionId,
      timeScale: options.timeScale,
      record: options.record,
      save: options.save,
      resume: options.resume ?? null,
      ...(options.preload === undefined ? {} : { preload: options.preload }),
    },
    ...(options.xstateClock === undefined
      ? {}
      : { clock: options.xstateClock as ActorOptions<typeof playerMachine>['clock'] }),
  });

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
        const left = msLeft(live.countdown, options.clock.now());
        if (left !== null) {
          options
            .save({ ...savedPlayOf(snapshot.context, new Date().toISOString()), remainingMs: left })
            .catch(() => undefined);
        }
      }
      if (!snapshot.matches('ended')) {
        const { sessionId, storyId, storyVersion } = snapshot.context;
        options
          .record({ type: 'session.ended', reason: 'left', sessionId, storyId, storyVersion })
          .catch(() => undefined);
      }
      actor.stop();
      listeners.clear();
    },
  };
}
