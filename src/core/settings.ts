// Player settings kept per profile: timing, recording controls, personalisation and display.
import type { TimeScale } from './timing.ts';

export type ThemeSetting = 'system' | 'light' | 'dark';

/** How fast story text is revealed; `instant` shows each page whole. */
export type TextSpeed = 'slow' | 'normal' | 'fast' | 'instant';

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
  /** how fast the story's text is revealed */
  readonly textSpeed: TextSpeed;
  /** pages and the last beat advance by themselves after a reading time; choices never do */
  readonly autoplay: boolean;
  /** no sound at all (no audio engine is even started) */
  readonly soundMuted: boolean;
  /** the mixer, each 0…1: everything, the score, and effects with ambience */
  readonly masterVolume: number;
  readonly musicVolume: number;
  readonly effectsVolume: number;
}

export const DEFAULT_SETTINGS: Settings = {
  timeScale: 1,
  recordingPaused: false,
  incognito: false,
  retentionDays: null,
  personalisation: true,
  reducedMotion: null,
  theme: 'system',
  textSpeed: 'normal',
  autoplay: false,
  soundMuted: false,
  masterVolume: 0.7,
  musicVolume: 0.5,
  effectsVolume: 0.6,
};
