// The ending card (DESIGN.md §3, §7): the ending's name, how many endings are found, the path as
// a compact timeline by chapter with "go back here" on any decision, and the ways on from here.
import type { StoryOutline } from '../core/model.ts';
import { humaniseId } from '../core/story-map.ts';
import type { PastDecision, PlayView } from '../core/view.ts';
import { h } from './dom.ts';

export interface EndingCardModel {
  /** the ending's name: its `ending` tag, else its readable knot name */
  readonly name: string;
  /** the ending's last line of prose, quoted on the card so the card never hides it */
  readonly lastLine: string | null;
  /** endings this profile has found, this one included; null while unknown */
  readonly found: number | null;
  /** endings the story has (from the build-time map); null when unknown */
  readonly total: number | null;
  readonly history: readonly PastDecision[];
  /** the story's chapter titles in order, for "Chapter 2" labels; empty when it has none */
  readonly chapters: readonly string[];
  /** the story map's address, when the story has a map */
  readonly mapHref: string | null;
}

export interface EndingCardActions {
  readonly rewind: (turn: number) => void;
  readonly restart: () => void;
}

interface Group {
  readonly chapter: string | null;
  readonly decisions: PastDecision[];
}

/** Consecutive decisions of one chapter together, in play order (a chapter seen twice shows twice). */
export function groupByChapter(history: readonly PastDecision[]): Group[] {
  const groups: Group[] = [];
  for (const past of history) {
    const chapter = past.chapter ?? null;
    const last = groups[groups.length - 1];
    if (last && last.chapter === chapter) last.decisions.push(past);
    else groups.push({ chapter, decisions: [past] });
  }
  return groups;
}

/** "Ending 3 of 7 found", or the part of it that is known. */
export function foundText(found: number | null, total: number | null): string | null {
  if (found === null && total === null) return null;
  if (found === null) return `This story has ${total} ${total === 1 ? 'ending' : 'endings'}`;
  if (total === null) return `${found} ${found === 1 ? 'ending' : 'endings'} found`;
  return `Ending ${found} of ${total} found`;
}

let uid = 0;

export function renderEndingCard(model: EndingCardModel, actions: EndingCardActions): HTMLElement {
  const id = `ending-${++uid}`;
  const detail = h('p', { class: 'ending-detail', id: `${id}-detail`, 'aria-live': 'polite' });
  const chips: HTMLButtonElement[] = [];
  const select = (past: PastDecision, chip: HTMLButtonElement): void => {
    for (const c of chips) c.setAttribute('aria-pressed', String(c === chip));
    detail.replaceChildren(
      h('span', {}, `Decision ${past.turn}: `, h('q', {}, past.chosenText)),
      past.timedOut ? ' (the clock chose) ' : ' ',
      h(
        'button',
        { type: 'button', class: 'rewind link-button', onclick: () => actions.rewind(past.turn) },
        'Go back here',
      ),
    );
  };
  const groups = groupByChapter(model.history);
  const timeline = h('ol', { class: 'ending-timeline', 'aria-label': 'Your path' });
  for (const group of groups) {
    const number = group.chapter === null ? -1 : model.chapters.indexOf(group.chapter);
    const label =
      group.chapter === null
        ? 'Opening'
        : number >= 0
          ? `${number + 1}. ${group.chapter}`
          : group.chapter;
    const row = h('ol', { class: 'ending-chips' });
    for (const past of group.decisions) {
      const chip = h(
        'button',
        {
          type: 'button',
          class: past.timedOut ? 'chip timed-out' : 'chip',
          'aria-pressed': 'false',
          'aria-controls': `${id}-detail`,
          'aria-label': `Decision ${past.turn}: ${past.chosenText}${past.timedOut ? ' (the clock chose)' : ''}`,
          title: past.chosenText,
        },
        String(past.turn),
      );
      chip.addEventListener('click', () => select(past, chip));
      chips.push(chip);
      row.append(h('li', {}, chip));
    }
    timeline.append(
      h('li', { class: 'ending-chapter' }, h('span', { class: 'ending-chapter-name' }, label), row),
    );
  }
  const found = foundText(model.found, model.total);
  const decisions = model.history.length;
  const card = h(
    'div',
    // the region's name is "Ending" (DESIGN §7); its heading is the ending's name
    { class: 'ending-card', role: 'region', 'aria-label': 'Ending' },
    model.lastLine ? h('blockquote', { class: 'ending-last-line' }, model.lastLine) : null,
    h('p', { class: 'ending-kicker' }, 'Ending'),
    h('h2', { id: `${id}-name`, class: 'ending-name' }, model.name),
    found ? h('p', { class: 'ending-found' }, found) : null,
    decisions > 0
      ? h(
          'p',
          { class: 'ending-summary' },
          `Your path: ${decisions} ${decisions === 1 ? 'decision' : 'decisions'}. Pick one to see it, and go back there to choose again.`,
        )
      : null,
    decisions > 0 ? timeline : null,
    decisions > 0 ? detail : null,
    h(
      'div',
      { class: 'ending-actions' },
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => actions.restart() },
        'Start over',
      ),
      model.mapHref ? h('a', { class: 'button-link', href: model.mapHref }, 'Story map') : null,
      h('a', { class: 'button-link', href: '#/' }, 'Stories'),
      h('a', { class: 'ending-report', href: '#/report' }, 'What your choices recorded'),
    ),
  );
  return card;
}

/** The ending's name: the outline's (its `ending` tag), else its knot made readable. */
function endingName(outline: StoryOutline | null, path: string): string {
  const known = outline?.endings.find((e) => e.path === path);
  return known?.name ?? humaniseId(path);
}

/** What the ending card of an ended view shows. */
export function endingCardModel(
  view: PlayView,
  outline: StoryOutline | null,
  found: number | null,
  mapHref: string | null,
): EndingCardModel {
  const path = view.ending?.path ?? '';
  const total = outline && outline.endings.length > 0 ? outline.endings.length : null;
  return {
    name: path === '' ? 'The end' : endingName(outline, path),
    lastLine: view.lines.at(-1)?.text ?? null,
    found,
    total,
    history: view.history,
    chapters: outline?.chapters.map((c) => c.title) ?? [],
    mapHref,
  };
}

/** What the play screen's panel depends on: it is rebuilt only when this changes. */
export function screenKey(view: PlayView, found: number | null): string {
  if (view.state === 'ended')
    return `ended:${view.ending?.path ?? ''}:${view.history.length}:${view.lines.at(-1)?.id ?? ''}:${found ?? ''}`;
  if (view.state === 'error') return `error:${view.error?.message ?? ''}:${view.error?.canGoBack}`;
  return '';
}
