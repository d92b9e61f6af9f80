// The tag grammar of DESIGN.md §2: one raw ink tag in, one typed Directive out. Never throws.
import type { Backdrop, Directive, Pole, TasteVector } from './directives.ts';
import type { DimensionDecl, PosterDecl, StoryMeta } from './model.ts';
import type { LookName } from './scenes.ts';
import { isLook, isTransition, LOOKS, parseSceneValue, TRANSITIONS } from './scenes.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const COLOR = /^(#[0-9a-f]{3,8}|rgba?\([^)]*\)|hsla?\([^)]*\))$/i;
const POLE_REF = /^([A-Za-z_][\w-]*)\s*([+-])$/;
const TASTE_TERM = /^([A-Za-z_][\w]*(?:-[A-Za-z_]\w*)*)([+-])(\d+(?:\.\d*)?|\.\d+)?$/;

/**
 * Dimension ids that name a member of every JavaScript object. Tastes travel as plain objects
 * (capture, storage, export, import, inference), where these would be stripped or read back as
 * functions, so the grammar refuses them up front instead of losing them later.
 */
export const RESERVED_DIMENSION_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Why `id` cannot name a dimension, or null when it can. */
export function dimensionIdProblem(id: string): string | null {
  if (RESERVED_DIMENSION_IDS.has(id)) {
    return `"${id}" is a reserved name in JavaScript and cannot be a dimension id; pick another, like "${id.replace(/_/g, '')}Taste"`;
  }
  return null;
}

/** Shown text from a tag: runs of whitespace read as one space, so a title never breaks a card. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function invalid(key: string, raw: string, reason: string): Directive {
  return { kind: 'invalid', key, raw, reason };
}

function looksLikeAsset(value: string): boolean {
  return value.includes('/') || /\.[a-z0-9]{2,5}$/i.test(value);
}

/** Why an asset path would leave the story's folder (DESIGN.md §2), or null when it stays inside. */
export function assetPathProblem(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    return `"${path}" is a URL; assets must be files inside the story's folder`;
  }
  if (path.startsWith('/') || path.startsWith('\\')) {
    return `"${path}" is an absolute path; write it relative to the story's folder`;
  }
  if (path.split(/[/\\]/).includes('..')) {
    return `"${path}" leaves the story's folder`;
  }
  return null;
}

/** An asset-carrying directive, or `invalid` when the path leaves the story's folder. */
function withAsset(
  key: string,
  raw: string,
  path: string,
  make: (path: string) => Directive,
): Directive {
  const problem = assetPathProblem(path);
  return problem === null ? make(path) : invalid(key, raw, problem);
}

/** `assets/a.png when horror+` → path and condition. */
function parsePoster(key: string, raw: string, value: string): Directive {
  // `(?:^|\s)` so that `poster: when horror+` reads as a missing path, not a path "when horror+"
  const [path = '', condition] = value.split(/(?:^|\s+)when\s+/i, 2).map((s) => s.trim());
  if (path === '') return invalid(key, raw, 'a poster needs a path or scene');
  const problem = assetPathProblem(path);
  if (problem !== null) return invalid(key, raw, problem);
  if (condition === undefined) return { kind: 'poster', path, when: null };
  const m = POLE_REF.exec(condition);
  if (!m) return invalid(key, raw, `"${condition}" is not a dimension and pole, like "risk+"`);
  const reserved = dimensionIdProblem(m[1] ?? '');
  if (reserved !== null) return invalid(key, raw, reserved);
  return { kind: 'poster', path, when: { dimension: m[1] ?? '', pole: (m[2] ?? '+') as Pole } };
}

/** `risk = Thrill-seeking / Caution` */
function parseDimension(key: string, raw: string, value: string): Directive {
  const eq = value.indexOf('=');
  const id = (eq < 0 ? value : value.slice(0, eq)).trim();
  if (!/^[A-Za-z_][\w-]*$/.test(id))
    return invalid(key, raw, 'a dimension needs an id, like "risk"');
  const reserved = dimensionIdProblem(id);
  if (reserved !== null) return invalid(key, raw, reserved);
  const labels =
    eq < 0
      ? []
      : value
          .slice(eq + 1)
          .split('/')
          .map((s) => s.trim());
  const positive = labels[0] ?? '';
  const negative = labels[1] ?? '';
  if (labels.length !== 2 || positive === '' || negative === '') {
    return invalid(key, raw, 'write the two poles as "id = Positive / Negative"');
  }
  return { kind: 'dimension', id, positive, negative };
}

