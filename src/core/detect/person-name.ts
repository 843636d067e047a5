import type { Doc } from '../text/doc';
import { capitalised, gapAfter, keyAt, spaced } from '../text/doc';
import { NAME_PARTICLES, NOT_NAME, TITLE_HEADS, TITLE_WORDS } from './words';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Title heads beyond diplomacy, for officials, police and courts: "Spokesperson Zhao", "Attorney Jane Roe". */
const MORE_TITLE_HEADS = set(`
  spokesperson chairperson chairman chairwoman chair attorney prosecutor judge officer captain capt sergeant sgt
  ptl patrolman lieutenant inspector superintendent sheriff detective professor prof`);

/** Titles written abbreviated with a full stop before the name: "Mr. Doe", "Gov. Roe". */
const ABBREVIATED = set('mr mrs ms dr gov gen sen rep lt col maj adm sgt capt ptl prof amb');

/** Words of organisations and places: "Human Rights Watch said" is no person. */
const ORG_WORDS = set(`
  ministry department council house office agency committee watch international times post press news service
  union group bank fund party forces army police court university institute center centre foundation association
  organization organisation commission league government company corporation assembly parliament congress senate
  board authority network television radio agence associated guardian journal tribune herald daily gazette
  telegraph review magazine channel media club team city county state states republic kingdom federation
  coalition alliance front movement brigade brigades secretariat mission embassy consulate programme program
  project initiative summit conference airport port station hospital school college academy street square island
  islands river valley province region district airlines airways sea ocean gulf affairs relations development
  cooperation trade research foods markets stores brands holdings partners capital group inc corp co ltd llc plc
  labs laboratories systems technologies energy motors industries enterprises consulting analytics
  insurance securities investments`);

/** Capitalised at a sentence's start, but quantifiers and pronouns: "Many Ruritanians said". */
const DETERMINERS = set(`
  many most several few other others such every each no any some all both these those our their his her its my your
  we they he she it i you there here one two three what which who why how`);

/** Whether a word heads a title before a name ("Minister", "Spokesperson", "Gov"). */
export function isTitleHead(key: string): boolean {
  return TITLE_HEADS.has(key) || MORE_TITLE_HEADS.has(key);
}

/** Whether a word is never part of a person's name: a function word, a title word, an organisation word. */
function notNameWord(key: string): boolean {
  return (
    NOT_NAME.has(key) || DETERMINERS.has(key) || TITLE_WORDS.has(key) || MORE_TITLE_HEADS.has(key) || ORG_WORDS.has(key)
  );
}

/** Whether token j is a title that may end with a full stop ("Mr.") and is followed by token j+1. */
export function titleGap(doc: Doc, j: number): boolean {
  return spaced(doc, j) || (ABBREVIATED.has(keyAt(doc, j)) && /^\.[ \u00a0]+$/.test(gapAfter(doc, j)));
}

/** Last token of a 2-4 word personal name starting at i ("Riyad al-Maliki"), or -1. */
export function nameEnd(doc: Doc, i: number, taken: (i: number) => boolean): number {
  let words = 0;
  let last = -1;
  for (let j = i; j < doc.tokens.length && words < 4; j++) {
    const key = keyAt(doc, j);
    if (taken(j) || notNameWord(key) || /\d/.test(key)) break;
    if (j > i && !/^[ \u00a0]+$|^-$/.test(gapAfter(doc, j - 1))) break;
    if (NAME_PARTICLES.has(key) && !capitalised(doc, j)) continue;
    if (!capitalised(doc, j) || !personWord(doc.tokens.word[j]!.raw)) break;
    words++;
    last = j;
  }
  return words >= 2 ? last : -1;
}

/** A name word is capitalised, then lower case ("Doe", "O'Neill", "McCain"), not an acronym ("BPD"). */
const personWord = (raw: string) => raw.length >= 2 && /^\p{Lu}.*\p{Ll}/u.test(raw);

/**
 * Whether token i's sentence is set in title case, as headlines are ("Minister Meets Envoy In
 * Cairo"): no lower-case word of four letters or more. There a name's end cannot be told.
 */
export function titleCase(doc: Doc, i: number): boolean {
  const s = doc.sentenceOf[i]!;
  let words = 0;
  for (let j = doc.firstToken[s]!; j < doc.tokens.length && doc.sentenceOf[j] === s; j++) {
    const w = doc.tokens.word[j]!;
    if (!/\p{L}/u.test(w.raw)) continue;
    words++;
    if (!w.upper && w.raw.length >= 4 && !NOT_NAME.has(w.key)) return false;
  }
  return words >= 4;
}

/** Whether punctuation or the end of the text follows token `last`, so a name ends there. */
export function endsClause(doc: Doc, last: number): boolean {
  return (
    last + 1 >= doc.tokens.length || /^\s*[,.;:!?)\]—–]/.test(gapAfter(doc, last)) || /\n/.test(gapAfter(doc, last))
  );
}
