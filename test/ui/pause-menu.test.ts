// The pause menu in jsdom: what it sends, how it holds the window, its focus and its keys.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../../src/core/commands.ts';
import type { TimeScale } from '../../src/core/timing.ts';
import type { PlayView } from '../../src/core/view.ts';
import {
  bindMenuKeys,
  menuHold,
  PauseMenu,
  type PauseMenuOptions,
} from '../../src/ui/pause-menu.ts';
import { decisionView, playView, shownLine } from '../builders.ts';

const hello = shownLine(1, 'Hello.');
const timedView: PlayView = playView({
  lines: [hello],
  transcript: [hello],
  readThrough: 1,
  decision: decisionView({ id: 'd', options: [{ index: 0, text: 'Yes', isDefault: true }] }),
});

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup) f();
  cleanup = [];
  document.body.replaceChildren();
});

function mount(extra: Partial<PauseMenuOptions> = {}) {
  const sent: PlayerCommand[] = [];
  const saved: TimeScale[] = [];
  const opened: string[] = [];
  const send = (c: PlayerCommand): void => {
    sent.push(c);
  };
  const menu = new PauseMenu({
    title: 'The Story',
    send,
    hold: menuHold(send),
    timeScale: 1,
    saveTimeScale: (scale) => {
      saved.push(scale);
      return Promise.resolve();
    },
    openHistory: () => opened.push('history'),
    openLedger: () => opened.push('ledger'),
    mapHref: '#/map/s',
    ...extra,
  });
  const root = document.createElement('section');
  const before = document.createElement('button');
  before.textContent = 'elsewhere';
  root.append(before, menu.button, menu.dialog);
  document.body.append(root);
  cleanup.push(() => menu.destroy());
  return { menu, sent, saved, opened, root, before };
}

function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

