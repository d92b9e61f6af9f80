// Beats on screen: pause holds, CLEAR, speakers, backdrops, ambience, and the pure selectView.
import { describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { HOLD_MS, LOOKAHEAD_AFTER_MS, SHOW_MS } from '../../src/player/machine.ts';
import { MAX_HOLD_MS } from '../../src/player/play-context.ts';
import { createPlayerMachine } from '../../src/player/player.ts';
import { selectView } from '../../src/player/select-view.ts';
import { playDriver } from './driver.ts';
import { FakeRuntime, line, twoDecisions, type FakeScript } from './fake-runtime.ts';

const decide = { id: 'd', options: [{ text: 'On', next: 'end' }] };

describe('narration', () => {
  it('holds the rest of a beat for a pause tag, then shows the decision', async () => {
    const play = await playDriver({
      start: {
        lines: ['One.', line('Two.', { kind: 'pause', seconds: 1.5 }), 'Three.'],
        decision: decide,
      },
      end: { lines: ['x'] },
    });
    await play.expectState('narrating');
    expect(play.view().lines.map((l) => l.text)).toEqual(['One.', 'Two.']);
    await play.advance(1_499);
    await play.expectState('narrating');
    await play.advance(1);
    await play.expectState('choosing');
    expect(play.view().lines.map((l) => l.text)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('never holds longer than the cap, whatever the tag says', async () => {
    const play = await playDriver({
      start: { lines: [line('Wait.', { kind: 'pause', seconds: 3600 })], decision: decide },
      end: { lines: ['x'] },
    });
    await play.advance(MAX_HOLD_MS - 1);
    await play.expectState('narrating');
    await play.advance(1);
    await play.expectState('choosing');
  });

  it('starts its window only once the decision is shown after a hold', async () => {
    const play = await playDriver({
      start: { lines: [line('Wait.', { kind: 'pause', seconds: 2 })], decision: decide },
      end: { lines: ['x'] },
    });
    await play.advance(2_000);
    await play.advance(9_999);
    await play.expectState('choosing');
    await play.advance(1);
    await play.expectState('ended');
  });

  it('clears the text on CLEAR but keeps the scene, and attributes speakers, classes and images', async () => {
    const play = await playDriver({
      start: {
        lines: [
          line('Old text.', { kind: 'backdrop', backdrop: { type: 'color', color: '#223344' } }),
          line('', { kind: 'audio', path: 'assets/rain.ogg', loop: true }),
          line(
            'Fresh.',
            { kind: 'clear' },
            { kind: 'speaker', name: 'Colin' },
            { kind: 'class', name: 'shout' },
          ),
          line('', { kind: 'image', path: 'assets/pac.png' }),
          line('One-shot.', { kind: 'audio', path: 'assets/ding.ogg', loop: false }),
        ],
        decision: decide,
      },
      end: { lines: ['x'] },
    });
    const view = play.view();
    expect(view.lines).toEqual([
      { id: 3, text: 'Fresh.', speaker: 'Colin', className: 'shout', image: null },
      { id: 4, text: '', speaker: null, className: null, image: 'assets/pac.png' },
      { id: 5, text: 'One-shot.', speaker: null, className: null, image: null },
    ]);
    expect(view.backdrop).toEqual({ type: 'color', color: '#223344' });
    expect(view.audioLoop).toBe('assets/rain.ogg');
    expect(view.speaker).toBeNull();
  });

  it('stops the ambience on AUDIOLOOP none', async () => {
    const play = await playDriver({
      start: {
        lines: [
          line('a', { kind: 'audio', path: 'assets/rain.ogg', loop: true }),
          line('b', { kind: 'audio', path: null, loop: true }),
        ],
        decision: decide,
      },
      end: { lines: ['x'] },
    });
    expect(play.view().audioLoop).toBeNull();
  });

  it("restarts the story on Inky's RESTART tag without showing that line", async () => {
    let runs = 0;
    const script: FakeScript = {
      start: {
        lines: ['Hello.'],
        decision: { id: 'd', options: [{ text: 'Again', next: 'again' }] },
      },
      again: { lines: ['Going round.', line('never shown', { kind: 'restart' })] },
    };
    const runtime = new FakeRuntime(script);
    const reset = runtime.reset.bind(runtime);
    runtime.reset = () => {
      runs += 1;
      reset();
    };
    const play = await playDriver(script, { runtime });
    await play.pick(0);
    expect(runs).toBe(1);
    await play.expectDecision({ id: 'd', turn: 1 });
    expect(play.view().lines.map((l) => l.text)).toEqual(['Hello.']);
  });
});

describe('selectView', () => {
  it('gives equal views for one snapshot and leaves the snapshot untouched', async () => {
    const clock = new SimulatedClock();
    const runtime = new FakeRuntime(twoDecisions);
    const machine = createPlayerMachine({
      runtime,
      clock,
      wallClock: { isoNow: () => '2024-01-01T00:00:00.000Z' },
      record: () => Promise.resolve(),
      save: () => Promise.resolve(),
    });
    const actor = createActor(machine, {
      clock,
      input: { meta: runtime.meta, storyId: 'fake', sessionId: 's', timeScale: 1 },
    }).start();
    await new Promise((resolve) => setImmediate(resolve));
    actor.send({ type: 'REVEALED', through: 2 });
    const snapshot = actor.getSnapshot();
    const before = JSON.stringify(snapshot.context);
    const a = selectView(snapshot);
    const b = selectView(snapshot);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.state).toBe('choosing');
    expect(JSON.stringify(snapshot.context)).toBe(before);
    actor.stop();
  });

  it('maps every machine state onto the play states', () => {
    const context = {
      storyId: 'x',
      meta: { title: 'X' },
      transcript: [],
      turns: [],
      pauses: [],
      current: null,
      ending: { path: 'e' },
      error: { message: 'boom' },
    } as unknown as Parameters<typeof selectView>[0]['context'];
    const cases = [
      ['starting', 'loading'],
      ['loading', 'loading'],
      ['restoring', 'loading'],
      [{ narrating: 'holding' }, 'narrating'],
      [{ reading: 'waiting' }, 'reading'],
      [{ choosing: { selecting: 'counting' } }, 'choosing'],
      ['ended', 'ended'],
      ['error', 'error'],
    ] as const;
    for (const [value, state] of cases) expect(selectView({ value, context }).state).toBe(state);
    expect(selectView({ value: 'ended', context }).ending).toEqual({ path: 'e' });
    expect(selectView({ value: 'loading', context }).ending).toBeNull();
    expect(selectView({ value: 'error', context }).error).toEqual({
      message: 'boom',
      canGoBack: false,
    });
  });
});

describe('lookahead', () => {
  it('hands each shown decision its lookahead to preload just after it is drawn, and survives a lookahead that throws', async () => {
    const runtime = new FakeRuntime(twoDecisions);
    const seen: string[][] = [];
    runtime.lookahead = () => {
      if (seen.length === 1) throw new Error('copy failed');
      return [
        {
          optionIndex: 0,
          assets: ['assets/k.png'],
          nextDecisionId: 'kitchen.0',
          steps: 1,
          complete: true,
        },
      ];
    };
    const play = await playDriver(twoDecisions, {
      runtime,
      reader: 'manual',
      preload: (results) => seen.push(results.flatMap((r) => r.assets)),
    });
    // the decision is drawn first; the lookahead runs once it is on screen
    await play.reveal();
    expect(seen).toEqual([]);
    await play.advance(LOOKAHEAD_AFTER_MS - 1);
    expect(seen).toEqual([]);
    await play.advance(1);
    expect(seen).toEqual([['assets/k.png']]);
    await play.advance(SHOW_MS);
    await play.pick(0).advance(HOLD_MS).reveal();
    await play.expectDecision({ turn: 2 });
    await play.advance(LOOKAHEAD_AFTER_MS);
    expect(seen).toHaveLength(1);
    expect(play.view()).toMatchObject({ state: 'choosing', decision: { turn: 2 }, error: null });
  });

  it('runs no lookahead for a decision that was picked before it was due', async () => {
    const runtime = new FakeRuntime(twoDecisions);
    let runs = 0;
    runtime.lookahead = () => {
      runs++;
      return [];
    };
    const play = await playDriver(twoDecisions, {
      runtime,
      reader: 'manual',
      preload: () => undefined,
    });
    await play.reveal().pick(0).advance(HOLD_MS).reveal();
    await play.advance(LOOKAHEAD_AFTER_MS - 1);
    await play.expectDecision({ turn: 2 });
    expect(runs).toBe(0);
  });
});

describe("the end of a pick's hold", () => {
  it('waits, once its time is up, for the next frame to begin, and ends inside it', async () => {
    const frames: (() => void)[] = [];
    const play = await playDriver(twoDecisions, {
      reader: 'manual',
      atNextFrame: (begin) => frames.push(begin),
    });
    await play.reveal().advance(SHOW_MS).pick(0);
    await play.advance(HOLD_MS - 1);
    expect(frames).toHaveLength(0);
    // the hold's time is up: it asks for a frame, and holds the card until that frame begins
    await play.advance(1);
    expect(frames).toHaveLength(1);
    await play.advance(1000);
    await play.expectDecision({ turn: 1, phase: 'picked' });
    // the frame begins: the hold ends there and then, without another turn of the event loop
    frames[0]!();
    expect(play.view().decision).toBeNull();
    await play.reveal().expectDecision({ turn: 2 });
    expect(frames).toHaveLength(1);
  });

  it('takes a frame that comes after play was left for nothing', async () => {
    const frames: (() => void)[] = [];
    const play = await playDriver(twoDecisions, {
      reader: 'manual',
      atNextFrame: (begin) => frames.push(begin),
    });
    await play.reveal().advance(SHOW_MS).pick(0).advance(HOLD_MS);
    expect(frames).toHaveLength(1);
    const warn = vi.spyOn(console, 'warn');
    await play.stop();
    frames[0]!();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('takes a second call of the same frame for nothing once the hold has ended', async () => {
    const frames: (() => void)[] = [];
    const play = await playDriver(twoDecisions, {
      reader: 'manual',
      atNextFrame: (begin) => frames.push(begin),
    });
    await play.reveal().advance(SHOW_MS).pick(0).advance(HOLD_MS);
    expect(frames).toHaveLength(1);
    frames[0]!();
    await play.reveal().advance(SHOW_MS).expectDecision({ turn: 2, phase: 'selecting' });
    // the frame source's fallback firing after its frame (play-session.ts) must not end anything
    frames[0]!();
    await play.flush().expectDecision({ turn: 2, phase: 'selecting' });
    expect(play.events.filter((e) => e.type === 'choice.made')).toHaveLength(1);
  });
});
