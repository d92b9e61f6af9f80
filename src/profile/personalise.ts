// Personalisation, explained: which poster variant each story shows and how the home screen is ordered, with reasons.
import type { PosterDecl, StoryMeta } from '../core/model.ts';
import type { DimensionInference, InferenceResult } from './inference.ts';

export interface PersonaliseOptions {
  /** the settings switch; false gives default posters, catalogue order and the reason "personalisation is off" */
  readonly personalisation?: boolean;
  /** a variant for the + pole needs P(positive) ≥ this; for the − pole P(positive) ≤ 1 − this. Default 0.8. */
  readonly minProbability?: number;
  /** and at least this many decisions bearing on its dimension. Default 3. */
  readonly minDecisions?: number;
}

export const DEFAULT_MIN_PROBABILITY = 0.8;
export const DEFAULT_MIN_DECISIONS = 3;

/** The lean a variant was shown for. */
export interface PosterBasis {
  readonly dimension: string;
  readonly pole: '+' | '-';
  readonly label: string;
  /** probability of leaning to that pole */
  readonly probability: number;
  readonly decisions: number;
}

export interface PosterChoice {
  /** null when the story declares no poster at all */
  readonly poster: PosterDecl | null;
  /** a `when` variant was chosen over the default */
  readonly isVariant: boolean;
  readonly basis: PosterBasis | null;
  readonly reason: string;
}

export interface FitTerm {
  readonly dimension: string;
  /** the pole the player leans to */
  readonly label: string;
  /** both poles, as the report names the dimension: "Thrill-seeking / Caution" */
  readonly poles: string;
  /** the lean in words, as in the report */
  readonly summary: string;
  /** |estimate| × (2q − 1): the size of the lean, discounted by doubt */
  readonly contribution: number;
}

export interface StoryPersonalisation extends PosterChoice {
  readonly storyId: string;
  readonly title: string;
  /** 1-based position on the home screen */
  readonly rank: number;
  /** position in the catalogue as built */
  readonly catalogueIndex: number;
  readonly score: number;
  readonly terms: readonly FitTerm[];
  readonly orderReason: string;
}

export interface Personalisation {
  readonly enabled: boolean;
  /** one sentence for the report's "how it is used" */
  readonly reason: string;
  /** how the order is computed, for the report */
  readonly orderRule: string;
  /** in display order */
  readonly stories: readonly StoryPersonalisation[];
}

const OFF = 'personalisation is off';

export const ORDER_RULE =
  'Stories are ordered by fit: for each taste dimension a story lets you express, the size of your lean ' +
  '(|estimate|) times how sure it is (2q − 1, where q is the probability of the lean), summed. ' +
  'Stories with equal fit keep the catalogue order.';

/** Rounded down, so the text never claims more certainty than the model has (98.8% is "98%"). */
function pct(x: number): string {
  return `${Math.floor(x * 100 + 1e-9)}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function defaultPoster(posters: readonly PosterDecl[]): PosterDecl | null {
  return posters.find((p) => p.when === null) ?? posters[0] ?? null;
}

function defaultChoice(meta: StoryMeta, why: string): PosterChoice {
  const poster = defaultPoster(meta.posters);
  if (!poster)
    return {
      poster: null,
      isVariant: false,
      basis: null,
      reason: `${why}; this story has no poster`,
    };
  const fallback =
    poster.when === null ? '' : ' (it declares no default, so its first poster is shown)';
  return { poster, isVariant: false, basis: null, reason: `default poster: ${why}${fallback}` };
}

/** Picks a story's poster: a variant when the profile leans its way with enough confidence. */
export function choosePoster(
  meta: StoryMeta,
  result: InferenceResult,
  options: PersonaliseOptions = {},
): PosterChoice {
  if (options.personalisation === false) return defaultChoice(meta, OFF);
  const minP = options.minProbability ?? DEFAULT_MIN_PROBABILITY;
  const minDecisions = options.minDecisions ?? DEFAULT_MIN_DECISIONS;
  const variants = meta.posters.filter((p) => p.when !== null);
  if (variants.length === 0) return defaultChoice(meta, 'this story has no variants');
  const byId = new Map(result.dimensions.map((d) => [d.id, d]));
  let best: { poster: PosterDecl; basis: PosterBasis } | null = null;
  const nearMisses: string[] = [];
  for (const poster of variants) {
    const when = poster.when;
    if (!when) continue;
    const dim = byId.get(when.dimension);
    const label = dim
      ? when.pole === '+'
        ? dim.positive
        : dim.negative
      : `${when.dimension}${when.pole}`;
    if (!dim || dim.decisions === 0) {
      nearMisses.push(`no choices bear on ${label} yet`);
      continue;
    }
    const probability = when.pole === '+' ? dim.pPositive : 1 - dim.pPositive;
    if (probability < minP || dim.decisions < minDecisions) {
      const needs: string[] = [];
      if (probability < minP)
        needs.push(`${pct(probability)} sure of a lean toward ${label}, needs ${pct(minP)}`);
      if (dim.decisions < minDecisions)
        needs.push(`${plural(dim.decisions, 'decision')} on it, needs ${minDecisions}`);
      nearMisses.push(needs.join(' and '));
      continue;
    }
    if (!best || probability > best.basis.probability) {
      best = {
        poster,
        basis: { dimension: dim.id, pole: when.pole, label, probability, decisions: dim.decisions },
      };
    }
  }
  if (!best)
    return defaultChoice(meta, `no variant's lean is clear enough yet (${nearMisses.join('; ')})`);
  const { basis } = best;
  return {
    poster: best.poster,
    isVariant: true,
    basis,
    reason:
      `shown because your choices lean toward ${basis.label} ` +
      `(${pct(basis.probability)} sure, from ${plural(basis.decisions, 'decision')}; the threshold is ${pct(minP)} and ${minDecisions} decisions)`,
  };
}

