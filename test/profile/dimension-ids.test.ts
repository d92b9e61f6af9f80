// Dimension ids end to end: what the tag grammar accepts survives capture, storage, export and
// import unchanged; what it refuses (names of object members) never gets that far.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/core/events.ts';
import { RESERVED_DIMENSION_IDS, parseTag, tasteOf } from '../../src/core/tags.ts';
import { buildExport } from '../../src/profile/export.ts';
import { parseImport } from '../../src/profile/import.ts';
import { createMemoryProfileStore } from '../../src/storage/memory-store.ts';

function choiceWith(profileId: string, taste: Record<string, number>): CaptureEvent {
  return {
    v: 1,
    id: 'e1',
    profileId,
    sessionId: 's1',
    storyId: 'st',
    storyVersion: 'h',
    at: '2024-01-02T10:00:00.000Z',
    type: 'choice.made',
    decisionId: 'a.0',
    knot: 'a',
    options: [
      { text: 'Yes', taste },
      { text: 'No', taste: {} },
    ],
    chosenIndex: 0,
    decisionMs: 1200,
    windowMs: 10_000,
    timedOut: false,
    input: 'pointer',
  };
}

const dimensionId = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][\w-]{0,12}$/),
  fc.constantFrom(...RESERVED_DIMENSION_IDS),
  fc.constantFrom('constructors', 'proto', 'Prototype', '__proto', 'valueOf_'),
);

describe('dimension ids from tag to import', () => {
  it('keeps every id the grammar accepts through capture, store, export and import (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dimensionId, fc.integer({ min: -5, max: 5 }), async (id, w) => {
        const declared = parseTag(`dimension: ${id} = Yes / No`);
        const taste = parseTag(`taste: ${id}${w < 0 ? '-' : '+'}${Math.abs(w)}`);
        if (RESERVED_DIMENSION_IDS.has(id)) {
          expect(declared.kind).toBe('invalid');
          expect(taste.kind).toBe('invalid');
          return;
        }
        if (taste.kind !== 'taste') return; // not a taste term (e.g. a trailing "-"): refused up front
        const vector = tasteOf([taste]);
        expect(Object.keys(vector)).toEqual([id]);
        const store = createMemoryProfileStore();
        const profile = await store.createProfile('P');
        const event = choiceWith(profile.id, vector);
        await store.append(event);
        const stored = await store.events(profile.id);
        expect(stored).toEqual([event]);
        const zip = buildExport({
          profile,
          events: stored,
          quarantined: [],
          inferences: [],
          stories: [],
        });
        const back = parseImport(zip, 'x.zip');
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.data.events).toEqual([event]);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an imported taste keyed by a reserved id instead of dropping it', () => {
    const profile = { id: 'p1', name: 'A', createdAt: '2024-01-01T00:00:00.000Z' };
    const zip = buildExport({
      profile,
      events: [choiceWith('p1', { risk: 1 })],
      quarantined: [],
      inferences: [],
      stories: [],
    });
    const clean = strFromU8(unzipSync(zip)['profile.json'] ?? new Uint8Array());
    // profile.json writes each event on one line, without spaces (export.ts profileJson)
    expect(clean).toContain('"risk":1');
    expect(parseImport(strToU8(clean), 'profile.json').ok).toBe(true);
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      const hostile = clean.replace('"risk":1', `"${key}":1`);
      const result = parseImport(strToU8(hostile), 'profile.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/reserved dimension id/);
    }
  });
});
