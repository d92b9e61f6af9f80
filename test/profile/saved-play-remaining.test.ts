// A save made mid-window keeps the time left through the stored-record schema.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { savedPlaySchema } from '../../src/profile/capture-schema.ts';

const save = {
  storyId: 'night-shift',
  storyVersion: 'v1',
  sessionId: 's1',
  snapshots: ['{}'],
  transcript: ['The phone rings.'],
  savedAt: '2026-01-01T00:00:00.000Z',
};

describe('the saved play schema', () => {
  it('accepts a save with the time left in its window, and one without', () => {
    expect(v.safeParse(savedPlaySchema, { ...save, remainingMs: 2_500 }).success).toBe(true);
    expect(v.safeParse(savedPlaySchema, save).success).toBe(true);
  });

  it('rejects a negative time left', () => {
    expect(v.safeParse(savedPlaySchema, { ...save, remainingMs: -1 }).success).toBe(false);
  });
});
