// A story's title screen (#/story/<id>, DESIGN.md §7): key art shown whole, title, author, blurb,
// typical length, Continue or Start, the chapters reached so far, and the timing setting at hand.
import type { TypicalLength } from '../core/model.ts';
import type { TimeScale } from '../core/timing.ts';
import { h } from './dom.ts';
import { hrefFor } from './routes.ts';

/** Where this profile's save of the story stands. */
export interface TitleSave {
  /** 1-based decision the save stands at */
  readonly decision: number;
  /** 1-based number of the chapter it stands in; null when unknown or the story has none */
  readonly chapter: number | null;
}

export interface TitleChapter {
  readonly title: string;
  readonly reached: boolean;
}

export interface TitleScreenModel {
  readonly storyId: string;
  readonly title: string;
  readonly author: string;
  readonly blurb: string | null;
  /** the poster's URL, when the story has one */
  readonly posterUrl: string | null;
  /** the poster at other densities (width descriptors) */
  readonly posterSrcset?: string | null;
  /** the 16:9 banner, shown instead on narrow screens, when `npm run posters` made one */
  readonly posterWide?: { readonly src: string; readonly srcset: string | null } | null;
  readonly typicalLength: TypicalLength | null;
  readonly save: TitleSave | null;
  /** the profile has reached an ending of this story before */
  readonly finished: boolean;
  readonly chapters: readonly TitleChapter[];
  readonly timeScale: TimeScale;
  readonly hasMap: boolean;
}

export interface TitleScreenActions {
  /** forgets the save, then play starts from the beginning */
  readonly startOver: () => Promise<void>;
  readonly setTimeScale: (scale: TimeScale) => Promise<void>;
}

/** "about 22 decisions, 15 minutes" */
function lengthText(length: TypicalLength): string {
  const decisions = `${length.decisions} ${length.decisions === 1 ? 'decision' : 'decisions'}`;
  const minutes = `${length.minutes} ${length.minutes === 1 ? 'minute' : 'minutes'}`;
  return `about ${decisions}, ${minutes}`;
}

/** "Continue — decision 7, chapter 2" */
function continueText(save: TitleSave): string {
  return `Continue — decision ${save.decision}${save.chapter === null ? '' : `, chapter ${save.chapter}`}`;
}

const TIMINGS: readonly { readonly scale: TimeScale; readonly label: string }[] = [
  { scale: 1, label: 'As authored' },
  { scale: 2, label: '×2' },
  { scale: 10, label: '×10' },
  { scale: 'off', label: 'No timer' },
];

let uid = 0;

function timingControl(model: TitleScreenModel, actions: TitleScreenActions): HTMLElement {
  const name = `timing-${++uid}`;
  const status = h('p', { class: 'title-timing-status', role: 'status' });
  const set = h('fieldset', { class: 'title-timing' }, h('legend', {}, 'Time to choose'));
  for (const option of TIMINGS) {
    const id = `${name}-${String(option.scale)}`;
    const input = h('input', {
      type: 'radio',
      name,
      id,
      value: String(option.scale),
      checked: option.scale === model.timeScale,
    });
    input.addEventListener('change', () => {
      if (!input.checked) return;
      status.textContent = '';
      actions.setTimeScale(option.scale).then(
        () => (status.textContent = `Saved: ${option.label.toLowerCase()}, for every story.`),
        (error: unknown) =>
          (status.textContent = `The timing could not be saved: ${(error as Error).message}`),
      );
    });
    set.append(
      h('span', { class: 'title-timing-option' }, input, h('label', { for: id }, option.label)),
    );
  }
  set.append(status);
  return set;
}

/** The key art, whole: the 16:9 banner on a narrow screen when there is one, else the 2:3 art. */
function titleArt(model: TitleScreenModel, src: string): HTMLElement {
  const img = h('img', {
    class: 'title-art',
    src,
    ...(model.posterSrcset
      ? {
          srcset: model.posterSrcset,
          // beside the text, as tall as the window allows; above it on a narrow screen
          sizes: '(min-width: 48rem) min(40vw, calc((100vh - 8rem) * 0.667)), 100vw',
        }
      : {}),
    width: 300,
    height: 450,
    alt: '',
  });
  const wide = model.posterWide;
  if (!wide) return img;
  return h(
    'picture',
    { class: 'title-art-frame' },
    h('source', {
      media: '(max-width: 47.99rem)',
      srcset: wide.srcset ?? wide.src,
      sizes: '100vw',
      width: 640,
      height: 360,
    }),
    img,
  );
}

export function renderTitleScreen(
  model: TitleScreenModel,
  actions: TitleScreenActions,
): HTMLElement {
  const play = hrefFor({ name: 'play', storyId: model.storyId });
  const failure = h('p', { class: 'title-failure', role: 'alert', hidden: true });
  const startOver = h(
    'button',
    {
      type: 'button',
      class: model.save ? 'title-start-over' : 'primary title-start',
      onclick: () => {
        actions.startOver().then(
          () => (location.hash = play),
          (error: unknown) => {
            failure.hidden = false;
            failure.textContent = `Play was not started over. ${(error as Error).message}`;
          },
        );
      },
    },
    model.save ? 'Start over' : model.finished ? 'Play again' : 'Start',
  );
  const reached = model.chapters.filter((c) => c.reached).length;
  const chaptersId = `title-chapters-${++uid}`;
  const chapters =
    model.chapters.length === 0
      ? null
      : h(
          'section',
          { class: 'title-chapters', 'aria-labelledby': chaptersId },
          h('h2', { id: chaptersId }, `Chapters · ${reached} of ${model.chapters.length} reached`),
          h(
            'ol',
            {},
            ...model.chapters.map((c, i) =>
              h(
                'li',
                { class: c.reached ? 'reached' : 'not-reached' },
                c.reached ? c.title : `Chapter ${i + 1}: not reached yet`,
              ),
            ),
          ),
        );
  return h(
    'section',
    { class: 'title-screen', 'aria-labelledby': 'title-screen-name' },
    model.posterUrl
      ? titleArt(model, model.posterUrl)
      : h('div', { class: 'title-art title-art-blank' }),
    h(
      'div',
      { class: 'title-text' },
      h('h1', { id: 'title-screen-name' }, model.title),
      model.author ? h('p', { class: 'title-author' }, `by ${model.author}`) : null,
      model.blurb ? h('p', { class: 'title-blurb' }, model.blurb) : null,
      model.typicalLength
        ? h('p', { class: 'title-length' }, `Typical length: ${lengthText(model.typicalLength)}`)
        : null,
      h(
        'div',
        { class: 'title-actions' },
        model.save
          ? h(
              'a',
              { class: 'button-link primary title-continue', href: play },
              continueText(model.save),
            )
          : null,
        startOver,
      ),
      failure,
      timingControl(model, actions),
      chapters,
      h(
        'p',
        { class: 'title-links' },
        model.hasMap
          ? h('a', { href: hrefFor({ name: 'map', storyId: model.storyId }) }, 'Story map')
          : null,
        model.hasMap ? ' · ' : null,
        h('a', { href: '#/' }, 'All stories'),
      ),
    ),
  );
}
