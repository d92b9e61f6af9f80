// The live ledger in jsdom: what it says about each event, when nothing is kept, and how it
// opens, pauses and closes.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEvent, EventOf } from '../../src/core/events.ts';
import {
  LedgerPanel,
  ledgerLine,
  recordingLabel,
  recordingModeOf,
  type LedgerOptions,
} from '../../src/ui/ledger.ts';
import { choiceEvent } from '../builders.ts';

const base = {
  v: 1 as const,
  profileId: 'p',
  sessionId: 's',
  storyId: 'night-shift',
  storyVersion: 'v1',
};

function choice(id: string, at: string, over: Partial<EventOf<'choice.made'>> = {}): CaptureEvent {
  return choiceEvent({ ...base, id, at, windowMs: 6000, ...over });
}

function started(id: string, at: string): CaptureEvent {
  return { ...base, id, at, type: 'session.started' };
}

const panels: LedgerPanel[] = [];
function panel(over: Partial<LedgerOptions> = {}): {
  ledger: LedgerPanel;
  calls: string[];
} {
  const calls: string[] = [];
  const ledger = new LedgerPanel({
    events: [],
    mode: 'recording',
    storageMessage: null,
    onOpen: () => calls.push('open'),
    onClose: () => calls.push('close'),
    ...over,
  });
  document.body.append(ledger.button, ledger.dialog);
  panels.push(ledger);
  return { ledger, calls };
}

function items(ledger: LedgerPanel): string[] {
  return [...ledger.dialog.querySelectorAll('.ledger-item .ledger-text')].map(
    (el) => el.textContent ?? '',
  );
}

afterEach(() => {
  for (const p of panels.splice(0)) p.destroy();
  document.body.replaceChildren();
});

describe('what the ledger says about an event', () => {
  it('marks a pick as the player’s with the decision time and the window', () => {
    const line = ledgerLine(choice('c1', '2024-01-01T00:00:01.000Z'));
    expect(line.kind).toBe('you');
    expect(line.text).toBe('You chose “Answer it”');
    expect(line.detail).toContain('after 2.3 s');
    expect(line.detail).toContain('of 6.0 s');
  });

  it('marks a timed-out decision as the timer’s, naming the option it took', () => {
    const line = ledgerLine(
      choice('c2', '2024-01-01T00:00:01.000Z', {
        chosenIndex: 1,
        timedOut: true,
        decisionMs: 6000,
        input: 'timer',
      }),
    );
    expect(line.kind).toBe('timer');
    expect(line.text).toBe('The timer chose “Let it ring”');
    expect(line.detail).toContain('6.0 s ran out');
  });

  it('describes rewinds, restarts and settings changes in words', () => {
    const rewind = ledgerLine({
      ...base,
      id: 'r',
      at: 'x',
      type: 'decision.rewound',
      toDecisionId: 'desk.0',
      toTurn: 2,
      fromTurn: 5,
    });
    expect(rewind.text).toBe('Went back from decision 5 to decision 2');
    const restart = ledgerLine({
      ...base,
      id: 'r0',
      at: 'x',
      type: 'decision.rewound',
      toDecisionId: null,
      toTurn: 0,
      fromTurn: 3,
    });
    expect(restart.text).toBe('Started over from the beginning');
    const setting = ledgerLine({
      ...base,
      id: 's1',
      at: 'x',
      type: 'settings.changed',
      key: 'timeScale',
      value: 2,
    });
    expect(setting.text).toBe('Setting “timeScale” changed to 2');
  });
});

