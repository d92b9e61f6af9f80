// Logs known to hold each event id once. The store's reading (restoreRecords) keeps the first
// event of an id and drops the rest, so whatever reads the log after it (the fits) need not build
// a set of 100 000 ids again to do the same. The mark is for the array as it was marked: an array
// that has since grown or shrunk is not trusted (a reader checks again), so the mark can make a
// reading faster but never wrong.
import type { CaptureEvent } from './events.ts';

const MARKED = new WeakMap<readonly CaptureEvent[], number>();

/** Marks `events` (whose ids are distinct) as such, and gives it back. */
export function withUniqueIds<T extends readonly CaptureEvent[]>(events: T): T {
  MARKED.set(events, events.length);
  return events;
}

/** True when `events` was marked by `withUniqueIds` and has kept its length since. */
export function hasUniqueIds(events: readonly CaptureEvent[]): boolean {
  return MARKED.get(events) === events.length;
}
