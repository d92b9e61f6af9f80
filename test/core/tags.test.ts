// Tests for the tag grammar of DESIGN.md §2 (core/tags.ts): every tag, Inky's tags, bad values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assetPathProblem, parseTag, parseTags, tasteOf } from '../../src/core/tags.ts';
import type { Directive } from '../../src/core/directives.ts';

function reasonOf(d: Directive): string {
  expect(d.kind).toBe('invalid');
  return d.kind === 'invalid' ? d.reason : '';
}

describe('global tags', () => {
  it('reads title and author with their text untouched', () => {
    expect(parseTag('title: The Lighthouse Keeper')).toEqual({
      kind: 'title',
      value: 'The Lighthouse Keeper',
    });
    expect(parseTag('author: Ann Lee')).toEqual({ kind: 'author', value: 'Ann Lee' });
  });

  it('keeps colons inside a value', () => {
    expect(parseTag('title: Part 2: The Return')).toEqual({
      kind: 'title',
      value: 'Part 2: The Return',
    });
  });

  it('reads a dimension as id, positive pole and negative pole', () => {
    expect(parseTag('dimension: risk = Thrill-seeking / Caution')).toEqual({
      kind: 'dimension',
      id: 'risk',
      positive: 'Thrill-seeking',
      negative: 'Caution',
    });
  });

  it('allows hyphenated dimension ids and multi-word pole labels', () => {
    expect(parseTag('dimension: self-control = Holds back / Lets go')).toEqual({
      kind: 'dimension',
      id: 'self-control',
      positive: 'Holds back',
      negative: 'Lets go',
    });
  });

  it('rejects a dimension without poles, with one pole or with three', () => {
    expect(reasonOf(parseTag('dimension: risk'))).toMatch(/Positive \/ Negative/);
    expect(reasonOf(parseTag('dimension: risk = Thrill'))).toMatch(/Positive \/ Negative/);
    expect(reasonOf(parseTag('dimension: risk = A / B / C'))).toMatch(/Positive \/ Negative/);
    expect(reasonOf(parseTag('dimension: risk = / Caution'))).toMatch(/Positive \/ Negative/);
  });

  it('rejects a dimension without an id', () => {
    expect(reasonOf(parseTag('dimension: = A / B'))).toMatch(/needs an id/);
    expect(reasonOf(parseTag('dimension:'))).toMatch(/needs/);
  });

  it('reads the story timer in seconds, including fractions', () => {
    expect(parseTag('timer: 10')).toEqual({ kind: 'timer', seconds: 10 });
    expect(parseTag('timer: 7.5')).toEqual({ kind: 'timer', seconds: 7.5 });
  });

  it('reads a plain poster and a poster variant for a pole', () => {
    expect(parseTag('poster: assets/p.png')).toEqual({
      kind: 'poster',
      path: 'assets/p.png',
      when: null,
    });
    expect(parseTag('poster: assets/dark.png when horror+')).toEqual({
      kind: 'poster',
      path: 'assets/dark.png',
      when: { dimension: 'horror', pole: '+' },
    });
    expect(parseTag('poster: assets/calm.png WHEN risk-')).toEqual({
      kind: 'poster',
      path: 'assets/calm.png',
      when: { dimension: 'risk', pole: '-' },
    });
  });

  it('rejects a poster condition without a pole and a poster without a path', () => {
    expect(reasonOf(parseTag('poster: assets/dark.png when horror'))).toMatch(/dimension and pole/);
    expect(reasonOf(parseTag('poster: when horror+'))).toMatch(/needs a path/);
  });

  it("reads Inky's theme tag in lower case", () => {
    expect(parseTag('theme: Dark')).toEqual({ kind: 'theme', value: 'dark' });
  });
});

