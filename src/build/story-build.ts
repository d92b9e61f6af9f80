// One story folder at build time: compiled JSON, metadata from its global tags, its asset files,
// and the tag warnings the Vite plugin and the checker both report.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { Story } from 'inkjs';
import { storyMetaFromTags } from '../core/tags.ts';
import type { Directive } from '../core/directives.ts';
import type { StoryMeta, StoryOutline } from '../core/model.ts';
import type { StoryMapData } from '../core/story-map.ts';
import { storyMapOf } from './map.ts';
import { chaptersOf, outlineOf } from './outline.ts';
import { compileInk, outsideStoryFolder } from './compile-ink.ts';
import type { CompileResult, InkDiagnostic } from './compile-ink.ts';
import { emptyScan, scanInkSource } from './scan-source.ts';
import type { SourceScan, SourceTag } from './scan-source.ts';

export interface StoryBuild {
  readonly id: string;
  /** absolute path of the story folder */
  readonly dir: string;
  /** absolute path of main.ink */
  readonly entry: string;
  readonly compile: CompileResult;
  /** null when the story does not compile */
  readonly meta: StoryMeta | null;
  readonly scan: SourceScan;
  /** files of the story folder other than ink sources, relative with `/`, sorted */
  readonly assetFiles: readonly string[];
  /** compile warnings plus tag and asset warnings, each at its file and line */
  readonly warnings: readonly InkDiagnostic[];
  /** the story's map; null when the story does not compile */
  readonly map: StoryMapData | null;
  /** chapters, named endings and typical length; null when the story does not compile */
  readonly outline: StoryOutline | null;
}

/** The one rule for a story id: a folder name under stories/, never a path. */
export const STORY_ID = /^[a-z0-9][a-z0-9_-]*$/i;

/** Why `id` cannot name a story folder (the CLI's refusal), or null when it can. */
export function storyIdProblem(id: string): string | null {
  if (STORY_ID.test(id)) return null;
  return `"${id}" is not a story id: use letters, digits, "-" and "_" (a folder name under stories/, not a path)`;
}

/** Ids of every `<storiesDir>/<id>/main.ink`, sorted. */
export function listStoryIds(storiesDir: string): string[] {
  if (!existsSync(storiesDir)) return [];
  return readdirSync(storiesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && STORY_ID.test(d.name))
    .filter((d) => existsSync(join(storiesDir, d.name, 'main.ink')))
    .map((d) => d.name)
    .sort();
}

export function hashJson(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/** StoryMeta from the compiled story's global tags (read through the ink runtime). */
export function storyMetaFromJson(id: string, json: string): StoryMeta {
  return storyMetaFromTags(id, new Story(json).globalTags, hashJson(json));
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, base));
    else if (entry.isFile() && !entry.name.endsWith('.ink'))
      out.push(relative(base, path).split(sep).join('/'));
  }
  return out.sort();
}

/** The asset paths a directive names (backdrop assets, images, sounds, poster images). */
export function assetPathsOf(d: Directive): string[] {
  if (d.kind === 'backdrop') return d.backdrop.type === 'asset' ? [d.backdrop.path] : [];
  if (d.kind === 'image') return [d.path];
  if (d.kind === 'audio') return d.path === null ? [] : [d.path];
  // a poster may also name a scene (`scene:office`); only a file-like path is an asset
  if (d.kind === 'poster') return /^scene:/i.test(d.path) || !/[/.]/.test(d.path) ? [] : [d.path];
  return [];
}

/** Why an asset path is unusable for the story in `dir`, or null when it is fine. */
export function assetProblem(dir: string, path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return `asset "${path}" is a URL; assets must be files inside the story folder`;
  if (isAbsolute(path) || path.startsWith('/'))
    return `asset "${path}" is an absolute path; write it relative to the story folder`;
  const full = normalize(join(dir, path));
  const rel = relative(dir, full);
  if (rel.startsWith('..') || isAbsolute(rel)) return `asset "${path}" is outside the story folder`;
  if (outsideStoryFolder(dir, path) !== null)
    return `asset "${path}" is a link to a file outside the story folder`;
  if (!existsSync(full) || !statSync(full).isFile()) return `asset "${path}" is missing`;
  return null;
}

function tagWarning(tag: SourceTag, message: string): InkDiagnostic {
  return { severity: 'warning', file: tag.file, line: tag.line, message };
}

/** Unknown and unreadable tags, and assets missing or outside the story folder. */
export function tagWarnings(dir: string, scan: SourceScan): InkDiagnostic[] {
  const out: InkDiagnostic[] = [];
  for (const tag of scan.tags) {
    const d = tag.directive;
    if (d.kind === 'unknown') out.push(tagWarning(tag, `unknown tag "#${tag.raw}"`));
    else if (d.kind === 'invalid') out.push(tagWarning(tag, `tag "#${tag.raw}": ${d.reason}`));
    for (const path of assetPathsOf(d)) {
      if (path.includes('{')) continue; // dynamic: only known at run time
      const problem = assetProblem(dir, path);
      if (problem) out.push(tagWarning(tag, problem));
    }
  }
  return out;
}

/** Scans the sources a compile read; main.ink first so global tags are recognised. */
export function scanStory(entry: string, files: readonly string[]): SourceScan {
  const scan = emptyScan();
  const ordered = [entry, ...files.filter((f) => f !== entry)];
  for (const file of ordered) {
    if (!existsSync(file)) continue;
    scanInkSource(file, readFileSync(file, 'utf8'), file === entry, scan);
  }
  return scan;
}

export function buildStory(storiesDir: string, id: string): StoryBuild {
  const dir = resolve(storiesDir, id);
  const entry = join(dir, 'main.ink');
  const compile = compileInk(entry);
  const scan = scanStory(entry, compile.files);
  const meta = compile.json === null ? null : storyMetaFromJson(id, compile.json);
  const warnings = [
    ...compile.diagnostics.filter((d) => d.severity !== 'error'),
    ...tagWarnings(dir, scan),
  ];
  const map =
    compile.json === null
      ? null
      : storyMapOf(id, compile.json, {
          exclude: scan.functions,
          chapters: chaptersOf(scan).map((c) => c.knot),
        });
  const outline = compile.json === null || map === null ? null : outlineOf(compile.json, map, scan);
  return {
    id,
    dir,
    entry,
    compile,
    meta,
    scan,
    assetFiles: listFiles(dir),
    warnings,
    map,
    outline,
  };
}
