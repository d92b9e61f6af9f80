// The History: its adapter from play views (every line kept across CLEARs, undone by rewinds and
// restarts), its groups by decision, and the dialog a screen reader walks.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { DecisionView, PastDecision, PlayView, ShownLine } from '../../src/core/view.ts';
import {
  EMPTY_HISTORY,
  HistoryDialog,
  historyGroups,
  rememberView,
  type HistoryMemory,
} from '../../src/ui/history.ts';
import { menuHold } from '../../src/ui/pause-menu.ts';
import { decisionView, playView } from '../builders.ts';

const base: PlayView = playView({ state: 'narrating', decision: null });

function decision(turn: number, phase: DecisionView['phase'] = 'selecting'): DecisionView {
  return decisionView({
    id: `d${turn}`,
    turn,
    options: [
      { index: 0, text: 'A', isDefault: true },
      { index: 1, text: 'B', isDefault: false },
    ],
    phase,
    windowMs: null,
    remainingMs: null,
    runningSince: null,
  });
}

/**
 * A model of the player as the views show it: a transcript of lines with rising ids, CLEARs that
 * empty the screen, decisions with picks (some by the clock), rewinds and restarts.
 */
class Play {
  views: PlayView[] = [];
  /** every line of the current playthrough, with the turn it led to (null: after the last pick) */
  transcript: { line: ShownLine; clearedBefore: boolean }[] = [];
  turns: { chosen: PastDecision | null; transcriptLength: number }[] = [];
  private nextId = 1;

  private screen(): ShownLine[] {
    let from = 0;
    this.transcript.forEach((t, i) => {
      if (t.clearedBefore) from = i;
    });
    return this.transcript.slice(from).map((t) => t.line);
  }

  private history(): PastDecision[] {
    return this.turns.flatMap((t) => (t.chosen ? [t.chosen] : []));
  }

  private emit(state: PlayView['state'], open: DecisionView | null): void {
    this.views.push({
      ...base,
      state,
      lines: this.screen(),
      history: this.history(),
      decision: open,
    });
  }

  say(text: string, speaker: string | null, clear: boolean): void {
    const line = { id: this.nextId++, text, speaker, className: null, image: null };
    this.transcript.push({ line, clearedBefore: clear });
    this.emit('narrating', null);
  }

  decide(): void {
    this.turns.push({ chosen: null, transcriptLength: this.transcript.length });
    this.emit('choosing', decision(this.turns.length));
  }

  pick(text: string, timedOut: boolean): void {
    const turn = this.turns.length;
    const current = this.turns[turn - 1];
    if (!current || current.chosen) return;
    current.chosen = { turn, afterLine: null, decisionId: `d${turn}`, chosenText: text, timedOut };
    this.emit('choosing', { ...decision(turn, 'picked'), chosen: 0 });
  }

  rewind(to: number): void {
    const target = this.turns[to - 1];
    if (!target) return;
    this.turns = this.turns.slice(0, to);
    this.turns[to - 1] = { chosen: null, transcriptLength: target.transcriptLength };
    this.transcript = this.transcript.slice(0, target.transcriptLength);
    this.emit('loading', null);
    this.emit('choosing', decision(to));
  }

  restart(): void {
    this.turns = [];
    this.transcript = [];
    this.emit('loading', null);
  }
}

