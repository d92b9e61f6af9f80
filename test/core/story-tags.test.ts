// The story-structure tags of DESIGN.md §2: chapter, ending and blurb, parsed and never throwing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTag, storyMetaFromTags } from '../../src/core/tags.ts';

describe('chapter, ending and blurb tags', () => {
  it('reads a chapter title, an ending name and a blurb with their text kept', () => {
    expect(parseTag('chapter: Halcyon')).toEqual({ kind: 'chapter', title: 'Halcyon' });
    expect(parseTag('ending: Level Nine')).toEqual({ kind: 'ending', name: 'Level Nine' });
    expect(parseTag('blurb: One night. Two doors: choose.')).toEqual({
      kind: 'blurb',
      value: 'One night. Two doors: choose.',
    });
  });

  it('matches the keys without regard to case and folds runs of spaces into one', () => {
    expect(parseTag('CHAPTER:   The   Roof ')).toEqual({ kind: 'chapter', title: 'The Roof' });
    expect(parseTag('Ending: Out\tof  Season')).toEqual({ kind: 'ending', name: 'Out of Season' });
  });

  it('reports a chapter, ending or blurb with no text as invalid, naming what is missing', () => {
    expect(parseTag('chapter:')).toMatchObject({ kind: 'invalid', key: 'chapter' });
    expect(parseTag('ending')).toMatchObject({ kind: 'invalid', reason: '"ending" needs a name' });
    expect(parseTag('blurb:   ')).toMatchObject({ kind: 'invalid', key: 'blurb' });
  });

  it('keeps markup in a title as plain text (it is data, never HTML)', () => {
    expect(parseTag('chapter: <b>Bold</b> & co')).toEqual({
      kind: 'chapter',
      title: '<b>Bold</b> & co',
    });
  });

  it('puts the last blurb of the global tags on the story meta, and null when there is none', () => {
    const meta = storyMetaFromTags('x', ['title: X', 'blurb: First.', 'blurb: Second.'], 'v');
    expect(meta.blurb).toBe('Second.');
    expect(storyMetaFromTags('x', ['title: X'], 'v').blurb).toBeNull();
  });

  it('never throws on any value of the new tags, and a non-blank value always keeps its words', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('chapter', 'ending', 'blurb', 'Chapter', 'ENDING'),
        fc.string(),
        fc.constantFrom(':', ': ', ' : '),
        (key, value, sep) => {
          const d = parseTag(`${key}${sep}${value}`);
          expect(['chapter', 'ending', 'blurb', 'invalid']).toContain(d.kind);
          if (d.kind === 'invalid') return;
          const text = d.kind === 'chapter' ? d.title : d.kind === 'ending' ? d.name : '';
          const shown = d.kind === 'blurb' ? d.value : text;
          expect(shown).toBe(
            value
              .split(/\s+/)
              .filter((w) => w !== '')
              .join(' '),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
