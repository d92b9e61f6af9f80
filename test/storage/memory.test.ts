// The contract suite against the in-memory store (two "tabs" share one backing).
import { createMemoryBacking, createMemoryProfileStore } from '../../src/storage/memory-store.ts';
import { runStoreContract } from './contract.ts';

runStoreContract('memory', {
  kind: 'memory',
  fresh() {
    const backing = createMemoryBacking();
    return {
      open: (options) => createMemoryProfileStore({ ...options, backing }),
      injectRawEvent: (key, raw) => {
        backing.areas.events.set(key, raw);
        return Promise.resolve();
      },
      readRawEvent: (key) => Promise.resolve(backing.areas.events.get(key)),
    };
  },
});
