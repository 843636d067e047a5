import { activeOn, type Dictionary } from '../actors/dictionary';
import type { PersonEntry, RoleKind } from '../actors/schema';
import type { Doc } from '../text/doc';
import { capitalised, gapAfter, keyAt, spaced, tokenText } from '../text/doc';
import type { Coverage, Mention } from './mention';

interface RolePhrase {
  keys: string[];
  kind: RoleKind;
  /** The title must match too: "Secretary of State" is a foreign minister, but only the U.S. one. */
  title?: RegExp;
  /** Whose office it is when the text does not say. */
  defaultOf?: string;
  /** Only after "the" (a bare "secretary" is too vague otherwise). */
  needsThe?: boolean;
}

// Longest first, so "secretary of state" wins over "secretary".
const PHRASES: RolePhrase[] = [
  { keys: ['ambassador', 'to', 'the', 'un'], kind: 'un_ambassador' },
  { keys: ['secretary', 'of', 'state'], kind: 'foreign_minister', title: /Secretary of State/, defaultOf: 'US' },
  { keys: ['foreign', 'minister'], kind: 'foreign_minister', title: /Foreign Minister|Foreign Affairs/i },
  { keys: ['foreign', 'secretary'], kind: 'foreign_minister', title: /Foreign Secretary/, defaultOf: 'GB' },
  { keys: ['prime', 'minister'], kind: 'head_of_government' },
  { keys: ['secretary', 'general'], kind: 'un_secretary_general' },
  { keys: ['un', 'chief'], kind: 'un_secretary_general' },
  { keys: ['un', 'ambassador'], kind: 'un_ambassador' },
  { keys: ['premier'], kind: 'head_of_government' },
  { keys: ['chancellor'], kind: 'head_of_government', title: /Chancellor/ },
  { keys: ['president'], kind: 'head_of_state', title: /President/ },
  { keys: ['king'], kind: 'head_of_state', title: /King/ },
  { keys: ['emir'], kind: 'head_of_state', title: /Emir/ },
  { keys: ['secretary'], kind: 'foreign_minister', title: /Secretary/, needsThe: true },
];

const FIRST_KEYS = new Set(PHRASES.map((p) => p.keys[0]!));

const NOT_THIS_OFFICE = new Set([
  'former',
  'vice',
  'deputy',
  'ex',
  'late',
  'acting',
  'next',
  'new',
  'future',
  'assistant',
]);

/**
 * Role descriptions that stand for a person: "the U.S. Secretary of State" (Clinton in
 * 2012, Kerry in 2014), "the foreign minister" after "Foreign Minister Sergey Lavrov".
 * A title directly before a name is part of that mention, not a description.
 */
export function roleMentions(
  doc: Doc,
  dict: Dictionary,
  mentions: readonly Mention[],
  covered: Coverage,
  published: string | null,
): Mention[] {
  const at = new MentionAt(doc.tokens.length, mentions);
  const found: Mention[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    if (covered.has(i) || !FIRST_KEYS.has(doc.tokens.word[i]!.key)) continue;
    const phrase = PHRASES.find((p) => p.keys.every((k, n) => keyAt(doc, i + n) === k && !covered.has(i + n)));
    if (!phrase) continue;
    const last = i + phrase.keys.length - 1;
    const resolved = describe(doc, i, last, phrase, at);
    if (!resolved) continue;
    const person = resolveHolder(dict, phrase, resolved.of, mentions, i, published);
    if (!person) continue;
    found.push({ first: i, last, actor: person, via: 'role', confidence: 0.75, role: tokenText(doc, i, last) });
    covered.claim({ first: i, last });
    i = last;
  }
  return found;
}

/** Whether the phrase at first..last is a description (not a title before a name) and whose office. */
/** The mention covering each token, if any. */
class MentionAt {
  private readonly index: Int32Array;
  constructor(
    size: number,
    private readonly mentions: readonly Mention[],
  ) {
    this.index = new Int32Array(size).fill(-1);
    mentions.forEach((m, k) => this.index.fill(k, m.first, m.last + 1));
  }
  get(i: number): Mention | undefined {
    const k = this.index[i] ?? -1;
    return k < 0 ? undefined : this.mentions[k];
  }
  has(i: number): boolean {
    return (this.index[i] ?? -1) >= 0;
  }
}

function describe(
  doc: Doc,
  first: number,
  last: number,
  phrase: RolePhrase,
  at: MentionAt,
): { of: string | null } | null {
  let j = last + 1;
  let of: string | null = null;
  // "the foreign minister of Russia"
  if (keyAt(doc, j) === 'of') {
    const k = keyAt(doc, j + 1) === 'the' ? j + 2 : j + 1;
    const q = at.get(k);
    if (q?.actor && q.actor.type !== 'person') [of, j] = [q.actor.id, q.last + 1];
  }
  // A capitalised name right after: it is a title ("Foreign Minister Sergey Lavrov",
  // "Iran's foreign minister, Abbas Araghchi,").
  const apposition = /^,\s+$/.test(gapAfter(doc, j - 1));
  if ((spaced(doc, j - 1) || apposition) && capitalised(doc, j) && (at.get(j)?.actor?.type === 'person' || !at.has(j)))
    return null;
  let p = first - 1;
  if (/^['’]$/.test(gapAfter(doc, p - 1)) && keyAt(doc, p) === 's') p--; // "Russia's foreign minister"
  const qualifier = at.get(p);
  if (qualifier?.actor && qualifier.actor.type !== 'person') {
    of ??= qualifier.actor.id;
    p = qualifier.first - 1;
  }
  if (NOT_THIS_OFFICE.has(keyAt(doc, p))) return null;
  if (phrase.needsThe && keyAt(doc, p) !== 'the') return null;
  if (!of && keyAt(doc, p) !== 'the') return null;
  return { of };
}

function resolveHolder(
  dict: Dictionary,
  phrase: RolePhrase,
  of: string | null,
  mentions: readonly Mention[],
  at: number,
  published: string | null,
): PersonEntry | null {
  const fits = (p: PersonEntry) =>
    p.roles.some(
      (r) =>
        r.kind === phrase.kind &&
        (!phrase.title || phrase.title.test(r.title)) &&
        activeOn(r.from, r.to, published) &&
        (!of || dict.resolveRef(r.of)?.id === of),
    );
  // The most recent person in the article who holds the office (mentions are in text order).
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.first < at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.actor?.type === 'person' && fits(m.actor as PersonEntry)) return m.actor as PersonEntry;
  }
  const owner = of ?? (phrase.defaultOf ? (dict.resolveRef(phrase.defaultOf)?.id ?? null) : null);
  if (!owner) return null;
  const holders = dict.holders(phrase.kind, owner, published, phrase.title);
  return holders.length === 1 ? holders[0]! : null;
}
