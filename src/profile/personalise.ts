// Personalisation, explained: which poster variant each story shows and how the home screen is ordered, with reasons.
import type { PosterDecl, StoryMeta } from '../core/model.ts';
import type { Claim, ClaimLevel } from './claims.ts';

export interface PersonaliseOptions {
  /** the settings switch; false gives default posters, catalogue order and the reason "personalisation is off" */
  readonly personalisation?: boolean;
  /** stories the player has finished: they come after unplayed ones unless the leans say otherwise */
  readonly finished?: ReadonlySet<string>;
}

/** The claim levels a poster variant needs on its pole: real claims only, never a hint. */
export const POSTER_LEVELS: ReadonlySet<ClaimLevel> = new Set(['likely', 'sure']);

/** The lean a variant was shown for. */
export interface PosterBasis {
  readonly dimension: string;
  readonly pole: '+' | '-';
  readonly label: string;
  /** the claim's probability: posterior mass beyond δ on that pole's side */
  readonly probability: number;
  readonly level: ClaimLevel;
  readonly decisions: number;
  readonly distinctDecisions: number;
  /** the claim itself, for the words (claimReason) */
  readonly claim: Claim;
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
  /** the claim's level, 'likely' or 'sure' */
  readonly summary: string;
  /** the claim's probability (mass beyond δ on its pole's side) */
  readonly contribution: number;
  readonly claim: Claim;
}

export interface StoryPersonalisation extends PosterChoice {
  readonly storyId: string;
  readonly title: string;
  /** 1-based position on the home screen */
  readonly rank: number;
  /** position in the catalogue as built */
  readonly catalogueIndex: number;
  /** how many of the player's claimed leans (likely or sure) the story lets them act on */
  readonly score: number;
  readonly finished: boolean;
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
  'Stories that let you act on more of the leans your choices clearly show (likely or sure) come ' +
  'first; then stories you have not finished before those you have; then the catalogue order.';

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

function claimLabel(claim: Claim, pole: '+' | '-'): string {
  return pole === '+' ? claim.positive : claim.negative;
}

/**
 * The poster reason, a placeholder until the report's words (claimReason in claim-words.ts) are
 * wired in: the same claim, the same words as the report.
 */
function leanReason(claim: Claim): string {
  return claim.pole ? `Because you lean ${claimLabel(claim, claim.pole)}` : '';
}

/** Picks a story's poster: a variant only when a claim of at least `likely` stands on its pole. */
export function choosePoster(
  meta: StoryMeta,
  claims: readonly Claim[],
  options: PersonaliseOptions = {},
): PosterChoice {
  if (options.personalisation === false) return defaultChoice(meta, OFF);
  if (meta.posters.length === 0)
    return { poster: null, isVariant: false, basis: null, reason: 'the story declares none' };
  const variants = meta.posters.filter((p) => p.when !== null);
  if (variants.length === 0) return defaultChoice(meta, 'this story has no variants');
  const byId = new Map(claims.map((c) => [c.id, c]));
  let best: { poster: PosterDecl; basis: PosterBasis } | null = null;
  for (const poster of variants) {
    const when = poster.when;
    if (!when) continue;
    const claim = byId.get(when.dimension);
    if (!claim || claim.pole !== when.pole || !POSTER_LEVELS.has(claim.level)) continue;
    if (!best || claim.probability > best.basis.probability) {
      best = {
        poster,
        basis: {
          dimension: claim.id,
          pole: when.pole,
          label: claimLabel(claim, when.pole),
          probability: claim.probability,
          level: claim.level,
          decisions: claim.decisions,
          distinctDecisions: claim.distinctDecisions,
          claim,
        },
      };
    }
  }
  if (!best) return defaultChoice(meta, 'no lean a variant is drawn for is clear yet');
  return {
    poster: best.poster,
    isVariant: true,
    basis: best.basis,
    reason: leanReason(best.basis.claim),
  };
}

function fitTerms(meta: StoryMeta, byId: ReadonlyMap<string, Claim>): FitTerm[] {
  const terms: FitTerm[] = [];
  const seen = new Set<string>();
  for (const decl of meta.dimensions) {
    if (seen.has(decl.id)) continue;
    seen.add(decl.id);
    const claim = byId.get(decl.id);
    if (!claim?.pole || !POSTER_LEVELS.has(claim.level)) continue;
    terms.push({
      dimension: claim.id,
      label: claimLabel(claim, claim.pole),
      poles: `${claim.positive} / ${claim.negative}`,
      summary: claim.level,
      contribution: claim.probability,
      claim,
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
  claims: readonly Claim[],
  options: PersonaliseOptions = {},
): Personalisation {
  const finished = options.finished ?? new Set<string>();
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
        finished: finished.has(meta.id),
        terms: [],
        orderReason: `${OFF}: catalogue order`,
      })),
    };
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  const scored = stories.map((meta, catalogueIndex) => {
    const terms = fitTerms(meta, byId);
    return { meta, catalogueIndex, terms, score: terms.length, done: finished.has(meta.id) };
  });
  const ordered = [...scored].sort(
    (a, b) =>
      b.score - a.score || Number(a.done) - Number(b.done) || a.catalogueIndex - b.catalogueIndex,
  );
  return {
    enabled: true,
    reason: 'posters and order follow only the leans your choices clearly show (likely or sure)',
    orderRule: ORDER_RULE,
    stories: ordered.map((s, i) => {
      const top = s.terms[0];
      const orderReason = top
        ? leanReason(top.claim)
        : s.done
          ? 'finished, and no clear lean of yours to act on in it yet'
          : 'not finished yet';
      return {
        ...choosePoster(s.meta, claims, options),
        storyId: s.meta.id,
        title: s.meta.title,
        rank: i + 1,
        catalogueIndex: s.catalogueIndex,
        score: s.score,
        finished: s.done,
        terms: s.terms,
        orderReason,
      };
    }),
  };
}
