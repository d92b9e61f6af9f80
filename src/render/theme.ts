// Colour palettes of the play canvas for the dark and light themes.

export type ThemeName = 'dark' | 'light';

export interface Palette {
  readonly background: number;
  readonly text: number;
  readonly speaker: number;
  /** panel drawn behind the story text so it stays legible over any backdrop */
  readonly scrim: number;
  readonly scrimAlpha: number;
  readonly card: number;
  readonly cardAlpha: number;
  readonly cardStroke: number;
  readonly cardText: number;
  readonly chosen: number;
  readonly chosenText: number;
  readonly defaultMark: number;
  readonly timerTrack: number;
  readonly timerFill: number;
  readonly timerPaused: number;
  /** the countdown's fill in its last seconds (LOW_TIME_MS) */
  readonly timerLow: number;
  /** soft shadow under subtitle text, the opposite of the text colour */
  readonly textShadow: number;
  readonly fontFamily: string;
}

/**
 * Atkinson Hyperlegible Next (self-hosted by styles.css, 400 and 700) for the story and the cards;
 * the system stack until it has loaded (the stage lays the text out again when it arrives).
 */
export const BODY_FONT = 'Atkinson Hyperlegible Next';
const FONT = `"${BODY_FONT}", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;

const DARK: Palette = {
  background: 0x07080c,
  text: 0xf2f2f2,
  speaker: 0xffc857,
  scrim: 0x000000,
  scrimAlpha: 0.68,
  card: 0x111318,
  cardAlpha: 0.88,
  cardStroke: 0xe6e6e6,
  cardText: 0xffffff,
  chosen: 0xf5f5f5,
  chosenText: 0x0b0b0b,
  defaultMark: 0xffc857,
  timerTrack: 0x2a2a2a,
  timerFill: 0xf4f4f4,
  timerPaused: 0x8a8a8a,
  timerLow: 0xff5c4d,
  textShadow: 0x000000,
  fontFamily: FONT,
};

const LIGHT: Palette = {
  background: 0xf4f1ea,
  text: 0x15161a,
  speaker: 0x8a3b00,
  scrim: 0xfbf9f4,
  scrimAlpha: 0.78,
  card: 0xffffff,
  cardAlpha: 0.94,
  cardStroke: 0x2b2b2b,
  cardText: 0x111111,
  chosen: 0x1b1b1f,
  chosenText: 0xffffff,
  defaultMark: 0x8a3b00,
  timerTrack: 0xd2cfc7,
  timerFill: 0x1b1b1f,
  timerPaused: 0x8f8c85,
  timerLow: 0xb3261e,
  textShadow: 0xffffff,
  fontFamily: FONT,
};

export function paletteFor(theme: ThemeName): Palette {
  switch (theme) {
    case 'dark':
      return DARK;
    case 'light':
      return LIGHT;
  }
}
