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
  if (!s.poster) return 'No poster.';
  if (s.isVariant && s.basis) {
    const claim = claims.claims.find((c) => c.id === s.basis?.dimension);
    const reason = claim && claim.pole === s.basis.pole ? claimReason(claim) : null;
    // the poster rule and the claims can disagree while the rule is looser: say so, never hide it
    return reason
      ? `Its ${s.basis.label} poster. ${reason}.`
      : `Its ${s.basis.label} poster, though no clear lean toward ${s.basis.label} is claimed yet.`;
  }
  if (!enabled) return 'Its usual poster: personalisation is off.';
  return 'Its usual poster: no lean of yours is clear enough to choose another.';
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

function storyItem(
  s: StoryPersonalisation,
  claims: ProfileClaims,
  enabled: boolean,
  place: boolean,
): HTMLElement {
  return h(
    'li',
    { 'data-story-id': s.storyId, value: s.rank },
    h('strong', {}, s.title),
    ' — ',
    posterWords(s, claims, enabled),
    place ? ` ${placeWords(s, claims, enabled)}` : '',
  );
}

/** The clear leans that brought stories forward, named once above the list. */
function orderWords(moved: readonly StoryPersonalisation[], claims: ProfileClaims): string | null {
  const firm = new Set(claims.claims.filter(isFirmClaim).map((c) => c.id));
  const labels = [
    ...new Set(
      moved.flatMap((s) => s.terms.filter((t) => firm.has(t.dimension)).map((t) => t.label)),
    ),
  ];
  if (labels.length === 0) return null;
  return `Stories that let you act on your clear leans (${labels.join(', ')}) come first; the rest keep the catalogue’s order.`;
}

export function renderUsage(p: Personalisation, claims: ProfileClaims): Usage {
  const moved = p.stories.filter((s) => changed(s, p.enabled));
  const order = p.enabled ? orderWords(moved, claims) : null;
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
      ...p.stories.map((s) => storyItem(s, claims, p.enabled, true)),
    ),
  );
  const section = h(
    'section',
    { class: 'report-usage', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'How it is used'),
    h(
      'p',
      {},
      'Used for one thing only: the home screen in this browser. ',
      p.enabled
        ? 'A story can show another poster, or come earlier, when you clearly lean its way. '
        : 'Personalisation is off, so every story shows its usual poster, in catalogue order. ',
      h('a', { href: '#/settings' }, p.enabled ? 'Turn personalisation off' : 'Turn it on'),
      ' in Settings.',
    ),
    order ? h('p', { class: 'usage-order' }, order) : null,
    p.enabled
      ? moved.length > 0
        ? h(
            'ol',
            { class: 'usage-changed', 'aria-label': 'What personalisation changed' },
            ...moved.map((s) => storyItem(s, claims, p.enabled, false)),
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