const dialogOf = (root: Element) => root.querySelector<HTMLDialogElement>('dialog')!;
const button = (root: Element, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

describe('the pause menu', () => {
  it('is a dialog named by its heading, pauses the window for the menu and moves focus to Resume', () => {
    const { menu, sent, root } = mount();
    menu.button.focus();
    menu.button.click();
    const dialog = dialogOf(root);
    expect(dialog.hasAttribute('open')).toBe(true);
    const label = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).toBe('Paused');
    expect(sent).toEqual([{ type: 'PAUSE', reason: 'menu' }]);
    expect(document.activeElement?.textContent).toBe('Resume');
  });

  it('closes with Resume or Escape, resumes the window once and gives focus back to the opener', () => {
    const { menu, sent, root } = mount();
    menu.button.focus();
    menu.open();
    button(root, 'Resume').click();
    expect(dialogOf(root).hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(menu.button);
    menu.open();
    const esc = key(document.activeElement!, 'Escape');
    expect(esc.defaultPrevented).toBe(true);
    expect(dialogOf(root).hasAttribute('open')).toBe(false);
    expect(sent).toEqual([
      { type: 'PAUSE', reason: 'menu' },
      { type: 'RESUME', reason: 'menu' },
      { type: 'PAUSE', reason: 'menu' },
      { type: 'RESUME', reason: 'menu' },
    ]);
  });

  it('keeps Tab inside: past the last control it comes back to the first, and back again', () => {
    const { menu, root } = mount();
    menu.open();
    const dialog = dialogOf(root);
    const stops = [...dialog.querySelectorAll<HTMLElement>('button, a[href], input')].filter(
      (el) => el.closest('[hidden]') === null,
    );
    const first = stops[0]!;
    const last = stops.at(-1)!;
    expect(first.textContent).toBe('Resume');
    expect(last.textContent).toBe('Stories');
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
    expect(key(first, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
    // in the middle Tab is left to the browser
    const middle = stops[2]!;
    middle.focus();
    expect(key(middle, 'Tab').defaultPrevented).toBe(false);
  });

  it('keeps number keys and H from reaching the play view while open', () => {
    const { menu } = mount();
    const heard: string[] = [];
    const listen = (e: KeyboardEvent): void => {
      heard.push(e.key);
    };
    document.addEventListener('keydown', listen);
    cleanup.push(() => document.removeEventListener('keydown', listen));
    menu.open();
    key(document.activeElement!, '1');
    key(document.activeElement!, 'h');
    expect(heard).toEqual([]);
  });

  it('sends SET_TIME_SCALE for a timing, keeps it through the session and says so', async () => {
    const { menu, sent, saved, root } = mount();
    menu.open();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'As the story sets it',
      'Twice as long (×2)',
      'Ten times as long (×10)',
      'No timer: wait for me',
    ]);
    expect(radios.find((r) => r.checked)?.value).toBe('1');
    radios[3]!.click();
    await Promise.resolve();
    expect(sent).toContainEqual({ type: 'SET_TIME_SCALE', scale: 'off' });
    expect(saved).toEqual(['off']);
    expect(root.querySelector('.menu-said')?.textContent).toContain('Saved');
    radios[1]!.click();
    expect(sent.at(-1)).toEqual({ type: 'SET_TIME_SCALE', scale: 2 });
  });

  it('says plainly when a timing could not be kept, while the window still follows it', async () => {
    const { menu, sent, root } = mount({
      saveTimeScale: () => Promise.reject(new Error('The disk is full')),
    });
    menu.open();
    root.querySelectorAll<HTMLInputElement>('input[type="radio"]')[2]!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toContainEqual({ type: 'SET_TIME_SCALE', scale: 10 });
    const said = root.querySelector('.menu-said');
    expect(said?.getAttribute('role')).toBe('status');
    expect(said?.textContent).toContain('could not be saved (The disk is full)');
  });

  it('offers a text speed only when the session gives one, and keeps the pick through it', async () => {
    expect(mount().root.textContent).not.toContain('Text speed');
    document.body.replaceChildren();
    const picked: string[] = [];
    const { menu, root } = mount({
      textSpeed: {
        value: 'normal',
        choices: [
          { value: 'slow', label: 'Slow' },
          { value: 'normal', label: 'Normal' },
          { value: 'instant', label: 'Instant' },
        ],
        change: (v) => {
          picked.push(v);
          return Promise.resolve();
        },
      },
    });
    menu.open();
    const legends = [...root.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['Timing', 'Text speed']);
    const instant = [...root.querySelectorAll<HTMLInputElement>('input')].find(
      (i) => i.value === 'instant',
    )!;
    instant.click();
    await Promise.resolve();
    expect(picked).toEqual(['instant']);
  });

  it('asks before starting over, and only a yes sends RESTART (after the window is let go)', () => {
    const { menu, sent, root } = mount();
    menu.open();
    button(root, 'Start over…').click();
    const confirm = root.querySelector<HTMLElement>('.menu-confirm')!;
    expect(confirm.hidden).toBe(false);
    expect(document.activeElement?.textContent).toBe('No, keep my place');
    button(root, 'No, keep my place').click();
    expect(confirm.hidden).toBe(true);
    expect(sent).toEqual([{ type: 'PAUSE', reason: 'menu' }]);
    button(root, 'Start over…').click();
    button(root, 'Yes, start over').click();
    expect(dialogOf(root).hasAttribute('open')).toBe(false);
    expect(sent).toEqual([
      { type: 'PAUSE', reason: 'menu' },
      { type: 'RESUME', reason: 'menu' },
      { type: 'RESTART' },
    ]);
  });

  it('offers More time only while a timed window is open, and goes back to it after', () => {
    const { menu, sent, root } = mount();
    const more = root.querySelector<HTMLButtonElement>('.menu-more-time')!;
    expect(more.hidden).toBe(true);
    menu.update(timedView);
    expect(more.hidden).toBe(false);
    menu.open();
    // the menu's own pause shows the play as `paused`: the window is still the one to extend
    menu.update({ ...timedView, state: 'paused' });
    expect(more.hidden).toBe(false);
    more.click();
    expect(sent).toEqual([
      { type: 'PAUSE', reason: 'menu' },
      { type: 'MORE_TIME' },
      { type: 'RESUME', reason: 'menu' },
    ]);
    menu.update({ ...timedView, decision: { ...timedView.decision!, windowMs: null } });
    expect(more.hidden).toBe(true);
  });

  it('holds every play control a phone folds away: History, the ledger, sound, the map and home', () => {
    let muted = false;
    const { menu, opened, root } = mount({
      sound: { muted: () => muted, setMuted: (m) => (muted = m) },
    });
    menu.setRecording('Recording for Ada');
    menu.open();
    button(root, 'History').click();
    button(root, 'What’s being recorded').click();
    expect(opened).toEqual(['history', 'ledger']);
    const mute = button(root, 'Mute sound');
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    mute.click();
    expect(muted).toBe(true);
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.menu-recording')?.textContent).toBe('Recording for Ada');
    const links = [...root.querySelectorAll('dialog a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Story map', '#/map/s'],
      ['Stories', '#/'],
    ]);
  });
});

describe('one hold for the play dialogs', () => {
  it('pauses on the first hold and resumes on the last release, each release counted once', () => {
    const sent: PlayerCommand[] = [];
    const hold = menuHold((c) => sent.push(c));
    const a = hold();
    const b = hold();
    a();
    a();
    expect(sent).toEqual([{ type: 'PAUSE', reason: 'menu' }]);
    b();
    expect(sent).toEqual([
      { type: 'PAUSE', reason: 'menu' },
      { type: 'RESUME', reason: 'menu' },
    ]);
  });
});

describe('the menu keys', () => {
  it('opens the menu on Escape and the History on H, but not from a field, with a modifier or under a dialog', () => {
    const root = document.createElement('section');
    const field = document.createElement('input');
    root.append(field);
    document.body.append(root);
    const calls: string[] = [];
    cleanup.push(
      bindMenuKeys(root, { menu: () => calls.push('menu'), history: () => calls.push('history') }),
    );
    key(document.body, 'Escape');
    key(document.body, 'h');
    key(document.body, 'H');
    key(field, 'Escape');
    key(document.body, 'h', { ctrlKey: true });
    key(document.body, 'Escape', { repeat: true });
    const open = document.createElement('dialog');
    open.setAttribute('open', '');
    root.append(open);
    key(document.body, 'Escape');
    expect(calls).toEqual(['menu', 'history', 'history']);
  });
});
