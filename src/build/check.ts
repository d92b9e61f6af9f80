// The story checker (`npm run story -- check`): every authoring problem of a story, each at its
// file and line, from the compiler and from the tag rules of DESIGN.md §2.
import { relative } from 'node:path';
import { humaniseId } from '../core/story-map.ts';
import { assetPathsOf, assetProblem, buildStory } from './story-build.ts';
import type { StoryBuild } from './story-build.ts';
import type { SourceTag } from './scan-source.ts';
import { MAX_WINDOW_MS } from '../core/timing.ts';

export type FindingCode =
  | 'compile-error'
  | 'compile-warning'
  | 'unknown-tag'
  | 'invalid-tag'
  | 'misplaced-tag'
  | 'undeclared-dimension'
  | 'no-taste'
  | 'position-lean'
  | 'many-defaults'
  | 'timer-range'
  | 'asset'
  | 'external-without-fallback'
  | 'not-an-ending'
  | 'unnamed-ending';

export interface Finding {
  /** `info` is advice: it never fails a check */
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: FindingCode;
  /** absolute path */
  readonly file: string;
  /** 1-based, null when unknown */
  readonly line: number | null;
  readonly message: string;
}

export interface StoryReport {
  readonly id: string;
  readonly findings: readonly Finding[];
}

/** A decision window outside this range (seconds) is reported: too short to read, or a stall. */
export const TIMER_RANGE = { min: 2, max: 120 } as const;

const GLOBAL_ONLY = new Set(['title', 'author', 'dimension', 'poster', 'theme', 'blurb']);
const ASSET_KEYS = new Set(['image', 'background', 'bg', 'audio', 'audioloop', 'poster']);
const CHOICE_ONLY = new Set(['taste', 'default']);
const TASTE_KEYS = new Set(['taste', 'dimension']);

function at(
  tag: SourceTag,
  severity: Finding['severity'],
  code: FindingCode,
  message: string,
): Finding {
  return { severity, code, file: tag.file, line: tag.line, message };
}

function tagFindings(build: StoryBuild, declared: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const tag of build.scan.tags) {
    const d = tag.directive;
    if (d.kind === 'unknown') {
      out.push(
        at(tag, 'warning', 'unknown-tag', `unknown tag "#${tag.raw}" (ignored when played)`),
      );
      continue;
    }
    if (d.kind === 'invalid') {
      // the tag grammar itself refuses asset paths that leave the story folder
      const asset = ASSET_KEYS.has(d.key) && /folder|url|absolute/i.test(d.reason);
      // a taste or dimension the grammar refuses loses what the choice says: that is an error
      const lossy = TASTE_KEYS.has(d.key) || /reserved name/.test(d.reason);
      out.push(
        asset
          ? at(tag, 'error', 'asset', `tag "#${tag.raw}": ${d.reason}`)
          : at(tag, lossy ? 'error' : 'warning', 'invalid-tag', `tag "#${tag.raw}": ${d.reason}`),
      );
      continue;
    }
    if (GLOBAL_ONLY.has(d.kind) && tag.place !== 'global') {
      out.push(
        at(
          tag,
          'warning',
          'misplaced-tag',
          `"#${tag.raw}" is a global tag: put it at the top of main.ink, before any INCLUDE or text`,
        ),
      );
    }
    if (CHOICE_ONLY.has(d.kind) && tag.place !== 'choice') {
      out.push(
        at(
          tag,
          'warning',
          'misplaced-tag',
          `"#${tag.raw}" only counts on a choice, like "* [Text #${tag.raw}]"`,
        ),
      );
    }
    if (d.kind === 'chapter' && (tag.place !== 'line' || !tag.flowStart)) {
      out.push(
        at(
          tag,
          'warning',
          'misplaced-tag',
          `"#${tag.raw}" starts a chapter only on the first line of a knot, like "=== halcyon ===" then "# chapter: ${d.title}"`,
        ),
      );
    }
    if (d.kind === 'taste') {
      for (const dim of Object.keys(d.weights)) {
        if (!declared.has(dim)) {
          out.push(
            at(
              tag,
              'error',
              'undeclared-dimension',
              `taste on "${dim}", which no "# dimension: ${dim} = … / …" declares`,
            ),
          );
        }
      }
    }
    if (d.kind === 'timer' && d.seconds !== null) {
      if (d.seconds < TIMER_RANGE.min || d.seconds > TIMER_RANGE.max) {
        out.push(
          at(
            tag,
            'warning',
            'timer-range',
            `timer of ${d.seconds} s is outside ${TIMER_RANGE.min}–${TIMER_RANGE.max} s` +
              (d.seconds * 1000 > MAX_WINDOW_MS
                ? `; windows are capped at ${MAX_WINDOW_MS / 1000} s (even at ×10), so it will end sooner than written`
                : '') +
              '; use "timer: off" for no limit',
          ),
        );
      }
    }
    for (const path of assetPathsOf(d)) {
      if (path.includes('{')) continue; // dynamic: only known at run time
      const problem = assetProblem(build.dir, path);
      if (problem) out.push(at(tag, 'error', 'asset', problem));
    }
  }
  return out;
}

