// Read, then choose in the DOM: the log's aria-busy, the lines it shows, the continue cue, REVEALED
// to the player, the progressbar only while a decision is open, "The clock chose", and autoplay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { TextSpeed } from '../../src/core/settings.ts';
import type { PlayView } from '../../src/core/view.ts';
import { PlayMirror } from '../../src/ui/play-mirror.ts';
import { lineRevealMs } from '../../src/ui/reading.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

const lines = [shownLine(1, 'The phone rings.'), shownLine(2, 'Nobody moves.')];
const reading = (over: Partial<PlayView> = {}): PlayView =>
  playView({ state: 'reading', decision: null, lines, ...over });

let mirror: PlayMirror | null = null;
let advances = 0;
function mount(
  opts: { canvas?: boolean; speed?: TextSpeed; autoplay?: boolean; stageMoves?: boolean } = {},
) {
  const sent: PlayerCommand[] = [];
  advances = 0;
  mirror = new PlayMirror({
    send: (c) => sent.push(c),
    now: () => 0,
    resolveAsset: () => null,
    profileName: 'Ada',
    title: 'S',
    textSpeed: opts.speed ?? 'normal',
    autoplay: opts.autoplay ?? false,
    advanceStage: () => {
      advances += 1;
      return opts.stageMoves ?? true;
    },
  });
  mirror.setCanvasMode(opts.canvas ?? false);
  document.body.append(mirror.root);
  const log = () => document.querySelector('[role="log"]')!;
  const cue = () => document.querySelector<HTMLButtonElement>('button.continue')!;
  return { sent, mirror, log, cue };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  mirror?.destroy();
  mirror = null;
  vi.useRealTimers();
});

describe('the text-only view reads line by line', () => {
  it('shows each line at once, waits its typing time before the next, then says the beat is read once', () => {
    const { sent, mirror, log } = mount();
    mirror.update(reading());
    // the first line is there at once; the second waits for the first's typing time
    expect(log().getAttribute('aria-busy')).toBe('true');
    expect(log().textContent).toBe('The phone rings.');
    const first = lineRevealMs(lines[0]!.text.length, 'normal');
    vi.advanceTimersByTime(first - 1);
    expect(log().textContent).not.toContain('Nobody moves.');
    vi.advanceTimersByTime(1);
    expect(log().textContent).toContain('Nobody moves.');
    // read, then choose: the beat is not read while its last line is still typing
    expect(log().getAttribute('aria-busy')).toBe('true');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(lineRevealMs(lines[1]!.text.length, 'normal') - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log().getAttribute('aria-busy')).toBe('false');
    expect(sent).toEqual([{ type: 'REVEALED', through: 2 }]);
    mirror.update(reading());
    expect(sent).toHaveLength(1);
  });

  it('brings lines up with a fade, and without one under reduced motion', () => {
    const { mirror, log } = mount();
    mirror.update(reading());
    expect(log().querySelector('p')?.classList.contains('line-in')).toBe(true);
    mirror.destroy();
    const still = new PlayMirror({
      send: () => undefined,
      now: () => 0,
      resolveAsset: () => null,
      profileName: 'Ada',
      title: 'S',
      reducedMotion: () => true,
    });
    document.body.append(still.root);
    still.update(reading());
    const p = still.root.querySelector('[role="log"] p');
    expect(p?.textContent).toBe('The phone rings.');
    expect(p?.classList.contains('line-in')).toBe(false);
    still.destroy();
  });

  it('ends the last line’s typing time on Enter', () => {
    const { sent, mirror, log } = mount();
    mirror.update(reading({ lines: [lines[0]!] }));
    expect(log().textContent).toBe('The phone rings.');
    expect(sent).toEqual([]);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(log().getAttribute('aria-busy')).toBe('false');
    expect(sent).toEqual([{ type: 'REVEALED', through: 1 }]);
  });

  it('shows every line at once on Enter and reports them read', () => {
    const { sent, mirror, log } = mount({ speed: 'slow' });
    mirror.update(reading());
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(log().textContent).toContain('Nobody moves.');
    expect(log().getAttribute('aria-busy')).toBe('false');
    expect(sent).toEqual([{ type: 'REVEALED', through: 2 }]);
  });

  it('shows the text whole at instant speed', () => {
    const { sent, mirror } = mount({ speed: 'instant' });
    mirror.update(reading());
    expect(sent).toEqual([{ type: 'REVEALED', through: 2 }]);
  });
});

