// Storage faults: unavailable IndexedDB, a quota error at run time, and the contract on a full disk.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../src/core/ports.ts';
import type { ClosableProfileStore } from '../../src/storage/kv-store.ts';
import { createLocalforageProfileStore } from '../../src/storage/localforage-store.ts';
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import {
  STORAGE_FULL_MESSAGE,
  createResilientStore,
  isQuotaError,
  openProfileStore,
} from '../../src/storage/open-store.ts';
import { choiceEvent, runStoreContract } from './contract.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const WRITES = [
  'append',
  'createProfile',
  'renameProfile',
  'setActiveProfileId',
  'putSave',
  'putSettings',
] as const;

/** A store whose writes start failing with a quota error after `allowed` successful appends. */
function fillsUpAfter(inner: ClosableProfileStore, allowed: number): ClosableProfileStore {
  let appends = 0;
  const failing = Object.fromEntries(
    WRITES.map((method) => [
      method,
      (...args: unknown[]) => {
        if (method === 'append' && appends < allowed) {
          appends += 1;
          return (inner.append as (...a: unknown[]) => Promise<void>)(...args);
        }
        return Promise.reject(quota());
      },
    ]),
  );
  return { ...inner, ...failing };
}

let databases = 0;
const freshName = () => `open-store-${(databases += 1)}`;

describe('openProfileStore', () => {
  it('opens persistent storage when IndexedDB works', async () => {
    const store = await openProfileStore({ name: freshName() });
    expect(store.kind).toBe('persistent');
    expect(store.status.state).toBe('ok');
    store.close();
  });

  it('falls back to memory with a notice when storage is unavailable, and play goes on', async () => {
    const store = await openProfileStore({
      openPersistent: () => Promise.reject(new Error('No available storage method found.')),
    });
    expect(store.kind).toBe('memory');
    expect(store.status).toEqual({
      state: 'unavailable',
      message: expect.stringMatching(/nothing is being kept/),
    });
    const event = choiceEvent('p1');
    await store.append(event);
    expect(await store.events('p1')).toEqual([event]);
  });
});

describe('a store that fills up at run time', () => {
  it('recognises quota errors from the browsers', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('disk on fire'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('keeps new events in memory, says so once, and leaves the stored ones intact', async () => {
    const name = freshName();
    const primary = createLocalforageProfileStore({ name });
    const store = createResilientStore(fillsUpAfter(primary, 2));
    const heard: StoreStatus[] = [];
    store.onStatusChange((s) => heard.push(s));
    const events = Array.from({ length: 5 }, (_, i) =>
      choiceEvent('p1', { at: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString() }),
    );
    for (const e of events) await store.append(e);
    expect(store.kind).toBe('memory');
    expect(store.status.message).toBe(STORAGE_FULL_MESSAGE);
    expect(heard).toEqual([{ state: 'full', message: STORAGE_FULL_MESSAGE }]);
    expect(await store.events('p1')).toEqual(events);
    const reopened = createLocalforageProfileStore({ name });
    expect(await reopened.events('p1')).toEqual(events.slice(0, 2));
    expect(await reopened.quarantined('p1')).toEqual([]);
  });

  it('still deletes stored events when full, so the player can make room', async () => {
    const name = freshName();
    const store = createResilientStore(fillsUpAfter(createLocalforageProfileStore({ name }), 1));
    const [kept, overflow] = [choiceEvent('p1'), choiceEvent('p1')];
    await store.append(kept);
    await store.append(overflow);
    expect(await store.deleteEvents('p1', [kept.id, overflow.id])).toBe(2);
    expect(await store.events('p1')).toEqual([]);
    expect(await createLocalforageProfileStore({ name }).events('p1')).toEqual([]);
  });

  it('rethrows write errors that are not about space', async () => {
    const broken = {
      ...createMemoryProfileStore(),
      append: () => Promise.reject(new Error('boom')),
    };
    const store = createResilientStore(broken);
    await expect(store.append(choiceEvent('p1'))).rejects.toThrow('boom');
    expect(store.status.state).toBe('ok');
  });
});

// The whole contract again with storage that is full from the first write.
runStoreContract('resilient store on full storage', {
  kind: 'persistent',
  fresh() {
    const name = freshName();
    const fallback = createMemoryBacking();
    return {
      open: (options) =>
        createResilientStore(fillsUpAfter(createLocalforageProfileStore({ ...options, name }), 0), {
          fallback,
        }),
      injectRawEvent: (key, raw) => {
        fallback.areas.events.set(key, raw);
        return Promise.resolve();
      },
      readRawEvent: (key) => Promise.resolve(fallback.areas.events.get(key)),
    };
  },
});
