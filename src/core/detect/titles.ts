import type { Doc } from '../text/doc';
import { capitalised, gapAfter, keyAt, spaced, tokenText } from '../text/doc';
import { isTitleHead, titleGap } from './person-name';
import { GOVERNMENT_WORDS, NOT_NAME, REPORTING_VERBS, ROLE_NOUNS, TITLE_WORDS } from './words';

const isRoleNoun = (key: string) => ROLE_NOUNS.has(key) || isTitleHead(key);
/** Lower-case words inside a title's complement: "Secretary of State for East Asian and Pacific Affairs". */
const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the']);
/** Prepositions that open a role's complement: "head of the agency", "envoy to the talks". */
const COMPLEMENT = new Set(['of', 'for', 'to', 'at', 'on']);
const sameSentence = (doc: Doc, a: number, b: number) => a >= 0 && doc.sentenceOf[a] === doc.sentenceOf[b];

/**
 * The capitalised title that ends right before token i, or null: "Foreign Minister", "Mr.",
 * "Gov.", and titles with a complement, "Assistant Secretary of State for Asian Affairs".
 */
export function titleBefore(doc: Doc, i: number): string | null {
  const j = i - 1;
  if (j < 0 || !titleGap(doc, j) || !capitalised(doc, j)) return null;
  const head = isTitleHead(keyAt(doc, j)) ? j : complementHead(doc, j);
  if (head < 0) return null;
  let from = head;
  while (from - 1 >= 0 && capitalised(doc, from - 1) && titleWord(keyAt(doc, from - 1)) && joined(doc, from - 1))
    from--;
  return tokenText(doc, from, j);
}

/**
 * Portfolio and office words a title may open with: "Attorney-General", "Communications
 * Minister", "Opposition Leader", "House Speaker". The role found is the whole title.
 */
const PORTFOLIOS = new Set(
  `attorney solicitor communications opposition trade health education environment agriculture energy transport
  immigration labour labor treasury home economy industry culture tourism security intelligence housing employment
  house majority minority press`.split(/\s+/),
);
const titleWord = (key: string) => TITLE_WORDS.has(key) || PORTFOLIOS.has(key);

const joined = (doc: Doc, j: number) => /^[\s\u00a0-]+$/.test(gapAfter(doc, j));

/** The head of a title whose complement ends at token j ("Secretary" for "... of State for Asian Affairs"), or -1. */
function complementHead(doc: Doc, j: number): number {
  for (let k = j - 1; k >= 0 && k >= j - 9 && spaced(doc, k) && sameSentence(doc, k, j); k--) {
    const key = keyAt(doc, k);
    if (capitalised(doc, k) && isTitleHead(key)) return CONNECTORS.has(keyAt(doc, k + 1)) ? k : -1;
    if (!capitalised(doc, k) && !CONNECTORS.has(key)) return -1;
  }
  return -1;
}

/** Words that qualify a role: "former", "senior", "defence", "government". */
const QUALIFIERS = new Set(
  'former acting interim senior junior top rebel opposition party press deputy assistant campaign'.split(' '),
);
const roleModifier = (key: string) => QUALIFIERS.has(key) || GOVERNMENT_WORDS.has(key) || isRoleNoun(key);

/** A lower-case role right before the name, with its modifiers: "former defence minister", "government official". */
export function lowerRoleBefore(doc: Doc, i: number): string | null {
  const j = i - 1;
  if (j < 0 || !spaced(doc, j) || capitalised(doc, j) || !isRoleNoun(keyAt(doc, j))) return null;
  let from = j;
  while (
    from - 1 >= 0 &&
    from > j - 3 &&
    spaced(doc, from - 1) &&
    !capitalised(doc, from - 1) &&
    roleModifier(keyAt(doc, from - 1))
  )
    from--;
  return tokenText(doc, from, j);
}

/**
 * A lower-case role whose complement ends in a known actor right before the name: "the chair
 * of the grain panel on Ruritania Jane Roe". The known actor marks where the office's name
 * ends and the person's begins.
 */
