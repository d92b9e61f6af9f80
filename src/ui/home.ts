// The home screen, laid out like a streaming service's front door: a featured story in a banner,
// then rows (Continue, Because you lean …, All stories) of uncropped 2:3 posters, each card with its
// length, the chapters reached and the endings found. Rows scroll sideways (snapping on a phone) and
// take the arrow keys; a search appears once the catalogue is longer than a screen's worth.
import type { TypicalLength } from '../core/model.ts';
import type { Claim } from '../profile/claims.ts';
import { claimReason } from '../profile/claim-words.ts';
import { h } from './dom.ts';
import { hrefFor } from './routes.ts';
import './home.css';

/** Where this profile left a story. */
export type StoryProgress =
  | { readonly kind: 'saved'; readonly decision: number; readonly chapter?: string | null }
  | { readonly kind: 'finished' }
  | null;

export interface StoryCard {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** the story's `blurb` tag, when it has one */
  readonly blurb?: string | null;
  /** image URL for the poster, if any */
  readonly posterUrl: string | null;
  /** the poster at other densities (width descriptors), when there are several */
  readonly posterSrcset?: string | null;
  /** the pole a variant poster was chosen for, e.g. "empathy+"; null for the default poster */
  readonly posterVariant: string | null;
  readonly progress: StoryProgress;
  /** when its save was written (ISO), to put the most recent first in Continue */
  readonly savedAt?: string | null;
  /** the usual length of a playthrough, measured at build time */
  readonly length?: TypicalLength | null;
  /** chapters this profile reached, of the story's chapters (total 0: the story has none) */
  readonly chapters?: { readonly reached: number; readonly total: number };
  /** endings this profile found, of the story's endings */
  readonly endings?: { readonly found: number; readonly total: number };
  /** one short reason, when personalisation placed the story for a lean ("Because you lean …") */
  readonly reason?: string | null;
}

/** The banner's story, with its wide key art. */
export interface FeaturedStory {
  readonly card: StoryCard;
  readonly bannerUrl: string | null;
  readonly bannerSrcset?: string | null;
  /** why it is featured: "Picked for you" or "Featured" */
  readonly label: string;
}

export interface HomeModel {
  /** every story, in the order personalisation chose (catalogue order when it is off) */
  readonly cards: readonly StoryCard[];
  readonly featured: FeaturedStory | null;
  readonly profileName: string | null;
  /** whether posters and order follow the profile */
  readonly personalised: boolean;
}

/** More stories than this, and the home offers a search. */
export const SEARCH_FROM = 12;

/** What a card's reason is read from (a StoryPersonalisation has all of it). */
export interface CardBasis {
  readonly isVariant: boolean;
  readonly basis: { readonly dimension: string; readonly pole: '+' | '-' } | null;
  readonly score: number;
  readonly terms: readonly { readonly dimension: string }[];
}

/**
 * The card's one reason: the claim behind its variant poster, else the firmest claim among the
 * leans that moved it up; only `likely` or `sure` claims give a reason (claimReason), so a hint
 * never shows on the home screen.
 */
export function cardReason(story: CardBasis, claims: readonly Claim[]): string | null {
  const byId = new Map(claims.map((c) => [c.id, c]));
  if (story.isVariant && story.basis) {
    const claim = byId.get(story.basis.dimension);
    if (claim && claim.pole === story.basis.pole) return claimReason(claim);
  }
  if (story.score <= 0) return null;
  for (const term of story.terms) {
    const claim = byId.get(term.dimension);
    const reason = claim ? claimReason(claim) : null;
    if (reason) return reason;
  }
  return null;
}

/**
 * A story counts as finished when its latest ending came after its latest autosave (the save stays
 * after an ending, at the last decision); a save made later means the player started again.
 */
export function progressOf(
  save: { readonly snapshots: readonly unknown[]; readonly savedAt: string } | null,
  lastEndedAt: string | null,
  chapter: string | null = null,
): StoryProgress {
  if (lastEndedAt !== null && (save === null || lastEndedAt >= save.savedAt))
    return { kind: 'finished' };
  if (save === null || save.snapshots.length === 0) return null;
  return { kind: 'saved', decision: save.snapshots.length, chapter };
}

function lengthText(length: TypicalLength | null | undefined): string | null {
  if (!length) return null;
  const minutes = Math.max(1, Math.round(length.minutes));
  return `About ${minutes} min`;
}

function progressText(progress: StoryProgress): string | null {
  if (progress === null) return null;
  if (progress.kind === 'finished') return 'Finished';
  const where = progress.chapter ? `${progress.chapter}, decision` : 'Decision';
  return `${where} ${progress.decision}`;
}

