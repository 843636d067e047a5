import type { PersonEntry } from '../actors/schema';
import { slugify } from '../text/fold';
import type { Doc } from '../text/doc';
import { capitalised, gapAfter, keyAt, spaced, tokenText } from '../text/doc';
import type { Coverage, Mention } from './mention';
import { NAME_PARTICLES, NOT_NAME, ROLE_NOUNS, TITLE_HEADS, TITLE_WORDS } from './words';

/**
 * People the dictionary lacks but the article introduces with a role, so unknown officials
 * are still highlighted: "Foreign Minister John Baird" (title before the name) and
 * "Bev Oda, the minister of international co-operation" (role in apposition).
 */
export function introducedPeople(doc: Doc, covered: Coverage, notName: (i: number) => boolean): Mention[] {
  const found: Mention[] = [];
  const n = doc.tokens.length;
  const taken = (i: number) => covered.has(i) || notName(i);
  for (let i = 0; i < n; i++) {
    if (taken(i) || !capitalised(doc, i)) continue;
    const titled = titleEndsBefore(doc, i) ?? roleInAppositionBefore(doc, i);
    const last = nameEnd(doc, i, taken);
    if (last < 0) continue;
    const role = titled ?? appositiveRole(doc, last);
    if (!role) continue;
    const name = tokenText(doc, i, last);
    found.push({
      first: i,
      last,
      actor: unlistedPerson(name, doc.tokens.word[last]!.raw),
      via: 'introduced',
      confidence: 0.8,
      role,
    });
    covered.claim({ first: i, last });
    i = last;
  }
  return found;
}

/** A person entry for someone outside the dictionary; the id says so. */
function unlistedPerson(name: string, surname: string): PersonEntry {
  return {
    id: `unlisted-${slugify(name)}`,
    type: 'person',
    name,
    aliases: [],
    surnames: [surname],
    roles: [],
    actsFor: '',
  };
}

/** If a capitalised title ("Foreign Minister", "Gen.") ends right before token i, its text. */
function titleEndsBefore(doc: Doc, i: number): string | null {
  let j = i - 1;
  if (j < 0 || !spaced(doc, j) || !TITLE_HEADS.has(keyAt(doc, j)) || !capitalised(doc, j)) return null;
  while (
    j - 1 >= 0 &&
    capitalised(doc, j - 1) &&
    TITLE_WORDS.has(keyAt(doc, j - 1)) &&
    /^[\s\u00a0-]+$/.test(gapAfter(doc, j - 1))
  )
    j--;
  return tokenText(doc, j, i - 1);
}

/** "the European Commission president, Ursula von der Leyen,": the role before the comma, or null. */
function roleInAppositionBefore(doc: Doc, i: number): string | null {
  const head = i - 1;
  if (head < 0 || !/^,\s+$/.test(gapAfter(doc, head)) || !ROLE_NOUNS.has(keyAt(doc, head))) return null;
  let from = head;
  while (
    from - 1 >= 0 &&
    from > head - 4 &&
    /^[ \u00a0]+$/.test(gapAfter(doc, from - 1)) &&
    (capitalised(doc, from - 1) || ROLE_NOUNS.has(keyAt(doc, from - 1)) || TITLE_WORDS.has(keyAt(doc, from - 1)))
  )
    from--;
  return tokenText(doc, from, head);
}

/** Last token of a 2-4 word personal name starting at i ("Riyad al-Maliki"), or -1. */
function nameEnd(doc: Doc, i: number, taken: (i: number) => boolean): number {
  let words = 0;
  let last = -1;
  for (let j = i; j < doc.tokens.length && words < 4; j++) {
    const key = keyAt(doc, j);
    if (taken(j) || NOT_NAME.has(key) || TITLE_WORDS.has(key) || /\d/.test(key)) break;
    if (j > i && !/^[ \u00a0]+$|^-$/.test(gapAfter(doc, j - 1))) break;
    if (NAME_PARTICLES.has(key) && !capitalised(doc, j)) continue;
    if (!capitalised(doc, j) || doc.tokens.word[j]!.raw.length < 2) break;
    words++;
    last = j;
  }
  return words >= 2 ? last : -1;
}

/** ", the minister of international co-operation," after a name: the role text, or null. */
function appositiveRole(doc: Doc, last: number): string | null {
  if (!/^,\s+$/.test(gapAfter(doc, last))) return null;
  const start = last + 1;
  const article = keyAt(doc, start);
  const from = article === 'the' || article === 'a' || article === 'an' ? start + 1 : start;
  for (let j = from; j < Math.min(from + 4, doc.tokens.length); j++) {
    if (ROLE_NOUNS.has(keyAt(doc, j))) {
      let end = j;
      while (end + 1 < doc.tokens.length && end - j < 6 && !/[,.;:]/.test(gapAfter(doc, end))) end++;
      return tokenText(doc, from, end);
    }
    if (gapAfter(doc, j).includes(',')) return null;
  }
  return null;
}
