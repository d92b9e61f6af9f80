// "What changes if you delete this": refits without the chosen events and compares, dimension by dimension.
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import { fitProfile } from './inference.ts';
import type { DimensionInference, FitOptions, InferenceResult } from './inference.ts';

export interface DimensionChange {
  readonly id: string;
  readonly positive: string;
  readonly negative: string;
  /** null when the dimension exists only on one side (its only tastes were in the deleted events) */
  readonly before: DimensionInference | null;
  readonly after: DimensionInference | null;
  /** after.estimate − before.estimate (a missing side counts as the prior: 0) */
  readonly delta: number;
  /** after.pPositive − before.pPositive (a missing side counts as 0.5) */
  readonly deltaPPositive: number;
  readonly wordsBefore: string;
  readonly wordsAfter: string;
  /** the sentence the report shows would read differently */
  readonly wordsChange: boolean;
  /** how many of the decisions bearing on this dimension the deletion removes */
  readonly decisionsRemoved: number;
}

export interface DeletionPreview {
  readonly before: InferenceResult;
  readonly after: InferenceResult;
  /** one entry per dimension of either fit, in the order of `before` then any new ones */
  readonly changes: readonly DimensionChange[];
  /** ids asked for that are in the log */
  readonly removed: readonly string[];
  /** ids asked for that are not in the log (already deleted, or never there) */
  readonly notFound: readonly string[];
}

const NOTHING = 'no choices bear on this yet';

/** Refits without `eventIds` and says, per dimension, what would change. Nothing is deleted. */
export function previewDeletion(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
  eventIds: Iterable<string>,
  options: FitOptions = {},
): DeletionPreview {
  const drop = new Set(eventIds);
  const present = new Set(events.map((e) => e.id));
  const before = fitProfile(events, dimensions, options);
  const after = fitProfile(
    events.filter((e) => !drop.has(e.id)),
    dimensions,
    options,
  );
  const afterById = new Map(after.dimensions.map((d) => [d.id, d]));
  const ids = [...before.dimensions.map((d) => d.id)];
  for (const d of after.dimensions) if (!ids.includes(d.id)) ids.push(d.id);
  const beforeById = new Map(before.dimensions.map((d) => [d.id, d]));
  const changes = ids.map((id): DimensionChange => {
    const b = beforeById.get(id) ?? null;
    const a = afterById.get(id) ?? null;
    const either = (b ?? a) as DimensionInference;
    const wordsBefore = b?.summary ?? NOTHING;
    const wordsAfter = a?.summary ?? NOTHING;
    return {
      id,
      positive: either.positive,
      negative: either.negative,
      before: b,
      after: a,
      delta: (a?.estimate ?? 0) - (b?.estimate ?? 0),
      deltaPPositive: (a?.pPositive ?? 0.5) - (b?.pPositive ?? 0.5),
      wordsBefore,
      wordsAfter,
      wordsChange: wordsBefore !== wordsAfter,
      decisionsRemoved: (b?.decisions ?? 0) - (a?.decisions ?? 0),
    };
  });
  const asked = [...drop];
  return {
    before,
    after,
    changes,
    removed: asked.filter((id) => present.has(id)),
    notFound: asked.filter((id) => !present.has(id)),
  };
}