describe('the canvas view follows the stage', () => {
  it('logs only the lines of pages on screen, busy while the stage reveals, and offers Continue', () => {
    const { sent, mirror, log, cue } = mount({ canvas: true });
    mirror.update(reading());
    mirror.setReveal({ busy: true, through: 1, more: true, pageChars: 16 });
    expect(log().getAttribute('aria-busy')).toBe('true');
    expect(log().textContent).toContain('The phone rings.');
    expect(log().textContent).not.toContain('Nobody moves.');
    expect(cue().hidden).toBe(true);
    mirror.setReveal({ busy: false, through: 1, more: true, pageChars: 16 });
    expect(cue().hidden).toBe(false);
    expect(sent).toEqual([]);
    cue().click();
    expect(advances).toBe(1);
    mirror.setReveal({ busy: false, through: 2, more: false, pageChars: 13 });
    expect(log().textContent).toContain('Nobody moves.');
    expect(cue().hidden).toBe(true);
    expect(sent).toEqual([{ type: 'REVEALED', through: 2 }]);
  });

  it('continues to the ending from the last beat, by the button or Space', () => {
    const { sent, mirror, cue } = mount({ canvas: true, stageMoves: false });
    mirror.update(reading({ endingNext: true }));
    mirror.setReveal({ busy: false, through: 2, more: false, pageChars: 13 });
    expect(cue().hidden).toBe(false);
    expect(cue().textContent).toBe('Continue to the ending');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    cue().click();
    expect(sent.filter((c) => c.type === 'CONTINUE')).toHaveLength(2);
  });

  it('turns pages and goes on to the ending by itself under autoplay, after a reading time', () => {
    const { sent, mirror } = mount({ canvas: true, autoplay: true });
    mirror.update(reading());
    mirror.setReveal({ busy: false, through: 1, more: true, pageChars: 16 });
    vi.advanceTimersByTime(1_499);
    expect(advances).toBe(0);
    vi.advanceTimersByTime(1);
    expect(advances).toBe(1);
    mirror.update(playView({ lines, decision: decisionView({ phase: 'selecting' }) }));
    mirror.setReveal({ busy: false, through: 2, more: false, pageChars: 13 });
    vi.advanceTimersByTime(600_000);
    expect(sent.filter((c) => c.type === 'PICK')).toEqual([]);
  });
});

describe('the decision window in the DOM', () => {
  it('has a progressbar only while a decision is open', () => {
    const { mirror } = mount({ speed: 'instant' });
    const bar = () => document.querySelector('[role="progressbar"]');
    mirror.update(reading());
    expect(bar()).toBeNull();
    mirror.update(
      playView({ lines, decision: decisionView({ phase: 'shown', runningSince: null }) }),
    );
    expect(bar()?.getAttribute('aria-valuenow')).toBe('100');
    mirror.update(playView({ lines, decision: decisionView({ phase: 'picked', chosen: 0 }) }));
    expect(bar()).toBeNull();
  });

  it('says what the clock chose while its card holds', () => {
    const { mirror } = mount({ speed: 'instant' });
    mirror.update(
      playView({ lines, decision: decisionView({ phase: 'timedOut', chosen: 1, remainingMs: 0 }) }),
    );
    expect(document.querySelector('[role="status"].play-status')?.textContent).toBe(
      'The clock chose: Let it ring',
    );
  });
});

describe('a view that answers at once', () => {
  it('offers the ending’s Continue when the player answers REVEALED synchronously with a new view', () => {
    const sent: PlayerCommand[] = [];
    const m = new PlayMirror({
      send: (c) => {
        sent.push(c);
        // the player's machine answers within send, as xstate does
        if (c.type === 'REVEALED') m.update(reading({ endingNext: true }));
      },
      now: () => 0,
      resolveAsset: () => null,
      profileName: 'Ada',
      title: 'S',
      advanceStage: () => false,
    });
    mirror = m;
    m.setCanvasMode(true);
    document.body.append(m.root);
    m.update(reading());
    m.setReveal({ busy: false, through: 2, more: false, pageChars: 13 });
    const cue = document.querySelector<HTMLButtonElement>('button.continue')!;
    expect(cue.hidden).toBe(false);
    expect(cue.textContent).toBe('Continue to the ending');
  });
});

describe('the log keeps what it showed', () => {
  it('never takes a line back when a relayout moves it to a later page', () => {
    const { mirror, log } = mount({ canvas: true });
    mirror.update(reading());
    mirror.setReveal({ busy: false, through: 2, more: false, pageChars: 29 });
    // the cards rise and the page shrinks: line 2 now waits on the next page
    mirror.setReveal({ busy: false, through: 1, more: true, pageChars: 16 });
    expect(log().textContent).toContain('Nobody moves.');
  });
});
