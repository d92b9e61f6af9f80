// Measures (not a test): how long the localforage store on fake-indexeddb takes to load N events.
// Run: npx tsx test/storage/measure-load.ts
import 'fake-indexeddb/auto';
import localforage from 'localforage';
import { createLocalforageProfileStore } from '../../src/storage/localforage-store.ts';
import { itemKey } from '../../src/storage/kv-store.ts';
import { choiceEvent } from './contract.ts';

for (const n of [10_000, 100_000]) {
  const name = `measure-${n}`;
  const raw = localforage.createInstance({ name, storeName: 'events' });
  // Seeded in one batch per 1000 so the measurement is about loading, not appending.
  for (let i = 0; i < n; i += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, n - i) }, () => {
        const e = choiceEvent('p1');
        return raw.setItem(itemKey('p1', e.id), e);
      }),
    );
  }
  const store = createLocalforageProfileStore({ name });
  const loads: string[] = [];
  let events: unknown[] = [];
  for (let run = 0; run < 2; run += 1) {
    const t = performance.now();
    events = await store.events('p1');
    loads.push((performance.now() - t).toFixed(0));
  }
  const appendStart = performance.now();
  for (let i = 0; i < 100; i += 1) await store.append(choiceEvent('p1'));
  const appendMs = (performance.now() - appendStart) / 100;
  console.log(
    `${n} events: load cold ${loads[0]} ms, warm ${loads[1]} ms (${events.length} loaded); append ${appendMs.toFixed(2)} ms each`,
  );
  store.close();
}
