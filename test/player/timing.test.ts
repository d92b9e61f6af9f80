// Timed decisions on a SimulatedClock, checked on both sides of every boundary.
import { describe, expect, it } from 'vitest';
import { choices, harness } from './harness.ts';
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
    const h = await harness(oneDecision());
    expect(h.view().state).toBe('choosing');
    await h.advance(9_999);
    expect(h.view().state).toBe('choosing');
    expect(choices(h.events)).toHaveLength(0);
    await h.advance(1);
    const [made] = choices(h.events);
    expect(made).toMatchObject({
      chosenIndex: 1,
      timedOut: true,
      input: 'timer',
      windowMs: 10_000,
    });
    expect(h.view().state).toBe('ended');
    expect(h.view().history).toEqual([
      { turn: 1, decisionId: 'start.0', chosenText: 'Right', timedOut: true },
    ]);
  });

  it('takes the first option on timeout when no option is marked default', async () => {
    const h = await harness({
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
    await h.advance(10_000);
    expect(choices(h.events)[0]).toMatchObject({ chosenIndex: 0, timedOut: true });
  });

  it("uses the decision's own timer before the story's", async () => {
    const h = await harness(oneDecision(3), { meta: { timerSeconds: 7 } });
    expect(h.view().decision?.windowMs).toBe(3_000);
    await h.advance(2_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true, windowMs: 3_000 });
  });

  it("uses the story's timer when the decision has none", async () => {
    const h = await harness(oneDecision(), { meta: { timerSeconds: 7 } });
    await h.advance(6_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true, windowMs: 7_000 });
  });

  it('never runs out when the decision says timer off', async () => {
    const h = await harness(oneDecision(null), { meta: { timerSeconds: 4 } });
    expect(h.view().decision?.windowMs).toBeNull();
    await h.advance(10 * 60_000);
    expect(h.view().state).toBe('choosing');
    expect(choices(h.events)).toHaveLength(0);
  });

  it('never runs out when the player turned timing off', async () => {
    const h = await harness(oneDecision(), { timeScale: 'off' });
    expect(h.view().decision).toMatchObject({
      windowMs: null,
      remainingMs: null,
      runningSince: null,
    });
    await h.advance(60 * 60_000);
    expect(h.view().state).toBe('choosing');
  });

  it.each([
    [2, 20_000],
    [10, 100_000],
  ] as const)('stretches the window by ×%s to %s ms', async (scale, ms) => {
    const h = await harness(oneDecision(), { timeScale: scale });
    expect(h.view().decision?.windowMs).toBe(ms);
    await h.advance(ms - 1);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true, windowMs: ms });
  });

  it('applies a new time scale from the next decision', async () => {
    const h = await harness(twoDecisions);
    h.player.send({ type: 'SET_TIME_SCALE', scale: 2 });
    await h.advance(9_999);
    expect(h.view().decision?.turn).toBe(1);
    await h.advance(1);
    expect(h.view().decision).toMatchObject({ turn: 2, windowMs: 10_000 });
  });

  it('stops the running countdown at once when timing is turned off', async () => {
    const h = await harness(oneDecision());
    await h.advance(5_000);
    h.player.send({ type: 'SET_TIME_SCALE', scale: 'off' });
    await h.advance(60_000);
    expect(h.view().state).toBe('choosing');
    expect(h.view().decision?.windowMs).toBeNull();
    h.player.send({ type: 'PICK', index: 0, input: 'keyboard' });
    await h.flush();
    expect(choices(h.events)[0]).toMatchObject({
      windowMs: null,
      timedOut: false,
      decisionMs: 65_000,
    });
  });
});