/** An `ending` tag outside any ending's knot, and endings with no `ending` tag (advice only). */
function endingFindings(build: StoryBuild): Finding[] {
  const endings = build.map?.nodes.filter((n) => n.kind === 'ending').map((n) => n.label) ?? [];
  const out: Finding[] = [];
  const named = new Set<string>();
  for (const tag of build.scan.tags) {
    const d = tag.directive;
    if (d.kind !== 'ending') continue;
    const flow = tag.flow;
    const ends = endings.filter((p) => p === flow || p.startsWith(`${flow}.`));
    if (tag.place !== 'line' || flow === '' || ends.length === 0) {
      out.push(
        at(
          tag,
          'warning',
          'not-an-ending',
          `"#${tag.raw}" names an ending, but ${flow === '' ? 'it stands outside any knot' : `the story never ends in "${flow}"`}: put it in the knot that ends with "-> END"`,
        ),
      );
      continue;
    }
    for (const p of ends) named.add(p);
  }
  if (build.map === null) return out;
  for (const path of endings) {
    if (named.has(path) || named.has(path.split('.')[0] ?? path)) continue;
    const knot = path.split('.')[0] ?? path;
    const header = build.scan.flows.get(path) ?? build.scan.flows.get(knot);
    out.push({
      severity: 'info',
      code: 'unnamed-ending',
      file: header?.file ?? build.entry,
      line: header?.line ?? null,
      message: `the ending in "${path}" has no name; the ending card will call it "${humaniseId(path)}". Name it with "# ending: …" in that knot`,
    });
  }
  return out;
}

function decisionFindings(build: StoryBuild): Finding[] {
  const { choices, choiceSets, tags } = build.scan;
  const out: Finding[] = [];
  for (const set of choiceSets) {
    const options = set.choices.map((i) => choices[i]).filter((c) => c !== undefined);
    const kindsOf = (tagIndexes: readonly number[]) =>
      tagIndexes.map((t) => tags[t]?.directive.kind);
    const defaults = options.filter((o) => kindsOf(o.tags).includes('default'));
    if (defaults.length > 1) {
      out.push({
        severity: 'error',
        code: 'many-defaults',
        file: set.file,
        line: defaults[1]?.line ?? set.line,
        message: `this decision has ${defaults.length} "default" options (lines ${defaults.map((o) => o.line).join(', ')}); keep one`,
      });
    }
    // a lone option is a "continue", not a decision worth a taste
    if (options.length > 1 && !options.some((o) => kindsOf(o.tags).includes('taste'))) {
      out.push({
        severity: 'warning',
        code: 'no-taste',
        file: set.file,
        line: set.line,
        message: `no option of this decision${set.flow ? ` in ${set.flow}` : ''} carries a "taste", so it tells nothing about the player`,
      });
    }
  }
  return out;
}

/**
 * A position leans when, across the decisions that differ on a dimension, the option in that
 * position is the one further toward one pole this often (and there are at least this many such
 * decisions). A player who habitually takes the first option (or lets the timer take the default)
 * would then look as if they had that taste; the model fits position and default habits beside
 * the tastes, but it can only tell them apart when the stories vary which side comes first.
 */
export const POSITION_LEAN = { SHARE_FROM: 0.7, MIN_DECISIONS: 4 } as const;

