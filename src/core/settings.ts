// Player settings kept per profile: timing, recording controls, personalisation and display.
import type { TimeScale } from './timing.ts';

export type ThemeSetting = 'system' | 'light' | 'dark';

/** What the recording settings allow: everything, no events (saves go on), or nothing at all. */
export type RecordingMode = 'recording' | 'paused' | 'incognito';

export interface Settings {
  /** how much time decisions get (WCAG 2.2.1) */
  readonly timeScale: TimeScale;
  /** capture stops; play and autosave go on */
  readonly recordingPaused: boolean;
  /** nothing at all is stored: no events, no autosave */
  readonly incognito: boolean;
  /** events older than this many days are deleted automatically; null = keep (the default) */
  readonly retentionDays: number | null;
  /** posters and ordering may follow the profile */
  readonly personalisation: boolean;
  /** null follows the system's prefers-reduced-motion */
  readonly reducedMotion: boolean | null;
  readonly theme: ThemeSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  timeScale: 1,
  recordingPaused: false,
  incognito: false,
  retentionDays: null,
  personalisation: true,
  reducedMotion: null,
  theme: 'system',
};
