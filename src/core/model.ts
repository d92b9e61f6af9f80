// The story model the engine plays: beats of lines, decisions of options, and story metadata.
import type { LookName } from './scenes.ts';
import type { Directive, Pole, TasteVector } from './directives.ts';
import type { StoryMapData } from './story-map.ts';

export interface Line {
  readonly text: string;
  /** raw tag strings as ink gave them */
  readonly tags: readonly string[];
  readonly directives: readonly Directive[];
}

export interface Option {
  /** index in ink's currentChoices */
  readonly index: number;
  readonly text: string;
  readonly tags: readonly string[];
  readonly directives: readonly Directive[];
  readonly taste: TasteVector;
  readonly isDefault: boolean;
}

export interface Decision {
  /** ink path of the choice point (stable across playthroughs of one story version) */
  readonly id: string;
  /** knot (and stitch) the decision stands in, e.g. `office.desk` */
  readonly knot: string;
  readonly options: readonly Option[];
  /** the decision's own `timer` tag: seconds, null for off, undefined when it has none */
  readonly timerSeconds: number | null | undefined;
  /** index into options of the option taken on timeout (the `default`, else 0) */
  readonly defaultOption: number;
}

/** What the story produces between two decisions. `decision` is null at an ending. */
export interface Beat {
  readonly lines: readonly Line[];
  readonly decision: Decision | null;
  /** at an ending: the ink path where the story ended (knot.stitch of the last content) */
  readonly endPath?: string;
}

export interface DimensionDecl {
  readonly id: string;
  readonly positive: string;
  readonly negative: string;
}

export interface PosterDecl {
  readonly path: string;
  readonly when: { readonly dimension: string; readonly pole: Pole } | null;
}

export interface StoryMeta {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly dimensions: readonly DimensionDecl[];
  /** story-wide timer: seconds, null for off, undefined when the story sets none */
  readonly timerSeconds: number | null | undefined;
  readonly posters: readonly PosterDecl[];
  readonly theme: string | null;
  /** hash of the compiled story JSON */
  readonly version: string;
  /** the `blurb` global tag: a sentence or two for the title screen and the home */
  readonly blurb?: string | null;
  /** the `look` global tag: the stage's colour grade (absent or null: none) */
  readonly look?: LookName | null;
}

/** A chapter: a knot whose first line carries `# chapter: <title>`. */
export interface ChapterInfo {
  /** the knot the chapter starts at */
  readonly knot: string;
  readonly title: string;
}

/** An ending: where the story can end, and what the ending card calls it. */
export interface EndingInfo {
  /** knot(.stitch) the story ends in, as in `story.ended`'s endingPath */
  readonly path: string;
  /** the `ending` tag of its knot, else a name made readable from the knot's id */
  readonly name: string;
}

/** How long a playthrough usually takes, from the explorer's seeded walks at build time. */
export interface TypicalLength {
  /** median decisions of a finished playthrough */
  readonly decisions: number;
  /** median minutes: reading time of the text shown plus time at each decision */
  readonly minutes: number;
}

/** A story's shape, computed at build time: chapters in order, endings, typical length. */
export interface StoryOutline {
  readonly chapters: readonly ChapterInfo[];
  readonly endings: readonly EndingInfo[];
  /** null when no walk reached an ending (nothing to measure) */
  readonly typicalLength: TypicalLength | null;
  /**
   * The chapter (index into `chapters`) each knot and stitch belongs to, as the story map groups
   * them; what comes before the first chapter is absent. `choice.made`'s knot looks it up.
   */
  readonly knotChapters?: Readonly<Record<string, number>>;
}

/** One entry of the catalogue built from stories/<id>/main.ink at build time. */
export interface CatalogueEntry {
  readonly meta: StoryMeta;
  /** resolves the compiled ink JSON (a lazy import, so stories load on demand) */
  readonly load: () => Promise<string>;
  /** asset path (as written in tags, relative to the story folder) → URL */
  readonly assets: Readonly<Record<string, string>>;
  /** resolves the story's map, computed at build time (a lazy import, like `load`) */
  readonly loadMap?: () => Promise<StoryMapData>;
  /** chapters, endings and typical length (absent from catalogues built before outlines) */
  readonly outline?: StoryOutline | null;
}

/** What running one option of a decision ahead (on a copy of the ink state) found. */
export interface LookaheadResult {
  /** index into the decision's options */
  readonly optionIndex: number;
  /** asset paths the branch will show or play before its next decision, in order, once each */
  readonly assets: readonly string[];
  /** id of the decision the branch reaches; null at an ending or when the run was cut short */
  readonly nextDecisionId: string | null;
  /** lines of output the branch produced */
  readonly steps: number;
  /** false when the run hit its step or time budget, or an ink error, before a decision/ending */
  readonly complete: boolean;
}
