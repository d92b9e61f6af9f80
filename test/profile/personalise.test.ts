// Personalisation, explained: poster variants only on a claimed lean (likely or sure), stories
// ordered by the claimed leans they let the player act on, then unplayed before finished.
import { describe, expect, it } from 'vitest';
import type { DimensionDecl, StoryMeta } from '../../src/core/model.ts';
import { claimsFor } from '../../src/profile/claims.ts';
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

/** n picks of the bolder option, which sits first and second in turn (no position habit). */
const daring = (n: number, bold = true) =>
  Array.from({ length: n }, (_, i) => {
    const first = i % 2 === 0;
    const options = first ? [{ risk: 1 }, { risk: -1 }] : [{ risk: -1 }, { risk: 1 }];
    return choice(options, first === bold ? 0 : 1);
  });

const claims = (events: ReturnType<typeof daring>) => claimsFor(events, [RISK, HORROR]);

describe('choosePoster', () => {
  it('shows the variant of the pole a likely-or-sure claim stands on, with the reason', () => {
    const pick = choosePoster(heist, claims(daring(16)));
    expect(pick.poster?.path).toBe('assets/bold.png');
    expect(pick.isVariant).toBe(true);
    expect(['likely', 'sure']).toContain(pick.basis?.level);
    expect(pick.basis?.probability).toBeGreaterThanOrEqual(0.95);
    expect(pick.basis?.decisions).toBe(16);
    expect(pick.reason).toBe('Because you lean Thrill-seeking');
  });

  it('shows the negative pole’s variant for a lean the other way', () => {
    expect(choosePoster(heist, claims(daring(16, false))).poster?.path).toBe('assets/calm.png');
  });

  it('keeps the default on a hint: three decisions are not a claim', () => {
    const few = claims(daring(3));
    expect(['likely', 'sure']).not.toContain(few.find((c) => c.id === 'risk')?.level);
    const pick = choosePoster(heist, few);
    expect(pick.poster?.path).toBe('assets/p.png');
    expect(pick.isVariant).toBe(false);
    expect(pick.reason).toMatch(/no lean a variant is drawn for is clear yet/);
  });

  it('gives the default poster and says personalisation is off when it is switched off', () => {
    const pick = choosePoster(heist, claims(daring(16)), { personalisation: false });
    expect(pick.poster?.path).toBe('assets/p.png');
    expect(pick.reason).toMatch(/personalisation is off/);
  });
});

describe('personalise', () => {
  const strong = claims(daring(16));

  it('orders the stories that let the player act on a claimed lean first, and says why', () => {
    const p = personalise([manor, heist], strong);
    expect(p.enabled).toBe(true);
    expect(p.stories.map((s) => s.storyId)).toEqual(['heist', 'manor']);
    expect(p.stories.map((s) => s.rank)).toEqual([1, 2]);
    expect(p.stories[0]?.score).toBe(1);
    expect(p.stories[0]?.orderReason).toBe('Because you lean Thrill-seeking');
    expect(p.stories[1]?.score).toBe(0);
    expect(p.stories[1]?.catalogueIndex).toBe(0);
  });

  it('puts unplayed stories before finished ones when no lean says otherwise', () => {
    const other = story('other', [HORROR], []);
    const none = claims(daring(2));
    const p = personalise([manor, other, heist], none, { finished: new Set(['manor']) });
    expect(p.stories.map((s) => s.storyId)).toEqual(['other', 'heist', 'manor']);
    expect(p.stories.map((s) => s.finished)).toEqual([false, false, true]);
    expect(p.stories[0]?.orderReason).toBe('not finished yet');
    // a claimed lean the finished story lets the player act on outranks being unplayed
    const q = personalise([other, heist], strong, { finished: new Set(['heist']) });
    expect(q.stories.map((s) => s.storyId)).toEqual(['heist', 'other']);
  });

  it('keeps catalogue order among stories of equal standing', () => {
    const other = story('other', [HORROR], []);
    const p = personalise([other, manor], strong);
    expect(p.stories.map((s) => s.storyId)).toEqual(['other', 'manor']);
    expect(p.stories[0]?.poster).toBeNull();
    expect(p.stories[0]?.reason).toBe('the story declares none');
  });

  it('returns default posters and catalogue order with the reason when switched off', () => {
    const p = personalise([manor, heist], strong, { personalisation: false });
    expect(p.enabled).toBe(false);
    expect(p.reason).toBe('personalisation is off');
    expect(p.stories.map((s) => s.storyId)).toEqual(['manor', 'heist']);
    expect(p.stories.map((s) => s.poster?.path)).toEqual(['assets/m.png', 'assets/p.png']);
    expect(p.stories.every((s) => s.orderReason.startsWith('personalisation is off'))).toBe(true);
  });
});
