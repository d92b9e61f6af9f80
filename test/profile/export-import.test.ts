// Export and import: the ZIP's files and columns, the round trip, and refusals that change nothing.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { fromCsv } from './read-csv.ts';
import type { ExportInput } from '../../src/profile/export.ts';
import { EXPORT_FILES, NETFLIX_COLUMNS, buildExport } from '../../src/profile/export.ts';
import { MAX_IMPORT_BYTES, parseImport } from '../../src/profile/import.ts';
import { claimsFor } from '../../src/profile/claims.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import {
  INFERENCE_COLUMNS,
  INFERENCE_COLUMN_DESCRIPTIONS,
  inferenceRows,
} from '../../src/profile/inference-rows.ts';
import { applyImport } from '../../src/storage/import-apply.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { eventArb, profileArb } from './arbitraries.ts';

const profile = { id: 'p1', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };
const base = { v: 1, profileId: 'p1', storyVersion: 'h', storyId: 'heist' } as const;
const events: CaptureEvent[] = [
  { ...base, id: 'e1', sessionId: 's1', at: '2024-01-02T10:00:00.000Z', type: 'session.started' },
  {
    ...base,
    id: 'e2',
    sessionId: 's1',
    at: '2024-01-02T10:01:00.000Z',
    type: 'choice.made',
    decisionId: 'vault.0.c-1',
    knot: 'vault',
    options: [
      { text: 'Crack it', taste: { risk: 1 } },
      { text: '=cmd|calc', taste: { risk: -1 } },
    ],
    chosenIndex: 1,
    decisionMs: 10000,
    windowMs: 10000,
    timedOut: true,
    input: 'timer',
  },
  {
    ...base,
    id: 'e3',
    sessionId: 's1',
    at: '2024-01-02T10:02:00.000Z',
    type: 'story.ended',
    endingPath: 'caught',
    decisions: 1,
  },
  {
    ...base,
    id: 'e4',
    sessionId: 's1',
    at: '2024-01-02T10:02:00.000Z',
    type: 'session.ended',
    reason: 'ended',
  },
];
const input: ExportInput = {
  profile,
  events,
  quarantined: [{ key: 'p1/bad', reason: 'not an object', raw: 'garbage' }],
  inferences: [
    {
      dimension: 'risk',
      label_positive: 'Thrill-seeking',
      label_negative: 'Caution',
      estimate: -0.4,
      low90: -1.2,
      high90: 0.3,
      p_positive: 0.2,
      decisions: 1,
      distinct_decisions: 1,
      claim_pole: '',
      claim_level: 'none',
      claim_probability: 0.31,
      top_evidence: 'e2=1',
    },
  ],
  stories: [{ id: 'heist', title: 'The Heist' }],
  settings: { ...DEFAULT_SETTINGS, retentionDays: 30 },
  exportedAt: new Date('2024-02-01T00:00:00Z'),
};

function files(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
}

describe('buildExport', () => {
  it('writes exactly the six files, with a cover sheet naming every file and column', () => {
    const out = files(buildExport(input));
    expect(Object.keys(out).sort()).toEqual([...EXPORT_FILES].sort());
    for (const name of EXPORT_FILES.filter((f) => f.endsWith('.csv'))) {
      expect(out['README.txt']).toContain(name);
      const header = out[name]!.split('\r\n')[0]!.split(',');
      for (const column of header) expect(out['README.txt']).toContain(column);
    }
  });

  it('lists each choice in choices.csv and InteractiveTitles.csv in Netflix’s columns', () => {
    const out = files(buildExport(input));
    const [choice] = fromCsv(out['choices.csv']!);
    expect(choice).toMatchObject({
      event_id: 'e2',
      story_title: 'The Heist',
      chosen_index: '1',
      timed_out: 'true',
      window_ms: '10000',
    });
    // a cell that a spreadsheet would run is escaped
    expect(choice?.chosen_text).toBe("'=cmd|calc");
    expect(out['InteractiveTitles.csv']!.split('\r\n')[0]).toBe(NETFLIX_COLUMNS.join(','));
    expect(fromCsv(out['InteractiveTitles.csv']!)).toEqual([
      {
        'Profile Name': 'Ada',
        'Title Desc': 'The Heist',
        'Selection Type': 'DEFAULT',
        'Choice Segment Id': 'vault.0.c-1#1',
        'Has Watched': 'true',
        Source: 'inkreel',
        'Utc Timestamp': '2024-01-02 10:01:00',
      },
    ]);
  });

  it('summarises each session and each inferred dimension', () => {
    const out = files(buildExport(input));
    expect(fromCsv(out['sessions.csv']!)).toEqual([
      expect.objectContaining({
        session_id: 's1',
        ending_path: 'caught',
        choices: '1',
        timed_out_choices: '1',
        end_reason: 'ended',
      }),
    ]);
    expect(fromCsv(out['inferences.csv']!)).toEqual([
      expect.objectContaining({
        dimension: 'risk',
        label_positive: 'Thrill-seeking',
        p_positive: '0.2',
        claim_level: 'none',
        distinct_decisions: '1',
        top_evidence: 'e2=1',
      }),
    ]);
  });
});

