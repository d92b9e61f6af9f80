// Reads ink source text for what the compiled JSON forgets: where each tag, choice set and
// EXTERNAL stands (file and line), so the checker and the Vite plugin can point at the line.
import { parseTag } from '../core/tags.ts';
import type { Directive } from '../core/directives.ts';

export type TagPlace = 'global' | 'line' | 'choice';

export interface SourceTag {
  readonly file: string;
  /** 1-based */
  readonly line: number;
  /** 1-based column of the `#` */
  readonly column: number;
  /** the tag's text without the `#`, trimmed */
  readonly raw: string;
  readonly directive: Directive;
  readonly place: TagPlace;
  /** index into `choices` when the tag belongs to a choice */
  readonly choice: number | null;
  /** knot(.stitch) the tag stands in, '' above the first knot */
  readonly flow: string;
  /** the tag stands on (or above) the first line of content of its knot or stitch */
  readonly flowStart: boolean;
}

export interface SourceChoice {
  readonly file: string;
  readonly line: number;
  /** weave depth: number of bullets */
  readonly depth: number;
  /** index into `choiceSets` */
  readonly set: number;
  /** indexes into `tags` of the tags on this option */
  readonly tags: number[];
}

export interface SourceChoiceSet {
  readonly file: string;
  /** line of its first option */
  readonly line: number;
  /** knot(.stitch) it stands in, '' at the top of the story */
  readonly flow: string;
  readonly choices: number[];
}

export interface SourceExternal {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface SourceScan {
  readonly tags: SourceTag[];
  readonly choices: SourceChoice[];
  readonly choiceSets: SourceChoiceSet[];
  readonly externals: SourceExternal[];
  /** names of every `== function name(...)` */
  readonly functions: Set<string>;
  /** where each knot and stitch (`knot`, `knot.stitch`) is declared */
  readonly flows: Map<string, { readonly file: string; readonly line: number }>;
}

export function emptyScan(): SourceScan {
  return {
    tags: [],
    choices: [],
    choiceSets: [],
    externals: [],
    functions: new Set(),
    flows: new Map(),
  };
}

const DECLARATION = /^(VAR|CONST|LIST|INCLUDE|TODO:?)\b/;
const EXTERNAL = /^EXTERNAL\s+([A-Za-z_]\w*)/;
const FLOW_HEADER = /^(={1,})\s*(function\s+)?([A-Za-z_]\w*)/;

/** Removes `//` and `/* *\/` comments, keeping columns; returns the new block-comment state. */
function stripComments(text: string, inBlock: boolean): { code: string; inBlock: boolean } {
  let out = '';
  let block = inBlock;
  let quoted = false;
  let braces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (block) {
      if (c === '*' && next === '/') {
        block = false;
        out += '  ';
        i++;
      } else out += ' ';
      continue;
    }
    if (c === '\\') {
      out += c + (next ?? '');
      i++;
      continue;
    }
    if (braces > 0 && c === '"') quoted = !quoted;
    if (!quoted) {
      if (c === '{') braces++;
      if (c === '}' && braces > 0) braces--;
      if (c === '/' && next === '/') break;
      if (c === '/' && next === '*') {
        block = true;
        out += '  ';
        i++;
        continue;
      }
    }
    out += c;
  }
  return { code: out, inBlock: block };
}

interface RawTag {
  readonly column: number;
  readonly raw: string;
  /** the tag stood inside the `[...]` of a choice, or in a choice's text before any `]` */
  readonly beforeBracketEnd: boolean;
}

/**
 * Finds `#` tags in one line of ink content. A `#` escaped as `\#` or inside a string literal
 * in `{...}` logic is text; a tag runs to the next `#`, the end of the line, the `]` closing a
 * choice's bracket, or the `|`/`}` closing the logic block it started in.
 */
