// The home screen: one card per story (poster, title, author, where the player left off), in the
// order personalisation chose; a card personalisation changed carries one short reason, linking to
// the report, in the same words the report uses.
import type { Claim } from '../profile/claims.ts';
import { claimReason } from '../profile/claim-words.ts';
import { hrefFor } from './routes.ts';
import { h } from './dom.ts';

/** Where this profile left a story. */
export type StoryProgress =
  { readonly kind: 'saved'; readonly decision: number } | { readonly kind: 'finished' } | null;

export interface StoryCard {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** the story's `blurb` tag, when it has one */
  readonly blurb?: string | null;
  /** image URL for the poster, if any */
  readonly posterUrl: string | null;
  /** the pole a variant poster was chosen for, e.g. "empathy+"; null for the default poster */
  readonly posterVariant: string | null;
  readonly progress: StoryProgress;
  /** the one reason shown, e.g. "Because you lean Thrill-seeking"; null when nothing was personalised */
  readonly reason: string | null;
}

export interface HomeModel {
  readonly cards: readonly StoryCard[];
  readonly profileName: string | null;
  /** whether posters and order follow the profile */
  readonly personalised: boolean;
}

/**
 * A story counts as finished when its latest ending came after its latest autosave (the save stays
 * after an ending, at the last decision); a save made later means the player started again.
 */
export function progressOf(
  save: { readonly snapshots: readonly unknown[]; readonly savedAt: string } | null,
  lastEndedAt: string | null,
): StoryProgress {
  if (lastEndedAt !== null && (save === null || lastEndedAt >= save.savedAt))
    return { kind: 'finished' };
  if (save === null || save.snapshots.length === 0) return null;
  return { kind: 'saved', decision: save.snapshots.length };
}

function progressText(progress: StoryProgress): string | null {
  if (progress === null) return null;
  return progress.kind === 'finished'
    ? 'Finished'
    : `Saved at decision ${progress.decision} · resume`;
}

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

function renderCard(card: StoryCard): HTMLElement {
  const progress = progressText(card.progress);
  const why = card.reason
    ? h(
        'p',
        { class: 'story-why' },
        h(
          'a',
          {
            href: hrefFor({ name: 'report' }),
            class: 'reason-chip',
            'aria-label': `${card.reason}: see the report`,
          },
          card.reason,
        ),
      )
    : null;
  return h(
    'li',
    { class: 'story-card', 'data-story': card.id },
    h(
      'a',
      { href: hrefFor({ name: 'story', storyId: card.id }), class: 'story-link' },
      card.posterUrl
        ? h('img', {
            class: 'poster',
            src: card.posterUrl,
            alt: '',
            'data-variant': card.posterVariant ?? 'default',
          })
        : h('div', { class: 'poster poster-blank' }),
      h('span', { class: 'story-title' }, card.title),
      h('span', { class: 'story-author' }, `by ${card.author}`),
      card.blurb ? h('span', { class: 'story-blurb' }, card.blurb) : null,
      progress
        ? h(
            'span',
            { class: 'story-progress', 'data-progress': card.progress?.kind ?? '' },
            progress,
          )
        : null,
    ),
    why,
  );
}

export function renderHome(model: HomeModel): HTMLElement {
  const list = h('ul', { class: 'story-cards' });
  for (const card of model.cards) list.append(renderCard(card));
  return h(
    'section',
    { class: 'home', 'aria-labelledby': 'home-title' },
    h('h1', { id: 'home-title' }, 'inkreel'),
    h(
      'p',
      { class: 'tagline' },
      'Interactive stories with timed choices. Every choice you make is recorded on this device only, and the ',
      h('a', { href: '#/report' }, 'report'),
      ' shows you exactly what was kept and what it suggests.',
    ),
    model.profileName ? h('p', { class: 'profile-name' }, `Playing as ${model.profileName}`) : null,
    h(
      'p',
      { class: 'home-personalisation' },
      model.personalised
        ? 'Posters and order follow what your choices suggest; a story says why when that changed it. '
        : 'Personalisation is off: every story shows its default poster, in catalogue order. ',
      h(
        'a',
        { href: '#/settings' },
        model.personalised ? 'Turn personalisation off' : 'Turn it on in settings',
      ),
    ),
    model.cards.length === 0
      ? h('p', {}, 'No stories yet: add one under stories/<id>/main.ink.')
      : list,
  );
}
