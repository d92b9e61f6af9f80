// The home screen in jsdom: a featured banner, rows (Continue, Because you lean …, All stories) of
// uncropped posters with their facts, one reason chip per personalised card, keyboard rows, search.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/profile/claims.ts';
import {
  cardReason,
  progressOf,
  renderHome,
  SEARCH_FROM,
  type HomeModel,
  type StoryCard,
} from '../../src/ui/home.ts';

function card(over: Partial<StoryCard> = {}): StoryCard {
  return {
    id: 'night-shift',
    title: 'Night Shift',
    author: 'inkreel contributors',
    posterUrl: '/assets/poster.png',
    posterVariant: null,
    progress: null,
    ...over,
  };
}

const model = (over: Partial<HomeModel> = {}): HomeModel => ({
  cards: [card()],
  featured: null,
  profileName: null,
  personalised: true,
  ...over,
});

const rowIds = (home: HTMLElement, row: string) =>
  [...home.querySelectorAll(`[data-row="${row}"] .story-card`)].map((c) =>
    c.getAttribute('data-story'),
  );

describe('where the player left a story', () => {
  const save = { snapshots: ['a', 'b', 'c'], savedAt: '2024-01-02T00:00:00.000Z' };

  it('is the decision of the autosave when there is no later ending', () => {
    expect(progressOf(save, null)).toEqual({ kind: 'saved', decision: 3, chapter: null });
    expect(progressOf(save, '2024-01-01T00:00:00.000Z', 'Halcyon')).toEqual({
      kind: 'saved',
      decision: 3,
      chapter: 'Halcyon',
    });
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
  const tapeloop = card({
    id: 'tapeloop',
    title: 'Tapeloop',
    blurb: '1986. A game that writes back.',
    progress: { kind: 'saved', decision: 4, chapter: 'Halcyon' },
    savedAt: '2024-01-02T00:00:00.000Z',
    length: { decisions: 30, minutes: 21.6 },
    chapters: { reached: 2, total: 4 },
    endings: { found: 1, total: 7 },
  });
  const lowTide = card({
    id: 'low-tide',
    title: 'Low Tide',
    progress: { kind: 'saved', decision: 2 },
    savedAt: '2024-01-03T00:00:00.000Z',
  });
  const nightShift = card({ progress: { kind: 'finished' }, posterUrl: null });

  it('has a Continue row, newest save first, showing where, and an All row in the given order', () => {
    const home = renderHome(model({ cards: [tapeloop, nightShift, lowTide] }));
    expect(rowIds(home, 'continue')).toEqual(['low-tide', 'tapeloop']);
    expect(rowIds(home, 'all')).toEqual(['tapeloop', 'night-shift', 'low-tide']);
    const first = home.querySelector('[data-row="all"] .story-card');
    expect(first?.querySelector('.story-facts')?.textContent).toBe(
      'About 22 min · Halcyon, decision 4 · Chapters 2 of 4 · Endings found 1 of 7',
    );
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('#/story/tapeloop');
    // the link's name is its words, the poster being decoration: title, author, facts
    const words = first?.querySelector('a')?.textContent ?? '';
    expect(words).toContain('Tapeloop');
    expect(words).toContain('by inkreel contributors');
    expect(words).toContain('About 22 min');
    expect(first?.querySelector('a')?.hasAttribute('aria-label')).toBe(false);

    const finished = home.querySelector('[data-row="all"] [data-story="night-shift"]');
    expect(finished?.querySelector('.story-facts')?.textContent).toBe('Finished');
    expect(finished?.querySelector('.poster-blank')?.textContent).toBe('Night Shift');
  });

  it('shows posters whole, at 2:3, with their srcset', () => {
    const home = renderHome(
      model({ cards: [card({ posterSrcset: '/p.webp 300w, /p@2x.webp 600w' })] }),
    );
    const img = home.querySelector('img.poster');
    expect(img?.getAttribute('width')).toBe('300');
    expect(img?.getAttribute('height')).toBe('450');
    expect(img?.getAttribute('srcset')).toBe('/p.webp 300w, /p@2x.webp 600w');
  });

  it('features a story in a banner with Play or Continue and a link to its title screen', () => {
    const home = renderHome(
      model({
        cards: [tapeloop, nightShift],
        featured: { card: tapeloop, bannerUrl: '/wide.webp', label: 'Featured' },
      }),
    );
    const banner = home.querySelector('.banner');
    expect(banner?.querySelector('h2')?.textContent).toBe('Tapeloop');
    expect(banner?.querySelector('img.banner-art')?.getAttribute('src')).toBe('/wide.webp');
    expect(banner?.textContent).toContain('1986. A game that writes back.');
    const actions = [...(banner?.querySelectorAll('.banner-actions a') ?? [])];
    expect(actions.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Continue', '#/play/tapeloop'],
      ['About this story', '#/story/tapeloop'],
    ]);
  });

  it('gathers personalised stories in a lean row, each with one short reason linking to the report', () => {
    const home = renderHome(
      model({
        cards: [
          nightShift,
          card({ id: 'tutorial', title: 'Tutorial', reason: 'Because you lean Warmth' }),
        ],
      }),
    );
    expect(home.querySelector('[data-row="leans"] h2')?.textContent).toBe(
      'Because you lean Warmth',
    );
    expect(rowIds(home, 'leans')).toEqual(['tutorial']);
    const chips = [...home.querySelectorAll('.reason-chip')];
    expect(chips).toHaveLength(1);
    expect(chips[0]?.getAttribute('href')).toBe('#/report');
    expect(home.textContent).not.toMatch(/Fit \d|Why here/);
  });

  it('shows no lean row and no reasons when personalisation is off', () => {
    const home = renderHome(
      model({ personalised: false, cards: [card({ reason: 'Because you lean Warmth' })] }),
    );
    expect(home.querySelector('[data-row="leans"]')).toBeNull();
    expect(home.querySelector('.reason-chip')).toBeNull();
    expect(home.querySelector('.home-personalisation')?.textContent).toContain(
      'Personalisation is off',
    );
  });

  it('moves between a row’s cards with the arrow keys, Home and End', () => {
    const cards = ['a', 'b', 'c'].map((id) => card({ id, title: id.toUpperCase() }));
    const home = renderHome(model({ cards }));
    document.body.replaceChildren(home);
    const links = [...home.querySelectorAll<HTMLAnchorElement>('[data-row="all"] .story-link')];
    const press = (key: string) =>
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    links[0]?.focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(links[1]);
    press('End');
    expect(document.activeElement).toBe(links[2]);
    press('ArrowRight');
    expect(document.activeElement).toBe(links[2]);
    press('Home');
    expect(document.activeElement).toBe(links[0]);
    press('ArrowLeft');
    expect(document.activeElement).toBe(links[0]);
  });

  it(`offers a search once there are more than ${SEARCH_FROM} stories, filtering every row`, () => {
    const few = renderHome(model({ cards: [card()] }));
    expect(few.querySelector('input[type="search"]')).toBeNull();
    const many = Array.from({ length: SEARCH_FROM + 5 }, (_, i) =>
      card({ id: `s${i}`, title: i === 7 ? 'The Lighthouse Keeper' : `Story ${i}` }),
    );
    const home = renderHome(model({ cards: many }));
    const input = home.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search');
    expect(home.querySelector('label[for="home-search"]')?.textContent).toBe('Search stories');
    input.value = 'lighthouse';
    input.dispatchEvent(new Event('input'));
    const visible = [...home.querySelectorAll<HTMLElement>('[data-row="all"] .story-card')].filter(
      (li) => !li.hidden,
    );
    expect(visible.map((li) => li.dataset.story)).toEqual(['s7']);
    expect(home.querySelector('[role="status"]')?.textContent).toBe('1 of 17 stories match');
  });

  it('shows story text as text, never as markup', () => {
    const home = renderHome(model({ cards: [card({ title: '<img src=x onerror=alert(1)>' })] }));
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
