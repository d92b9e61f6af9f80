// Read, then choose: a beat is read before its cards rise, the window counts from their landing, a
// pick holds, the last beat waits for the player, and the time scale changes an open window.
import { describe, expect, it } from 'vitest';
import { StoryRuntimeError } from '../../src/core/ports.ts';
import { HOLD_MS, SHOW_MS } from '../../src/player/machine.ts';
import { playDriver } from './driver.ts';
import { line, twoDecisions, type FakeScript } from './fake-runtime.ts';

describe('read, then choose', () => {
  it('opens no decision until the view reports the beat’s last line shown, however long that takes', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.advance(60_000).expectState('reading').expectView({ decision: null });
    expect(play.choices()).toHaveLength(0);
    // a report short of the last line ('You wake.' is id 1 of 2) is not enough
    await play.send({ type: 'REVEALED', through: 1 }).expectState('reading');
    await play.send({ type: 'REVEALED', through: 2 }).expectDecision({
      turn: 1,
      phase: 'shown',
      runningSince: null,
      remainingMs: 10_000,
    });
  });

  it('starts the window when the cards have landed and times out exactly one window later', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.advance(5_000).reveal();
    await play.advance(SHOW_MS - 1).expectDecision({ phase: 'shown', runningSince: null });
    await play.advance(1).expectDecision({ phase: 'selecting', runningSince: 5_000 + SHOW_MS });
    await play.advance(9_999).expectDecision({ phase: 'selecting', chosen: null });
    expect(play.choices()).toHaveLength(0);
    await play.advance(1).expectDecision({ phase: 'timedOut', chosen: 1 });
    expect(play.choices()[0]).toMatchObject({ timedOut: true, windowMs: 10_000 });
  });

  it('remembers a report that arrives before the beat’s pause is over', async () => {
    const script: FakeScript = {
      start: {
        lines: [line('Wait.', { kind: 'pause', seconds: 1 }), 'Go.'],
        decision: { id: 'd', options: [{ text: 'A', next: 'end' }] },
      },
      end: { lines: ['x'] },
    };
    const play = await playDriver(script, { reader: 'manual' });
    await play.send({ type: 'REVEALED', through: 1 }).expectState('narrating');
    await play.advance(1_000).expectState('reading');
    await play.send({ type: 'REVEALED', through: 2 }).expectState('choosing');
  });
});

describe('a pick lands', () => {
  it('holds the chosen card for the whole hold, then shows the consequence as its own beat', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal().advance(SHOW_MS).advance(1_000).pick(0);
    // the choice is stored and the next beat computed while the card holds
    expect(play.choices()).toHaveLength(1);
    expect(play.runtime.calls).toEqual(['next', 'choose:0', 'next']);
    await play.advance(HOLD_MS - 1).expectDecision({ turn: 1, phase: 'picked', chosen: 0 });
    await play.advance(1).expectState('reading').expectView({ decision: null });
    expect(play.view().lines.at(-1)?.text).toBe('The kitchen.');
    // the consequence is read before the next decision can rise
    await play.advance(30_000).expectState('reading');
    await play.reveal().expectDecision({ turn: 2, phase: 'shown' });
  });

  it('shows the clock’s choice for the whole hold after a timeout', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal().advance(SHOW_MS).advance(10_000);
    await play.expectDecision({ phase: 'timedOut', chosen: 1 });
    await play.advance(HOLD_MS - 1).expectDecision({ phase: 'timedOut', chosen: 1 });
    await play.advance(1).expectState('reading');
  });
});

describe('endings wait', () => {
  it('keeps the last beat on screen until the player continues, and only then ends', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal().advance(SHOW_MS).pick(0).advance(HOLD_MS).reveal().advance(SHOW_MS);
    await play.pick(1).advance(HOLD_MS).expectView({ state: 'reading', endingNext: false });
    // CONTINUE before the text is read does nothing
    await play.continue().expectState('reading');
    await play.reveal().expectView({ state: 'reading', endingNext: true, ending: null });
    await play.advance(120_000).expectState('reading');
    play.events.forEach((e) => expect(e.type).not.toBe('story.ended'));
    await play.continue().expectView({ state: 'ended', ending: { path: 'endB' } });
    await play.expectStored({ type: 'story.ended', endingPath: 'endB' });
  });
});

