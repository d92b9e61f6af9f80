// Timed decisions on a SimulatedClock, checked on both sides of every boundary.
import { describe, expect, it } from 'vitest';
import { playDriver } from './driver.ts';
import { twoDecisions, type FakeScript } from './fake-runtime.ts';

const oneDecision = (timerSeconds?: number | null): FakeScript => ({
  start: {
    lines: ['Choose.'],
    decision: {
      id: 'start.0',
      ...(timerSeconds === undefined ? {} : { timerSeconds }),
      options: [
        { text: 'Left', next: 'end' },
        { text: 'Right', next: 'end', isDefault: true },
      ],
    },
  },
  end: { lines: ['Done.'], endPath: 'end' },
});

describe('the decision window', () => {
  it('is still choosing at 9 999 ms and takes the default at 10 000 ms by the engine default', async () => {
    const play = await playDriver(oneDecision());
    await play
      .expectState('choosing')
      .advance(9_999)
      .expectState('choosing')
      .expectNothingStored('choice.made')
      .advance(1)
      .expectStored({
        type: 'choice.made',
        chosenIndex: 1,
        timedOut: true,
        input: 'timer',
        windowMs: 10_000,
      })
      .expectState('ended')
      .expectView({
        history: [{ turn: 1, decisionId: 'start.0', chosenText: 'Right', timedOut: true }],
      });
  });

  it('takes the first option on timeout when no option is marked default', async () => {
    const play = await playDriver({
      start: {
        decision: {
          id: 'd',
          options: [
            { text: 'A', next: 'end' },
            { text: 'B', next: 'end' },
          ],
        },
      },
      end: { lines: ['x'] },
    });
    await play
      .advance(9_999)
      .expectNothingStored('choice.made')
      .advance(1)
      .expectStored({ type: 'choice.made', chosenIndex: 0, timedOut: true });
  });

  it("uses the decision's own timer before the story's", async () => {
    const play = await playDriver(oneDecision(3), { meta: { timerSeconds: 7 } });
    expect(play.view().decision?.windowMs).toBe(3_000);
    await play
      .advance(2_999)
      .expectState('choosing')
      .advance(1)
      .expectStored({ type: 'choice.made', timedOut: true, windowMs: 3_000 });
  });

  it("uses the story's timer when the decision has none", async () => {
    const play = await playDriver(oneDecision(), { meta: { timerSeconds: 7 } });
    await play
      .advance(6_999)
      .expectState('choosing')
      .advance(1)
      .expectStored({ type: 'choice.made', timedOut: true, windowMs: 7_000 });
  });

  it('never runs out when the decision says timer off', async () => {
    const play = await playDriver(oneDecision(null), { meta: { timerSeconds: 4 } });
    expect(play.view().decision?.windowMs).toBeNull();
    await play.advance(10 * 60_000);
    await play.expectState('choosing');
    expect(play.choices()).toHaveLength(0);
  });

  it('never runs out when the player turned timing off', async () => {
    const play = await playDriver(oneDecision(), { timeScale: 'off' });
    await play.expectDecision({
      windowMs: null,
      remainingMs: null,
      runningSince: null,
    });
    await play.advance(60 * 60_000);
    await play.expectState('choosing');
  });

  it.each([
    [2, 20_000],
    [10, 100_000],
  ] as const)('stretches the window by ×%s to %s ms', async (scale, ms) => {
    const play = await playDriver(oneDecision(), { timeScale: scale });
    expect(play.view().decision?.windowMs).toBe(ms);
    await play
      .advance(ms - 1)
      .expectState('choosing')
      .advance(1)
      .expectStored({ type: 'choice.made', timedOut: true, windowMs: ms });
  });
});

