// The report's "How it is used", in plain words: which poster each story shows on the home screen
// and why (the same reason the home card gives, from claim-words.ts), and how the stories are
// ordered. The rule, the scores and the posters' files go under "How this is calculated".
import type { ProfileClaims } from '../profile/claims.ts';
import { claimReason } from '../profile/claim-words.ts';
import type { Personalisation, StoryPersonalisation } from '../profile/personalise.ts';
import { h } from './dom.ts';

/** Why this story shows the poster it shows, for a person. */
export function posterWords(
  s: StoryPersonalisation,
  claims: ProfileClaims,
  enabled: boolean,
): string {
  if (!s.poster) return 'It has no poster.';
  if (s.isVariant && s.basis) {
    const claim = claims.claims.find((c) => c.id === s.basis?.dimension);
    const reason = claim && claim.pole === s.basis.pole ? claimReason(claim) : null;
    return reason
      ? `It shows its ${s.basis.label} poster. ${reason}.`
      : `It shows its ${s.basis.label} poster, for a lean toward ${s.basis.label}.`;
  }
  if (!enabled) return 'It shows its usual poster: personalisation is off.';
  return 'It shows its usual poster: none of your leans is clear enough to choose another.';
}

function placeWords(s: StoryPersonalisation, enabled: boolean): string {
  if (!enabled) return `Place ${s.rank}, as in the catalogue.`;
  const labels = [...new Set(s.terms.map((t) => t.label))].slice(0, 2);
  if (s.score > 0 && labels.length > 0)
    return `Place ${s.rank}: it lets you act on what your choices lean toward (${labels.join(' and ')}).`;
  return `Place ${s.rank}, its place in the catalogue.`;
}

export interface Usage {
  readonly section: HTMLElement;
  /** the rule and the files, for "How this is calculated" */
  readonly calculation: readonly HTMLElement[];
}

export function renderUsage(p: Personalisation, claims: ProfileClaims): Usage {
  const list = h('ol', { class: 'usage-stories', 'aria-label': 'Stories in home-screen order' });
  const files = h('ul', { class: 'usage-files' });
  for (const s of p.stories) {
    list.append(
      h(
        'li',
        { 'data-story-id': s.storyId },
        h('strong', {}, s.title),
        ' ',
        posterWords(s, claims, p.enabled),
        ' ',
        placeWords(s, p.enabled),
      ),
    );
    files.append(
      h(
        'li',
        {},
        `${s.title}: `,
        s.poster ? h('code', {}, s.poster.path) : 'no poster',
        ` — ${s.reason}; ${s.orderReason}.`,
      ),
    );
  }
  const section = h(
    'section',
    { class: 'report-usage', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'How it is used'),
    h(
      'p',
      {},
      'What your choices suggest is used for one thing only: the home screen in this browser. ',
      p.enabled
        ? 'A story can show a different poster when you clearly lean its way. '
        : 'Personalisation is off, so every story shows its usual poster, in catalogue order. ',
      h('a', { href: '#/settings' }, p.enabled ? 'Turn personalisation off' : 'Turn it on'),
      ' in Settings.',
    ),
    list,
  );
  return {
    section,
    calculation: [h('h3', {}, 'Home-screen order and posters'), h('p', {}, p.orderRule), files],
  };
}