describe('whether anything is being kept', () => {
  it('names incognito and pause first, then a memory-only store, then failing writes', () => {
    const ok = { state: 'ok' as const, message: '' };
    const full = { state: 'full' as const, message: 'Storage is full.' };
    expect(recordingModeOf('incognito', 'memory', full, true)).toBe('incognito');
    expect(recordingModeOf('paused', 'memory', ok, true)).toBe('paused');
    expect(recordingModeOf('recording', 'memory', ok, true)).toBe('memory');
    expect(recordingModeOf('recording', 'persistent', full)).toBe('memory');
    expect(recordingModeOf('recording', 'persistent', ok, true)).toBe('failing');
    expect(recordingModeOf('recording', 'persistent', undefined)).toBe('recording');
  });

  it('labels the play controls for each mode', () => {
    expect(recordingLabel('recording', 'Ada')).toBe('Recording for Ada');
    expect(recordingLabel('paused', 'Ada')).toMatch(/^Recording paused/);
    expect(recordingLabel('incognito', 'Ada')).toBe('Incognito: nothing is kept');
    expect(recordingLabel('memory', 'Ada')).toBe('Not saved: storage unavailable');
    expect(recordingLabel('failing', 'Ada')).not.toMatch(/^Recording/);
  });

  it('says plainly in the panel that nothing is recorded in incognito play', () => {
    const { ledger } = panel({ mode: 'incognito' });
    const notice = ledger.dialog.querySelector('.ledger-notice');
    expect(notice?.hasAttribute('hidden')).toBe(false);
    expect(notice?.textContent).toContain('nothing is being recorded');
    expect(ledger.dialog.querySelector('.ledger-empty')?.textContent).toBe(
      'Nothing is being recorded.',
    );
  });

  it('shows the store’s own sentence when storage fell back to memory, and no notice when recording', () => {
    const { ledger } = panel({
      mode: 'memory',
      storageMessage: 'Storage is full: kept in memory.',
    });
    expect(ledger.dialog.querySelector('.ledger-notice')?.textContent).toBe(
      'Storage is full: kept in memory.',
    );
    ledger.setMode('recording', null);
    expect(ledger.dialog.querySelector('.ledger-notice')?.hasAttribute('hidden')).toBe(true);
  });
});

describe('the ledger panel', () => {
  it('lists events newest first as they arrive, each once, and links to the full report', () => {
    const { ledger } = panel({ events: [started('e0', '2024-01-01T00:00:00.000Z')] });
    ledger.add(choice('e1', '2024-01-01T00:00:05.000Z'));
    ledger.add(choice('e1', '2024-01-01T00:00:05.000Z'));
    ledger.add(
      choice('e2', '2024-01-01T00:00:09.000Z', {
        chosenIndex: 1,
        timedOut: true,
      }),
    );
    expect(items(ledger)).toEqual([
      'The timer chose “Let it ring”',
      'You chose “Answer it”',
      'Session started',
    ]);
    expect(ledger.dialog.querySelector('.ledger-empty')?.hasAttribute('hidden')).toBe(true);
    expect(ledger.dialog.querySelector('a[href="#/report"]')).not.toBeNull();
  });

  it('puts an older event loaded late below the newer ones already shown', () => {
    const { ledger } = panel();
    ledger.add(choice('new', '2024-01-01T00:00:09.000Z'));
    ledger.add(started('old', '2024-01-01T00:00:00.000Z'));
    expect(items(ledger)).toEqual(['You chose “Answer it”', 'Session started']);
  });

  it('asks to pause when opened and to resume when closed, once each', () => {
    const { ledger, calls } = panel();
    ledger.button.click();
    ledger.button.click();
    expect(ledger.opened).toBe(true);
    expect(ledger.dialog.hasAttribute('open')).toBe(true);
    ledger.close();
    ledger.close();
    expect(calls).toEqual(['open', 'close']);
    expect(ledger.dialog.hasAttribute('open')).toBe(false);
  });

  it('closes on Escape and keeps the key from reaching the play view', () => {
    const { ledger, calls } = panel();
    const reached: string[] = [];
    const onKey = (e: KeyboardEvent): void => void reached.push(e.key);
    document.addEventListener('keydown', onKey);
    try {
      ledger.open();
      const close = ledger.dialog.querySelector<HTMLButtonElement>('.ledger-close');
      expect(document.activeElement).toBe(close);
      close?.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
      close?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(reached).toEqual([]);
      expect(calls).toEqual(['open', 'close']);
      expect(ledger.opened).toBe(false);
      expect(document.activeElement).toBe(ledger.button);
    } finally {
      document.removeEventListener('keydown', onKey);
    }
  });

  it('leaving the play view while open removes the panel without asking to resume', () => {
    const { ledger, calls } = panel();
    ledger.open();
    ledger.destroy();
    expect(calls).toEqual(['open']);
    expect(ledger.dialog.isConnected).toBe(false);
  });
});
