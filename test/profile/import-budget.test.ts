// The import budget: decompression counts real output, not a header's claim, and stops on size
// or time with a clear message; a file too large is refused from its size alone.
import { inflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportBudget } from '../../src/profile/import.ts';
import { IMPORT_BUDGET, parseImport, refuseBySize } from '../../src/profile/import.ts';
import { deflatedZeros, zipClaiming } from './zip-bomb.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { buildExport } from '../../src/profile/export.ts';
import { syntheticEvents } from '../../bench/events.ts';

const MiB = 1024 * 1024;

describe('the import budget', () => {
  it('builds a bomb that really inflates to what it says (the test helper itself)', () => {
    expect(inflateSync(deflatedZeros(MiB, 3)).length).toBe(3 * MiB);
  });

  it('refuses a ZIP whose 1 000-byte profile.json inflates past 128 MB, quickly and by name', () => {
    const bomb = zipClaiming('profile.json', deflatedZeros(16 * MiB, 64), 1000);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const started = performance.now();
    const result = parseImport(bomb, 'x.zip');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result).toEqual({
      ok: false,
      error: 'profile.json in x.zip inflates to more than 128 MB; nothing was imported.',
    });
  });

  it('takes back the app’s own export of 100 000 events, and an older export indenting every field (it inflates past the file limit)', () => {
    const sample = 2000;
    const zip = buildExport({
      profile: { id: 'p', name: 'Ada', createdAt: '2024-01-01T00:00:00.000Z' },
      events: syntheticEvents('p', sample),
      quarantined: [],
      inferences: [],
      stories: [],
      settings: DEFAULT_SETTINGS,
    });
    const text = strFromU8(unzipSync(zip)['profile.json'] ?? new Uint8Array());
    expect(text.length).toBeGreaterThan(0);
    // exports before profile.json wrote an event per line indented every field by two spaces
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    const inflated = IMPORT_BUDGET.maxInflatedBytes ?? IMPORT_BUDGET.maxBytes;
    for (const perEvent of [text.length / sample, indented.length / sample]) {
      // with room for a log a tenth longer than the bench's synthetic one
      expect(perEvent * 100_000 * 1.1).toBeLessThan(inflated);
    }
    expect((indented.length / sample) * 100_000).toBeGreaterThan(IMPORT_BUDGET.maxBytes);
    expect(text.length).toBeLessThan(indented.length);
  });

  it('stops a decompression that runs past its time', () => {
    let clock = 0;
    const slow: ImportBudget = { ...IMPORT_BUDGET, now: () => (clock += 1000) };
    const result = parseImport(
      zipClaiming('profile.json', deflatedZeros(MiB, 40), 1000),
      'y.zip',
      slow,
    );
    expect(result).toEqual({
      ok: false,
      error: 'profile.json in y.zip takes more than 2 s to decompress; nothing was imported.',
    });
  });

  it('refuses a file larger than the limit from its size, before reading it', () => {
    expect(refuseBySize(3 * 1024 * MiB, 'huge.zip')).toBe(
      'huge.zip is larger than 50 MB; nothing was imported.',
    );
    expect(refuseBySize(50 * MiB, 'ok.zip')).toBeNull();
  });

  it('refuses a ZIP cut short inside profile.json', () => {
    const whole = zipSync({
      'profile.json': strToU8(JSON.stringify({ pad: 'x'.repeat(100_000) })),
    });
    const result = parseImport(whole.subarray(0, 50), 'cut.zip');
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('cut.zip') });
  });
});
