import { activeOn, type Hit } from '../actors/dictionary';
import type { ActorEntry, PersonEntry } from '../actors/schema';
import type { Doc } from '../text/doc';
import { keyAt } from '../text/doc';
import type { Match } from './scan';
import type { Mention } from './mention';
import { TITLE_HEADS } from './words';

/** Where each person is named in full in this article (token positions). */
export type FullMentions = Map<string, number[]>;

export function fullMentions(mentions: readonly Mention[]): FullMentions {
  const full: FullMentions = new Map();
  for (const m of mentions) {
    if (m.actor?.type !== 'person' || (m.via !== 'name' && m.via !== 'foreign' && m.via !== 'introduced')) continue;
    const positions = full.get(m.actor.id);
    if (positions) positions.push(m.first);
    else full.set(m.actor.id, [m.first]);
  }
  return full;
}

export interface SurnameContext {
  full: FullMentions;
  /** Actor ids named anywhere in the article, for co-occurrence. */
  present: Set<string>;
  published: string | null;
  resolveRef: (ref: string) => ActorEntry | undefined;
}

/**
 * Resolve a surname ("Lavrov", "Ban") to a person. A full mention anywhere in the article
 * wins (the nearest before it, else the first after: headlines often use the surname first).
 * Without one, the date and co-occurring actors decide; an ambiguous word ("Ban", "Amos")
 * needs a title before it; several remaining candidates give an unresolved mention.
 */
export function resolveSurname(doc: Doc, match: Match, hits: readonly Hit[], ctx: SurnameContext): Mention | null {
  const people = [...new Set(hits.map((h) => h.actor as PersonEntry))];
  const named = people.filter((p) => ctx.full.has(p.id));
  if (named.length) return mention(match, nearest(named, match.first, ctx.full), 0.9);

  // A title before the surname ("President Assad"), or inside the form itself ("King Abdullah").
  const titleAt = TITLE_HEADS.has(keyAt(doc, match.first - 1))
    ? match.first - 1
    : match.last > match.first && TITLE_HEADS.has(keyAt(doc, match.first))
      ? match.first
      : -1;
  const title = titleAt >= 0 ? doc.tokens.word[titleAt]!.raw : null;
  if (hits.some((h) => h.ambiguous) && !title) return null;
  let candidates = people.filter((p) => p.roles.some((r) => activeOn(r.from, r.to, ctx.published)));
  if (candidates.length === 0) candidates = people;
  if (title && candidates.length > 1)
    candidates = narrow(candidates, (p) => p.roles.some((r) => r.title.includes(title)));
  if (candidates.length > 1)
    candidates = narrow(candidates, (p) => ctx.present.has(ctx.resolveRef(p.actsFor)?.id ?? ''));
  if (candidates.length === 1) return mention(match, candidates[0]!, title ? 0.8 : 0.7);
  return {
    first: match.first,
    last: match.last,
    actor: null,
    via: 'surname',
    confidence: 0.3,
    candidates: candidates.map((p) => p.id),
  };
}

const mention = (m: Match, actor: PersonEntry, confidence: number): Mention => ({
  first: m.first,
  last: m.last,
  actor,
  via: 'surname',
  confidence,
});

/** Keep the candidates passing `test`, unless none does. */
function narrow<T>(list: T[], test: (x: T) => boolean): T[] {
  const kept = list.filter(test);
  return kept.length ? kept : list;
}

function nearest(people: PersonEntry[], at: number, full: FullMentions): PersonEntry {
  if (people.length === 1) return people[0]!;
  let best = people[0]!;
  let bestScore = Infinity;
  for (const p of people) {
    // Positions are in text order: the last one before `at`, else the first one after it.
    const positions = full.get(p.id)!;
    const after = firstAtOrAfter(positions, at + 1);
    // Prefer earlier mentions; a later one counts as further away.
    const score = after > 0 ? at - positions[after - 1]! : 1e9 + positions[0]! - at;
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

function firstAtOrAfter(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