describe('the text before a story error', () => {
  it('is shown and read before the error screen', async () => {
    const script: FakeScript = {
      start: { decision: { id: 'd', options: [{ text: 'opt', next: 'broken' }] } },
      broken: {
        fails: new StoryRuntimeError('ink said no', [line('opt'), line('text')]),
      },
    };
    const play = await playDriver(script, { reader: 'manual' });
    await play.reveal().advance(SHOW_MS).pick(0).advance(HOLD_MS);
    await play.expectView({ state: 'reading', error: null });
    expect(play.view().lines.map((l) => l.text)).toEqual(['opt', 'text']);
    await play.reveal().expectView({
      state: 'error',
      error: { message: 'ink said no', canGoBack: true },
    });
  });

  it('goes straight to the error screen when the story produced no text', async () => {
    const play = await playDriver({ start: { fails: new StoryRuntimeError('no') } });
    await play.expectView({ state: 'error', error: { message: 'no', canGoBack: false } });
  });
});

describe('pausing and the time scale', () => {
  it('shows play as paused while the pause menu is open, with the window held', async () => {
    const play = await playDriver(twoDecisions);
    await play.advance(2_000).send({ type: 'PAUSE', reason: 'menu' });
    await play.expectState('paused').expectDecision({ paused: true, remainingMs: 8_000 });
    await play.advance(60_000).send({ type: 'RESUME', reason: 'menu' }).expectState('choosing');
    await play.advance(7_999).expectDecision({ chosen: null });
    await play.advance(1).expectStored({ type: 'choice.made', timedOut: true });
  });

  it('stretches an open window at once, keeping the share that was left', async () => {
    const play = await playDriver(twoDecisions);
    await play.advance(4_000).send({ type: 'SET_TIME_SCALE', scale: 2 });
    await play.expectDecision({ windowMs: 20_000, remainingMs: 12_000 });
    await play.advance(11_999).expectDecision({ chosen: null });
    await play.advance(1).expectStored({ type: 'choice.made', timedOut: true, windowMs: 20_000 });
  });

  it('stops the clock when timing is turned off mid-window, and the next decision is untimed', async () => {
    const play = await playDriver(twoDecisions);
    await play.advance(4_000).send({ type: 'SET_TIME_SCALE', scale: 'off' });
    await play.expectDecision({ windowMs: null, remainingMs: null });
    await play.advance(600_000).expectDecision({ turn: 1, chosen: null });
    await play.pick(0).expectDecision({ turn: 2, windowMs: null });
  });

  it('applies a new scale given while the cards rise without starting the window early', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal().send({ type: 'SET_TIME_SCALE', scale: 10 });
    await play.expectDecision({ phase: 'shown', windowMs: 100_000, runningSince: null });
    await play.advance(SHOW_MS).expectDecision({ runningSince: SHOW_MS });
  });
});

describe('the layout before the cards', () => {
  it('says how many cards will rise while their beat is read, so the text makes room first', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.expectView({ state: 'reading', decision: null, upcomingOptions: 2 });
    await play.reveal().expectView({ upcomingOptions: 0, decision: { options: [{}, {}] } });
  });
});

describe('text read before', () => {
  it('does not ask to read a resumed play’s text again: its decision rises at once', async () => {
    const first = await playDriver(twoDecisions);
    await first.pick(1);
    const save = first.saves.at(-1)!;
    first.player.stop();
    const play = await playDriver(twoDecisions, { resume: save, reader: 'manual' });
    await play.expectView({ state: 'choosing', readThrough: 3 });
    await play.expectDecision({ turn: 2, phase: 'shown' });
  });
});
