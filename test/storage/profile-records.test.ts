// Profile records restored defensively: a corrupt record repairs to a listed profile with all its
// events, the original is kept aside and reported, and events with no record are recovered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECOVERED_NAME, restoreProfile } from '../../src/profile/restore.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { itemKey } from '../../src/storage/kv-store.ts';
import { eventArb } from '../profile/arbitraries.ts';

const now = () => new Date('2025-01-01T00:00:00.000Z');
const good = { id: 'p1', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' };

/** A profile record as a bug, an old version or a hand edit might leave it. */
const corruptRecord = fc.oneof(
  fc.anything(),
  fc.record(
    { id: fc.anything(), name: fc.anything(), createdAt: fc.anything() },
    {
      requiredKeys: [],
    },
  ),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }).map((extra) => ({ ...extra, ...good })),
  fc.constant({ ...good, name: 42 }),
  fc.constant({ ...good, theme: 'dark' }),
);

describe('restoreProfile', () => {
  it('keeps a good record exactly as stored', () => {
    expect(restoreProfile('p1', good, now)).toEqual({ ok: true, profile: good, repairs: [] });
  });

  it('drops an unknown key and turns a numeric name into text, keeping the id', () => {
    const result = restoreProfile('p1', { ...good, name: 7, colour: 'red' }, now);
    expect(result).toMatchObject({ ok: true, profile: { id: 'p1', name: '7' } });
    expect(result.ok && result.repairs.join(' ')).toMatch(/colour/);
  });

  it('names a record it cannot read at all plainly, under its key', () => {
    expect(restoreProfile('p9', 'garbage', now)).toMatchObject({
      ok: true,
      profile: { id: 'p9', name: RECOVERED_NAME, createdAt: now().toISOString() },
    });
  });

  it('never throws and always keeps the key as the id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), corruptRecord, (key, raw) => {
        const result = restoreProfile(key, raw, now);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.profile.id).toBe(key);
          expect(typeof result.profile.name).toBe('string');
          expect(Number.isFinite(Date.parse(result.profile.createdAt))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a store with a corrupt profile record', () => {
  it('still lists the profile with every one of its events, and reports the repair', async () => {
    await fc.assert(
      fc.asyncProperty(
        corruptRecord,
        fc.array(eventArb('p1'), { minLength: 1, maxLength: 6 }),
        async (raw, events) => {
          const backing = createMemoryBacking();
          const store = createMemoryProfileStore({ backing, now });
          for (const e of events) await store.append(e);
          const stored = (await store.events('p1')).length;
          backing.areas.profiles.set('p1', raw);
          const profiles = await store.listProfiles();
          expect(profiles.map((p) => p.id)).toEqual(['p1']);
          expect((await store.events('p1')).length).toBe(stored);
          const repaired = restoreProfile('p1', raw, now);
          const aside = await store.quarantined('p1');
          if (repaired.ok && repaired.repairs.length > 0) {
            expect(aside.some((q) => q.key === 'profiles/p1')).toBe(true);
            // repaired once: the record now reads clean
            expect(restoreProfile('p1', backing.areas.profiles.get('p1'), now)).toMatchObject({
              repairs: [],
            });
          }
          store.close();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives events whose profile record is gone a recovered profile, leaving an import alone', async () => {
    const backing = createMemoryBacking();
    const store = createMemoryProfileStore({ backing, now });
    const [a, b] = fc.sample(eventArb('lost'), 2);
    const staged = fc.sample(eventArb('staging'), 1)[0]!;
    await store.append(a!);
    await store.append(b!);
    await store.append(staged);
    expect(await store.listProfiles()).toEqual([]);
    const recovered = await store.recoverOrphans!(new Set(['staging']));
    expect(recovered.map((p) => p.id)).toEqual(['lost']);
    expect((await store.listProfiles()).map((p) => p.name)).toEqual([
      `${RECOVERED_NAME} (2 events)`,
    ]);
    expect((await store.events('lost')).length).toBe(new Set([a!.id, b!.id]).size);
    expect(backing.areas.events.has(itemKey('staging', staged.id))).toBe(true);
    store.close();
  });
});