/** The facts under a card's title, each short: length, where the player is, chapters, endings. */
function facts(card: StoryCard): string[] {
  const out: string[] = [];
  const length = lengthText(card.length);
  if (length) out.push(length);
  const progress = progressText(card.progress);
  if (progress) out.push(progress);
  if (card.chapters && card.chapters.total > 0 && card.chapters.reached > 0)
    out.push(`Chapters ${card.chapters.reached} of ${card.chapters.total}`);
  if (card.endings && card.endings.total > 0 && (card.endings.found > 0 || card.progress !== null))
    out.push(`Endings found ${card.endings.found} of ${card.endings.total}`);
  return out;
}

/**
 * Cards past this many in a row load their poster only when scrolled near (Chromium does not load
 * a lazy image scrolled sideways out of a row's view until it nears it).
 */
const EAGER = 24;

function poster(card: StoryCard, eager: boolean): HTMLElement {
  if (!card.posterUrl)
    return h('div', { class: 'poster poster-blank', 'aria-hidden': 'true' }, card.title);
  return h('img', {
    class: 'poster',
    src: card.posterUrl,
    ...(card.posterSrcset
      ? { srcset: card.posterSrcset, sizes: '(max-width: 40rem) 44vw, 13rem' }
      : {}),
    width: 300,
    height: 450,
    // the title is lettered on the art and repeated as text beside it
    alt: '',
    ...(eager ? {} : { loading: 'lazy' }),
    decoding: 'async',
    'data-variant': card.posterVariant ?? 'default',
  });
}

function reasonChip(reason: string): HTMLElement {
  return h('a', { class: 'reason-chip', href: hrefFor({ name: 'report' }) }, reason);
}

function renderCard(card: StoryCard, withReason: boolean, index: number): HTMLElement {
  const lines = facts(card);
  const saved = card.progress?.kind === 'saved';
  return h(
    'li',
    {
      class: 'story-card',
      'data-story': card.id,
      'data-search': [card.title, card.author, card.blurb ?? ''].join(' ').toLowerCase(),
    },
    h(
      'a',
      // its name is its words: title, author and the facts (the poster is decoration)
      { href: hrefFor({ name: 'story', storyId: card.id }), class: 'story-link' },
      poster(card, index < EAGER),
      h('span', { class: 'story-title' }, card.title),
      h('span', { class: 'story-author' }, `by ${card.author}`),
      lines.length > 0 ? h('span', { class: 'story-facts' }, lines.join(' · ')) : null,
      saved ? h('span', { class: 'story-progress', 'data-progress': 'saved' }, 'Resume') : null,
    ),
    withReason && card.reason ? reasonChip(card.reason) : null,
  );
}

/** A row: a heading and a list that scrolls sideways and takes the arrow keys. */
function row(id: string, title: string, cards: readonly StoryCard[], withReason = false) {
  const list = h(
    'ul',
    { class: 'story-row-list', role: 'list', 'aria-labelledby': `row-${id}` },
    ...cards.map((c, i) => renderCard(c, withReason, i)),
  );
  list.addEventListener('keydown', (event) => rowKeys(list, event));
  return h(
    'section',
    { class: 'story-row', 'data-row': id, 'aria-labelledby': `row-${id}` },
    h('h2', { id: `row-${id}`, class: 'story-row-title' }, title),
    list,
  );
}

/** Arrow keys move between the cards of a row; Home and End go to its ends. */
function rowKeys(list: HTMLElement, event: KeyboardEvent): void {
  const links = [...list.querySelectorAll<HTMLAnchorElement>('li:not([hidden]) > .story-link')];
  const at = links.findIndex((a) => a === document.activeElement);
  if (at < 0) return;
  const to =
    event.key === 'ArrowRight'
      ? Math.min(links.length - 1, at + 1)
      : event.key === 'ArrowLeft'
        ? Math.max(0, at - 1)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? links.length - 1
            : null;
  if (to === null) return;
  event.preventDefault();
  // focusing scrolls the row to the card, snapping as a swipe would
  links[to]?.focus();
}

