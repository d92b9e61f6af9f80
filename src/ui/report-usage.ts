// The report's "How it is used", in plain words: which poster each story shows on the home screen
// and why (the same reason the home card gives, from claim-words.ts), and how the stories are
// ordered. The rule, the scores and the posters' files go under "How this is calculated".
import type { ProfileClaims } from '../profile/claims.ts';
import { claimReason, isFirmClaim } from '../profile/claim-words.ts';
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

function placeWords(s: StoryPersonalisation, claims: ProfileClaims, enabled: boolean): string {
  if (!enabled) return `Place ${s.rank}, as in the catalogue.`;
  // only leans the claims stand behind are named: a hint is never given as a reason
  const firm = new Set(claims.claims.filter(isFirmClaim).map((c) => c.id));
  const labels = [...new Set(s.terms.filter((t) => firm.has(t.dimension)).map((t) => t.label))];
  if (s.score > 0 && labels.length > 0)
    return `Place ${s.rank}: it lets you act on your lean toward ${labels.slice(0, 2).join(' and ')}.`;
  return `Place ${s.rank}.`;
}

export interface Usage {
  readonly section: HTMLElement;
  /** the rule and the files, for "How this is calculated" */
  readonly calculation: readonly HTMLElement[];
}

/** Whether personalisation changed this story's card: a variant poster, or a place earned by leans. */
function changed(s: StoryPersonalisation, enabled: boolean): boolean {
  return enabled && ((s.isVariant && s.basis !== null) || s.score > 0);
}

function storyItem(s: StoryPersonalisation, claims: ProfileClaims, enabled: boolean): HTMLElement {
  return h(
    'li',
    { 'data-story-id': s.storyId },
    h('strong', {}, s.title),
    ' ',
    posterWords(s, claims, enabled),
    ' ',
    placeWords(s, claims, enabled),
  );
}

export function renderUsage(p: Personalisation, claims: ProfileClaims): Usage {
  const moved = p.stories.filter((s) => changed(s, p.enabled));
  const files = h('ul', { class: 'usage-files' });
  for (const s of p.stories) {
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
  const everyStory = h(
    'details',
    { class: 'usage-all' },
    h('summary', {}, `Every story’s poster and place (${p.stories.length})`),
    h(
      'ol',
      { class: 'usage-stories', 'aria-label': 'Stories in home-screen order' },
      ...p.stories.map((s) => storyItem(s, claims, p.enabled)),
    ),
  );
  const section = h(
    'section',
    { class: 'report-usage', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'How it is used'),
    h(
      'p',
      {},
      'What your choices suggest is used for one thing only: the home screen in this browser. ',
      p.enabled
        ? 'A story can show a different poster, or come earlier, when you clearly lean its way. '
        : 'Personalisation is off, so every story shows its usual poster, in catalogue order. ',
      h('a', { href: '#/settings' }, p.enabled ? 'Turn personalisation off' : 'Turn it on'),
      ' in Settings.',
    ),
    p.enabled
      ? moved.length > 0
        ? h(
            'ul',
            { class: 'usage-changed', 'aria-label': 'What personalisation changed' },
            ...moved.map((s) => storyItem(s, claims, p.enabled)),
          )
        : h(
            'p',
            { class: 'usage-none' },
            'Nothing is personalised yet: every story shows its usual poster, in catalogue order.',
          )
      : null,
    everyStory,
  );
  return {
    section,
    calculation: [h('h3', {}, 'Home-screen order and posters'), h('p', {}, p.orderRule), files],
  };
}