type Step =
  | { kind: 'say'; text: string; speaker: string | null; clear: boolean }
  | { kind: 'decide' }
  | { kind: 'pick'; text: string; timedOut: boolean }
  | { kind: 'rewind'; to: number }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('say' as const),
      text: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== ''),
      speaker: fc.option(fc.constantFrom('VESNA', 'NELL'), { nil: null }),
      clear: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ kind: 'decide' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pick' as const),
      text: fc.constantFrom('Go', 'Stay', 'Run'),
      timedOut: fc.boolean(),
    }),
  },
  {
    weight: 2,
    // to = 1 + (to mod the decisions so far): a rewind always has somewhere to go
    arbitrary: fc.record({ kind: fc.constant('rewind' as const), to: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

function run(steps: readonly Step[]): Play {
  const play = new Play();
  for (const s of steps) {
    // a decision opens only after its previous one was picked, as in the machine
    const open = play.turns.at(-1);
    if (s.kind === 'say' && (!open || open.chosen)) play.say(s.text, s.speaker, s.clear);
    else if (s.kind === 'decide' && (!open || open.chosen)) play.decide();
    else if (s.kind === 'pick') play.pick(s.text, s.timedOut);
    else if (s.kind === 'rewind' && play.turns.length > 0)
      play.rewind(1 + (s.to % play.turns.length));
    else if (s.kind === 'restart') play.restart();
  }
  return play;
}

describe('the history adapter', () => {
  it('holds exactly the lines of the playthrough as it stands, each in the group of the decision it led to, and every choice made', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const play = run(steps);
        let memory: HistoryMemory = EMPTY_HISTORY;
        for (const view of play.views) memory = rememberView(memory, view);
        const last = play.views.at(-1);
        if (!last) return;
        const groups = historyGroups(memory, last);
        // every line of the current playthrough, once, in order, CLEARs notwithstanding
        expect(groups.flatMap((g) => g.lines.map((l) => [l.id, l.text, l.speaker]))).toEqual(
          play.transcript.map((t) => [t.line.id, t.line.text, t.line.speaker]),
        );
        // each decision's group holds the lines shown before it opened, and its choice
        play.turns.forEach((turn, i) => {
          const group = groups.find((g) => g.turn === i + 1);
          expect(group).toBeDefined();
          const before = play.turns[i - 1]?.transcriptLength ?? 0;
          expect(group?.lines.map((l) => l.id)).toEqual(
            play.transcript.slice(before, turn.transcriptLength).map((t) => t.line.id),
          );
          expect(group?.choice).toEqual(
            turn.chosen ? { text: turn.chosen.chosenText, timedOut: turn.chosen.timedOut } : null,
          );
        });
        expect(groups.filter((g) => g.turn !== null)).toHaveLength(play.turns.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the decisions of a resumed save before this tab their lines and choices', () => {
    const line = (id: number, text: string) => ({
      id,
      text,
      speaker: null,
      className: null,
      image: null,
    });
    const resumed: PlayView = {
      ...base,
      state: 'choosing',
      lines: [line(7, 'The hall.')],
      // the save brought back the whole playthrough, earlier CLEARs included
      transcript: [line(1, 'Morning.'), line(4, 'The kitchen.'), line(7, 'The hall.')],
      history: [
        { turn: 1, afterLine: 1, decisionId: 'd1', chosenText: 'Get up', timedOut: false },
        { turn: 2, afterLine: 4, decisionId: 'd2', chosenText: 'Wait', timedOut: true },
      ],
      decision: decision(3),
    };
    const groups = historyGroups(rememberView(EMPTY_HISTORY, resumed), resumed);
    expect(groups).toEqual([
      {
        turn: 1,
        lines: [{ id: 1, text: 'Morning.', speaker: null }],
        choice: { text: 'Get up', timedOut: false },
      },
      {
        turn: 2,
        lines: [{ id: 4, text: 'The kitchen.', speaker: null }],
        choice: { text: 'Wait', timedOut: true },
      },
      { turn: 3, lines: [{ id: 7, text: 'The hall.', speaker: null }], choice: null },
    ]);
  });

  it('returns the same memory when a view adds nothing, so the dialog need not redraw', () => {
    const view: PlayView = {
      ...base,
      lines: [{ id: 1, text: 'One.', speaker: null, className: null, image: null }],
    };
    const once = rememberView(EMPTY_HISTORY, view);
    expect(rememberView(once, view)).toBe(once);
  });
});

describe('the History dialog', () => {
  let dialog: HistoryDialog | null = null;
  afterEach(() => {
    dialog?.destroy();
    dialog = null;
    document.body.replaceChildren();
  });

  function mounted() {
    const sent: PlayerCommand[] = [];
    dialog = new HistoryDialog({ hold: menuHold((c) => sent.push(c)) });
    document.body.append(dialog.button, dialog.dialog);
    const play = new Play();
    play.say('You wake.', null, false);
    play.say('Up, now.', 'NELL', false);
    play.decide();
    play.pick('Get up', false);
    play.say('The hall.', null, true);
    play.decide();
    play.pick('Wait', true);
    play.say('Too late.', null, false);
    for (const view of play.views) dialog.update(view);
    return { sent, dialog };
  }

  it('is a dialog labelled History that holds the window while open and gives focus back', () => {
    const { sent, dialog: d } = mounted();
    d.button.focus();
    d.button.click();
    const el = document.querySelector('dialog')!;
    expect(el.hasAttribute('open')).toBe(true);
    expect(document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'History',
    );
    expect(el.contains(document.activeElement)).toBe(true);
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
    );
    expect(el.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(d.button);
    expect(sent).toEqual([
      { type: 'PAUSE', reason: 'menu' },
      { type: 'RESUME', reason: 'menu' },
    ]);
  });

  it('reads as headings per decision, the lines as lists with their speakers, and who chose', () => {
    const { dialog: d } = mounted();
    d.open();
    const groups = [...document.querySelectorAll('.history-group')];
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual([
      'Decision 1',
      'Decision 2',
      'Since your last choice',
    ]);
    expect([...groups[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'You wake.',
      'NELL: Up, now.',
    ]);
    expect(groups[0]!.querySelector('.history-choice')?.textContent).toBe('You chose: Get up');
    // the line after a CLEAR is still there
    expect(groups[1]!.textContent).toContain('The hall.');
    expect(groups[1]!.querySelector('.history-choice')?.textContent).toBe('The clock chose: Wait');
    expect(groups[2]!.textContent).toContain('Too late.');
    const region = document.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Playthrough so far');
    expect(region?.getAttribute('tabindex')).toBe('0');
  });

  it('keeps story markup as text', () => {
    const sent: PlayerCommand[] = [];
    dialog = new HistoryDialog({ hold: menuHold((c) => sent.push(c)) });
    document.body.append(dialog.dialog);
    dialog.update({
      ...base,
      lines: [
        {
          id: 1,
          text: '<img src=x onerror=alert(1)>',
          speaker: '<b>',
          className: null,
          image: null,
        },
      ],
    });
    dialog.open();
    expect(document.querySelector('.history-list img, .history-list b')).toBeNull();
    expect(document.querySelector('.history-line')?.textContent).toBe(
      '<b>: <img src=x onerror=alert(1)>',
    );
  });
});
