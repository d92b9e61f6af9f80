// Measures what autosave writes per decision: a looping ink story played by the real player into
// a memory store whose save area counts the bytes (as JSON) of every write. Used by a unit test
// and by the bench.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileInk } from '../../src/build/compile-ink.ts';
import type { SavedPlay } from '../../src/core/ports.ts';
import { SimulatedClock } from 'xstate';
import { HOLD_MS, SHOW_MS } from '../../src/core/pacing.ts';
import { createPlayerMachine, runPlayer, type PlayerEffects } from '../../src/player/player.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { createInkRuntime } from '../../src/story/ink-runtime.ts';

/** A story that loops for ever, each round a few lines and one decision. */
const LOOP_INK = `VAR round = 0
-> tape
=== tape ===
~ round = round + 1
Round {round}: the tape hisses and the counter turns.
The room is the same room, and not quite.
+ [Rewind the tape] You rewind it and listen again. -> tape
+ [Let it play] You let it play on into the dark. -> tape
`;

export function compileLoopStory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-loop-'));
  try {
    writeFileSync(join(dir, 'main.ink'), LOOP_INK);
    const { json } = compileInk(join(dir, 'main.ink'));
    if (json === null) throw new Error('the looping story does not compile');
    return json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

class CountingMap extends Map<string, unknown> {
  bytes = 0;
  override set(key: string, value: unknown): this {
    this.bytes += JSON.stringify(value).length;
    return super.set(key, value);
  }
}

export interface AutosaveBytes {
  /** bytes written by the autosave of decision i+1 */
  readonly perDecision: readonly number[];
  /** what the same saves would weigh as single records (the layout before turn records) */
  readonly wholePerDecision: readonly number[];
}

/** Plays `decisions` decisions of the looping story, picking at once, and counts each save. */
export async function measureAutosaveBytes(
  json: string,
  decisions: number,
): Promise<AutosaveBytes> {
  const base = createMemoryBacking();
  const saves = new CountingMap();
  const store = createMemoryProfileStore({ backing: { ...base, areas: { ...base.areas, saves } } });
  const perDecision: number[] = [];
  const wholePerDecision: number[] = [];
  let pending: Promise<void> = Promise.resolve();
  const save = (play: SavedPlay): Promise<void> => {
    pending = (async () => {
      const before = saves.bytes;
      await store.putSave('p', play);
      perDecision.push(saves.bytes - before);
      wholePerDecision.push(JSON.stringify(play).length);
    })();
    return pending;
  };
  // A simulated clock, so the cards' rise and the pick's hold take no real time.
  const clock = new SimulatedClock();
  const runtime = createInkRuntime(json, { storyId: 'loop' });
  const effects: PlayerEffects = {
    runtime,
    clock,
    wallClock: { isoNow: () => new Date(clock.now()).toISOString() },
    record: () => Promise.resolve(),
    save,
  };
  const player = runPlayer(
    createPlayerMachine(effects),
    effects,
    { meta: runtime.meta, storyId: 'loop', sessionId: 's', timeScale: 'off' },
    { clock },
  );
  // plays the reader: each beat is read at once, the cards land and a pick's hold runs out
  const readOn = (): void => {
    const view = player.getView();
    const last = view.lines.at(-1)?.id ?? 0;
    if (view.state === 'reading') player.send({ type: 'REVEALED', through: last });
    else if (view.decision?.phase === 'shown') clock.increment(SHOW_MS);
    else if (view.decision?.phase === 'picked') clock.increment(HOLD_MS);
  };
  try {
    for (let turn = 1; turn <= decisions; turn++) {
      await new Promise<void>((resolve, reject) => {
        const check = (): boolean => {
          const view = player.getView();
          if (view.state === 'error') reject(new Error(view.error?.message ?? 'error'));
          return view.state === 'choosing' && view.decision?.turn === turn;
        };
        if (check()) return resolve();
        const off = player.subscribe(() => {
          if (!check()) return void setTimeout(readOn, 0);
          off();
          resolve();
        });
        readOn();
      });
      await pending;
      player.send({ type: 'PICK', index: turn % 2, input: 'keyboard' });
    }
  } finally {
    player.stop();
  }
  return { perDecision, wholePerDecision };
}
