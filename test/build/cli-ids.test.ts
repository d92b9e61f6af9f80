// `npm run story -- <command> <id>` refuses ids that are paths, before reading or writing anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../../src/build/cli.ts');
let top = '';
let work = '';

/** Runs the CLI in `work`, where stories/ is empty and ../x/main.ink is a valid story. */
function story(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'inkreel-cli-'));
  work = join(top, 'work');
  mkdirSync(join(work, 'stories'), { recursive: true });
  mkdirSync(join(top, 'x'));
  writeFileSync(join(top, 'x', 'main.ink'), 'Outside.\n* [A] -> END\n* [B] -> END\n');
});

afterAll(() => {
  rmSync(top, { recursive: true, force: true });
});

describe('story CLI ids', () => {
  it.each([['map'], ['check'], ['explore'], ['new']])(
    '%s refuses a traversal id with a clear message and writes nothing',
    (command) => {
      const before = readdirSync(top).sort();
      const { code, err } = story(command, '../../x');
      expect(code).toBe(2);
      expect(err).toContain('"../../x" is not a story id');
      expect(err).toContain('nothing was read or written');
      expect(readdirSync(top).sort()).toEqual(before);
      expect(existsSync(join(work, 'maps'))).toBe(false);
      expect(readdirSync(join(work, 'stories'))).toEqual([]);
    },
    30_000,
  );

  it('refuses absolute and dotted ids too, and still accepts a plain one', () => {
    expect(story('map', '/tmp/x').code).toBe(2);
    expect(story('check', 'ok', '..').err).toContain('".." is not a story id');
    const made = story('new', 'fine-one');
    expect(made.code).toBe(0);
    expect(existsSync(join(work, 'stories', 'fine-one', 'main.ink'))).toBe(true);
    const mapped = story('map', 'fine-one');
    expect(mapped.code).toBe(0);
    expect(existsSync(join(work, 'maps', 'fine-one.map.json'))).toBe(true);
  }, 60_000);
});
