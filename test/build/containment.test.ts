// Every file the build reads stays inside its story's folder: INCLUDEs, symlinks and assets.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { checkStory, hasErrors } from '../../src/build/check.ts';
import { compileInk } from '../../src/build/compile-ink.ts';
import { inkStories } from '../../src/build/vite-plugin-ink.ts';

const repo = resolve(import.meta.dirname, '../..');
const SECRET = 'TOP-SECRET-TOKEN-4f1c9e';
const made: string[] = [];

/** root/secret.env beside root/stories/leak/main.ink, whose source is `main`. */
function layout(main: string): { root: string; stories: string; story: string } {
  const root = mkdtempSync(join(tmpdir(), 'inkreel-contain-'));
  made.push(root);
  const stories = join(root, 'stories');
  const story = join(stories, 'leak');
  mkdirSync(story, { recursive: true });
  writeFileSync(join(root, 'secret.env'), `${SECRET} is here.\n`);
  writeFileSync(join(story, 'main.ink'), main);
  return { root, stories, story };
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compileInk containment', () => {
  it('refuses an INCLUDE that climbs out of the story folder, at its line, without reading it', () => {
    const { story } = layout('# title: Leak\nHello.\nINCLUDE ../../secret.env\n-> END\n');
    const result = compileInk(join(story, 'main.ink'));
    expect(result.json).toBeNull();
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error?.file).toBe(join(story, 'main.ink'));
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/INCLUDE ".*secret\.env" is outside the story folder/);
    expect(result.files).toEqual([join(story, 'main.ink')]);
  });

  it('refuses an absolute INCLUDE such as /etc/hostname', () => {
    const { story } = layout('Hello.\n\nINCLUDE /etc/hostname\n-> END\n');
    const result = compileInk(join(story, 'main.ink'));
    expect(result.json).toBeNull();
    expect(result.diagnostics[0]?.line).toBe(3);
    expect(result.diagnostics[0]?.message).toContain('"/etc/hostname" is outside the story folder');
  });

  it('refuses an INCLUDE of a symlink inside the folder that points outside it', () => {
    const { root, story } = layout('Hello.\nINCLUDE part.ink\n-> END\n');
    symlinkSync(join(root, 'secret.env'), join(story, 'part.ink'));
    const result = compileInk(join(story, 'main.ink'));
    expect(result.json).toBeNull();
    expect(result.diagnostics[0]?.line).toBe(2);
    expect(result.diagnostics[0]?.message).toContain('"part.ink" is a link to a file outside');
  });

  it('refuses a main.ink that is itself a link out of the folder', () => {
    const { root, story } = layout('');
    rmSync(join(story, 'main.ink'));
    writeFileSync(join(root, 'other.ink'), `${SECRET}\n-> END\n`);
    symlinkSync(join(root, 'other.ink'), join(story, 'main.ink'));
    const result = compileInk(join(story, 'main.ink'));
    expect(result.json).toBeNull();
    expect(result.diagnostics[0]?.message).toMatch(/main\.ink .*outside the story folder/);
  });

  it('still compiles INCLUDEs in subfolders of the story', () => {
    const { story } = layout('Hello.\nINCLUDE parts/a.ink\n-> END\n');
    mkdirSync(join(story, 'parts'));
    writeFileSync(join(story, 'parts/a.ink'), '=== a ===\nIn a.\n-> END\n');
    const result = compileInk(join(story, 'main.ink'));
    expect(result.diagnostics).toEqual([]);
    expect(result.json).toContain('In a.');
  });
});

describe('story check containment', () => {
  it('reports the outside INCLUDE as an error at its file and line', () => {
    const { stories, story } = layout('# title: Leak\nHello.\nINCLUDE ../../secret.env\n-> END\n');
    const report = checkStory(stories, 'leak');
    expect(hasErrors([report])).toBe(true);
    const f = report.findings.find((x) => x.severity === 'error');
    expect(f).toMatchObject({ file: join(story, 'main.ink'), line: 3, code: 'compile-error' });
    expect(f?.message).toContain('outside the story folder');
  });

  it('reports an asset that is a symlink to a file outside the folder', () => {
    const { root, stories, story } = layout(
      '# title: Leak\nHello. # IMAGE: assets/p.png\n-> END\n',
    );
    mkdirSync(join(story, 'assets'));
    symlinkSync(join(root, 'secret.env'), join(story, 'assets/p.png'));
    const report = checkStory(stories, 'leak');
    const f = report.findings.find((x) => x.code === 'asset');
    expect(f).toMatchObject({ severity: 'error', line: 2 });
    expect(f?.message).toContain('link to a file outside the story folder');
  });
});

/** Runs `vite build` on `root`; resolves to the error, or null when it built. */
function viteBuild(root: string): Promise<Error | null> {
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><body><script type="module" src="/entry.js"></script></body></html>',
  );
  writeFileSync(
    join(root, 'entry.js'),
    "import { catalogue } from 'virtual:inkreel/catalogue';\nfor (const e of catalogue) e.load();\n",
  );
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [inkStories({ storiesDir: 'stories' })],
    build: { outDir: 'dist', minify: false },
  }).then(
    () => null,
    (e: unknown) => e as Error,
  );
}

/** Every file the build wrote, as text. */
function output(root: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      try {
        out.push(readFileSync(path, 'utf8'));
      } catch {
        walk(path);
      }
    }
  };
  walk(join(root, 'dist'));
  return out.join('\n');
}

describe('vite build containment', () => {
  it('publishes nothing of an asset that is a link to a file outside the folder', async () => {
    const { root, story } = layout('# title: Leak\nHello. # IMAGE: assets/p.png\n-> END\n');
    mkdirSync(join(story, 'assets'));
    writeFileSync(join(story, 'assets/ok.png'), 'fine');
    symlinkSync(join(root, 'secret.env'), join(story, 'assets/p.png'));
    expect(await viteBuild(root)).toBeNull();
    const all = output(root);
    expect(all).toContain('assets/ok.png');
    expect(all).not.toContain('assets/p.png"');
    expect(all).not.toContain(SECRET);
  }, 60_000);

  it('fails the build at main.ink:3 and nothing of the outside file reaches the output', async () => {
    const { root } = layout('# title: Leak\nHello.\nINCLUDE ../../secret.env\n-> END\n');
    const error = await viteBuild(root);
    expect(error).not.toBeNull();
    expect(error?.message).toContain('stories/leak/main.ink:3');
    expect(error?.message).toContain('outside the story folder');
    expect(error?.message).not.toContain(SECRET);
    expect(output(root)).not.toContain(SECRET);
  }, 60_000);
});
