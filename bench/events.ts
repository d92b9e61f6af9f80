// Synthetic but valid capture events for the bench (Node and the bench page): sessions of a few
// stories with tastes on each option, a tenth timed out, like a long-time player's log.
import type { CaptureEvent } from '../src/core/events.ts';
import type { DimensionDecl } from '../src/core/model.ts';
import { seededRandom } from '../src/core/random.ts';

export const BENCH_DIMENSIONS: readonly DimensionDecl[] = [
  { id: 'risk', positive: 'bold', negative: 'careful' },
  { id: 'kindness', positive: 'kind', negative: 'cold' },
  { id: 'curiosity', positive: 'curious', negative: 'incurious' },
  { id: 'horror', positive: 'dark', negative: 'light' },
];

/** `count` events for `profileId`: session.started, ~20 choice.made, story.ended, session.ended. */
export function syntheticEvents(profileId: string, count: number, seed = 1): CaptureEvent[] {
  const rand = seededRandom(seed);
  const stories = ['night-shift', 'tapeloop', 'low-tide'];
  const out: CaptureEvent[] = [];
  const start = Date.UTC(2024, 0, 1);
  let session = 0;
  while (out.length < count) {
    session++;
    const storyId = stories[session % stories.length] ?? 'night-shift';
    const base = {
      v: 1 as const,
      profileId,
      sessionId: `s${seed}-${session}`,
      storyId,
      storyVersion: 'h1',
    };
    const at = (): string => new Date(start + out.length * 5000).toISOString();
    const id = (): string => `e${seed}-${out.length}`;
    out.push({ ...base, id: id(), at: at(), type: 'session.started' });
    for (let d = 0; d < 20 && out.length < count - 2; d++) {
      const k = rand() < 0.5 ? 2 : 3;
      const options = Array.from({ length: k }, (_, i) => {
        const dim = BENCH_DIMENSIONS[Math.floor(rand() * BENCH_DIMENSIONS.length)]!;
        return {
          text: `Option ${i + 1} of decision ${d}`,
          taste: { [dim.id]: rand() < 0.5 ? 1 : -1 },
        };
      });
      const timedOut = rand() < 0.1;
      out.push({
        ...base,
        id: id(),
        at: at(),
        type: 'choice.made',
        decisionId: `${storyId}.k${d}.c-0`,
        knot: `k${d}`,
        options,
        chosenIndex: Math.floor(rand() * k),
        decisionMs: Math.round(500 + rand() * 5000),
        windowMs: 6000,
        timedOut,
        input: timedOut ? 'timer' : 'pointer',
      });
    }
    if (out.length < count) {
      out.push({
        ...base,
        id: id(),
        at: at(),
        type: 'story.ended',
        endingPath: 'end',
        decisions: 20,
      });
    }
    if (out.length < count) {
      out.push({ ...base, id: id(), at: at(), type: 'session.ended', reason: 'ended' });
    }
  }
  return out.slice(0, count);
}
