// The home screen: one card per story, each a link to #/play/<id>.
import { hrefFor } from './routes.ts';
import { h } from './dom.ts';

export interface StoryCard {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** image URL for the poster, if any */
  readonly posterUrl: string | null;
  /** e.g. "Saved at decision 4" */
  readonly progress: string | null;
  /** why this poster / this place in the order, when personalised */
  readonly why: string | null;
}

export function renderHome(cards: readonly StoryCard[], profileName: string | null): HTMLElement {
  const list = h('ul', { class: 'story-cards' });
  for (const card of cards) {
    list.append(
      h(
        'li',
        { class: 'story-card' },
        h(
          'a',
          { href: hrefFor({ name: 'play', storyId: card.id }), class: 'story-link' },
          card.posterUrl
            ? h('img', { class: 'poster', src: card.posterUrl, alt: '' })
            : h('div', { class: 'poster poster-blank' }),
          h('span', { class: 'story-title' }, card.title),
          h('span', { class: 'story-author' }, `by ${card.author}`),
          card.progress ? h('span', { class: 'story-progress' }, card.progress) : null,
        ),
        card.why ? h('p', { class: 'story-why' }, card.why) : null,
      ),
    );
  }
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
    profileName ? h('p', { class: 'profile-name' }, `Playing as ${profileName}`) : null,
    cards.length === 0 ? h('p', {}, 'No stories yet: add one under stories/<id>/main.ink.') : list,
  );
}