export function roleWithComplementBefore(doc: Doc, i: number, known: (i: number) => boolean): string | null {
  if (i < 2 || !known(i - 1) || !spaced(doc, i - 1)) return null;
  for (let k = i - 2; k >= 0 && k >= i - 12 && sameSentence(doc, k, i); k--) {
    if (!/^[ \u00a0]+$|^-$/.test(gapAfter(doc, k))) return null;
    const key = keyAt(doc, k);
    if (isRoleNoun(key) && COMPLEMENT.has(keyAt(doc, k + 1))) return tokenText(doc, k, i - 1);
    // The complement names a body ("the fisheries panel on"): no verb, no other preposition.
    const word = !capitalised(doc, k) && !known(k);
    if (word && !CONNECTORS.has(key) && !COMPLEMENT.has(key) && (REPORTING_VERBS.has(key) || NOT_NAME.has(key)))
      return null;
  }
  return null;
}

/**
 * The role in apposition before the name, or null: "the European Commission president, Ursula
 * von der Leyen,", "the head of the intelligence agency, Jane Roe". The phrase before the
 * comma must hold a role noun and start with a determiner or a possessive, or be a title.
 */
export function roleInAppositionBefore(doc: Doc, i: number): string | null {
  const end = i - 1;
  if (end < 0 || !/^,\s+$/.test(gapAfter(doc, end))) return null;
  let role = -1;
  let from = end;
  for (let k = end; k >= 0 && k > end - 9 && sameSentence(doc, k, end); k--) {
    if (k < end && !/^[ \u00a0]+$|^-$|^['’]$/.test(gapAfter(doc, k))) break;
    // The role heads the phrase: last, or followed by its complement ("head of the agency"), not by a name.
    if (isRoleNoun(keyAt(doc, k)) && (k === end || COMPLEMENT.has(keyAt(doc, k + 1)))) role = k;
    from = k;
  }
  if (role < 0) return null;
  // Start the role at the last determiner before its noun: "the head of the agency", not "met the head ...".
  let start = role;
  for (let k = role - 1; k >= from; k--) {
    const key = keyAt(doc, k);
    if (key === 'the' || key === 'its' || key === 'his' || key === 'her' || key === 's')
      return tokenText(doc, k + 1, end);
    if (!capitalised(doc, k) && !/^\p{Ll}+$/u.test(doc.tokens.word[k]!.raw)) break;
    start = k;
  }
  return capitalised(doc, role) ? tokenText(doc, start, end) : null;
}

/** ", the minister of international co-operation," after a name: the role text, or null. */
export function appositiveRole(doc: Doc, last: number): string | null {
  if (!/^,\s+$/.test(gapAfter(doc, last))) return null;
  const start = last + 1;
  const article = keyAt(doc, start);
  const from = article === 'the' || article === 'a' || article === 'an' ? start + 1 : start;
  for (let j = from; j < Math.min(from + 4, doc.tokens.length); j++) {
    if (ROLE_NOUNS.has(keyAt(doc, j))) {
      // ", Executive Secretary Jane Roe": a title of the next person in a list, not a role of this one.
      if (spaced(doc, j) && capitalised(doc, j + 1) && !COMPLEMENT.has(keyAt(doc, j + 1))) return null;
      let end = j;
      while (end + 1 < doc.tokens.length && end - j < 6 && !/[,.;:]/.test(gapAfter(doc, end))) end++;
      return tokenText(doc, from, end);
    }
    if (gapAfter(doc, j).includes(',')) return null;
  }
  return null;
}

/** " of Ruritania" right after a titled name: the office's state, to complete the role. */
export function officeOf(doc: Doc, last: number): string | null {
  if (!spaced(doc, last) || keyAt(doc, last + 1) !== 'of' || !capitalised(doc, last + 2)) return null;
  let end = last + 2;
  while (spaced(doc, end) && capitalised(doc, end + 1) && !NOT_NAME.has(keyAt(doc, end + 1))) end++;
  return tokenText(doc, last + 1, end);
}
