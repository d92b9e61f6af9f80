// The home screen in jsdom: a card per story in the given order, posters, progress and the reasons.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/profile/claims.ts';
import { cardReason, progressOf, renderHome, type StoryCard } from '../../src/ui/home.ts';

function card(over: Partial<StoryCard> = {}): StoryCard {
  return {
    id: 'night-shift',
    title: 'Night Shift',
    author: 'inkreel contributors',
    posterUrl: '/assets/poster.png',
    posterVariant: null,
    progress: null,
    reason: null,
    ...over,
  };
}

describe('where the player left a story', () => {
  const save = { snapshots: ['a', 'b', 'c'], savedAt: '2024-01-02T00:00:00.000Z' };

  it('is the decision of the autosave when there is no later ending', () => {
    expect(progressOf(save, null)).toEqual({ kind: 'saved', decision: 3 });
    expect(progressOf(save, '2024-01-01T00:00:00.000Z')).toEqual({ kind: 'saved', decision: 3 });
  });

  it('is finished when an ending came after the last save or there is no save', () => {
    expect(progressOf(save, '2024-01-03T00:00:00.000Z')).toEqual({ kind: 'finished' });
    expect(progressOf(null, '2024-01-03T00:00:00.000Z')).toEqual({ kind: 'finished' });
  });

  it('is nothing for a story never played', () => {
    expect(progressOf(null, null)).toBeNull();
  });
});

describe('the home screen', () => {
  it('shows one linked card per story in the order given, with poster, title, author and progress', () => {
    const home = renderHome({
      cards: [
        card({
          id: 'tapeloop',
          title: 'Tapeloop',
          blurb: '1986. A game that writes back.',
          progress: { kind: 'finished' },
        }),
        card({ progress: { kind: 'saved', decision: 4 }, posterUrl: null }),
      ],
      profileName: 'Ada',
      personalised: true,
    });
    const cards = [...home.querySelectorAll('.story-card')];
    expect(cards.map((c) => c.getAttribute('data-story'))).toEqual(['tapeloop', 'night-shift']);
    expect(cards[0]?.querySelector('a')?.getAttribute('href')).toBe('#/story/tapeloop');
    expect(cards[0]?.querySelector('img.poster')?.getAttribute('src')).toBe('/assets/poster.png');
    expect(cards[0]?.querySelector('.story-progress')?.textContent).toBe('Finished');
    expect(cards[0]?.querySelector('.story-blurb')?.textContent).toBe(
      '1986. A game that writes back.',
    );
    expect(cards[1]?.querySelector('.story-blurb')).toBeNull();
    expect(cards[1]?.querySelector('img')).toBeNull();
    expect(cards[1]?.querySelector('.poster-blank')).not.toBeNull();
    expect(cards[1]?.querySelector('.story-author')?.textContent).toBe('by inkreel contributors');
    expect(cards[1]?.querySelector('.story-progress')?.textContent).toBe(
      'Saved at decision 4 · resume',
    );
    expect(home.textContent).toContain('Playing as Ada');
  });

  it('marks a variant poster and carries one short reason chip linking to the report', () => {
    const home = renderHome({
      cards: [
        card({
          posterUrl: '/assets/poster-empathy.png',
          posterVariant: 'empathy+',
          reason: 'Because you lean Warmth',
        }),
        card({ id: 'tapeloop' }),
      ],
      profileName: null,
      personalised: true,
    });
    expect(home.querySelector('img.poster')?.getAttribute('data-variant')).toBe('empathy+');
    const chips = home.querySelectorAll('.story-why');
    expect(chips).toHaveLength(1);
    const chip = chips[0]?.querySelector('a.reason-chip');
    expect(chip?.textContent).toBe('Because you lean Warmth');
    expect(chip?.getAttribute('href')).toBe('#/report');
    expect(home.textContent).not.toMatch(/Why here|Fit \d|fit \d/);
  });

  it('says personalisation is off and shows no reasons when it is off', () => {
    const home = renderHome({
      cards: [card()],
      profileName: null,
      personalised: false,
    });
    expect(home.querySelector('.home-personalisation')?.textContent).toContain(
      'Personalisation is off',
    );
    expect(home.querySelector('img.poster')?.getAttribute('data-variant')).toBe('default');
    expect(home.querySelector('.story-why')).toBeNull();
  });

  it('shows story text as text, never as markup', () => {
    const home = renderHome({
      cards: [card({ title: '<img src=x onerror=alert(1)>' })],
      profileName: null,
      personalised: false,
    });
    expect(home.querySelector('.story-title')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(home.querySelectorAll('img')).toHaveLength(1);
  });
});

describe('a card’s one reason', () => {
  const claim = (over: Partial<Claim>): Claim => ({
    id: 'empathy',
    positive: 'Warmth',
    negative: 'Detachment',
    pole: '+',
    level: 'likely',
    probability: 0.97,
    decisions: 12,
    distinctDecisions: 10,
    interval: [0.3, 1.4],
    estimate: 0.8,
    ...over,
  });
  const variant = {
    isVariant: true,
    basis: {
      dimension: 'empathy',
      pole: '+' as const,
      label: 'Warmth',
      probability: 0.97,
      decisions: 12,
    },
    score: 0.5,
    terms: [],
  };

  it('is the variant poster’s claim when that claim is likely or sure', () => {
    expect(cardReason(variant, [claim({})])).toBe('Because you lean Warmth');
    expect(cardReason(variant, [claim({ level: 'sure', probability: 0.995 })])).toBe(
      'Because you lean Warmth',
    );
  });

  it('is nothing for a hint, a claim on the other pole, or an unpersonalised card', () => {
    expect(cardReason(variant, [claim({ level: 'hint', probability: 0.85 })])).toBeNull();
    expect(cardReason(variant, [claim({ pole: '-' })])).toBeNull();
    expect(
      cardReason({ isVariant: false, basis: null, score: 0, terms: [] }, [claim({})]),
    ).toBeNull();
  });

  it('falls back to the firmest claim among the leans that moved the story up', () => {
    const story = {
      isVariant: false,
      basis: null,
      score: 1.1,
      terms: [
        {
          dimension: 'risk',
          label: 'Caution',
          poles: 'Thrill-seeking / Caution',
          summary: '',
          contribution: 0.6,
        },
        {
          dimension: 'empathy',
          label: 'Warmth',
          poles: 'Warmth / Detachment',
          summary: '',
          contribution: 0.5,
        },
      ],
    };
    const risk = claim({
      id: 'risk',
      positive: 'Thrill-seeking',
      negative: 'Caution',
      pole: '-',
      level: 'hint',
    });
    expect(cardReason(story, [risk, claim({})])).toBe('Because you lean Warmth');
  });
});
