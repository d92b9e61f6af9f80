// The typed form of every ink tag in DESIGN.md §2. Tags are parsed once (core/tags.ts) into these.
import type { LookName, SceneParams, TransitionStyle } from './scenes.ts';

/** A taste vector: dimension id → weight. `taste: risk+1 horror-0.5` → { risk: 1, horror: -0.5 }. */
export type TasteVector = Readonly<Record<string, number>>;

export type Pole = '+' | '-';

export type Backdrop =
  | {
      readonly type: 'scene';
      readonly name: string;
      /** `time=dawn weather=rain`, as written; absent when the tag names the scene alone */
      readonly params?: SceneParams;
    }
  | { readonly type: 'asset'; readonly path: string }
  | { readonly type: 'color'; readonly color: string };

export type Directive =
  // global
  | { readonly kind: 'title'; readonly value: string }
  | { readonly kind: 'author'; readonly value: string }
  | {
      readonly kind: 'dimension';
      readonly id: string;
      readonly positive: string;
      readonly negative: string;
    }
  | {
      readonly kind: 'poster';
      readonly path: string;
      readonly when: { readonly dimension: string; readonly pole: Pole } | null;
    }
  | { readonly kind: 'theme'; readonly value: string }
  | { readonly kind: 'blurb'; readonly value: string }
  // global: the story's colour grade on the stage
  | { readonly kind: 'look'; readonly value: LookName }
  // knot (first line): a chapter starts here
  | { readonly kind: 'chapter'; readonly title: string }
  // ending knot: the ending's name
  | { readonly kind: 'ending'; readonly name: string }
  // global or before a choice set: seconds, or null for `timer: off`
  | { readonly kind: 'timer'; readonly seconds: number | null }
  // line
  | { readonly kind: 'backdrop'; readonly backdrop: Backdrop }
  // line: how the next backdrop change is made
  | { readonly kind: 'transition'; readonly style: TransitionStyle }
  | { readonly kind: 'image'; readonly path: string }
  | { readonly kind: 'speaker'; readonly name: string }
  | { readonly kind: 'audio'; readonly path: string | null; readonly loop: boolean }
  | { readonly kind: 'clear' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'class'; readonly name: string }
  | { readonly kind: 'pause'; readonly seconds: number }
  // a cue of the story's score (stories/<id>/score.json); null for `music: none`
  | { readonly kind: 'music'; readonly cue: string | null }
  // choice
  | { readonly kind: 'taste'; readonly weights: TasteVector }
  | { readonly kind: 'default' }
  // anything else: ignored at run time, reported by the checker
  | {
      readonly kind: 'unknown';
      readonly key: string;
      readonly value: string | null;
      readonly raw: string;
    }
  // a known key whose value cannot be read (e.g. `timer: soon`): ignored at run time, reported
  | {
      readonly kind: 'invalid';
      readonly key: string;
      readonly raw: string;
      readonly reason: string;
    };