describe('inferences.csv', () => {
  it('holds the inference module’s rows for a real fit, and the cover sheet explains each of its columns in that module’s words', () => {
    const dims = [{ id: 'risk', positive: 'Thrill-seeking', negative: 'Caution' }];
    const rows = inferenceRows(fitProfile(events, dims), claimsFor(events, dims));
    const out = files(buildExport({ ...input, inferences: rows }));
    expect(out['inferences.csv']!.split('\r\n')[0]).toBe(INFERENCE_COLUMNS.join(','));
    const parsed = fromCsv(out['inferences.csv']!);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toEqual(
      Object.fromEntries(INFERENCE_COLUMNS.map((c) => [c, String(rows[0]![c])])),
    );
    expect(parsed[0]!.top_evidence).toMatch(/^e2=/);
    for (const c of INFERENCE_COLUMNS) {
      expect(out['README.txt']).toContain(INFERENCE_COLUMN_DESCRIPTIONS[c]);
    }
    // the only choice was the timer's: it carries no taste, so the claim rests on nothing
    expect(parsed[0]!.claim_level).toBe('none');
    expect(parsed[0]!.claim_pole).toBe('');
    expect(parsed[0]!.distinct_decisions).toBe('0');
    expect(out['README.txt']).toContain('a decision you replayed counts once there');
  });
});

describe('parseImport', () => {
  it('reads back a whole export ZIP and a bare profile.json as the same data', () => {
    const zip = buildExport(input);
    const fromZip = parseImport(zip, 'export.zip');
    const fromJson = parseImport(strToU8(files(zip)['profile.json']!), 'profile.json');
    const expected = { profile, settings: input.settings, events, quarantined: input.quarantined };
    expect(fromZip).toEqual({ ok: true, data: expected });
    expect(fromJson).toEqual(fromZip);
  });

  it('is the identity after export on arbitrary profiles', () => {
    fc.assert(
      fc.property(
        profileArb.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.uniqueArray(eventArb(p.id), { selector: (e) => e.id, maxLength: 6 }),
          ),
        ),
        ([p, evs]) => {
          const zip = buildExport({
            profile: p,
            events: evs,
            quarantined: [],
            inferences: [],
            stories: [],
          });
          expect(parseImport(zip, 'x.zip')).toEqual({
            ok: true,
            data: { profile: p, settings: null, events: evs, quarantined: [] },
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects the whole import when one event is invalid, naming the path and the reason', () => {
    const doc = JSON.parse(files(buildExport(input))['profile.json']!);
    doc.events[1].options[0].taste.risk = 'lots';
    const result = parseImport(strToU8(JSON.stringify(doc)), 'profile.json');
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/events\.1.*options\.0\.taste\.risk/),
    });
  });

  it('rejects events that belong to another profile and ids that repeat', () => {
    const doc = JSON.parse(files(buildExport(input))['profile.json']!);
    const other = structuredClone(doc);
    other.events[0].profileId = 'p2';
    expect(parseImport(strToU8(JSON.stringify(other)), 'a.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/events\.0\.profileId/),
    });
    doc.events[1].id = 'e1';
    expect(parseImport(strToU8(JSON.stringify(doc)), 'a.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/events\.1\.id/),
    });
  });

  it('refuses oversized files, files that are neither ZIP nor JSON, ZIPs without profile.json and broken JSON', () => {
    expect(parseImport(new Uint8Array(MAX_IMPORT_BYTES + 1), 'big.zip')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/50 MB/),
    });
    expect(parseImport(strToU8('GIF89a...'), 'cat.gif')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/neither/),
    });
    expect(parseImport(zipSync({ 'notes.txt': strToU8('hi') }), 'other.zip')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no profile\.json/),
    });
    expect(parseImport(strToU8('{"format": '), 'profile.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not valid JSON/),
    });
    expect(parseImport(strToU8('{"format": "something-else"}'), 'p.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/format/),
    });
  });
});

describe('applyImport', () => {
  it('creates a new profile with the imported events and settings', async () => {
    const store = createMemoryProfileStore();
    const parsed = parseImport(buildExport(input), 'export.zip');
    if (!parsed.ok) throw new Error(parsed.error);
    const created = await applyImport(store, parsed.data);
    expect(created.name).toBe('Ada');
    expect(await store.events(created.id)).toEqual(
      events.map((e) => ({ ...e, profileId: created.id })),
    );
    expect(await store.getSettings(created.id)).toEqual(input.settings);
  });

  it('leaves the store as it was when a write fails part-way', async () => {
    const inner = createMemoryProfileStore();
    const flaky = {
      ...inner,
      staging: { ...inner.staging!, write: () => Promise.reject(new Error('disk')) },
    };
    const parsed = parseImport(buildExport(input), 'export.zip');
    if (!parsed.ok) throw new Error(parsed.error);
    await expect(applyImport(flaky, parsed.data)).rejects.toThrow('disk');
    expect(await inner.listProfiles()).toEqual([]);
  });
});
