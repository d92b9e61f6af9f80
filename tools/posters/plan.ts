// What each poster shows: a scene from the story and a subject in front of it. The shipped
// stories are planned by hand from their text; any other story gets its most used scene and a
// subject for the pole its variant is shown for (so `npm run posters -- <id>` works for a new one).
import type { PosterSpec, PosterSubject } from '../../src/render/poster-art.ts';

export type Look = Pick<PosterSpec, 'scene' | 'subject' | 'light'>;

/** Keyed by story id, then by the poster's condition (`risk+`) or `default`. */
const PLANNED: Record<string, Record<string, Look>> = {
  'low-tide': {
    // a letter made of stones on the beach at low tide
    default: { scene: 'beach', subject: 'stones', light: 0xffd59a },
    // the lit door of the guest house on the front
    'curiosity+': { scene: 'beach', subject: 'doorway', light: 0xffc46e },
    // alone in the rented room out of season (the beach belongs to the other two)
    'solitude+': { scene: 'room time=night', subject: 'figure', light: 0xbfd4ff },
  },
  'night-shift': {
    // the old man out of the rain, under the lamp by the hotel
    default: { scene: 'street time=night weather=rain', subject: 'umbrella', light: 0xffc870 },
    // the rooftop edge, running
    'risk+': { scene: 'rooftop time=night weather=rain', subject: 'runner', light: 0xff9a5c },
    // the porter and the old man together in the lobby
    'empathy+': { scene: 'hotel-desk time=night weather=rain', subject: 'pair', light: 0xffd08a },
    // a lit door down the corridor: room nine
    'curiosity+': { scene: 'hotel-desk time=night', subject: 'doorway', light: 0xffe2a0 },
  },
  tapeloop: {
    // the home computer's screen in a teenager's bedroom, 1986
    default: { scene: 'bedroom time=night', subject: 'screen', light: 0x7dffb0 },
    'risk+': { scene: 'street time=night weather=rain', subject: 'runner', light: 0xff6f91 },
    // the stairs up to Halcyon Soft
    'ambition+': { scene: 'office time=day', subject: 'climber', light: 0xffd36b },
    // a door of light in the void the game opens
    'curiosity+': { scene: 'void', subject: 'doorway', light: 0x8fe8ff },
    'solitude+': { scene: 'train', subject: 'distant', light: 0x9fb4ff },
    'empathy+': { scene: 'diner time=day', subject: 'pair', light: 0xffb870 },
  },
  tutorial: {
    // the engine's own title scene, one player in front of it (Tapeloop has the glowing screen)
    default: { scene: 'title', subject: 'figure', light: 0x9ad0ff },
    'curiosity+': { scene: 'void', subject: 'doorway', light: 0xc7a6ff },
    'risk+': { scene: 'rooftop', subject: 'runner', light: 0xff8a5c },
  },
};

/** A subject for each pole a variant may be shown for; poles not listed get a lone figure. */
const BY_POLE: Record<string, PosterSubject> = {
  'risk+': 'runner',
  'risk-': 'figure',
  'empathy+': 'pair',
  'empathy-': 'distant',
  'curiosity+': 'doorway',
  'solitude+': 'distant',
  'solitude-': 'pair',
  'ambition+': 'climber',
};

const LIGHTS = [0xffc870, 0x9ad0ff, 0xff8a5c, 0xc7a6ff, 0x7dffb0];

export function lookFor(
  storyId: string,
  condition: string | null,
  scenes: readonly string[],
  index: number,
): Look {
  const planned = PLANNED[storyId]?.[condition ?? 'default'];
  if (planned) return planned;
  const scene = scenes[0] ?? 'title';
  const subject: PosterSubject = condition ? (BY_POLE[condition] ?? 'figure') : 'figure';
  return { scene, subject, light: LIGHTS[index % LIGHTS.length] ?? 0xffc870 };
}