function fitTerms(meta: StoryMeta, byId: ReadonlyMap<string, DimensionInference>): FitTerm[] {
  const terms: FitTerm[] = [];
  const seen = new Set<string>();
  for (const decl of meta.dimensions) {
    if (seen.has(decl.id)) continue;
    seen.add(decl.id);
    const dim = byId.get(decl.id);
    if (!dim || dim.decisions === 0) continue;
    const positive = dim.pPositive >= 0.5;
    const q = positive ? dim.pPositive : 1 - dim.pPositive;
    const contribution = Math.abs(dim.estimate) * (2 * q - 1);
    if (contribution > 0)
      terms.push({
        dimension: dim.id,
        label: positive ? dim.positive : dim.negative,
        poles: `${dim.positive} / ${dim.negative}`,
        summary: dim.summary,
        contribution,
      });
  }
  return terms.sort((a, b) => b.contribution - a.contribution);
}

/**
 * Posters and home-screen order for the catalogue. Stories do not say which pole they favour
 * (each decision offers both sides), so fit measures how much a story lets the player act on the
 * leans they have shown, not whether it agrees with them.
 */
export function personalise(
  stories: readonly StoryMeta[],
  result: InferenceResult,
  options: PersonaliseOptions = {},
): Personalisation {
  if (options.personalisation === false) {
    return {
      enabled: false,
      reason: OFF,
      orderRule: 'Stories are shown in catalogue order.',
      stories: stories.map((meta, i) => ({
        ...defaultChoice(meta, OFF),
        storyId: meta.id,
        title: meta.title,
        rank: i + 1,
        catalogueIndex: i,
        score: 0,
        terms: [],
        orderReason: `${OFF}: catalogue order`,
      })),
    };
  }
  const byId = new Map(result.dimensions.map((d) => [d.id, d]));
  const scored = stories.map((meta, catalogueIndex) => {
    const terms = fitTerms(meta, byId);
    return { meta, catalogueIndex, terms, score: terms.reduce((s, t) => s + t.contribution, 0) };
  });
  const ordered = [...scored].sort(
    (a, b) => b.score - a.score || a.catalogueIndex - b.catalogueIndex,
  );
  return {
    enabled: true,
    reason: 'posters and order follow the leans your choices show, as explained for each story',
    orderRule: ORDER_RULE,
    stories: ordered.map((s, i) => {
      const top = s.terms
        .slice(0, 2)
        .map((t) => `${t.poles} (${t.summary})`)
        .join(' and ');
      const orderReason =
        s.score > 0
          ? `fit ${s.score.toFixed(2)}: it explores ${top}`
          : 'fit 0: none of its dimensions shows a lean in your choices yet, so it keeps its catalogue place';
      return {
        ...choosePoster(s.meta, result, options),
        storyId: s.meta.id,
        title: s.meta.title,
        rank: i + 1,
        catalogueIndex: s.catalogueIndex,
        score: s.score,
        terms: s.terms,
        orderReason,
      };
    }),
  };
}
