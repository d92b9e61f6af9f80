// Helpers for the ink corpus fixtures: compile a case and replay choices into inklecate's transcript.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileInk } from '../../src/build/compile-ink.ts';
import type { StoryRuntime } from '../../src/core/ports.ts';

export const CORPUS = join(import.meta.dirname, '../fixtures/ink-corpus');

export interface CorpusCase {
  readonly name: string;
  readonly dir: string;
  readonly manifest: {
    readonly main: string;
    readonly stubs?: Record<string, unknown>;
  };
}

export function corpusCases(prefix: string): CorpusCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith(prefix))
    .map((d) => {
      const dir = join(CORPUS, d.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      return { name: d.name, dir, manifest };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function compileCase(c: CorpusCase): string {
  const result = compileInk(join(c.dir, c.manifest.main));
  if (result.json === null) {
    throw new Error(`${c.name} does not compile: ${JSON.stringify(result.diagnostics)}`);
  }
  return result.json;
}

/** The manifest's stubs as bound functions: `{returns: "void"}` answers nothing, else the value. */
export function stubsOf(c: CorpusCase): Record<string, () => unknown> {
  const out: Record<string, () => unknown> = {};
  for (const [name, value] of Object.entries(c.manifest.stubs ?? {})) {
    const isVoid =
      value !== null &&
      typeof value === 'object' &&
      (value as { returns?: unknown }).returns === 'void';
    out[name] = () => (isVoid ? undefined : value);
  }
  return out;
}

/**
 * Plays `inputs` (1-based choice numbers) and writes what inklecate prints: each line, its tags
 * as `# tags: a, b`, a blank line and `N: text` per option, and `?> ` before the text that follows
 * a pick.
 */
export function transcriptOf(runtime: StoryRuntime, inputs: readonly number[]): string {
  const out: string[] = [];
  let prompt = false;
  const emit = (text: string): void => {
    out.push(prompt ? `?> ${text}` : text);
    prompt = false;
  };
  let turn = 0;
  for (;;) {
    const beat = runtime.nextSync();
    for (const line of beat.lines) {
      if (line.text !== '') emit(line.text);
      if (line.tags.length > 0) emit(`# tags: ${line.tags.join(', ')}`);
    }
    if (!beat.decision) break;
    emit('');
    beat.decision.options.forEach((option, i) => out.push(`${i + 1}: ${option.text}`));
    const pick = inputs[turn++];
    if (pick === undefined) break;
    runtime.choose(pick - 1);
    prompt = true;
  }
  if (prompt) out.push('?> ');
  return `${out.join('\n')}\n`;
}

export function inputsOf(dir: string): number[] {
  return readFileSync(join(dir, 'input.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
}
