// The part of a log both fits read (the evidence fit of inference.ts and the claims model of
// claims-model.ts): `choice.made` events once each by id, and the rewinds, in log order. The
// report and the home need both fits; reading and deduplicating a long log once for the two
// instead of once in each is the larger part of what they share.
import type { CaptureEvent } from '../core/events.ts';

/** Logs made by `choiceLog`: their choices are already unique by id, so a fit need not check. */
const UNIQUE = new WeakSet<readonly CaptureEvent[]>();

/**
 * The `choice.made` events (the first of each id) and the `decision.rewound` events, in log order.
 * Both fits give the same result on it as on the whole log: they read nothing else, and keep only
 * the first event of an id.
 */
export function choiceLog(events: readonly CaptureEvent[]): readonly CaptureEvent[] {
  if (UNIQUE.has(events)) return events;
  const seen = new Set<string>();
  const out: CaptureEvent[] = [];
  for (const e of events) {
    if (e.type === 'decision.rewound') out.push(e);
    else if (e.type === 'choice.made' && !seen.has(e.id)) {
      seen.add(e.id);
      out.push(e);
    }
  }
  UNIQUE.add(out);
  return out;
}

/** True for a log `choiceLog` made: its `choice.made` events are unique by id. */
export function isChoiceLog(events: readonly CaptureEvent[]): boolean {
  return UNIQUE.has(events);
}
