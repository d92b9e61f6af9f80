// Measures the fit on 10 000-event profiles against the §8 budget (under 50 ms): `npx tsx test/profile/inference-perf.ts`.
import type { CaptureEvent } from '../../src/core/events.ts';
import { fitProfile } from '../../src/profile/inference.ts';
import { choice, prng, syntheticPlayer } from './inference-synthetic.ts';

const DIMS = ['risk', 'kindness', 'curiosity', 'horror', 'humour', 'loyalty'];

/** Worst case: every decision distinct (random sparse tastes), one in ten timed out. */
function distinct(): CaptureEvent[] {
  const events = [...syntheticPlayer(prng(42), DIMS, 10_000).events];
  return events.map((e) =>
    e.type === 'choice.made' && Number(e.id.slice(1)) % 10 === 0 ? { ...e, timedOut: true } : e,
  );
}

/** The usual shape: three stories of 40 decisions replayed many times, picks varying. */
function replays(): CaptureEvent[] {
  const rand = prng(7);
  const stories = Array.from({ length: 3 }, () =>
    Array.from({ length: 40 }, () => syntheticPlayer(rand, DIMS, 1).events[0]),
  );
  const events: CaptureEvent[] = [];
  while (events.length < 10_000) {
    const story = stories[events.length % 3] ?? [];
    for (const base of story) {
      if (base?.type !== 'choice.made' || events.length >= 10_000) continue;
      const pick = Math.floor(rand() * base.options.length);
      events.push(
        choice(
          base.options.map((o) => o.taste),
          pick,
          { decisionId: base.decisionId, timedOut: rand() < 0.1 },
        ),
      );
    }
  }
  return events;
}

function measure(name: string, events: CaptureEvent[]): void {
  for (let i = 0; i < 5; i++) fitProfile(events, []);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fitProfile(events, []);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]): string =>
    ([...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0).toFixed(1);
  const r = fitProfile(events, []);
  console.log(
    `${name}: ${events.length} events × ${DIMS.length} dimensions, ${r.iterations} Newton steps: ` +
      `median wall ${med(wall)} ms, median CPU ${med(cpu)} ms (budget 50 ms)`,
  );
}

// a fixed reference workload, so figures from a busy machine can be read against an idle one
const c0 = process.cpuUsage();
let sink = 0;
for (let i = 0; i < 1e7; i++) sink += i * 0.5;
const ref = process.cpuUsage(c0);
console.log(
  `reference: 1e7-step float loop took ${(ref.user / 1000).toFixed(1)} ms CPU (about 10 ms on an idle modern core)${sink < 0 ? '!' : ''}`,
);
measure('distinct decisions', distinct());
measure('replayed stories', replays());
