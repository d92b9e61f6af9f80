// The restore step: migrates, validates, quarantines what it cannot read, and never throws.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { captureEventSchema } from '../../src/profile/capture-schema.ts';
import type { StoredRecord } from '../../src/profile/restore.ts';
import { isCurrentEvent, restoreEvent, restoreRecords } from '../../src/profile/restore.ts';
import { eventArb } from './arbitraries.ts';

describe('restoreRecords', () => {
  it('never throws on arbitrary input and keeps every valid record', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb('p1'), { maxLength: 8 }),
        fc.array(fc.anything(), { maxLength: 8 }),
        (valid, junk) => {
          const unique = [...new Map(valid.map((e) => [e.id, e])).values()];
          const records: StoredRecord[] = [
            ...unique.map((raw, i) => ({ key: `good/${i}`, raw })),
            ...junk.map((raw, i) => ({ key: `junk/${i}`, raw })),
          ];
          const result = restoreRecords(records);
          expect(result.events.map((e) => e.id).sort()).toEqual(unique.map((e) => e.id).sort());
          expect(result.events.length + result.quarantined.length).toBe(records.length);
          for (const q of result.quarantined) expect(q.key.startsWith('junk/')).toBe(true);
        },
      ),
    );
  });

  it('keeps a quarantined record exactly as it was found, with a reason naming the field', () => {
    const raw = { v: 1, id: 'x', type: 'choice.made', profileId: 'p1' };
    const [q] = restoreRecords([{ key: 'k', raw }]).quarantined;
    expect(q?.raw).toBe(raw);
    expect(q?.reason).toMatch(/sessionId/);
  });

  it('quarantines events that claim another profile when loading one profile', () => {
    fc.assert(
      fc.property(eventArb('other'), (event) => {
        const result = restoreRecords([{ key: 'k', raw: event }], { profileId: 'p1' });
        expect(result.events).toEqual([]);
        expect(result.quarantined[0]?.reason).toMatch(/other/);
      }),
    );
  });

  it('loads each event id once when it was stored twice', () => {
    const event = fc.sample(eventArb('p1'), 1)[0]!;
    const result = restoreRecords([
      { key: 'a', raw: event },
      { key: 'b', raw: event },
    ]);
    expect(result.events).toEqual([event]);
    expect(result.duplicates).toBe(1);
  });
});

describe('restoreEvent', () => {
  it('lifts an older record through the migrations to the current version', () => {
    const event = fc.sample(eventArb('p1'), 1)[0]!;
    const { v: _v, at, ...rest } = event;
    const legacy = { ...rest, v: 0, time: Date.parse(at) };
    const migrations = {
      0: ({ time, ...r }: Readonly<Record<string, unknown>>) => ({
        ...r,
        v: 1,
        at: new Date(time as number).toISOString(),
      }),
    };
    expect(restoreEvent(legacy, migrations)).toEqual({ ok: true, event, migrated: true });
  });

  it('refuses a version it has no migration for, and marks newer versions as from the future', () => {
    expect(restoreEvent({ v: 0 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/v0/),
      future: false,
    });
    expect(restoreEvent({ v: 7 })).toMatchObject({ ok: false, future: true });
    expect(restoreEvent({ id: 'no version' })).toMatchObject({ ok: false, future: false });
  });

  it('reports a migration that throws as unreadable instead of throwing', () => {
    const result = restoreEvent(
      { v: 0 },
      {
        0: () => {
          throw new Error('bad');
        },
      },
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/bad/) });
  });
});

describe('isCurrentEvent (the fast path of restore)', () => {
  /** a valid event with one field (possibly nested) replaced, added or removed */
  const nearMiss = fc
    .tuple(eventArb('p1'), fc.nat(), fc.anything(), fc.constantFrom('set', 'delete', 'option'))
    .map(([event, pick, value, how]) => {
      const copy = structuredClone(event) as unknown as Record<string, unknown>;
      const keys = [...Object.keys(copy), 'extra'];
      const key = keys[pick % keys.length]!;
      const options = copy['options'];
      if (how === 'option' && Array.isArray(options) && options.length > 0) {
        const option = options[pick % options.length] as Record<string, unknown>;
        const taste = option['taste'] as Record<string, unknown>;
        if (pick % 3 === 0) option['text'] = value;
        else if (pick % 3 === 1) taste[String(value)] = value;
        else option['taste'] = value;
      } else if (how === 'delete') delete copy[key];
      else copy[key] = value;
      return copy;
    });

  it('accepts only what the full schema accepts, and the schema returns the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMiss, eventArb('p1')), (raw) => {
        const parsed = v.safeParse(captureEventSchema, raw);
        if (isCurrentEvent(raw)) {
          expect(parsed.success).toBe(true);
          expect(parsed.output).toStrictEqual(raw);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes every valid current event (so the common case never reaches valibot)', () => {
    fc.assert(
      fc.property(eventArb('p1'), (event) => {
        expect(isCurrentEvent(structuredClone(event))).toBe(true);
      }),
    );
  });

  it('orders the loaded events as before: by time, a session opening first and closing last', () => {
    fc.assert(
      fc.property(fc.array(eventArb('p1'), { maxLength: 30 }), (events) => {
        const unique = [...new Map(events.map((e) => [e.id, e])).values()];
        const result = restoreRecords(unique.map((raw, i) => ({ key: `k${i}`, raw })));
        const rank = (type: string): number =>
          type === 'session.started'
            ? 0
            : type === 'story.ended'
              ? 2
              : type === 'session.ended'
                ? 3
                : 1;
        const expected = unique
          .map((event, i) => ({ event, i }))
          .sort(
            (a, b) =>
              Date.parse(a.event.at) - Date.parse(b.event.at) ||
              rank(a.event.type) - rank(b.event.type) ||
              a.i - b.i,
          )
          .map((x) => x.event);
        expect(result.events).toEqual(expected);
      }),
    );
  });
});
