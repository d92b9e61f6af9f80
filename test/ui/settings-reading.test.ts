// The settings page's reading controls: text speed and autoplay change the settings they name.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { renderSettings } from '../../src/ui/settings.ts';

function render(settings: Partial<Settings> = {}) {
  const changes: [string, unknown][] = [];
  const page = renderSettings(
    {
      profiles: [{ id: 'p', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' }],
      activeId: 'p',
      settings: { ...DEFAULT_SETTINGS, ...settings },
      storageNotice: null,
    },
    {
      change: (key, value) => {
        changes.push([key, value]);
        return Promise.resolve();
      },
      switchProfile: () => Promise.resolve(),
      createProfile: () => Promise.resolve(),
      renameProfile: () => Promise.resolve(),
      deleteProfile: () => Promise.resolve(),
    },
  );
  document.body.replaceChildren(page);
  return { page, changes };
}

describe('reading settings', () => {
  it('shows the current text speed and changes it', () => {
    const { page, changes } = render({ textSpeed: 'fast' });
    const radio = (value: string) =>
      page.querySelector<HTMLInputElement>(`input[name="text-speed"][value="${value}"]`)!;
    expect(radio('fast').checked).toBe(true);
    radio('instant').click();
    expect(changes).toEqual([['textSpeed', 'instant']]);
  });

  it('turns autoplay on and off', () => {
    const { page, changes } = render();
    const box = [...page.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((i) =>
      i.closest('.check')?.textContent?.includes('Autoplay'),
    )!;
    expect(box.checked).toBe(false);
    box.click();
    expect(changes).toEqual([['autoplay', true]]);
  });
});
