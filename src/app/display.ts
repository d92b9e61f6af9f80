// The page's and the canvas's theme: the player's setting, else the story's `theme` tag, else the
// system's preference.
import type { Settings } from '../core/settings.ts';
import type { ThemeName } from '../render/theme.ts';

export function isTheme(value: string | null): value is ThemeName {
  return value === 'dark' || value === 'light';
}

/** The canvas theme: the player's explicit setting, else the story's `theme` tag, else the system's. */
export function stageTheme(
  settings: Settings,
  storyTheme: string | null,
  matchMedia: (query: string) => MediaQueryList,
): ThemeName {
  if (settings.theme !== 'system') return settings.theme;
  if (isTheme(storyTheme)) return storyTheme;
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** The page's theme as the settings say (a story's own theme applies only while it plays). */
export function applyDisplay(settings: Settings): void {
  if (settings.theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
}