/** `risk+1 horror-0.5 empathy+` (a bare sign means 1) */
function parseTaste(key: string, raw: string, value: string): Directive {
  // a Map, so that terms named like Object.prototype members (constructor, __proto__) add up
  const weights = new Map<string, number>();
  const terms = value.split(/[\s,]+/).filter((t) => t !== '');
  if (terms.length === 0)
    return invalid(key, raw, 'a taste needs at least one term, like "risk+1"');
  for (const term of terms) {
    const m = TASTE_TERM.exec(term);
    if (!m)
      return invalid(key, raw, `"${term}" is not a taste term, like "risk+1" or "horror-0.5"`);
    const magnitude = m[3] === undefined ? 1 : Number(m[3]);
    const dim = m[1] ?? '';
    const reserved = dimensionIdProblem(dim);
    if (reserved !== null) return invalid(key, raw, reserved);
    const total = (weights.get(dim) ?? 0) + (m[2] === '-' ? -magnitude : magnitude);
    // a weight of 400 digits reads as Infinity, which no store, export or fit can carry
    if (!Number.isFinite(total)) {
      return invalid(
        key,
        raw,
        `the weight of "${dim}" is too large to be a number; use a weight like 1 or 0.5`,
      );
    }
    weights.set(dim, total);
  }
  return { kind: 'taste', weights: Object.fromEntries(weights) };
}

function parseSeconds(key: string, raw: string, value: string, allowOff: boolean): Directive {
  if (allowOff && /^(off|none|never)$/i.test(value)) return { kind: 'timer', seconds: null };
  if (!NUMBER.test(value) || Number(value) < 0 || !Number.isFinite(Number(value))) {
    return invalid(key, raw, `"${value}" is not a number of seconds${allowOff ? ' or "off"' : ''}`);
  }
  const seconds = Number(value);
  // a zero window would time out before the options could be read
  if (allowOff && seconds === 0) {
    return invalid(key, raw, 'a choice window must be longer than 0 seconds (or "off")');
  }
  return allowOff ? { kind: 'timer', seconds } : { kind: 'pause', seconds };
}

/** A scene backdrop: `street time=dawn weather=rain` (parameters only when some are written). */
function sceneBackdrop(value: string): Backdrop {
  const { name, params } = parseSceneValue(value);
  return Object.keys(params).length > 0 ? { type: 'scene', name, params } : { type: 'scene', name };
}

function backdrop(value: string): Backdrop {
  if (COLOR.test(value)) return { type: 'color', color: value };
  if (looksLikeAsset(value)) return { type: 'asset', path: value };
  return sceneBackdrop(value);
}

function backdropDirective(key: string, raw: string, value: string): Directive {
  const b = backdrop(value);
  if (b.type !== 'asset') return { kind: 'backdrop', backdrop: b };
  return withAsset(key, raw, b.path, () => ({ kind: 'backdrop', backdrop: b }));
}

