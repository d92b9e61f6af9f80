// What kind of file a story asset is, by its extension: the one list the stage's preloader and the
// play view's sound toggle share.
const SOUND = /\.(wav|mp3|ogg|oga|opus|m4a|aac|flac|weba|webm)$/i;

/** True for audio files (AUDIO/AUDIOLOOP assets), false for images and anything else. */
export function isSoundPath(path: string): boolean {
  return SOUND.test(path);
}

/** The asset path of a story's score (AUTHORING.md "Music"), relative to its folder. */
export const SCORE_PATH = 'score.json';
