// The play driver itself: its steps run in order on the simulated clock, and a failing check says
// what state play is in and what was stored.
import { describe, expect, it } from 'vitest';
import { playDriver } from './driver.ts';
import { twoDecisions } from './fake-runtime.ts';

describe('the play driver', () => {
  it('fails a check with the state play is in, the time and what was stored', async () => {
    const play = await playDriver(twoDecisions);
    await expect(play.advance(10_000).expectState('ended')).rejects.toThrow(
      "play is 'choosing' at decision 2 (kitchen.0, selecting, 5000 ms left) after 11200 ms; stored: session.started, choice.made",
    );
  });

  it('fails expectStored when no stored event matches, naming what was stored', async () => {
    const play = await playDriver(twoDecisions);
    await expect(
      play.pick(1).expectStored({ type: 'choice.made', chosenIndex: 0 }),
    ).rejects.toThrow('stored: session.started, choice.made');
  });

  it('runs chained steps in order and none after a failing one', async () => {
    const play = await playDriver(twoDecisions);
    await expect(play.expectState('ended').pick(0)).rejects.toThrow("play is 'choosing'");
    expect(play.runtime.calls).toEqual(['next']);
    expect(play.choices()).toEqual([]);
  });
});