export function parseTag(tag: string): Directive {
  const raw = tag.trim();
  const colon = raw.indexOf(':');
  const key = (colon < 0 ? raw : raw.slice(0, colon)).trim().toLowerCase();
  const value = colon < 0 ? null : raw.slice(colon + 1).trim();
  const need = (what: string): Directive => invalid(key, raw, `"${key}" needs ${what}`);

  switch (key) {
    case 'title':
    case 'author':
      return value ? { kind: key, value } : need('a value');
    case 'theme':
      return value ? { kind: 'theme', value: value.toLowerCase() } : need('a value');
    case 'blurb':
      return value ? { kind: 'blurb', value: oneLine(value) } : need('a sentence or two');
    case 'chapter':
      return value ? { kind: 'chapter', title: oneLine(value) } : need('a title');
    case 'ending':
      return value ? { kind: 'ending', name: oneLine(value) } : need('a name');
    case 'dimension':
      return value ? parseDimension(key, raw, value) : need('"id = Positive / Negative"');
    case 'poster':
      return value ? parsePoster(key, raw, value) : need('a path or scene');
    case 'timer':
      return value ? parseSeconds(key, raw, value, true) : need('seconds or "off"');
    case 'pause':
      return value ? parseSeconds(key, raw, value, false) : need('seconds');
    case 'scene':
      return value ? { kind: 'backdrop', backdrop: sceneBackdrop(value) } : need('a name');
    case 'transition': {
      const style = (value ?? '').toLowerCase();
      if (isTransition(style)) return { kind: 'transition', style };
      return need(`one of ${TRANSITIONS.join(', ')}`);
    }
    case 'look': {
      const look = (value ?? '').toLowerCase();
      if (isLook(look)) return { kind: 'look', value: look };
      return need(`one of ${LOOKS.join(', ')}`);
    }
    case 'background':
      return value ? backdropDirective(key, raw, value) : need('an asset');
    case 'bg':
      return value ? backdropDirective(key, raw, value) : need('a colour, scene or asset');
    case 'image':
      return value
        ? withAsset(key, raw, value, (path) => ({ kind: 'image', path }))
        : need('an asset');
    case 'speaker':
      return value ? { kind: 'speaker', name: value } : need('a name');
    case 'audio':
      return value
        ? withAsset(key, raw, value, (path) => ({ kind: 'audio', path, loop: false }))
        : need('an asset');
    case 'audioloop':
      if (!value) return need('an asset or "none"');
      if (/^(none|off|stop)$/i.test(value)) return { kind: 'audio', path: null, loop: true };
      return withAsset(key, raw, value, (path) => ({ kind: 'audio', path, loop: true }));
    case 'music':
      if (!value) return need('a cue name or "none"');
      if (/^(none|off|stop)$/i.test(value)) return { kind: 'music', cue: null };
      return /^[A-Za-z0-9_][\w-]*$/.test(value)
        ? { kind: 'music', cue: value.toLowerCase() }
        : invalid(key, raw, `"${value}" is not a cue name, like "title" or "tension-2"`);
    case 'clear':
      return { kind: 'clear' };
    case 'restart':
      return { kind: 'restart' };
    case 'class':
      return value ? { kind: 'class', name: value } : need('a name');
    case 'taste':
      return value ? parseTaste(key, raw, value) : need('terms like "risk+1"');
    case 'default':
      return { kind: 'default' };
    default:
      return { kind: 'unknown', key, value, raw };
  }
}

export function parseTags(tags: readonly string[] | null | undefined): Directive[] {
  return (tags ?? []).map(parseTag);
}

/** Sum of the `taste` directives among `directives`. */
export function tasteOf(directives: readonly Directive[]): TasteVector {
  const out = new Map<string, number>();
  for (const d of directives) {
    if (d.kind !== 'taste') continue;
    for (const [dim, w] of Object.entries(d.weights)) out.set(dim, (out.get(dim) ?? 0) + w);
  }
  return Object.fromEntries(out);
}

/** A story's metadata from its global tags (later tags win for single-valued keys). */
export function storyMetaFromTags(
  id: string,
  globalTags: readonly string[] | null | undefined,
  version: string,
): StoryMeta {
  let title = id;
  let author = '';
  let timerSeconds: number | null | undefined;
  let theme: string | null = null;
  let blurb: string | null = null;
  let look: LookName | null = null;
  const dimensions: DimensionDecl[] = [];
  const posters: PosterDecl[] = [];
  for (const d of parseTags(globalTags)) {
    if (d.kind === 'title') title = d.value;
    else if (d.kind === 'author') author = d.value;
    else if (d.kind === 'timer') timerSeconds = d.seconds;
    else if (d.kind === 'theme') theme = d.value;
    else if (d.kind === 'blurb') blurb = d.value;
    else if (d.kind === 'look') look = d.value === 'none' ? null : d.value;
    else if (d.kind === 'dimension') {
      // a dimension declared twice keeps its last labels, once
      const at = dimensions.findIndex((x) => x.id === d.id);
      const decl = { id: d.id, positive: d.positive, negative: d.negative };
      if (at >= 0) dimensions[at] = decl;
      else dimensions.push(decl);
    } else if (d.kind === 'poster') posters.push({ path: d.path, when: d.when });
  }
  const meta = { id, title, author, dimensions, timerSeconds, posters, theme, version, blurb };
  // absent unless declared, so a story without a look keeps the metadata it had
  return look === null ? meta : { ...meta, look };
}
