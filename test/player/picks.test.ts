// Picking: one pick per decision, phases, and capture durable before the next beat.
import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../src/core/events.ts';
import { playDriver } from './driver.ts';
import { twoDecisions } from './fake-runtime.ts';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('picking an option', () => {
  it('records session.started at start and shows the first decision once its beat is read', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    expect(play.events[0]).toEqual({
      type: 'session.started',
      sessionId: 's1',
      storyId: 'fake',
      storyVersion: 'v1',
    });
    expect(play.view().state).toBe('reading');
    expect(play.view().decision).toBeNull();
    await play.reveal();
    const view = play.view();
    expect(view.state).toBe('choosing');
    expect(view.lines.map((l) => l.text)).toEqual(['You wake.', 'The alarm rings.']);
    expect(view.decision).toMatchObject({ id: 'start.0', turn: 1, phase: 'shown', chosen: null });
    expect(view.decision?.options).toEqual([
      { index: 0, text: 'Get up', isDefault: false },
      { index: 1, text: 'Snooze', isDefault: true },
    ]);
    await play.advance(300);
    expect(play.view().decision?.phase).toBe('selecting');
  });

  it('records a complete choice.made with options, taste, time and input', async () => {
    const play = await playDriver(twoDecisions);
    // the driver let the cards land (300 ms): decision time counts from the cards' appearance
    await play.advance(1_234);
    await play.pick(0, 'touch');
    expect(play.choices()).toEqual([
      {
        type: 'choice.made',
        sessionId: 's1',
        storyId: 'fake',
        storyVersion: 'v1',
        decisionId: 'start.0',
        knot: 'start',
        options: [
          { text: 'Get up', taste: { risk: 1 } },
          { text: 'Snooze', taste: { risk: -1 } },
        ],
        chosenIndex: 0,
        decisionMs: 1_534,
        windowMs: 10_000,
        timedOut: false,
        input: 'touch',
      },
    ]);
    await play.expectDecision({ turn: 2, id: 'kitchen.0' });
    expect(play.runtime.calls).toEqual(['next', 'choose:0', 'next']);
  });

  it('accepts a pick while the options are still appearing', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal();
    expect(play.view().decision?.phase).toBe('shown');
    await play.pick(1);
    expect(play.choices()[0]).toMatchObject({ chosenIndex: 1, decisionMs: 0 });
  });

  it('records a double pick once', async () => {
    const play = await playDriver(twoDecisions);
    play.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    play.player.send({ type: 'PICK', index: 1, input: 'pointer' });
    await play.pick(0, 'keyboard');
    expect(play.choices()).toHaveLength(1);
    expect(play.choices()[0]).toMatchObject({ chosenIndex: 0 });
    expect(play.runtime.calls.filter((c) => c.startsWith('choose'))).toEqual(['choose:0']);
  });

  it('ignores an index out of range, a fraction and a negative index', async () => {
    const play = await playDriver(twoDecisions);
    for (const index of [2, -1, 0.5, Number.NaN])
      await play.send({ type: 'PICK', index, input: 'keyboard' });
    expect(play.choices()).toHaveLength(0);
    await play.expectDecision({ turn: 1, chosen: null });
  });

  it('ignores a pick while the clock’s choice holds, even when the next beat is late', async () => {
    const play = await playDriver(twoDecisions);
    play.runtime.gate = new Promise(() => undefined); // the next beat never arrives: the card holds
    await play.advance(10_000);
    await play.expectDecision({ phase: 'timedOut', chosen: 1 });
    await play.pick(0);
    expect(play.choices()).toHaveLength(1);
    expect(play.choices()[0]).toMatchObject({ chosenIndex: 1, timedOut: true });
    await play.expectDecision({ phase: 'timedOut', chosen: 1 });
  });

  it('computes the next beat while the card holds but shows it only once the choice is durable', async () => {
    const gate = deferred();
    const recorded: EventDraft[] = [];
    const play = await playDriver(twoDecisions, {
      reader: 'manual',
      record: (draft) => {
        recorded.push(draft);
        return draft.type === 'choice.made' ? gate.promise : Promise.resolve();
      },
    });
    await play.reveal().advance(300).pick(0, 'keyboard');
    await play.expectDecision({ phase: 'picked', chosen: 0 });
    // the story steps during the hold, so the beat is ready when the hold ends
    expect(play.runtime.calls).toEqual(['next', 'choose:0', 'next']);
    await play.advance(5_000).expectDecision({ turn: 1, phase: 'picked', chosen: 0 });
    play.player.send({ type: 'PICK', index: 1, input: 'keyboard' });
    gate.resolve();
    await play.flush().expectState('reading').reveal().expectDecision({ turn: 2, phase: 'shown' });
    expect(play.runtime.calls).toEqual(['next', 'choose:0', 'next']);
    expect(recorded.filter((e) => e.type === 'choice.made')).toHaveLength(1);
  });

  it('keeps playing and keeps the choice in the history when recording fails', async () => {
    const play = await playDriver(twoDecisions, {
      record: (draft) =>
        draft.type === 'choice.made' ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    });
    await play.pick(0);
    await play.expectState('choosing');
    expect(play.view().decision?.turn).toBe(2);
    expect(play.view().history).toEqual([
      { turn: 1, afterLine: 2, decisionId: 'start.0', chosenText: 'Get up', timedOut: false },
    ]);
  });

  it('shows the picked phase with the bar frozen where it stood', async () => {
    const gate = deferred();
    const play = await playDriver(twoDecisions, {
      record: (d) => (d.type === 'choice.made' ? gate.promise : Promise.resolve()),
    });
    await play.advance(2_500);
    play.player.send({ type: 'PICK', index: 1, input: 'pointer' });
    await play.expectDecision({
      phase: 'picked',
      chosen: 1,
      remainingMs: 7_500,
      runningSince: null,
    });
    await play.advance(20_000);
    await play.expectDecision({ phase: 'picked', turn: 1 });
    expect(play.choices()).toHaveLength(0);
  });
});

describe('endings', () => {
  it('records story.ended and session.ended and lists the decisions that led there', async () => {
    const play = await playDriver(twoDecisions);
    await play.pick(0);
    await play.pick(1);
    const view = play.view();
    expect(view.state).toBe('ended');
    expect(view.ending).toEqual({ path: 'endB' });
    expect(view.decision).toBeNull();
    expect(view.history).toEqual([
      { turn: 1, afterLine: 2, decisionId: 'start.0', chosenText: 'Get up', timedOut: false },
      {
        turn: 2,
        afterLine: 3,
        decisionId: 'kitchen.0',
        chosenText: 'Sugar Puffs',
        timedOut: false,
      },
    ]);
    expect(play.events.slice(-2)).toEqual([
      {
        type: 'story.ended',
        sessionId: 's1',
        storyId: 'fake',
        storyVersion: 'v1',
        endingPath: 'endB',
        decisions: 2,
      },
      {
        type: 'session.ended',
        sessionId: 's1',
        storyId: 'fake',
        storyVersion: 'v1',
        reason: 'ended',
      },
    ]);
  });

  it('records session.ended as left when the player is stopped mid-story, and nothing after', async () => {
    const play = await playDriver(twoDecisions);
    await play.stop();
    expect(play.events.at(-1)).toMatchObject({ type: 'session.ended', reason: 'left' });
    const count = play.events.length;
    play.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    await play.advance(60_000);
    expect(play.events).toHaveLength(count);
  });
});
