import type { ArticleSummary, MatchReason } from './types';
import { round } from './util';

type Reason = Extract<MatchReason, { kind: 'actors' }>;

export interface ActorVector {
  weights: Map<string, number>;
  norm: number;
}

/**
 * An article's actors as a vector: (1 + ln mentions) x rarity, so naming an actor ten times is not
 * ten times the evidence.
 */
export function actorVector(s: ArticleSummary, rarity: (id: string) => number): ActorVector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [id, n] of Object.entries(s.actors)) {
    // A count under one (or not a number) is no mention: ln would make its weight negative or NaN.
    if (!(n >= 1) || !Number.isFinite(n)) continue;
    const w = (1 + Math.log(n)) * rarity(id);
    weights.set(id, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/**
 * Cosine similarity of the two actor vectors. Each shared actor's contribution is its term
 * of the cosine, so the contributions add up to the similarity: the reason lists them.
 */
export function actorEvidence(
  page: ActorVector,
  other: ActorVector,
  labels: (id: string) => string,
  rarity: (id: string) => number,
): Reason | null {
  if (page.norm === 0 || other.norm === 0) return null;
  const shared: Reason['shared'] = [];
  let similarity = 0;
  for (const [id, w] of page.weights) {
    const v = other.weights.get(id);
    if (v === undefined) continue;
    const contribution = (w * v) / (page.norm * other.norm);
    similarity += contribution;
    shared.push({ id, label: labels(id), rarity: round(rarity(id)), contribution: round(contribution) });
  }
  shared.sort((a, b) => b.contribution - a.contribution);
  const names = shared
    .slice(0, 5)
    .map((s) => s.label)
    .join(', ');
  const summary = shared.length
    ? `${shared.length} shared actors, weightiest first: ${names}${shared.length > 5 ? ', …' : ''}`
    : 'No shared actors';
  return { kind: 'actors', similarity: round(similarity), summary, shared };
}
