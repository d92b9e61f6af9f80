// One-shot AUDIO cues in the view: each keyed by its line, dropped by CLEAR, never the loop.
import { describe, expect, it } from 'vitest';
import { playDriver } from './driver.ts';
import { line } from './fake-runtime.ts';

const decide = { id: 'd', options: [{ text: 'On', next: 'end' }] };

describe('one-shot sounds in the play view', () => {
  it('lists each AUDIO cue with the id of the line that carried it, even a line without text, and leaves the loop out', async () => {
    const play = await playDriver({
      start: {
        lines: [
          line('', { kind: 'audio', path: 'assets/rain.ogg', loop: true }),
          line('', { kind: 'audio', path: 'assets/door.wav', loop: false }),
          line('Knock.', { kind: 'audio', path: 'assets/knock.wav', loop: false }),
        ],
        decision: decide,
      },
      end: { lines: ['x'] },
    });
    const view = play.view();
    expect(view.sounds).toEqual([
      { id: 2, path: 'assets/door.wav' },
      { id: 3, path: 'assets/knock.wav' },
    ]);
    expect(view.audioLoop).toBe('assets/rain.ogg');
  });

  it('drops the cues before a CLEAR, and a later beat adds cues with higher ids', async () => {
    const play = await playDriver({
      start: {
        lines: [
          line('Old.', { kind: 'audio', path: 'assets/old.wav', loop: false }),
          line('New.', { kind: 'clear' }, { kind: 'audio', path: 'assets/new.wav', loop: false }),
        ],
        decision: decide,
      },
      end: { lines: [line('After.', { kind: 'audio', path: 'assets/after.wav', loop: false })] },
    });
    expect(play.view().sounds).toEqual([{ id: 2, path: 'assets/new.wav' }]);
    await play.pick(0, 'keyboard');
    await play.advance(2_000);
    const ids = (play.view().sounds ?? []).map((s) => s.id);
    expect(play.view().sounds?.map((s) => s.path)).toEqual(['assets/new.wav', 'assets/after.wav']);
    expect(ids[1]).toBeGreaterThan(ids[0] ?? Infinity);
  });
});
