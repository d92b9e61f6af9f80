// Compiles a story's main.ink (with INCLUDEs) to runtime JSON in Node, with located diagnostics.
import { readFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
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

export interface CompileOptions {
  /** mark every knot and stitch for visit counting (the explorer reads visit counts) */
  readonly countAllVisits?: boolean;
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
    const source = readFileSync(entry, 'utf8');
    const story = new Compiler(source, compilerOptions).Compile();
    json = story.ToJson() ?? null;
  } catch (error) {
    if (raw.length === 0) raw.push(`ERROR: ${(error as Error).message}`);
  }
  const diagnostics = raw.map((message) => parseDiagnostic(message, rootDir, entry));
  if (diagnostics.some((d) => d.severity === 'error')) json = null;
  return { json, diagnostics, files: [...files] };
}