describe('pausing the window', () => {
  it('resumes with the time that was left: paused at 4 s of 10 for 20 s, it runs out 6 s later', async () => {
    const play = await playDriver(oneDecision());
    await play.advance(4_000);
    play.player.send({ type: 'PAUSE', reason: 'hidden' });
    await play.expectDecision({
      paused: true,
      remainingMs: 6_000,
      runningSince: null,
    });
    await play.advance(20_000);
    await play.expectState('choosing');
    play.player.send({ type: 'RESUME', reason: 'hidden' });
    await play.expectDecision({
      paused: false,
      remainingMs: 6_000,
      // the driver let the cards land first (300 ms), which decision time counts too
      runningSince: 24_300,
    });
    await play.advance(5_999);
    await play.expectState('choosing');
    await play.advance(1);
    expect(play.choices()[0]).toMatchObject({ timedOut: true, decisionMs: 10_300 });
  });

  it('keeps the countdown stopped until every pause reason is gone', async () => {
    const play = await playDriver(oneDecision());
    await play.advance(1_000);
    play.player.send({ type: 'PAUSE', reason: 'hidden' });
    play.player.send({ type: 'PAUSE', reason: 'overlay' });
    await play.advance(5_000);
    play.player.send({ type: 'RESUME', reason: 'hidden' });
    await play.advance(30_000);
    await play.expectState('choosing');
    expect(play.view().decision?.paused).toBe(true);
    play.player.send({ type: 'RESUME', reason: 'overlay' });
    await play.advance(8_999);
    await play.expectState('choosing');
    await play.advance(1);
    expect(play.choices()[0]).toMatchObject({ timedOut: true });
  });

  it('holds a window that opens while the game is paused', async () => {
    const play = await playDriver(twoDecisions);
    play.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    await play.send({ type: 'PAUSE', reason: 'user' });
    await play.expectDecision({
      turn: 2,
      paused: true,
      runningSince: null,
      remainingMs: 5_000,
    });
    await play.advance(60_000);
    await play.expectState('paused');
    play.player.send({ type: 'RESUME', reason: 'user' });
    await play.expectState('choosing');
    await play.advance(4_999);
    await play.expectState('choosing');
    await play.advance(1);
    await play.expectState('ended');
  });

  it('excludes paused time from the decision time of a pick', async () => {
    const play = await playDriver(oneDecision());
    await play.advance(2_000);
    play.player.send({ type: 'PAUSE', reason: 'user' });
    await play.advance(50_000);
    play.player.send({ type: 'RESUME', reason: 'user' });
    await play.advance(1_500);
    await play.pick(0, 'keyboard');
    // 300 ms of cards landing, 2 000 ms before the pause, 1 500 ms after it
    expect(play.choices()[0]).toMatchObject({
      decisionMs: 3_800,
      timedOut: false,
      input: 'keyboard',
    });
  });
});

describe('more time', () => {
  it('adds one full window to the running one', async () => {
    const play = await playDriver(oneDecision());
    await play.advance(8_000);
    play.player.send({ type: 'MORE_TIME' });
    await play.expectDecision({ windowMs: 20_000, remainingMs: 12_000 });
    await play.advance(11_999);
    await play.expectState('choosing');
    await play.advance(1);
    expect(play.choices()[0]).toMatchObject({ timedOut: true, windowMs: 20_000 });
  });

  it('adds time while paused without starting the countdown', async () => {
    const play = await playDriver(oneDecision());
    await play.advance(3_000);
    play.player.send({ type: 'PAUSE', reason: 'overlay' });
    play.player.send({ type: 'MORE_TIME' });
    await play.advance(100_000);
    await play.expectDecision({ remainingMs: 17_000, runningSince: null });
    play.player.send({ type: 'RESUME', reason: 'overlay' });
    await play.advance(16_999);
    await play.expectState('choosing');
    await play.advance(1);
    await play.expectState('ended');
  });

  it('counts a pause and more time asked for while the cards rise, and starts no window then', async () => {
    const play = await playDriver(oneDecision(), { reader: 'manual' });
    await play.reveal().advance(100);
    expect(play.view().decision?.phase).toBe('shown');
    play.player.send({ type: 'PAUSE', reason: 'user' });
    play.player.send({ type: 'MORE_TIME' });
    await play.advance(10_000);
    await play.expectDecision({
      phase: 'selecting',
      remainingMs: 20_000,
      runningSince: null,
    });
    play.player.send({ type: 'RESUME', reason: 'user' });
    await play.advance(19_999);
    await play.expectState('choosing');
    await play.advance(1);
    expect(play.choices()[0]).toMatchObject({
      timedOut: true,
      windowMs: 20_000,
      // 100 ms before the pause and the 20 s window after it
      decisionMs: 20_100,
    });
  });

  it('ignores more time on an untimed decision', async () => {
    const play = await playDriver(oneDecision(null));
    play.player.send({ type: 'MORE_TIME' });
    await play.expectDecision({ windowMs: null, remainingMs: null });
  });
});
