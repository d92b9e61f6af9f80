// The ending card in jsdom: its name, the endings found, the path by chapter and its actions.
import { afterEach, describe, expect, it } from 'vitest';
import type { StoryOutline } from '../../src/core/model.ts';
import type { PastDecision } from '../../src/core/view.ts';
import {
  endingCardModel,
  foundText,
  groupByChapter,
  renderEndingCard,
} from '../../src/ui/ending-card.ts';
import { playView, shownLine } from '../builders.ts';

const outline: StoryOutline = {
  chapters: [
    { knot: 'morning', title: 'Tuesday' },
    { knot: 'halcyon', title: 'Halcyon' },
  ],
  endings: [
    { path: 'ending_crash', name: 'Level Nine' },
    { path: 'ending_gloam', name: 'The Gloam' },
    { path: 'ending_mirror', name: 'Tapeloop' },
  ],
  typicalLength: { decisions: 3, minutes: 2 },
};

const past = (turn: number, chapter: string | null, chosenText = `Pick ${turn}`): PastDecision => ({
  turn,
  afterLine: null,
  decisionId: `d${turn}`,
  chosenText,
  timedOut: turn === 3,
  ...(chapter === null ? {} : { chapter }),
});

const history = [past(1, null), past(2, 'Tuesday'), past(3, 'Tuesday'), past(4, 'Halcyon')];

function ended(path = 'ending_crash') {
  return playView({
    state: 'ended',
    decision: null,
    ending: { path },
    history,
    lines: [shownLine(7, 'It crashes to a black screen.'), shownLine(8, 'THE END: Level Nine')],
  });
}

afterEach(() => document.body.replaceChildren());

function mount(found: number | null = 2, path = 'ending_crash') {
  const sent: string[] = [];
  const card = renderEndingCard(endingCardModel(ended(path), outline, found, '#/map/tapeloop'), {
    rewind: (turn) => sent.push(`rewind ${turn}`),
    restart: () => sent.push('restart'),
  });
  document.body.append(card);
  return { card, sent };
}

describe('the ending card', () => {
  it('is a region labelled Ending whose heading is the ending name from its tag', () => {
    const { card } = mount();
    expect(card.getAttribute('role')).toBe('region');
    expect(card.getAttribute('aria-label')).toBe('Ending');
    expect(card.querySelector('h2')?.textContent).toBe('Level Nine');
  });

  it('names an ending the outline does not know by its knot made readable, never the raw id', () => {
    const { card } = mount(1, 'ending_bedroom_coder');
    expect(card.querySelector('h2')?.textContent).toBe('Bedroom Coder');
  });

  it('says how many of the story endings are found', () => {
    expect(mount(2).card.textContent).toContain('Ending 2 of 3 found');
    expect(foundText(null, 7)).toBe('This story has 7 endings');
    expect(foundText(1, null)).toBe('1 ending found');
    expect(foundText(null, null)).toBeNull();
  });

  it('keeps the ending last line of prose on the card', () => {
    expect(mount().card.querySelector('blockquote')?.textContent).toBe('THE END: Level Nine');
  });

  it('groups the path by chapter in play order, numbered by the outline', () => {
    const { card } = mount();
    const groups = [...card.querySelectorAll('.ending-chapter')].map((g) => ({
      name: g.querySelector('.ending-chapter-name')?.textContent,
      chips: [...g.querySelectorAll('button')].map((b) => b.textContent),
    }));
    expect(groups).toEqual([
      { name: 'Opening', chips: ['1'] },
      { name: '1. Tuesday', chips: ['2', '3'] },
      { name: '2. Halcyon', chips: ['4'] },
    ]);
    expect(
      groupByChapter([past(1, 'A'), past(2, 'B'), past(3, 'A')]).map((g) => g.chapter),
    ).toEqual(['A', 'B', 'A']);
  });

  it('shows a decision on a click and goes back there only on "Go back here"', () => {
    const { card, sent } = mount();
    const chip = card.querySelector<HTMLButtonElement>(
      'button[aria-label="Decision 3: Pick 3 (the clock chose)"]',
    );
    chip?.click();
    expect(chip?.getAttribute('aria-pressed')).toBe('true');
    expect(sent).toEqual([]);
    expect(card.querySelector('.ending-detail')?.textContent).toContain('Decision 3: Pick 3');
    card.querySelector<HTMLButtonElement>('.ending-detail button')?.click();
    expect(sent).toEqual(['rewind 3']);
  });

  it('offers Start over, the story map and the stories', () => {
    const { card, sent } = mount();
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Start over')?.click();
    expect(sent).toEqual(['restart']);
    const links = [...card.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toContainEqual(['Story map', '#/map/tapeloop']);
    expect(links).toContainEqual(['Stories', '#/']);
  });

  it('renders markup in a chosen option as text', () => {
    const card = renderEndingCard(
      {
        ...endingCardModel(ended(), outline, 1, null),
        history: [past(1, null, '<img src=x onerror=alert(1)>')],
      },
      { rewind: () => undefined, restart: () => undefined },
    );
    card.querySelector<HTMLButtonElement>('.chip')?.click();
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
