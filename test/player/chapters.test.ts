// The chapter on the play view: the last `chapter` tag shown, kept through CLEAR, and each past
// decision's chapter for the ending card's timeline.
import { describe, expect, it } from 'vitest';
import { playDriver } from './driver.ts';
import { line, type FakeScript } from './fake-runtime.ts';

const chaptered: FakeScript = {
  start: {
    lines: [line('Morning.', { kind: 'chapter', title: 'Tuesday' }), line('The clock radio.')],
    decision: { id: 'bed', options: [{ text: 'Get up', next: 'office' }] },
  },
  office: {
    lines: [
      line('', { kind: 'clear' }),
      line('Halcyon Soft.', { kind: 'chapter', title: 'Halcyon' }),
      line('Six computers.'),
    ],
    decision: { id: 'desk', options: [{ text: 'Take the desk', next: 'end' }] },
  },
  end: { lines: [line('The end.')], endPath: 'end' },
};

describe('chapters on the play view', () => {
  it('names the chapter in play, across a CLEAR, and each decision by the chapter it stood in', async () => {
    const play = await playDriver(chaptered);
    await play.expectState('choosing');
    expect(play.view().chapter?.title).toBe('Tuesday');
    const first = play.view().chapter?.lineId;
    await play.pick(0).advance(2000).expectState('choosing');
    expect(play.view().chapter?.title).toBe('Halcyon');
    expect(play.view().chapter?.lineId).toBeGreaterThan(first ?? Infinity);
    await play.pick(0).advance(2000).expectState('ended');
    expect(play.view().history.map((p) => p.chapter)).toEqual(['Tuesday', 'Halcyon']);
  });

  it('has no chapter, and no chapter on its decisions, in a story without chapter tags', async () => {
    const play = await playDriver({
      start: {
        lines: [line('Hello.')],
        decision: { id: 'a', options: [{ text: 'On', next: 'end' }] },
      },
      end: { lines: [line('Bye.')], endPath: 'end' },
    });
    await play.pick(0).advance(2000).expectState('ended');
    expect(play.view().chapter).toBeNull();
    expect(play.view().history[0]).not.toHaveProperty('chapter');
  });

  it('goes back to the earlier chapter on a rewind into it', async () => {
    const play = await playDriver(chaptered);
    await play.pick(0).advance(2000).pick(0).advance(2000).expectState('ended');
    await play.rewind(1).advance(100).expectState('choosing');
    expect(play.view().chapter?.title).toBe('Tuesday');
  });
});
