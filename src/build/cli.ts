// `npm run story -- <command>`: the authoring CLI over check.ts, explore.ts, map.ts and new-story.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkStory, formatReport, hasErrors } from './check.ts';
import { compileInk } from './compile-ink.ts';
import { exploreJson } from './explore.ts';
import { storyMapOf, storyMapSvg } from './map.ts';
import { chaptersOf } from './outline.ts';
import { newStory } from './new-story.ts';
import { listStoryIds, scanStory, storyIdProblem } from './story-build.ts';

const STORIES = resolve(process.cwd(), 'stories');
const USAGE = `usage: npm run story -- check [id…] [--json]
       npm run story -- explore <id> [--seed N] [--runs N] [--json]
       npm run story -- map <id> [--out dir]
       npm run story -- new <id>`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
}

/** Refuses a traversal or otherwise unusable id before any file is read or written. */
function badId(id: string): boolean {
  const problem = storyIdProblem(id);
  if (problem === null) return false;
  console.error(`${problem}; nothing was read or written`);
  return true;
}

function check(args: string[]): number {
  const ids = args.filter((a) => !a.startsWith('--'));
  if (ids.some(badId)) return 2;
  const reports = (ids.length > 0 ? ids : listStoryIds(STORIES)).map((id) =>
    checkStory(STORIES, id),
  );
  if (args.includes('--json')) console.log(JSON.stringify(reports, null, 2));
  else for (const r of reports) console.log(formatReport(r, process.cwd()));
  return hasErrors(reports) ? 1 : 0;
}

function explore(args: string[]): number {
  const id = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!id) {
    console.error(USAGE);
    return 2;
  }
  if (badId(id)) return 2;
  const entry = join(STORIES, id, 'main.ink');
  const compiled = compileInk(entry, { countAllVisits: true });
  if (compiled.json === null) {
    console.error(`${id} does not compile; run "npm run story -- check ${id}"`);
    return 1;
  }
  const report = exploreJson(compiled.json, {
    seed: Number(flag(args, '--seed') ?? 1),
    runs: Number(flag(args, '--runs') ?? 200),
    exclude: scanStory(entry, compiled.files).functions,
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${id}: ${report.playthroughs} playthroughs`);
    console.log(`endings (${report.endings.length}):`);
    for (const e of report.endings)
      console.log(`  ${e.path}  ×${e.count}  shortest path: [${e.choices.join(', ')}]`);
    const d = report.decisions;
    console.log(`decisions per playthrough: min ${d.min}, median ${d.median}, max ${d.max}`);
    console.log(
      `never visited: ${report.unvisited.length === 0 ? 'none' : report.unvisited.join(', ')}`,
    );
    for (const e of report.errors)
      console.log(
        `runtime error in ${e.at || 'the start'} after [${e.choices.join(', ')}]: ${e.message}`,
      );
    for (const l of report.loops)
      console.log(`loop in ${l.at}: ${l.message} (after [${l.choices.slice(0, 12).join(', ')}…])`);
  }
  return report.errors.length > 0 || report.loops.length > 0 ? 1 : 0;
}

function map(args: string[]): number {
  const id = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!id) {
    console.error(USAGE);
    return 2;
  }
  if (badId(id)) return 2;
  const entry = join(STORIES, id, 'main.ink');
  const compiled = compileInk(entry);
  if (compiled.json === null) {
    console.error(`${id} does not compile; run "npm run story -- check ${id}"`);
    return 1;
  }
  const scan = scanStory(entry, compiled.files);
  const data = storyMapOf(id, compiled.json, {
    exclude: scan.functions,
    chapters: chaptersOf(scan).map((c) => c.knot),
  });
  const out = resolve(flag(args, '--out') ?? join('maps'));
  mkdirSync(out, { recursive: true });
  const jsonFile = join(out, `${id}.map.json`);
  const svgFile = join(out, `${id}.map.svg`);
  writeFileSync(jsonFile, JSON.stringify(data, null, 2) + '\n');
  writeFileSync(svgFile, storyMapSvg(data));
  const count = (kind: string) => data.nodes.filter((n) => n.kind === kind).length;
  console.log(
    `${id}: ${count('knot')} knots, ${count('stitch')} stitches, ${count('decision')} decisions, ` +
      `${count('choice')} choices, ${count('ending')} endings, ${data.edges.length} edges`,
  );
  console.log(`wrote ${relative(process.cwd(), jsonFile)} and ${relative(process.cwd(), svgFile)}`);
  return 0;
}

function create(args: string[]): number {
  const id = args.find((a) => !a.startsWith('--'));
  if (!id) {
    console.error(USAGE);
    return 2;
  }
  if (badId(id)) return 2;
  const made = newStory(STORIES, id);
  if (!made.ok) {
    console.error(made.error);
    return 1;
  }
  for (const f of made.files) console.log(`created ${relative(process.cwd(), join(made.dir, f))}`);
  console.log(`next: npm run dev, then open #/play/${id}; npm run story -- check ${id}`);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
const code =
  command === 'check'
    ? check(rest)
    : command === 'explore'
      ? explore(rest)
      : command === 'map'
        ? map(rest)
        : command === 'new'
          ? create(rest)
          : (console.error(USAGE), 2);
process.exitCode = code;
