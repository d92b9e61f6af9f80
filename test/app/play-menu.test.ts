// The play session's pause menu and History in jsdom: Escape holds the window and lets it go, a
// timing picked in play is kept as the profile's setting, H shows the playthrough so far.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { FakeScript } from '../player/fake-runtime.ts';
import {
  countingStore,
  mount,
  pick,
  profile,
  waitForState,
  type Mounted,
} from './session-fixture.ts';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.teardown();
  mounted = null;
  document.body.replaceChildren();
});

/** One timed decision (a minute, so it never runs out in a test), then an ending. */
const timed: FakeScript = {
  start: {
    lines: ['The phone rings.'],
    decision: {
      id: 'start.0',
      timerSeconds: 60,
      options: [
        { text: 'Answer', next: 'end' },
        { text: 'Let it ring', next: 'end' },
      ],
    },
  },
  end: { lines: ['Silence.'], endPath: 'end' },
};

function press(key: string): void {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

const dialog = (root: HTMLElement, name: string): HTMLDialogElement | undefined =>
  [...root.querySelectorAll('dialog')].find(
    (d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  );

const statusOf = (root: HTMLElement): string =>
  root.querySelector('.play-status')?.textContent ?? '';

describe('the pause menu in a play session', () => {
  it('Escape opens the menu and holds the window; Escape again closes it and the window runs', async () => {
    const { store } = countingStore();
    mounted = await mount(store, { script: timed });
    await waitForState(mounted.root, 'choosing');
    await vi.waitFor(() =>
      expect(mounted?.root.querySelector('.choice:not([disabled])')).not.toBeNull(),
    );
    expect(statusOf(mounted.root)).toBe('');
    press('Escape');
    const menu = dialog(mounted.root, 'Paused');
    expect(menu?.hasAttribute('open')).toBe(true);
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toContain('Paused'));
    // a number key in the menu never picks behind it
    press('1');
    // the player's own pause shows as `paused` (DESIGN §7), the decision held behind the menu
    expect(mounted.root.dataset.state).toBe('paused');
    expect(mounted.root.querySelector('.choice.chosen')).toBeNull();
    press('Escape');
    expect(menu?.hasAttribute('open')).toBe(false);
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toBe(''));
    await waitForState(mounted.root, 'choosing');
  });

  it('a timing picked in the menu is kept as the profile’s setting and recorded as a settings change', async () => {
    const { store } = countingStore();
    mounted = await mount(store, { script: timed });
    await waitForState(mounted.root, 'choosing');
    mounted.root.querySelector<HTMLButtonElement>('.menu-open')?.click();
    const noTimer = [
      ...mounted.root.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
    ].find((r) => r.value === 'off');
    noTimer?.click();
    await vi.waitFor(async () =>
      expect(await store.getSettings(profile.id)).toEqual({
        ...DEFAULT_SETTINGS,
        timeScale: 'off',
      }),
    );
    await vi.waitFor(async () => {
      const changes = (await store.events(profile.id)).filter((e) => e.type === 'settings.changed');
      expect(changes).toMatchObject([{ key: 'timeScale', value: 'off' }]);
    });
    expect(mounted.settings().timeScale).toBe('off');
    expect(mounted.root.querySelector('.menu-said')?.textContent).toContain('Saved');
  });

  it('a text speed picked in the menu is kept as the profile’s setting and recorded', async () => {
    const { store } = countingStore();
    mounted = await mount(store, { script: timed });
    await waitForState(mounted.root, 'choosing');
    mounted.root.querySelector<HTMLButtonElement>('.menu-open')?.click();
    mounted.root.querySelector<HTMLInputElement>('input[type="radio"][value="instant"]')?.click();
    await vi.waitFor(async () =>
      expect((await store.getSettings(profile.id)).textSpeed).toBe('instant'),
    );
    await vi.waitFor(async () => {
      const changes = (await store.events(profile.id)).filter((e) => e.type === 'settings.changed');
      expect(changes).toMatchObject([{ key: 'textSpeed', value: 'instant' }]);
    });
    expect(mounted.root.querySelector('.menu-said')?.textContent).toContain('Text speed: Instant');
  });

  it('says in the menu when the timing could not be kept', async () => {
    const { store } = countingStore();
    mounted = await mount(store, {
      script: timed,
      settingsFail: new Error('Storage is full'),
    });
    await waitForState(mounted.root, 'choosing');
    mounted.root.querySelector<HTMLButtonElement>('.menu-open')?.click();
    mounted.root.querySelector<HTMLInputElement>('input[type="radio"][value="2"]')?.click();
    await vi.waitFor(() =>
      expect(mounted?.root.querySelector('.menu-said')?.textContent).toContain(
        'could not be saved (Storage is full)',
      ),
    );
    expect((await store.getSettings(profile.id)).timeScale).toBe(1);
  });

  it('H shows the History of the lines and choices so far, and closing it lets the window go', async () => {
    const { store } = countingStore();
    mounted = await mount(store);
    await pick(mounted.root, 0);
    await waitForState(mounted.root, 'choosing');
    press('h');
    const history = dialog(mounted.root, 'History');
    expect(history?.hasAttribute('open')).toBe(true);
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toContain('Paused'));
    const text = history?.textContent ?? '';
    expect(text).toContain('You wake.');
    expect(text).toContain('You chose: Get up');
    expect(text).toContain('The hall.');
    press('Escape');
    expect(history?.hasAttribute('open')).toBe(false);
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toBe(''));
  });

  it('History opened from the menu goes back to the menu, and the window waits until both are closed', async () => {
    const { store } = countingStore();
    mounted = await mount(store, { script: timed });
    await waitForState(mounted.root, 'choosing');
    press('Escape');
    const menu = dialog(mounted.root, 'Paused');
    const historyButton = menu?.querySelector<HTMLButtonElement>('.menu-history');
    historyButton?.focus();
    historyButton?.click();
    const history = dialog(mounted.root, 'History');
    expect(history?.hasAttribute('open')).toBe(true);
    press('Escape');
    expect(history?.hasAttribute('open')).toBe(false);
    expect(menu?.hasAttribute('open')).toBe(true);
    expect(document.activeElement).toBe(historyButton);
    await new Promise((r) => setTimeout(r, 20));
    expect(statusOf(mounted.root)).toContain('Paused');
    press('Escape');
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toBe(''));
  });

  it('Start over in the menu, once confirmed, begins the story again and records it', async () => {
    const { store } = countingStore();
    mounted = await mount(store);
    await pick(mounted.root, 0);
    await waitForState(mounted.root, 'choosing');
    press('Escape');
    const menu = dialog(mounted.root, 'Paused')!;
    menu.querySelector<HTMLButtonElement>('.menu-start-over')?.click();
    [...menu.querySelectorAll('button')].find((b) => b.textContent === 'Yes, start over')?.click();
    await vi.waitFor(async () => {
      const rewinds = (await store.events(profile.id)).filter((e) => e.type === 'decision.rewound');
      expect(rewinds).toMatchObject([{ toTurn: 0 }]);
    });
    await vi.waitFor(() =>
      expect(mounted?.root.querySelector('[role="group"]')?.textContent).toContain('Get up'),
    );
  });

  it('a menu opened while the story still loads holds the first window once it opens', async () => {
    const { store } = countingStore();
    let open = (): void => undefined;
    const loadGate = new Promise<void>((resolve) => (open = resolve));
    const pending = mount(store, { script: timed, loadGate });
    await vi.waitFor(() => expect(document.querySelector('.menu-open')).not.toBeNull());
    press('Escape');
    expect(document.querySelector('dialog[open]')).not.toBeNull();
    open();
    mounted = await pending;
    await waitForState(mounted.root, 'paused');
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toContain('Paused'));
    press('Escape');
    await vi.waitFor(() => expect(statusOf(mounted!.root)).toBe(''));
    await waitForState(mounted.root, 'choosing');
  });

  it('leaves no key handler behind: Escape after leaving play opens nothing', async () => {
    const { store } = countingStore();
    mounted = await mount(store);
    await waitForState(mounted.root, 'choosing');
    const root = mounted.root;
    mounted.teardown();
    mounted = null;
    press('Escape');
    expect(root.querySelector('dialog')).toBeNull();
  });
});