function tagsInContent(code: string, start: number, isChoice: boolean): RawTag[] {
  const found: RawTag[] = [];
  let braces = 0;
  let quoted = false;
  let bracket = 0;
  let closedBracket = false;
  let i = start;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      i++;
      continue;
    }
    if (c === '"' && braces > 0) quoted = true;
    else if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (c === '[' && isChoice && braces === 0 && !closedBracket) bracket++;
    else if (c === ']' && isChoice && braces === 0 && bracket > 0) {
      bracket--;
      if (bracket === 0) closedBracket = true;
    } else if (c === '#') {
      const begin = i;
      const startBraces = braces;
      let depth = 0;
      let j = i + 1;
      for (; j < code.length; j++) {
        const d = code[j];
        if (d === '\\') {
          j++;
          continue;
        }
        if (d === '{') depth++;
        else if (d === '}' && depth > 0) depth--;
        else if (depth === 0) {
          if (d === '#') break;
          if (d === ']' && bracket > 0) break;
          if (startBraces > 0 && (d === '}' || d === '|')) break;
          if (d === '-' && code[j + 1] === '>') break;
        }
      }
      const raw = code
        .slice(begin + 1, j)
        .replace(/\\(.)/g, '$1')
        .trim();
      found.push({ column: begin + 1, raw, beforeBracketEnd: isChoice && !closedBracket });
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

/**
 * Scans one ink file into `scan` (shared across a story's files). `isEntry` marks main.ink, whose
 * tags before the first line of content are the story's global tags.
 */
export function scanInkSource(
  file: string,
  text: string,
  isEntry: boolean,
  scan: SourceScan,
): void {
  const lines = text.split(/\r?\n/);
  let inBlock = false;
  let seenContent = !isEntry;
  let flow = '';
  // no line of content yet in the current knot or stitch (a header resets it)
  let flowFresh = false;
  // weave depth → index of the open choice set at that depth
  const open = new Map<number, number>();
  for (let n = 0; n < lines.length; n++) {
    const stripped = stripComments(lines[n] ?? '', inBlock);
    inBlock = stripped.inBlock;
    const code = stripped.code;
    const lead = code.length - code.trimStart().length;
    const body = code.trim();
    if (body === '') continue;
    const ext = EXTERNAL.exec(body);
    if (ext) {
      scan.externals.push({ name: ext[1] ?? '', file, line: n + 1 });
      continue;
    }
    // ink keeps global tags only above the first INCLUDE or line of content
    if (body.startsWith('INCLUDE')) seenContent = true;
    if (DECLARATION.test(body) || body.startsWith('~')) continue;
    const header = FLOW_HEADER.exec(body);
    if (header) {
      seenContent = true;
      const name = header[3] ?? '';
      if (header[2]) scan.functions.add(name);
      const isStitch = (header[1] ?? '').length === 1;
      flow = isStitch ? `${flow.split('.')[0] ?? ''}.${name}` : name;
      flowFresh = true;
      if (!header[2] && !scan.flows.has(flow)) scan.flows.set(flow, { file, line: n + 1 });
      open.clear();
      continue;
    }

    let offset = lead;
    let choiceDepth = 0;
    const bullets = /^((?:[*+]\s*)+)/.exec(body);
    const gather = bullets ? null : /^((?:-(?!>)\s*)+)/.exec(body);
    if (bullets) {
      choiceDepth = (bullets[1] ?? '').replace(/\s/g, '').length;
      offset += (bullets[1] ?? '').length;
      const label = /^\(\s*\w+\s*\)/.exec(code.slice(offset).trimStart());
      if (label) offset = code.indexOf(')', offset) + 1;
    } else if (gather) {
      const depth = (gather[1] ?? '').replace(/\s/g, '').length;
      for (const d of [...open.keys()]) if (d >= depth) open.delete(d);
      offset += (gather[1] ?? '').length;
    }

    let choiceIndex: number | null = null;
    if (choiceDepth > 0) {
      for (const d of [...open.keys()]) if (d > choiceDepth) open.delete(d);
      let set = open.get(choiceDepth);
      if (set === undefined) {
        set = scan.choiceSets.length;
        scan.choiceSets.push({ file, line: n + 1, flow, choices: [] });
        open.set(choiceDepth, set);
      }
      choiceIndex = scan.choices.length;
      scan.choices.push({ file, line: n + 1, depth: choiceDepth, set, tags: [] });
      scan.choiceSets[set]?.choices.push(choiceIndex);
    }

    const raws = tagsInContent(code, offset, choiceDepth > 0);
    const firstTag = raws[0];
    const onlyTags =
      firstTag !== undefined && code.slice(offset, firstTag.column - 1).trim() === '';
    const global = !seenContent && onlyTags && choiceDepth === 0;
    if (!global) seenContent = true;
    const flowStart = flowFresh && choiceDepth === 0 && flow !== '';
    if (!onlyTags) flowFresh = false;
    for (const t of raws) {
      const onChoice = choiceIndex !== null && t.beforeBracketEnd;
      const index = scan.tags.length;
      scan.tags.push({
        file,
        line: n + 1,
        column: t.column,
        raw: t.raw,
        directive: parseTag(t.raw),
        place: global ? 'global' : onChoice ? 'choice' : 'line',
        choice: onChoice ? choiceIndex : null,
        flow,
        flowStart,
      });
      if (onChoice && choiceIndex !== null) scan.choices[choiceIndex]?.tags.push(index);
    }
  }
}
