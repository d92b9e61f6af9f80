// What the report runs on a profile: the evidence fit (inference.ts) and the claims
// (claims.ts), over one reading of the log (choice-table.ts).
import type { CaptureEvent } from '../core/events.ts';
import type { DimensionDecl } from '../core/model.ts';
import { choiceTable } from './choice-table.ts';
import { profileClaims, type ProfileClaims } from './claims.ts';
import { fitProfile, type InferenceResult } from './inference.ts';

export interface ProfileInference {
  readonly result: InferenceResult;
  readonly claims: ProfileClaims;
}

/** `fitProfile` and `profileClaims` of the same log, equal to calling each on it. */
export function profileInference(
  events: readonly CaptureEvent[],
  dimensions: readonly DimensionDecl[],
): ProfileInference {
  const table = choiceTable(events);
  return { result: fitProfile(table, dimensions), claims: profileClaims(table, dimensions) };
}
