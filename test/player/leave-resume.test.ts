// Leaving a decision mid-window (report, settings) and coming back: the window goes on with the
// time that was left, not a fresh one and not zero (DESIGN.md §3).
import { describe, expect, it } from 'vitest';
import { SHOW_MS } from '../../src/player/machine.ts';
import { playDriver } from './driver.ts';
import { twoDecisions } from './fake-runtime.ts';

describe('leaving mid-window and coming back', () => {
  it('saves the time left in the window when the player stops during a decision', async () => {
    const play = await playDriver(twoDecisions);
    await play.advance(4_000);
    await play.stop();
    expect(play.saves.at(-1)).toMatchObject({
      remainingMs: 6_000,
      snapshots: [expect.any(String)],
    });
  });

  it('resumes the window with 6 s of 10 left, timing out at 6 s and not before', async () => {
    const first = await playDriver(twoDecisions);
    await first.advance(4_000);
    await first.stop();

    const play = await playDriver(twoDecisions, { resume: first.saves.at(-1)! });
    await play.expectDecision({
      id: 'start.0',
      windowMs: 10_000,
      remainingMs: 6_000,
    });
    await play.advance(5_999);
    await play.expectDecision({ id: 'start.0', chosen: null });
    await play.advance(1);
    expect(play.events.find((e) => e.type === 'choice.made')).toMatchObject({ timedOut: true });
  });

  it('gives the next decision after a resumed one its full window', async () => {
    const first = await playDriver(twoDecisions);
    await first.advance(9_000);
    await first.stop();

    const play = await playDriver(twoDecisions, { resume: first.saves.at(-1)! });
    await play.expectDecision({ remainingMs: 1_000 });
    await play.advance(SHOW_MS);
    await play.pick(0);
    await play.expectDecision({
      id: 'kitchen.0',
      windowMs: 5_000,
      remainingMs: 5_000,
    });
  });

  it('saves the time left of the decision on screen, not of the one just picked', async () => {
    const play = await playDriver(twoDecisions);
    await play.advance(SHOW_MS);
    await play.pick(0);
    await play.expectDecision({ id: 'kitchen.0', windowMs: 5_000 });
    await play.advance(1_000);
    await play.stop();
    expect(play.saves.at(-1)).toMatchObject({ remainingMs: 4_000 });
    expect(play.saves.at(-1)?.snapshots).toHaveLength(2);
  });
});
