// `npm run story -- new <id>`: a story folder from the commented template in src/build/template/.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TEMPLATE_DIR = resolve(import.meta.dirname, 'template');

const STORY_ID = /^[a-z0-9][a-z0-9_-]*$/;

export type NewStoryResult =
  | { readonly ok: true; readonly dir: string; readonly files: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** "the-long-night" → "The Long Night": a title to start from. */
export function titleOf(id: string): string {
  return id
    .split(/[-_]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Creates `<storiesDir>/<id>/main.ink` and its assets; never overwrites anything. */
export function newStory(storiesDir: string, id: string): NewStoryResult {
  if (!STORY_ID.test(id))
    return {
      ok: false,
      error: `"${id}" is not a story id: use lower-case letters, digits, "-" and "_"`,
    };
  const dir = join(storiesDir, id);
  if (existsSync(dir))
    return { ok: false, error: `${dir} already exists; pick another id (nothing was changed)` };
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(join(TEMPLATE_DIR, 'main.ink'), 'utf8').replace(
    '{{TITLE}}',
    titleOf(id),
  );
  writeFileSync(join(dir, 'main.ink'), source, { flag: 'wx' });
  cpSync(join(TEMPLATE_DIR, 'assets'), join(dir, 'assets'), {
    recursive: true,
    errorOnExist: true,
    force: false,
  });
  return {
    ok: true,
    dir,
    files: [
      'main.ink',
      'assets/backdrop.png',
      'assets/chime.wav',
      'assets/hum.wav',
      'assets/poster.png',
    ],
  };
}