function positionFindings(build: StoryBuild): Finding[] {
  const { choices, choiceSets, tags } = build.scan;
  const labels = new Map<string, { positive: string; negative: string }>();
  for (const t of tags)
    if (t.directive.kind === 'dimension' && !labels.has(t.directive.id))
      labels.set(t.directive.id, {
        positive: t.directive.positive,
        negative: t.directive.negative,
      });
  // per position ('first', 'default') and dimension: decisions where it sits above / below the others
  const tally = new Map<string, { up: number; down: number }>();
  const count = (position: string, id: string, diff: number) => {
    if (diff === 0) return;
    const key = `${position}\u0000${id}`;
    const t = tally.get(key) ?? { up: 0, down: 0 };
    if (diff > 0) t.up++;
    else t.down++;
    tally.set(key, t);
  };
  for (const set of choiceSets) {
    const options = set.choices.map((i) => choices[i]).filter((c) => c !== undefined);
    if (options.length < 2) continue;
    const tastes = options.map((o) => {
      const v: Record<string, number> = {};
      for (const ti of o.tags) {
        const d = tags[ti]?.directive;
        if (d?.kind === 'taste') for (const id in d.weights) v[id] = d.weights[id] ?? 0;
      }
      return v;
    });
    const marked = options.findIndex((o) =>
      o.tags.some((ti) => tags[ti]?.directive.kind === 'default'),
    );
    const ids = new Set(tastes.flatMap((t) => Object.keys(t)));
    const against = (j: number, id: string): number => {
      const others = tastes.filter((_, i) => i !== j);
      const mean = others.reduce((s, t) => s + (t[id] ?? 0), 0) / others.length;
      return (tastes[j]?.[id] ?? 0) - mean;
    };
    for (const id of ids) {
      count('first', id, against(0, id));
      // an explicit default other than the first option: the timer's pick
      if (marked > 0) count('default', id, against(marked, id));
    }
  }
  const out: Finding[] = [];
  for (const [key, t] of tally) {
    const [position, id] = key.split('\u0000') as [string, string];
    const n = t.up + t.down;
    const lean = Math.max(t.up, t.down);
    if (n < POSITION_LEAN.MIN_DECISIONS || lean / n < POSITION_LEAN.SHARE_FROM) continue;
    const poles = labels.get(id) ?? { positive: id, negative: `not ${id}` };
    const pole = t.up >= t.down ? poles.positive : poles.negative;
    const which = position === 'first' ? 'the first option' : 'the default option';
    out.push({
      severity: 'warning',
      code: 'position-lean',
      file: build.entry,
      line: null,
      message: `${which} leans ${pole} on "${id}": in ${lean} of the ${n} decisions whose options differ on it, ${which} is the one further toward ${pole}. A player who habitually takes ${which} would look ${pole}-leaning; vary which side comes ${position === 'first' ? 'first' : 'as the default'}`,
    });
  }
  return out;
}

export function checkBuild(build: StoryBuild): StoryReport {
  const findings: Finding[] = [];
  for (const d of build.compile.diagnostics) {
    if (d.severity === 'todo') continue;
    findings.push({
      severity: d.severity,
      code: d.severity === 'error' ? 'compile-error' : 'compile-warning',
      file: d.file,
      line: d.line,
      message: d.message,
    });
  }
  const declared = new Set(
    build.scan.tags.flatMap((t) => (t.directive.kind === 'dimension' ? [t.directive.id] : [])),
  );
  findings.push(
    ...tagFindings(build, declared),
    ...decisionFindings(build),
    ...positionFindings(build),
    ...endingFindings(build),
  );
  for (const ext of build.scan.externals) {
    if (!build.scan.functions.has(ext.name)) {
      findings.push({
        severity: 'error',
        code: 'external-without-fallback',
        file: ext.file,
        line: ext.line,
        message: `EXTERNAL ${ext.name} has no fallback: add "== function ${ext.name}(…)" so the story plays without it`,
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
  return { id: build.id, findings };
}

export function checkStory(storiesDir: string, id: string): StoryReport {
  return checkBuild(buildStory(storiesDir, id));
}

export function hasErrors(reports: readonly StoryReport[]): boolean {
  return reports.some((r) => r.findings.some((f) => f.severity === 'error'));
}

/** `stories/x/part.ink:3: error: …` lines, relative to `cwd`. */
export function formatReport(report: StoryReport, cwd: string): string {
  if (report.findings.length === 0) return `${report.id}: ok`;
  const lines = report.findings.map(
    (f) =>
      `${relative(cwd, f.file)}${f.line === null ? '' : `:${f.line}`}: ${f.severity}: ${f.message} [${f.code}]`,
  );
  const count = (severity: Finding['severity']) =>
    report.findings.filter((f) => f.severity === severity).length;
  const infos = count('info');
  return [
    `${report.id}: ${count('error')} error(s), ${count('warning')} warning(s)${infos > 0 ? `, ${infos} note(s)` : ''}`,
    ...lines,
  ].join('\n');
}
