// Compiles a story's main.ink (with INCLUDEs) to runtime JSON in Node, with located diagnostics.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve, relative } from 'node:path';
import { Compiler } from 'inkjs/compiler/Compiler';
import { CompilerOptions } from 'inkjs/compiler/CompilerOptions';
import { PosixFileHandler } from 'inkjs/compiler/FileHandler/PosixFileHandler';

export interface InkDiagnostic {
  readonly severity: 'error' | 'warning' | 'todo';
  /** absolute path of the file the message is about (an INCLUDEd file where relevant) */
  readonly file: string;
  /** 1-based line, or null when the compiler gave none */
  readonly line: number | null;
  readonly message: string;
}

export interface CompileResult {
  /** compiled runtime JSON, or null when there were errors */
  readonly json: string | null;
  readonly diagnostics: readonly InkDiagnostic[];
  /** absolute paths of every file the story read (main.ink and all INCLUDEs) */
  readonly files: readonly string[];
}

// inkjs reports "ERROR: 'part.ink' line 6: Divert target not found" (the file part is optional).
const MESSAGE =
  /^(ERROR|WARNING|TODO|RUNTIME ERROR|RUNTIME WARNING):\s*(?:'([^']+)'\s*)?(?:line (\d+):\s*)?(.*)$/s;

export function parseDiagnostic(raw: string, rootDir: string, entry: string): InkDiagnostic {
  const m = MESSAGE.exec(raw.trim());
  if (!m) return { severity: 'error', file: entry, line: null, message: raw.trim() };
  const kind = m[1] ?? 'ERROR';
  const severity = kind.endsWith('WARNING') ? 'warning' : kind === 'TODO' ? 'todo' : 'error';
  const file = m[2] ? resolve(rootDir, m[2]) : entry;
  const line = m[3] ? Number(m[3]) : null;
  return { severity, file, line, message: (m[4] ?? raw).trim() };
}

/**
 * The one containment rule for every file the build reads (INCLUDEs and assets): the file's real
 * path, symlinks resolved, must lie inside the story folder's real path. Returns why not, or null.
 * A file that does not exist is left to the caller's own "missing" message.
 */
export function outsideStoryFolder(storyDir: string, path: string): string | null {
  const full = resolve(storyDir, path);
  const written = relative(storyDir, full);
  // a name inside the folder reads better relative; one outside is clearest in full
  const shown = written.startsWith('..') || isAbsolute(written) ? full : written;
  let realDir: string;
  let realFile: string;
  try {
    realDir = realpathSync(storyDir);
  } catch {
    return null;
  }
  try {
    realFile = realpathSync(full);
  } catch {
    // missing: judge the path as written, so "../x" is still refused before "missing"
    realFile = resolve(realDir, relative(storyDir, full));
  }
  const rel = relative(realDir, realFile);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    const link = realFile !== full && resolve(realDir, relative(storyDir, full)) !== realFile;
    return link
      ? `"${shown}" is a link to a file outside the story folder; only files inside it can be read`
      : `"${shown}" is outside the story folder; only files inside it can be read`;
  }
  return null;
}

/** Thrown by the file handler for a file outside the story folder; the message is the reason. */
class OutsideFolderError extends Error {}

export interface CompileOptions {
  /** mark every knot and stitch for visit counting (the explorer reads visit counts) */
  readonly countAllVisits?: boolean;
}

// ink wraps a file handler's error as "Failed to load: 'x'.\nError:Error: <reason>"
const LOAD_FAILURE = /^Failed to load: '[^']*'\.\s*Error:(?:Error: )?(INCLUDE .*)$/s;

function tidyLoadFailure(d: InkDiagnostic): InkDiagnostic {
  const m = LOAD_FAILURE.exec(d.message);
  return m ? { ...d, message: (m[1] ?? d.message).trim() } : d;
}

/** Compiles `entryPath`; INCLUDE paths resolve relative to the entry's folder. Never throws. */
export function compileInk(entryPath: string, options: CompileOptions = {}): CompileResult {
  const entry = resolve(entryPath);
  const rootDir = dirname(entry);
  const files = new Set<string>([entry]);
  const posix = new PosixFileHandler(rootDir + '/');
  const fileHandler = {
    ResolveInkFilename: (name: string) => posix.ResolveInkFilename(name),
    LoadInkFileContents: (name: string) => {
      const path = resolve(rootDir, name);
      const outside = outsideStoryFolder(rootDir, name);
      // never read, never watched: nothing of an outside file may reach the output
      if (outside !== null) throw new OutsideFolderError(`INCLUDE ${outside}`);
      files.add(path);
      return readFileSync(path, 'utf8');
    },
  };
  const raw: string[] = [];
  const compilerOptions = new CompilerOptions(
    relative(rootDir, entry),
    [],
    options.countAllVisits ?? false,
    (message) => raw.push(message),
    fileHandler,
  );
  let json: string | null = null;
  try {
    const outside = outsideStoryFolder(rootDir, entry);
    if (outside !== null) throw new OutsideFolderError(`main.ink ${outside}`);
    const source = readFileSync(entry, 'utf8');
    const story = new Compiler(source, compilerOptions).Compile();
    json = story.ToJson() ?? null;
  } catch (error) {
    if (raw.length === 0) raw.push(`ERROR: ${(error as Error).message}`);
  }
  const diagnostics = raw.map((message) =>
    tidyLoadFailure(parseDiagnostic(message, rootDir, entry)),
  );
  if (diagnostics.some((d) => d.severity === 'error')) json = null;
  return { json, diagnostics, files: [...files] };
}
