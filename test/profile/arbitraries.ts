// fast-check generators of valid capture events and profiles, for the property tests.
import fc from 'fast-check';
import type { CaptureEvent } from '../../src/core/events.ts';
import type { Profile } from '../../src/core/ports.ts';

// JSON cannot tell -0 from 0, so the generators never produce it.
const num = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const nonNeg = fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => x + 0);
const count = fc.nat();
const iso = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const taste = fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), num, { maxKeys: 3 });

export function eventArb(profileId: string): fc.Arbitrary<CaptureEvent> {
  const base = fc.record({
    v: fc.constant(1 as const),
    id: fc.uuid(),
    profileId: fc.constant(profileId),
    sessionId: fc.string(),
    storyId: fc.string(),
    storyVersion: fc.string(),
    at: iso,
  });
  const body = fc.oneof(
    fc.record({ type: fc.constant('session.started' as const) }),
    fc.record({
      type: fc.constant('choice.made' as const),
      decisionId: fc.string(),
      knot: fc.string(),
      options: fc.array(fc.record({ text: fc.string(), taste }), { maxLength: 4 }),
      chosenIndex: count,
      decisionMs: nonNeg,
      windowMs: fc.option(nonNeg, { nil: null }),
      timedOut: fc.boolean(),
      input: fc.constantFrom(
        'pointer' as const,
        'touch' as const,
        'keyboard' as const,
        'timer' as const,
      ),
    }),
    fc.record({
      type: fc.constant('decision.rewound' as const),
      toDecisionId: fc.option(fc.string(), { nil: null }),
      toTurn: count,
      fromTurn: count,
    }),
    fc.record({
      type: fc.constant('story.ended' as const),
      endingPath: fc.string(),
      decisions: count,
    }),
    fc.record({
      type: fc.constant('session.ended' as const),
      reason: fc.constantFrom('ended' as const, 'left' as const, 'restarted' as const),
    }),
    fc.record({
      type: fc.constant('settings.changed' as const),
      key: fc.string(),
      value: fc.oneof(fc.string(), num, fc.boolean(), fc.constant(null)),
    }),
    fc.record({
      type: fc.constant('data.deleted' as const),
      scope: fc.constantFrom(
        'event' as const,
        'session' as const,
        'story' as const,
        'all' as const,
        'expired' as const,
      ),
      count,
    }),
  );
  return fc.tuple(base, body).map(([b, x]) => ({ ...b, ...x }));
}

export const profileArb: fc.Arbitrary<Profile> = fc.record({
  id: fc.uuid(),
  name: fc.string(),
  createdAt: iso,
});
