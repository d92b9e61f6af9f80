// The contract suite against the localforage store on fake-indexeddb (two tabs = two stores on one database).
import 'fake-indexeddb/auto';
import localforage from 'localforage';
import { createLocalforageProfileStore } from '../../src/storage/localforage-store.ts';
import { runStoreContract } from './contract.ts';

let databases = 0;

runStoreContract('localforage', {
  kind: 'persistent',
  fresh() {
    databases += 1;
    const name = `inkreel-test-${databases}`;
    const raw = localforage.createInstance({ name, storeName: 'events' });
    return {
      open: (options) => createLocalforageProfileStore({ ...options, name }),
      injectRawEvent: async (key, value) => {
        await raw.setItem(key, value);
      },
      readRawEvent: (key) => raw.getItem(key),
    };
  },
});
