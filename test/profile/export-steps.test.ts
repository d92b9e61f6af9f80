// The export built a step at a time (export-steps.ts, export-worker.ts): the same files as
// buildExport, with progress that only moves forward, and the same bytes through the worker's
// message protocol.
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { claimsFor } from '../../src/profile/claims.ts';
import type { ExportInput } from '../../src/profile/export.ts';
import { buildExport, EXPORT_FILES } from '../../src/profile/export.ts';
import { exportSteps, type ExportProgress } from '../../src/profile/export-steps.ts';
import { exportReceiver, type ExportReply } from '../../src/profile/export-worker.ts';

/** events per message in the protocol test (the page's own slice size does not matter to it) */
const EXPORT_EVENTS_PER_MESSAGE = 1000;
import { fitProfile } from '../../src/profile/inference.ts';
import { inferenceRows } from '../../src/profile/inference-rows.ts';
import { eventArb, profileArb } from './arbitraries.ts';
import { BENCH_DIMENSIONS, syntheticEvents } from '../../bench/events.ts';

function inputOf(
  events: ExportInput['events'],
  profile = { id: 'p', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' },
): ExportInput {
  return {
    profile,
    events,
    quarantined: [{ key: 'k', reason: 'unreadable', raw: '{"x":' }],
    inferences: inferenceRows(
      fitProfile(events, BENCH_DIMENSIONS),
      claimsFor(events, BENCH_DIMENSIONS),
    ),
    stories: [{ id: 'tapeloop', title: 'Tapeloop' }],
    settings: DEFAULT_SETTINGS,
    exportedAt: new Date('2024-03-01T12:00:00.000Z'),
  };
}

function run(input: ExportInput): { bytes: Uint8Array; progress: ExportProgress[] } {
  const progress: ExportProgress[] = [];
  const steps = exportSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return { bytes: step.value, progress };
    progress.push(step.value);
  }
}

/** The ZIP's files as text (every file of the export is UTF-8 text). */
function files(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
}

describe('the export a step at a time', () => {
  it('holds the same files, byte for byte, as buildExport', () => {
    const input = inputOf(syntheticEvents('p', 3000));
    const { bytes, progress } = run(input);
    const made = files(bytes);
    const reference = files(buildExport(input));
    expect(Object.keys(made)).toEqual([...EXPORT_FILES]);
    for (const name of EXPORT_FILES) expect(made[name] === reference[name]).toBe(true);
    expect(made['choices.csv']?.split('\r\n').length).toBeGreaterThan(2000);
    // progress moves forward within [0, 1] and names what it is doing
    expect(progress.length).toBeGreaterThan(EXPORT_FILES.length);
    progress.forEach((p, i) => {
      expect(p.fraction).toBeGreaterThanOrEqual(i === 0 ? 0 : progress[i - 1]!.fraction);
      expect(p.fraction).toBeLessThanOrEqual(1);
      expect(p.label).toMatch(/^(Writing|Compressing) /);
    });
  });

  it('matches buildExport for any profile and log', () => {
    fc.assert(
      fc.property(profileArb, fc.array(eventArb('p'), { maxLength: 20 }), (profile, events) => {
        const input = inputOf(events, profile);
        expect(files(run(input).bytes)).toEqual(files(buildExport(input)));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same ZIP through the worker protocol, events in slices', async () => {
    const input = inputOf(syntheticEvents('p', 2 * EXPORT_EVENTS_PER_MESSAGE + 17));
    const replies: ExportReply[] = [];
    const receive = exportReceiver((reply) => replies.push(reply));
    const { events, ...head } = input;
    await receive({ type: 'begin', input: head });
    for (let at = 0; at < events.length; at += EXPORT_EVENTS_PER_MESSAGE)
      await receive({ type: 'events', events: events.slice(at, at + EXPORT_EVENTS_PER_MESSAGE) });
    await receive({ type: 'build' });
    const done = replies.at(-1);
    expect(done?.type).toBe('done');
    expect(replies.slice(0, -1).every((r) => r.type === 'progress')).toBe(true);
    if (done?.type !== 'done') throw new Error('no ZIP');
    const made = files(done.bytes);
    const reference = files(buildExport(input));
    expect(Object.keys(made)).toEqual(Object.keys(reference));
    for (const name of EXPORT_FILES) expect(made[name] === reference[name]).toBe(true);
  });

  it('reports a build asked for before any data as failed', async () => {
    const replies: ExportReply[] = [];
    await exportReceiver((reply) => replies.push(reply))({ type: 'build' });
    expect(replies).toEqual([{ type: 'failed', error: 'nothing to export' }]);
  });
});
