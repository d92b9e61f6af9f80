// A large generated ink story for the bench, the size of the largest held-out story the issues
// name: about 1 700 lines and 340 choices, in chapters of knots with nested (deep) weaves,
// diverts between knots, and taste tags. Deterministic: the same text every run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileInk } from '../src/build/compile-ink.ts';
import { storyMapOf } from '../src/build/map.ts';
import type { StoryMapData } from '../src/core/story-map.ts';

const CHAPTERS = 3;
const KNOTS_PER_CHAPTER = 19;
/** each knot: a two-level weave, 2 choices each with 2 more (6 a knot: 57 knots × 6 = 342) */

export function largeInk(): string {
  const lines: string[] = [
    '# title: Large generated story',
    '# author: inkreel bench',
    '# dimension: risk = Thrill-seeking / Caution',
    '# dimension: empathy = Warmth / Detachment',
    '-> c0_k0',
  ];
  for (let c = 0; c < CHAPTERS; c++) {
    for (let k = 0; k < KNOTS_PER_CHAPTER; k++) {
      const here = `c${c}_k${k}`;
      const next =
        k + 1 < KNOTS_PER_CHAPTER
          ? `c${c}_k${k + 1}`
          : c + 1 < CHAPTERS
            ? `c${c + 1}_k0`
            : 'finale';
      const skip = k + 2 < KNOTS_PER_CHAPTER ? `c${c}_k${k + 2}` : next;
      lines.push(`=== ${here} ===`);
      if (k === 0) lines.push(`# chapter: Part ${c + 1}`);
      lines.push(
        `The corridor of part ${c + 1}, room ${k + 1}, hums with a low electrical note.`,
        'A door stands half open; somewhere a radio plays to nobody.',
        'You count the seconds between the lights flickering.',
        ...Array.from(
          { length: 10 },
          (_, i) =>
            `Line ${i + 1} of the room's description: dust, a chair, a window painted shut.`,
        ),
        `* [Step through the door of room ${k + 1} #taste: risk+1]`,
        '  The air beyond is colder than it should be.',
        '  ** [Call out to whoever is there #taste: empathy+1]',
        '     Nobody answers, but the radio goes quiet.',
        `     -> ${skip}`,
        '  ** [Keep silent and listen #taste: empathy-1]',
        '     You hear footsteps that stop when you stop.',
        '  -- You press on.',
        `* [Wait in the corridor #default #taste: risk-1]`,
        '  The lights settle; the hum drops to nothing.',
        '  ** [Knock on the wall twice #taste: risk+0.5]',
        '     Two knocks come back from the other side.',
        '  ** [Turn back the way you came]',
        '     The corridor behind you is longer than you remember.',
        `     -> ${skip}`,
        '- The radio starts again, a song you almost know.',
        `-> ${next}`,
      );
    }
  }
  lines.push(
    '=== finale ===',
    '# ending: The Last Room',
    'The last room is empty, and it is yours.',
    '-> END',
  );
  return lines.join('\n') + '\n';
}

export interface LargeStory {
  readonly ink: string;
  readonly json: string;
  readonly map: StoryMapData;
  readonly lines: number;
  readonly choices: number;
}

export function largeStory(): LargeStory {
  const ink = largeInk();
  const dir = mkdtempSync(join(tmpdir(), 'inkreel-large-'));
  const file = join(dir, 'main.ink');
  writeFileSync(file, ink);
  const json = compileInk(file).json;
  if (json === null) throw new Error('the generated large story does not compile');
  const chapters = Array.from({ length: CHAPTERS }, (_, c) => `c${c}_k0`);
  const map = storyMapOf('large', json, { chapters });
  return {
    ink,
    json,
    map,
    lines: ink.split('\n').length,
    choices: map.nodes.filter((n) => n.kind === 'choice').length,
  };
}
