// The score: music tags, the pattern grammar, note maths, and score.json read with valibot.
import { describe, expect, it } from 'vitest';
import { cueBeats, frequencyOf, midiOf, parsePattern } from '../../src/core/score.ts';
import { parseTag } from '../../src/core/tags.ts';
import { readScore } from '../../src/story/score.ts';

describe('the music tag', () => {
  it('names a cue, case-insensitively, and "none" stops the music', () => {
    expect(parseTag('music: Title')).toEqual({ kind: 'music', cue: 'title' });
    expect(parseTag('MUSIC: tension-2')).toEqual({ kind: 'music', cue: 'tension-2' });
    expect(parseTag('music: none')).toEqual({ kind: 'music', cue: null });
    expect(parseTag('music: off')).toEqual({ kind: 'music', cue: null });
  });

  it('refuses a missing or unreadable cue name, without throwing', () => {
    expect(parseTag('music:').kind).toBe('invalid');
    expect(parseTag('music: the big one').kind).toBe('invalid');
  });
});

describe('notes and patterns', () => {
  it('reads note names as MIDI numbers and tunes A4 to 440 Hz', () => {
    expect(midiOf('A4')).toBe(69);
    expect(midiOf('C4')).toBe(60);
    expect(midiOf('C#4')).toBe(61);
    expect(midiOf('Bb3')).toBe(58);
    expect(midiOf('H4')).toBeNull();
    expect(frequencyOf(69)).toBe(440);
    expect(frequencyOf(81)).toBeCloseTo(880, 6);
    expect(frequencyOf(60)).toBeCloseTo(261.626, 2);
  });

  it('reads notes, chords, rests and holds into events, bar lines ignored', () => {
    const p = parsePattern('C4 - . A3+C4+E4 | - - G4', 'pulse');
    expect(p).toEqual({
      ok: true,
      tokens: 7,
      events: [
        { at: 0, length: 2, notes: [60] },
        { at: 3, length: 3, notes: [57, 60, 64] },
        { at: 6, length: 1, notes: [67] },
      ],
    });
  });

  it('takes x as a hit only on a noise voice, and names the token it cannot read', () => {
    expect(parsePattern('x . x', 'noise')).toMatchObject({ ok: true, tokens: 3 });
    expect(parsePattern('x', 'pulse')).toMatchObject({ ok: false });
    const bad = parsePattern('C4 Q9', 'piano');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toContain('"Q9"');
    expect(parsePattern('   ', 'pad')).toMatchObject({ ok: false });
  });

  it('measures a cue by its longest voice, in beats', () => {
    expect(
      cueBeats({
        tempo: 120,
        loop: true,
        voices: [
          { instrument: 'pulse', notes: 'C4 - - -', step: 1, gain: 0.2 },
          { instrument: 'noise', notes: 'x . x . x . x .', step: 0.25, gain: 0.2 },
        ],
      }),
    ).toBe(4);
  });
});

describe('score.json', () => {
  it('reads a score and fills the defaults (tempo 100, looping, step 0.5, gain 0.3)', () => {
    const read = readScore({ cues: { title: { voices: [{ instrument: 'bell', notes: 'C5' }] } } });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.score.cues.title).toEqual({
      tempo: 100,
      loop: true,
      voices: [{ instrument: 'bell', notes: 'C5', step: 0.5, gain: 0.3 }],
    });
    // a cue named like an Object member is only a cue when the score has it
    expect(read.score.cues.constructor).toBeUndefined();
  });

  it('refuses unknown instruments, loud gains, odd names and bad notes, saying where', () => {
    const read = readScore({
      cues: {
        Title: { voices: [{ instrument: 'kazoo', notes: 'C4', gain: 3 }] },
      },
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.join('\n')).toMatch(/instrument/);
    expect(read.problems.join('\n')).toMatch(/gain/);
    expect(read.problems.join('\n')).toMatch(/lower case/);
    const notes = readScore({ cues: { a: { voices: [{ instrument: 'piano', notes: 'C4 Z' }] } } });
    expect(notes).toEqual({ ok: false, problems: [expect.stringContaining('cue "a", voice 1')] });
    expect(readScore('not a score').ok).toBe(false);
    expect(readScore({ cues: { a: { voices: [] } } }).ok).toBe(false);
  });
});
