// Personalisation, explained: poster variants shown only on a confident lean, stories ordered by fit.
import { describe, expect, it } from 'vitest';
import type { DimensionDecl, StoryMeta } from '../../src/core/model.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import { choosePoster, personalise } from '../../src/profile/personalise.ts';
import { choice } from './inference-synthetic.ts';

const RISK: DimensionDecl = { id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' };
const HORROR: DimensionDecl = { id: 'horror', positive: 'Dread', negative: 'Comfort' };

function story(id: string, dimensions: DimensionDecl[], posters: StoryMeta['posters']): StoryMeta {
  return {
    id,
    title: id,
    author: 'a',
    dimensions,
    timerSeconds: undefined,
    posters,
    theme: null,
    version: 'v',
  };
}

const heist = story(
  'heist',
  [RISK],
  [
    { path: 'assets/p.png', when: null },
    { path: 'assets/bold.png', when: { dimension: 'risk', pole: '+' } },
    { path: 'assets/calm.png', when: { dimension: 'risk', pole: '-' } },
  ],
);
const manor = story('manor', [HORROR], [{ path: 'assets/m.png', when: null }]);

const daring = (n: number) =>
  Array.from({ length: n }, () => choice([{ risk: 1 }, { risk: -1 }], 0));

describe('choosePoster', () => {
  it('shows the variant of the pole the profile leans to, with the reason', () => {
    const pick = choosePoster(heist, fitProfile(daring(6), [RISK]));
    expect(pick.poster?.path).toBe('assets/bold.png');
    expect(pick.isVariant).toBe(true);
    expect(pick.basis?.probability).toBeGreaterThanOrEqual(0.8);
    expect(pick.reason).toMatch(
      /^shown because your choices lean toward Thrill-seeking \(\d+% sure, from 6 decisions/,
    );
  });

  it('shows the negative pole’s variant for a lean the other way', () => {
    const cautious = Array.from({ length: 6 }, () => choice([{ risk: 1 }, { risk: -1 }], 1));
    expect(choosePoster(heist, fitProfile(cautious, [RISK])).poster?.path).toBe('assets/calm.png');
  });

  it('keeps the default while too few decisions bear on the dimension', () => {
    const pick = choosePoster(heist, fitProfile(daring(2), [RISK]), { minProbability: 0.5 });
    expect(pick.poster?.path).toBe('assets/p.png');
    expect(pick.isVariant).toBe(false);
    expect(pick.reason).toMatch(/2 decisions on it, needs 3/);
  });

  it('keeps the default while the lean is not confident enough', () => {
    const mixed = [
      ...daring(3),
      ...Array.from({ length: 2 }, () => choice([{ risk: 1 }, { risk: -1 }], 1)),
    ];
    const pick = choosePoster(heist, fitProfile(mixed, [RISK]));
    expect(pick.poster?.path).toBe('assets/p.png');
    expect(pick.reason).toMatch(/needs 80%/);
  });

  it('gives the default poster and says personalisation is off when it is switched off', () => {
    const pick = choosePoster(heist, fitProfile(daring(10), [RISK]), { personalisation: false });
    expect(pick.poster?.path).toBe('assets/p.png');
    expect(pick.reason).toMatch(/personalisation is off/);
  });
});

describe('personalise', () => {
  const result = fitProfile(daring(8), [RISK, HORROR]);

  it('orders the stories that let the player act on a clear lean first, and says why', () => {
    const p = personalise([manor, heist], result);
    expect(p.enabled).toBe(true);
    expect(p.stories.map((s) => s.storyId)).toEqual(['heist', 'manor']);
    expect(p.stories.map((s) => s.rank)).toEqual([1, 2]);
    expect(p.stories[0]?.score).toBeGreaterThan(0);
    expect(p.stories[0]?.orderReason).toMatch(
      /^fit \d+\.\d\d: it explores Thrill-seeking \/ Caution \(leans \w* ?toward Thrill-seeking, (fairly|very) sure\)$/,
    );
    expect(p.stories[1]?.score).toBe(0);
    expect(p.stories[1]?.catalogueIndex).toBe(0);
  });

  it('keeps catalogue order among stories of equal fit', () => {
    const other = story('other', [HORROR], []);
    const p = personalise([other, manor], result);
    expect(p.stories.map((s) => s.storyId)).toEqual(['other', 'manor']);
    expect(p.stories[0]?.poster).toBeNull();
  });

  it('returns default posters and catalogue order with the reason when switched off', () => {
    const p = personalise([manor, heist], result, { personalisation: false });
    expect(p.enabled).toBe(false);
    expect(p.reason).toBe('personalisation is off');
    expect(p.stories.map((s) => s.storyId)).toEqual(['manor', 'heist']);
    expect(p.stories.map((s) => s.poster?.path)).toEqual(['assets/m.png', 'assets/p.png']);
    expect(p.stories.every((s) => s.orderReason.startsWith('personalisation is off'))).toBe(true);
  });
});