describe('line tags', () => {
  it('reads a named scene as a scene backdrop', () => {
    expect(parseTag('scene: Office')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'scene', name: 'office' },
    });
  });

  it("reads Inky's BACKGROUND as an asset backdrop", () => {
    expect(parseTag('BACKGROUND: assets/beach.jpg')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'asset', path: 'assets/beach.jpg' },
    });
  });

  it('reads bg as a colour, a scene or an asset', () => {
    expect(parseTag('bg: #223344')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'color', color: '#223344' },
    });
    expect(parseTag('bg: rgb(10, 20, 30)')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'color', color: 'rgb(10, 20, 30)' },
    });
    expect(parseTag('bg: forest')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'scene', name: 'forest' },
    });
    expect(parseTag('bg: night.png')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'asset', path: 'night.png' },
    });
  });

  it("reads Inky's IMAGE as an image in the flow", () => {
    expect(parseTag('IMAGE: assets/map.png')).toEqual({ kind: 'image', path: 'assets/map.png' });
  });

  it('reads speaker with the name as written', () => {
    expect(parseTag('speaker: Dr. Haynes')).toEqual({ kind: 'speaker', name: 'Dr. Haynes' });
  });

  it("reads Inky's AUDIO as a one-shot and AUDIOLOOP as ambience", () => {
    expect(parseTag('AUDIO: assets/door.mp3')).toEqual({
      kind: 'audio',
      path: 'assets/door.mp3',
      loop: false,
    });
    expect(parseTag('AUDIOLOOP: assets/rain.ogg')).toEqual({
      kind: 'audio',
      path: 'assets/rain.ogg',
      loop: true,
    });
  });

  it('stops the ambience with AUDIOLOOP: none', () => {
    expect(parseTag('AUDIOLOOP: none')).toEqual({ kind: 'audio', path: null, loop: true });
    expect(parseTag('AUDIOLOOP: None')).toEqual({ kind: 'audio', path: null, loop: true });
  });

  it("reads Inky's CLEAR, RESTART and CLASS", () => {
    expect(parseTag('CLEAR')).toEqual({ kind: 'clear' });
    expect(parseTag('RESTART')).toEqual({ kind: 'restart' });
    expect(parseTag('CLASS: whisper')).toEqual({ kind: 'class', name: 'whisper' });
  });

  it('reads pause in seconds and rejects words', () => {
    expect(parseTag('pause: 1.5')).toEqual({ kind: 'pause', seconds: 1.5 });
    expect(reasonOf(parseTag('pause: off'))).toMatch(/not a number of seconds/);
    expect(reasonOf(parseTag('pause: -1'))).toMatch(/not a number of seconds/);
  });

  it('reads a decision timer and timer: off as a window that never ends', () => {
    expect(parseTag('timer: 8')).toEqual({ kind: 'timer', seconds: 8 });
    expect(parseTag('timer: off')).toEqual({ kind: 'timer', seconds: null });
  });

  it('rejects timers that are not a positive number of seconds', () => {
    for (const bad of ['timer: soon', 'timer: -3', 'timer: 10s', 'timer: 0', 'timer: NaN']) {
      const d = parseTag(bad);
      expect(d.kind, bad).toBe('invalid');
      expect(reasonOf(d).length, bad).toBeGreaterThan(10);
    }
    expect(reasonOf(parseTag('timer: soon'))).toBe('"soon" is not a number of seconds or "off"');
  });

  it('rejects asset paths that leave the story folder', () => {
    for (const bad of [
      'BACKGROUND: ../other/bg.png',
      'IMAGE: /etc/passwd.png',
      'AUDIO: https://example.com/a.mp3',
      'AUDIOLOOP: //cdn.example.com/a.ogg',
      'bg: assets/../../x.png',
      'poster: http://example.com/p.png',
    ]) {
      const d = parseTag(bad);
      expect(d.kind, bad).toBe('invalid');
    }
    expect(reasonOf(parseTag('IMAGE: ../x.png'))).toMatch(/leaves the story's folder/);
    expect(reasonOf(parseTag('IMAGE: https://x.org/a.png'))).toMatch(/URL/);
    expect(assetPathProblem('assets/a..b.png')).toBeNull();
  });
});

