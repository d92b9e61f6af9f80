// profile.json writes each record of its lists on a line of its own (export.ts profileJson): any
// JSON reader must get the value the indented form gave, and the import must read both forms.
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { profileDocument, profileJson, type ProfileDocument } from '../../src/profile/export.ts';
import { parseImport } from '../../src/profile/import.ts';
import { syntheticEvents } from '../../bench/events.ts';

const docArb: fc.Arbitrary<ProfileDocument> = fc
  .record({
    format: fc.string(),
    version: fc.integer(),
    exportedAt: fc.string(),
    profile: fc.jsonValue(),
    settings: fc.option(fc.jsonValue()),
    events: fc.array(fc.jsonValue(), { maxLength: 8 }),
    quarantined: fc.array(fc.jsonValue(), { maxLength: 3 }),
  })
  .map((d) => d as unknown as ProfileDocument);

describe('profile.json, a record per line', () => {
  it('parses to the same value as the indented document', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        expect(JSON.parse(profileJson(doc))).toEqual(JSON.parse(JSON.stringify(doc, null, 2)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out fields without JSON, as JSON.stringify does', () => {
    const doc = { a: 1, b: undefined, c: [undefined, 2] } as unknown as ProfileDocument;
    expect(JSON.parse(profileJson(doc))).toEqual({ a: 1, c: [null, 2] });
    expect(profileJson({} as ProfileDocument)).toBe('{}');
  });

  it('puts each event on a line of its own and is read back by the import like the indented form', () => {
    const events = syntheticEvents('p', 40);
    const doc = profileDocument({
      profile: { id: 'p', name: 'P', createdAt: '2024-01-01T00:00:00.000Z' },
      events,
      quarantined: [],
      inferences: [],
      stories: [],
      exportedAt: new Date(Date.UTC(2024, 1, 1)),
    });
    const text = profileJson(doc);
    const lines = text.split('\n');
    for (const e of events)
      expect(lines).toContain(`    ${JSON.stringify(e)}${e === events.at(-1) ? '' : ','}`);
    expect(text.length).toBeLessThan(JSON.stringify(doc, null, 2).length * 0.75);
    const compact = parseImport(strToU8(text), 'profile.json');
    const indented = parseImport(strToU8(JSON.stringify(doc, null, 2)), 'profile.json');
    expect(compact.ok).toBe(true);
    expect(compact).toEqual(indented);
  });
});
