// A story's score (stories/<id>/score.json, AUTHORING.md "Music"): cues of a few voices, each a
// pattern of notes in a tiny text grammar. Pure: the pattern reading and the note maths.

/** How a voice sounds: chip voices (1986 home computer) or soft ones (pads and pianos). */
export type Instrument = 'pulse' | 'square' | 'triangle' | 'noise' | 'pad' | 'piano' | 'bell';

export const INSTRUMENTS: readonly Instrument[] = [
  'pulse',
  'square',
  'triangle',
  'noise',
  'pad',
  'piano',
  'bell',
];

export interface Voice {
  readonly instrument: Instrument;
  /** the pattern: notes (`C4`, `F#3`, `Bb2`), chords (`A3+C4+E4`), `.` rest, `-` hold, `x` hit */
  readonly notes: string;
  /** beats per token (0.25 = sixteenth notes at four beats to the bar) */
  readonly step: number;
  /** 0…1, before the mixer */
  readonly gain: number;
}

export interface Cue {
  /** beats per minute */
  readonly tempo: number;
  /** plays again from the start when it ends (otherwise it plays once and falls silent) */
  readonly loop: boolean;
  readonly voices: readonly Voice[];
}

export interface Score {
  readonly cues: Readonly<Record<string, Cue>>;
}

/** One sounding event of a pattern: where it starts and how long it lasts, in tokens. */
export interface NoteEvent {
  readonly at: number;
  readonly length: number;
  /** MIDI note numbers; several for a chord; empty for a noise hit */
  readonly notes: readonly number[];
}

export type Pattern =
  | { readonly ok: true; readonly events: readonly NoteEvent[]; readonly tokens: number }
  | { readonly ok: false; readonly problem: string };

const NOTE = /^([A-Ga-g])([#b]?)(-?\d)$/;
const SEMITONE: Readonly<Record<string, number>> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** `A4` → 69; null when `name` is not a note. */
export function midiOf(name: string): number | null {
  const m = NOTE.exec(name);
  if (!m) return null;
  const base = SEMITONE[(m[1] ?? '').toLowerCase()];
  if (base === undefined) return null;
  const accidental = m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0;
  const midi = (Number(m[3]) + 1) * 12 + base + accidental;
  return midi >= 12 && midi <= 120 ? midi : null;
}

/** Equal temperament at A4 = 440 Hz. */
export function frequencyOf(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

/** Reads a voice's pattern into events; a problem names the first token that cannot be read. */
export function parsePattern(notes: string, instrument: Instrument): Pattern {
  const tokens = notes.split(/\s+/).filter((t) => t !== '' && t !== '|');
  if (tokens.length === 0) return { ok: false, problem: 'the pattern has no notes' };
  const events: { at: number; length: number; notes: readonly number[] }[] = [];
  let last: { length: number } | null = null;
  for (const [at, token] of tokens.entries()) {
    if (token === '.') {
      last = null;
      continue;
    }
    if (token === '-') {
      if (last) last.length += 1;
      continue;
    }
    if (token === 'x') {
      if (instrument !== 'noise')
        return { ok: false, problem: `"x" (a hit) is for noise voices; write a note like "C4"` };
      const hit = { at, length: 1, notes: [] };
      events.push(hit);
      last = hit;
      continue;
    }
    const midis = token.split('+').map(midiOf);
    const chord = midis.filter((m): m is number => m !== null);
    if (chord.length !== midis.length)
      return {
        ok: false,
        problem: `"${token}" is not a note, a chord like "A3+C4+E4", ".", "-" or "x"`,
      };
    const event = { at, length: 1, notes: chord };
    events.push(event);
    last = event;
  }
  return { ok: true, events, tokens: tokens.length };
}

/** Length of one pass of a cue in beats: its longest voice. */
export function cueBeats(cue: Cue): number {
  let beats = 0;
  for (const voice of cue.voices) {
    const p = parsePattern(voice.notes, voice.instrument);
    if (p.ok) beats = Math.max(beats, p.tokens * voice.step);
  }
  return beats;
}

/** The problems of a score's cues (bad patterns), each naming the cue and voice. */
export function scoreProblems(score: Score): string[] {
  const out: string[] = [];
  for (const [name, cue] of Object.entries(score.cues)) {
    cue.voices.forEach((voice, i) => {
      const p = parsePattern(voice.notes, voice.instrument);
      if (!p.ok) out.push(`cue "${name}", voice ${i + 1}: ${p.problem}`);
    });
  }
  return out;
}
