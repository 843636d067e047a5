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
  /** People outside the dictionary that the article introduced, in text order. */
  introduced?: readonly Mention[];
  resolveRef: (ref: string) => ActorEntry | undefined;
}

/**
 * Resolve a surname ("Lavrov", "Ban") to a person. The person the article has just named
 * with that surname wins, listed or not; else a full mention anywhere in the article (the
 * nearest before it, else the first after: headlines often use the surname first). Without
 * one, the date (never someone not yet in office) and co-occurring actors decide; an
 * ambiguous word ("Ban", "Amos") needs a title before it; several remaining candidates give
 * an unresolved mention.
 */
export function resolveSurname(doc: Doc, match: Match, hits: readonly Hit[], ctx: SurnameContext): Mention | null {
  const people = [...new Set(hits.map((h) => h.actor as PersonEntry))];
  const named = people.filter((p) => ctx.full.has(p.id));
  const local = introducedBefore(doc, match, ctx.introduced ?? []);
  if (local && !named.some((p) => lastBefore(ctx.full.get(p.id)!, match.first) > local.first))
    return mention(match, local.actor as PersonEntry, 0.85);
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
  if (candidates.length === 0) {
    // Nobody in office that day: never someone not yet in office; an unshared surname still names its person
    // (the dictionary may lack earlier offices), a shared one names nobody.
    const possible = people.filter((p) => !startsAfter(p, ctx.published));
    if (possible.length === 0) return null;
    if (people.length === 1) return mention(match, possible[0]!, 0.6);
    return unresolved(match, possible);
  }
  if (title && candidates.length > 1)
    candidates = narrow(candidates, (p) => p.roles.some((r) => r.title.includes(title)));
  if (candidates.length > 1)
    candidates = narrow(candidates, (p) => ctx.present.has(ctx.resolveRef(p.actsFor)?.id ?? ''));
  if (candidates.length === 1) return mention(match, candidates[0]!, title ? 0.8 : 0.7);
  return unresolved(match, candidates);
}

const unresolved = (m: Match, candidates: PersonEntry[]): Mention => ({
  first: m.first,
  last: m.last,
  actor: null,
  via: 'surname',
  confidence: 0.3,
  candidates: candidates.map((p) => p.id),
});

const mention = (m: Match, actor: PersonEntry, confidence: number): Mention => ({
  first: m.first,
  last: m.last,
  actor,
  via: 'surname',
  confidence,
});

/** The latest person introduced before the match whose surname is the match's last word ("Doe" after "Jane Doe"). */
function introducedBefore(doc: Doc, match: Match, introduced: readonly Mention[]): Mention | null {
  const surname = keyAt(doc, match.last);
  let found: Mention | null = null;
  for (const m of introduced) {
    if (m.first >= match.first) break;
    if (m.actor && keyAt(doc, m.last) === surname) found = m;
  }
  return found;
}

/** Whether every office of the person began after `date` (so the article cannot mean them). */
function startsAfter(p: PersonEntry, date: string | null): boolean {
  return !!date && p.roles.length > 0 && p.roles.every((r) => r.from.padEnd(10, '-00') > date);
}

/** The last position before `at` in a sorted list, or -1. */
function lastBefore(sorted: number[], at: number): number {
  const k = firstAtOrAfter(sorted, at);
  return k > 0 ? sorted[k - 1]! : -1;
}

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
