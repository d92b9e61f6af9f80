// Test harness: a player on a SimulatedClock with a fake story, a capturing record and save.
import { SimulatedClock } from 'xstate';
import type { EventDraft } from '../../src/core/events.ts';
import type { SavedPlay } from '../../src/core/ports.ts';
import type { TimeScale } from '../../src/core/timing.ts';
import type { PlayView } from '../../src/core/view.ts';
import { startPlayer, type Player } from '../../src/player/player.ts';
import { FakeRuntime, type FakeScript } from './fake-runtime.ts';
import type { LookaheadResult, StoryMeta } from '../../src/core/model.ts';

export interface Harness {
  readonly player: Player;
  readonly clock: SimulatedClock;
  readonly runtime: FakeRuntime;
  readonly events: EventDraft[];
  readonly saves: SavedPlay[];
  view(): PlayView;
  /** lets pending promises (record, runtime.next) settle; the simulated clock does not move */
  flush(): Promise<void>;
  /** moves the simulated clock, then lets what it triggered settle */
  advance(ms: number): Promise<void>;
}

export interface HarnessOptions {
  readonly meta?: Partial<StoryMeta>;
  readonly timeScale?: TimeScale;
  readonly record?: (draft: EventDraft) => Promise<void>;
  readonly resume?: SavedPlay | null;
  readonly runtime?: FakeRuntime;
  readonly save?: (save: SavedPlay) => Promise<void>;
  readonly preload?: (results: readonly LookaheadResult[], costMs: number) => void;
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export async function harness(script: FakeScript, options: HarnessOptions = {}): Promise<Harness> {
  const clock = new SimulatedClock();
  const runtime = options.runtime ?? new FakeRuntime(script, options.meta);
  const events: EventDraft[] = [];
  const saves: SavedPlay[] = [];
  const record =
    options.record ??
    ((draft: EventDraft) => {
      events.push(draft);
      return Promise.resolve();
    });
  const player = startPlayer({
    runtime,
    clock,
    xstateClock: clock,
    storyId: 'fake',
    sessionId: 's1',
    timeScale: options.timeScale ?? 1,
    record,
    save: (save) => {
      saves.push(save);
      return options.save === undefined ? Promise.resolve() : options.save(save);
    },
    resume: options.resume ?? null,
    ...(options.preload === undefined ? {} : { preload: options.preload }),
  });
  const h: Harness = {
    player,
    clock,
    runtime,
    events,
    saves,
    view: () => player.getView(),
    flush: flushPromises,
    advance: async (ms) => {
      clock.increment(ms);
      // SimulatedClock skips a timer scheduled by the last callback of a flush even when it is
      // already due (a 0 ms re-arm); a zero step runs what is due without moving time.
      for (let i = 0; i < 3; i++) clock.increment(0);
      await flushPromises();
    },
  };
  await h.flush();
  return h;
}

export function choices(events: readonly EventDraft[]): EventDraft<'choice.made'>[] {
  return events.filter((e): e is EventDraft<'choice.made'> => e.type === 'choice.made');
}