describe('choice tags', () => {
  it('reads a taste as a vector over dimensions', () => {
    expect(parseTag('taste: risk+1 horror-0.5')).toEqual({
      kind: 'taste',
      weights: { risk: 1, horror: -0.5 },
    });
  });

  it('reads a bare sign as a weight of one and commas as separators', () => {
    expect(parseTag('taste: risk+ empathy-')).toEqual({
      kind: 'taste',
      weights: { risk: 1, empathy: -1 },
    });
    expect(parseTag('taste: risk+2,horror-1')).toEqual({
      kind: 'taste',
      weights: { risk: 2, horror: -1 },
    });
  });

  it('adds up repeated terms for one dimension', () => {
    expect(parseTag('taste: risk+1 risk+0.5')).toEqual({ kind: 'taste', weights: { risk: 1.5 } });
  });

  it('refuses dimension ids named like members of every object, in taste, dimension and poster', () => {
    for (const id of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(reasonOf(parseTag(`taste: ${id}+1`))).toContain(`"${id}" is a reserved name`);
      expect(reasonOf(parseTag(`taste: risk+1 ${id}-1`))).toContain('reserved name');
      expect(reasonOf(parseTag(`dimension: ${id} = A / B`))).toContain('reserved name');
      expect(reasonOf(parseTag(`poster: assets/p.png when ${id}+`))).toContain('reserved name');
    }
    // only the exact names: ids that merely contain them stay usable
    expect(parseTag('taste: constructors+1 proto+1')).toEqual({
      kind: 'taste',
      weights: { constructors: 1, proto: 1 },
    });
  });

  it('refuses a weight that reads as an infinite number, alone or added up', () => {
    const huge = '9'.repeat(400);
    expect(reasonOf(parseTag(`taste: risk+${huge}`))).toMatch(/too large to be a number/);
    expect(reasonOf(parseTag(`taste: risk-${huge}.5`))).toMatch(/too large/);
    const big = '1' + '0'.repeat(308);
    expect(Number(big)).toBeLessThan(Infinity);
    expect(reasonOf(parseTag(`taste: risk+${big} risk+${big}`))).toMatch(/too large/);
  });

  it('gives finite weights for every taste it accepts (property)', () => {
    const digits = fc.stringMatching(/^[0-9]{1,400}$/);
    const number = fc.oneof(
      digits,
      fc.tuple(digits, fc.stringMatching(/^[0-9]{0,30}$/)).map(([a, b]) => `${a}.${b}`),
      fc.stringMatching(/^\.[0-9]{1,40}$/),
      fc.constant(''),
    );
    const term = fc
      .tuple(fc.constantFrom('risk', 'horror', 'a_b', 'x-y'), fc.constantFrom('+', '-'), number)
      .map(([d, s, n]) => `${d}${s}${n}`);
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 6 }), (terms) => {
        const d = parseTag(`taste: ${terms.join(' ')}`);
        if (d.kind === 'taste') {
          for (const w of Object.values(d.weights)) expect(Number.isFinite(w)).toBe(true);
        } else {
          expect(d.kind).toBe('invalid');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('rejects taste terms without a sign, without a dimension or with a bad number', () => {
    expect(reasonOf(parseTag('taste: risk'))).toMatch(/"risk" is not a taste term/);
    expect(reasonOf(parseTag('taste: +1'))).toMatch(/"\+1" is not a taste term/);
    expect(reasonOf(parseTag('taste: risk+-1'))).toMatch(/not a taste term/);
    expect(reasonOf(parseTag('taste: risk+1 lots'))).toMatch(/"lots" is not a taste term/);
    expect(reasonOf(parseTag('taste:'))).toMatch(/needs/);
  });

  it('reads default as the flag for the timeout option', () => {
    expect(parseTag('default')).toEqual({ kind: 'default' });
    expect(parseTag('  DEFAULT ')).toEqual({ kind: 'default' });
  });

  it('sums the taste directives among the tags of an option', () => {
    const directives = parseTags(['taste: risk+1', 'default', 'taste: risk+0.5 horror-1', 'x']);
    expect(tasteOf(directives)).toEqual({ risk: 1.5, horror: -1 });
    expect(tasteOf(parseTags(['default']))).toEqual({});
  });
});

describe('keys, unknown tags and robustness', () => {
  it('matches keys without regard to case', () => {
    expect(parseTag('TiTlE: x')).toEqual({ kind: 'title', value: 'x' });
    expect(parseTag('background: a.png')).toEqual(parseTag('BACKGROUND: a.png'));
    expect(parseTag('Taste: risk+1')).toEqual({ kind: 'taste', weights: { risk: 1 } });
    expect(parseTag('clear')).toEqual({ kind: 'clear' });
  });

  it('reports unknown tags with their key, value and raw text', () => {
    expect(parseTag('frobnicate: 3')).toEqual({
      kind: 'unknown',
      key: 'frobnicate',
      value: '3',
      raw: 'frobnicate: 3',
    });
    expect(parseTag('pic8red.jpg')).toEqual({
      kind: 'unknown',
      key: 'pic8red.jpg',
      value: null,
      raw: 'pic8red.jpg',
    });
  });

  it('reports a known key without its value as invalid, naming the key', () => {
    for (const key of ['title', 'author', 'IMAGE', 'AUDIO', 'CLASS', 'speaker', 'scene']) {
      const d = parseTag(`${key}:`);
      expect(reasonOf(d)).toContain(`"${key.toLowerCase()}" needs`);
    }
  });

  it('parses a null or missing tag list as no directives', () => {
    expect(parseTags(null)).toEqual([]);
    expect(parseTags(undefined)).toEqual([]);
  });

  it('never throws and always returns a known directive kind, for any text', () => {
    const kinds = new Set([
      'title',
      'author',
      'dimension',
      'poster',
      'theme',
      'timer',
      'backdrop',
      'image',
      'speaker',
      'audio',
      'clear',
      'restart',
      'class',
      'pause',
      'taste',
      'default',
      'unknown',
      'invalid',
    ]);
    const keys = fc.constantFrom(
      'title',
      'dimension',
      'poster',
      'timer',
      'pause',
      'taste',
      'BACKGROUND',
      'bg',
      'AUDIOLOOP',
      'IMAGE',
      'whatever',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(keys, fc.string()).map(([k, v]) => `${k}:${v}`),
        ),
        (tag) => {
          const d = parseTag(tag);
          expect(kinds.has(d.kind)).toBe(true);
          if (d.kind === 'timer' && d.seconds !== null) expect(d.seconds).toBeGreaterThan(0);
          if (d.kind === 'taste') {
            for (const w of Object.values(d.weights)) expect(Number.isFinite(w)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('scene parameters, transitions and looks', () => {
  it('reads time and weather after a scene name', () => {
    expect(parseTag('scene: Street time=Dawn weather=rain')).toEqual({
      kind: 'backdrop',
      backdrop: { type: 'scene', name: 'street', params: { time: 'dawn', weather: 'rain' } },
    });
  });

  it('keeps unknown parameters for the checker to report', () => {
    const d = parseTag('scene: street mood=grim loud');
    expect(d.kind === 'backdrop' && d.backdrop.type === 'scene' ? d.backdrop.params : null).toEqual(
      {
        mood: 'grim',
        loud: '',
      },
    );
  });

  it('reads a transition and refuses an unknown one', () => {
    expect(parseTag('transition: Dip')).toEqual({ kind: 'transition', style: 'dip' });
    expect(reasonOf(parseTag('transition: slow'))).toMatch(/cut, fade, dip, wipe/);
  });

  it('reads a look and puts it in the story metadata', () => {
    expect(parseTag('look: crt-1986')).toEqual({ kind: 'look', value: 'crt-1986' });
    expect(reasonOf(parseTag('look: sepia'))).toMatch(/crt-1986/);
  });
});
