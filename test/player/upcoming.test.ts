// The beat after a pick, in the view while the chosen card holds (PlayView.upcoming).
import { describe, expect, it } from 'vitest';
import { HOLD_MS } from '../../src/player/machine.ts';
import { playDriver } from './driver.ts';
import { twoDecisions } from './fake-runtime.ts';

describe('the upcoming beat', () => {
  it('is in the view during the hold, as the view after the hold shows it', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal();
    expect(play.view().upcoming).toBeNull();
    await play.pick(0);
    const holding = play.view();
    expect(holding.decision?.phase).toBe('picked');
    // the story step is done and the card still holds: the beat is known
    const upcoming = holding.upcoming;
    expect(upcoming).not.toBeNull();
    expect(upcoming?.upcomingOptions).toBe(2);
    expect(upcoming?.lines.map((l) => l.text)).toEqual([
      'You wake.',
      'The alarm rings.',
      'The kitchen.',
    ]);
    await play.advance(HOLD_MS);
    const after = play.view();
    expect(after.decision).toBeNull();
    expect(after.upcoming).toBeNull();
    // ids and all: what was laid out ahead is what is shown
    expect(after.lines).toEqual(upcoming?.lines);
    expect(after.upcomingOptions).toBe(upcoming?.upcomingOptions);
    expect(after.backdrop).toEqual(upcoming?.backdrop);
    expect(after.backdropChanges).toEqual(upcoming?.backdropChanges);
  });

  it('says an ending beat offers no cards', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal().pick(0).advance(HOLD_MS).reveal();
    expect(play.view().decision).toMatchObject({ id: 'kitchen.0' });
    await play.pick(1);
    const upcoming = play.view().upcoming;
    expect(upcoming?.upcomingOptions).toBe(0);
    expect(upcoming?.lines.at(-1)?.text).toBe('Ending B.');
  });

  it('is absent before the story step is done', async () => {
    const play = await playDriver(twoDecisions, { reader: 'manual' });
    await play.reveal();
    play.player.send({ type: 'PICK', index: 0, input: 'pointer' });
    // synchronously after the pick: the card holds, the step has not run yet
    expect(play.view().decision?.phase).toBe('picked');
    expect(play.view().upcoming).toBeNull();
  });
});
