// A story's outline at build time: its chapters in order, its endings with readable names, and
// its typical length from a bounded number of seeded walks. The catalogue and the checker use it.
import type { ChapterInfo, EndingInfo, StoryOutline, TypicalLength } from '../core/model.ts';
import { humaniseId, type StoryMapData } from '../core/story-map.ts';
import { walkLengths } from './explore.ts';
import type { SourceScan } from './scan-source.ts';

/** Walks for the typical length: enough for a stable median, few enough to keep builds fast. */
const LENGTH_RUNS = 40;
/** Time for all the walks of one story: past it, the median of the walks so far is used. */
export const LENGTH_BUDGET_MS = 2_000;
/** Reading speed for the minutes estimate (words per minute, a relaxed on-screen pace). */
const READING_WPM = 180;
/** Seconds a player spends at a decision, on average, reading the options and choosing. */
const SECONDS_PER_DECISION = 6;

/** Chapters in source order (main.ink, then its INCLUDEs as read), each knot once. */
export function chaptersOf(scan: SourceScan): ChapterInfo[] {
  const out: ChapterInfo[] = [];
  for (const tag of scan.tags) {
    const d = tag.directive;
    if (d.kind !== 'chapter' || !tag.flowStart || tag.place !== 'line') continue;
    if (out.some((c) => c.knot === tag.flow)) continue;
    out.push({ knot: tag.flow, title: d.title });
  }
  return out;
}

/** The `ending` tag names by the flow they stand in (the first tag of a flow wins). */
function endingTags(scan: SourceScan): Map<string, string> {
  const names = new Map<string, string>();
  for (const tag of scan.tags) {
    const d = tag.directive;
    if (d.kind === 'ending' && tag.place === 'line' && !names.has(tag.flow))
      names.set(tag.flow, d.name);
  }
  return names;
}

/** Every ending of the map, named by its stitch's tag, else its knot's, else its humanised id. */
function endingsOf(map: StoryMapData, scan: SourceScan): EndingInfo[] {
  const names = endingTags(scan);
  return map.nodes
    .filter((n) => n.kind === 'ending')
    .map((n) => {
      const path = n.label;
      const knot = path.split('.')[0] ?? path;
      return { path, name: names.get(path) ?? names.get(knot) ?? humaniseId(path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median decisions and minutes of finished seeded walks; null when none finished. */
export function typicalLengthOf(
  json: string,
  options: { readonly runs?: number; readonly seed?: number } = {},
): TypicalLength | null {
  const walks = walkLengths(json, {
    runs: options.runs ?? LENGTH_RUNS,
    seed: options.seed ?? 1,
    budgetMs: LENGTH_BUDGET_MS,
  });
  if (walks.length === 0) return null;
  const minutes = walks.map(
    (w) => w.words / READING_WPM + (w.decisions * SECONDS_PER_DECISION) / 60,
  );
  return {
    decisions: Math.round(median(walks.map((w) => w.decisions))),
    minutes: Math.max(1, Math.round(median(minutes))),
  };
}

/** Each knot's and stitch's chapter index, from the map's chapter groups. */
function knotChaptersOf(
  map: StoryMapData,
  chapters: readonly ChapterInfo[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of map.nodes) {
    if ((n.kind !== 'knot' && n.kind !== 'stitch') || !n.chapter) continue;
    const index = chapters.findIndex((c) => c.knot === n.chapter);
    if (index >= 0) out[n.id] = index;
  }
  return out;
}

export function outlineOf(json: string, map: StoryMapData, scan: SourceScan): StoryOutline {
  const chapters = chaptersOf(scan);
  return {
    chapters,
    endings: endingsOf(map, scan),
    typicalLength: typicalLengthOf(json),
    knotChapters: knotChaptersOf(map, chapters),
  };
}