describe('pausing the window', () => {
  it('resumes with the time that was left: paused at 4 s of 10 for 20 s, it runs out 6 s later', async () => {
    const h = await harness(oneDecision());
    await h.advance(4_000);
    h.player.send({ type: 'PAUSE', reason: 'hidden' });
    expect(h.view().decision).toMatchObject({
      paused: true,
      remainingMs: 6_000,
      runningSince: null,
    });
    await h.advance(20_000);
    expect(h.view().state).toBe('choosing');
    h.player.send({ type: 'RESUME', reason: 'hidden' });
    expect(h.view().decision).toMatchObject({
      paused: false,
      remainingMs: 6_000,
      runningSince: 24_000,
    });
    await h.advance(5_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true, decisionMs: 10_000 });
  });

  it('keeps the countdown stopped until every pause reason is gone', async () => {
    const h = await harness(oneDecision());
    await h.advance(1_000);
    h.player.send({ type: 'PAUSE', reason: 'hidden' });
    h.player.send({ type: 'PAUSE', reason: 'overlay' });
    await h.advance(5_000);
    h.player.send({ type: 'RESUME', reason: 'hidden' });
    await h.advance(30_000);
    expect(h.view().state).toBe('choosing');
    expect(h.view().decision?.paused).toBe(true);
    h.player.send({ type: 'RESUME', reason: 'overlay' });
    await h.advance(8_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true });
  });

  it('holds a window that opens while the game is paused', async () => {
    const h = await harness(twoDecisions);
    h.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    h.player.send({ type: 'PAUSE', reason: 'user' });
    await h.flush();
    expect(h.view().decision).toMatchObject({
      turn: 2,
      paused: true,
      runningSince: null,
      remainingMs: 5_000,
    });
    await h.advance(60_000);
    expect(h.view().state).toBe('choosing');
    h.player.send({ type: 'RESUME', reason: 'user' });
    await h.advance(4_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(h.view().state).toBe('ended');
  });

  it('excludes paused time from the decision time of a pick', async () => {
    const h = await harness(oneDecision());
    await h.advance(2_000);
    h.player.send({ type: 'PAUSE', reason: 'user' });
    await h.advance(50_000);
    h.player.send({ type: 'RESUME', reason: 'user' });
    await h.advance(1_500);
    h.player.send({ type: 'PICK', index: 0, input: 'keyboard' });
    await h.flush();
    expect(choices(h.events)[0]).toMatchObject({
      decisionMs: 3_500,
      timedOut: false,
      input: 'keyboard',
    });
  });
});

describe('more time', () => {
  it('adds one full window to the running one', async () => {
    const h = await harness(oneDecision());
    await h.advance(8_000);
    h.player.send({ type: 'MORE_TIME' });
    expect(h.view().decision).toMatchObject({ windowMs: 20_000, remainingMs: 12_000 });
    await h.advance(11_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({ timedOut: true, windowMs: 20_000 });
  });

  it('adds time while paused without starting the countdown', async () => {
    const h = await harness(oneDecision());
    await h.advance(3_000);
    h.player.send({ type: 'PAUSE', reason: 'overlay' });
    h.player.send({ type: 'MORE_TIME' });
    await h.advance(100_000);
    expect(h.view().decision).toMatchObject({ remainingMs: 17_000, runningSince: null });
    h.player.send({ type: 'RESUME', reason: 'overlay' });
    await h.advance(16_999);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(h.view().state).toBe('ended');
  });

  it('counts a pause and more time asked for while the options are still appearing', async () => {
    const h = await harness(oneDecision());
    await h.advance(100);
    expect(h.view().decision?.phase).toBe('shown');
    h.player.send({ type: 'PAUSE', reason: 'user' });
    h.player.send({ type: 'MORE_TIME' });
    await h.advance(10_000);
    expect(h.view().decision).toMatchObject({
      phase: 'selecting',
      remainingMs: 19_900,
      runningSince: null,
    });
    h.player.send({ type: 'RESUME', reason: 'user' });
    await h.advance(19_899);
    expect(h.view().state).toBe('choosing');
    await h.advance(1);
    expect(choices(h.events)[0]).toMatchObject({
      timedOut: true,
      windowMs: 20_000,
      decisionMs: 20_000,
    });
  });

  it('ignores more time on an untimed decision', async () => {
    const h = await harness(oneDecision(null));
    h.player.send({ type: 'MORE_TIME' });
    expect(h.view().decision).toMatchObject({ windowMs: null, remainingMs: null });
  });
});
