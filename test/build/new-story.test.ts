// `story new`: a story from the template that uses every tag, passes the checker, and never
// overwrites a folder that exists.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/build/check.ts';
import { compileInk } from '../../src/build/compile-ink.ts';
import { exploreJson } from '../../src/build/explore.ts';
import { newStory, titleOf } from '../../src/build/new-story.ts';
import { parseTag } from '../../src/core/tags.ts';
import { scanStory } from '../../src/build/story-build.ts';

describe('newStory', () => {
  const stories = mkdtempSync(join(tmpdir(), 'inkreel-new-'));
  const made = newStory(stories, 'the-long-night');

  it('creates main.ink and its assets with a title from the id', () => {
    expect(made.ok).toBe(true);
    const source = readFileSync(join(stories, 'the-long-night', 'main.ink'), 'utf8');
    expect(source.startsWith('# title: The Long Night\n')).toBe(true);
  });

  it('makes a story the checker passes with no findings at all', () => {
    expect(checkStory(stories, 'the-long-night').findings).toEqual([]);
  });

  it('uses every tag of the authoring contract', () => {
    const entry = join(stories, 'the-long-night', 'main.ink');
    const compiled = compileInk(entry);
    const tags = scanStory(entry, compiled.files).tags;
    expect(tags.filter((t) => parseTag(t.raw).kind === 'unknown')).toEqual([]);
    const used = tags.map((t) => t.raw.split(':')[0]?.trim().toLowerCase());
    for (const key of [
      'title',
      'author',
      'dimension',
      'timer',
      'poster',
      'theme',
      'scene',
      'background',
      'bg',
      'image',
      'speaker',
      'audio',
      'audioloop',
      'clear',
      'restart',
      'class',
      'pause',
      'taste',
      'default',
    ])
      expect(used, key).toContain(key);
  });

  it('plays to an ending in every playthrough the explorer tries', () => {
    const json = compileInk(join(stories, 'the-long-night', 'main.ink'), {
      countAllVisits: true,
    }).json;
    expect(json).not.toBeNull();
    const report = exploreJson(json ?? '', { seed: 3, runs: 30 });
    expect(report.errors).toEqual([]);
    expect(report.unvisited).toEqual([]);
    expect(report.endings.length).toBeGreaterThan(0);
  });

  it('refuses to overwrite a story that exists and leaves it untouched', () => {
    const main = join(stories, 'the-long-night', 'main.ink');
    writeFileSync(main, '// mine\n');
    const again = newStory(stories, 'the-long-night');
    expect(again.ok).toBe(false);
    expect(readFileSync(main, 'utf8')).toBe('// mine\n');
  });

  it('refuses an id that is not a folder name', () => {
    expect(newStory(stories, '../escape')).toMatchObject({ ok: false });
    expect(titleOf('low_tide-2')).toBe('Low Tide 2');
  });
});
