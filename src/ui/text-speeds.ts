// The text speeds a player can pick, with their words: shared by the settings page and the pause
// menu (a module of its own, so play does not load the settings page to offer them).
import type { TextSpeed } from '../core/settings.ts';

export const TEXT_SPEED_CHOICES = [
  { value: 'slow', label: 'Slow' },
  { value: 'normal', label: 'Normal' },
  { value: 'fast', label: 'Fast' },
  { value: 'instant', label: 'Instant (each page appears whole)' },
] as const satisfies readonly { value: TextSpeed; label: string }[];
