// The report's "How it is used": which poster each story shows on the home screen and why, and how
// the stories are ordered — the same personalise() result the home screen follows.
import type { Personalisation } from '../profile/personalise.ts';
import { h } from './dom.ts';

export function renderUsage(p: Personalisation): HTMLElement {
  const list = h('ol', { class: 'usage-stories', 'aria-label': 'Stories in home-screen order' });
  for (const s of p.stories) {
    const poster = s.poster
      ? s.isVariant && s.basis
        ? `Poster shown: the ${s.basis.label} variant (${s.poster.path}).`
        : `Poster shown: the default (${s.poster.path}).`
      : 'This story has no poster.';
    list.append(
      h(
        'li',
        { 'data-story-id': s.storyId },
        h('strong', {}, s.title),
        h('p', {}, poster, ' Why: ', s.reason, '.'),
        h('p', {}, `Place ${s.rank}: ${s.orderReason}.`),
      ),
    );
  }
  return h(
    'section',
    { class: 'report-usage', 'aria-labelledby': 'usage-title' },
    h('h2', { id: 'usage-title' }, 'How it is used'),
    h(
      'p',
      {},
      'What your choices suggest is used for one thing only: the home screen of this browser. ',
      p.enabled ? `Personalisation is on: ${p.reason}. ` : 'Personalisation is off. ',
      h('a', { href: '#/settings' }, p.enabled ? 'Turn personalisation off' : 'Turn it on'),
      ' in Settings.',
    ),
    h('p', {}, p.orderRule),
    list,
  );
}