function banner(featured: FeaturedStory): HTMLElement {
  const { card } = featured;
  const saved = card.progress?.kind === 'saved';
  const art = featured.bannerUrl
    ? h('img', {
        class: 'banner-art',
        src: featured.bannerUrl,
        ...(featured.bannerSrcset ? { srcset: featured.bannerSrcset, sizes: '100vw' } : {}),
        width: 1600,
        height: 900,
        alt: '',
        'data-variant': card.posterVariant ?? 'default',
      })
    : card.posterUrl
      ? h('img', { class: 'banner-art banner-art-poster', src: card.posterUrl, alt: '' })
      : null;
  const lines = facts(card);
  return h(
    'section',
    { class: 'banner', 'data-story': card.id, 'aria-labelledby': 'banner-title' },
    art,
    h(
      'div',
      { class: 'banner-text' },
      h('p', { class: 'banner-label' }, featured.label),
      h('h2', { id: 'banner-title', class: 'banner-title' }, card.title),
      h('p', { class: 'banner-author' }, `by ${card.author}`),
      card.blurb ? h('p', { class: 'banner-blurb' }, card.blurb) : null,
      lines.length > 0 ? h('p', { class: 'banner-facts' }, lines.join(' · ')) : null,
      card.reason ? reasonChip(card.reason) : null,
      h(
        'p',
        { class: 'banner-actions' },
        h(
          'a',
          { class: 'button primary', href: hrefFor({ name: 'play', storyId: card.id }) },
          saved ? 'Continue' : card.progress?.kind === 'finished' ? 'Play again' : 'Play',
        ),
        h(
          'a',
          { class: 'button', href: hrefFor({ name: 'story', storyId: card.id }) },
          'About this story',
        ),
      ),
    ),
  );
}

/** The search box and what it filters: every card in every row; rows left empty hide. */
function search(root: HTMLElement, total: number): HTMLElement {
  const status = h('p', { class: 'search-status', role: 'status' }, '');
  const input = h('input', {
    type: 'search',
    id: 'home-search',
    class: 'home-search-input',
    placeholder: 'Title, author or words from the blurb',
    autocomplete: 'off',
  });
  input.addEventListener('input', () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matching = new Set<string>();
    for (const li of root.querySelectorAll<HTMLElement>('.story-row .story-card')) {
      const text = li.dataset.search ?? '';
      const hit = words.every((w) => text.includes(w));
      li.hidden = !hit;
      if (hit) matching.add(li.dataset.story ?? '');
    }
    for (const section of root.querySelectorAll<HTMLElement>('.story-row'))
      section.hidden = section.querySelector('.story-card:not([hidden])') === null;
    const banner = root.querySelector<HTMLElement>('.banner');
    if (banner) banner.hidden = words.length > 0;
    status.textContent =
      words.length === 0
        ? ''
        : `${matching.size} of ${total} ${total === 1 ? 'story matches' : 'stories match'}`;
  });
  return h(
    'div',
    { class: 'home-search', role: 'search' },
    h('label', { for: 'home-search' }, 'Search stories'),
    input,
    status,
  );
}

export function renderHome(model: HomeModel): HTMLElement {
  const { cards } = model;
  const continuing = cards
    .filter((c) => c.progress?.kind === 'saved')
    .sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
  const leaning = model.personalised ? cards.filter((c) => c.reason) : [];
  const leanTitle = (() => {
    const reasons = new Set(leaning.map((c) => c.reason));
    const only = [...reasons][0];
    return reasons.size === 1 && only ? only : 'Because of how you choose';
  })();
  const root = h(
    'section',
    { class: 'home', 'aria-labelledby': 'home-title' },
    h(
      'header',
      { class: 'home-header' },
      h('h1', { id: 'home-title' }, 'inkreel'),
      h(
        'p',
        { class: 'tagline' },
        'Stories where you choose, against the clock. What you choose stays on this device; the ',
        h('a', { href: hrefFor({ name: 'report' }) }, 'report'),
        ' shows all of it.',
      ),
      model.profileName
        ? h('p', { class: 'profile-name' }, `Playing as ${model.profileName}`)
        : null,
    ),
  );
  if (cards.length === 0) {
    root.append(h('p', {}, 'No stories yet: add one under stories/<id>/main.ink.'));
    return root;
  }
  if (cards.length > SEARCH_FROM) root.append(search(root, cards.length));
  if (model.featured) root.append(banner(model.featured));
  if (continuing.length > 0) root.append(row('continue', 'Continue', continuing));
  if (leaning.length > 0) root.append(row('leans', leanTitle, leaning, true));
  root.append(row('all', 'All stories', cards));
  root.append(
    h(
      'p',
      { class: 'home-personalisation' },
      model.personalised
        ? 'Order and posters follow what your choices suggest; the report explains each one. '
        : 'Personalisation is off: every story shows its default poster, in catalogue order. ',
      h(
        'a',
        { href: hrefFor({ name: 'settings' }) },
        model.personalised ? 'Turn personalisation off' : 'Turn it on in settings',
      ),
    ),
  );
  return root;
}
