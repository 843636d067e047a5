import { stripMarks } from '../text/fold';

/** Word-level normalisation shared by shingling, quote comparison and coverage gaps. */

// Apostrophes and quote marks of every script, folded so "it’s" and "it's" are one word.
const APOSTROPHES = /['’‘‛`´ʼ]/g;
const DOUBLE_MARKS = /["“”„‟«»‹›]/g;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const MARKS = /\p{M}/gu;
// Letters that may carry diacritics (Latin-1 to Greek Extended): English copy with only curly
// quotes and dashes skips the costly normalisation.
const MAY_HAVE_MARKS = /[\u00c0-\u1fff]/;
const LETTER = /\p{L}/u;
const OTHER = 0;
const WORD = 1;
const APOSTROPHE = 2;
const HYPHEN = 3;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const JOINERS = /['’‘‛`´ʼ\-‐‑]/g;

/**
 * Lower-case words without diacritics, apostrophes or hyphens between letters: "Erdoğan’s
 * cease-fire" -> ["erdogans", "ceasefire"]. Hand-written: a Unicode RegExp over a whole
 * article costs more than everything else summarising does.
 */
export function words(text: string): string[] {
  const t = (MAY_HAVE_MARKS.test(text) ? text.normalize('NFD').replace(MARKS, '') : text).toLowerCase();
  const out: string[] = [];
  let start = -1;
  let joined = false;
  for (let i = 0; i <= t.length; i++) {
    const kind = i < t.length ? charKind(t, i) : OTHER;
    if (kind === WORD) {
      if (start < 0) start = i;
    } else if (start >= 0 && joins(t, i, kind)) {
      joined = true;
    } else if (start >= 0) {
      const word = t.slice(start, i);
      out.push(joined ? word.replace(JOINERS, '') : word);
      start = -1;
      joined = false;
    }
  }
  return out;
}

/** An apostrophe inside a word ("it’s") or a hyphen between letters ("cease-fire") keeps the word going. */
function joins(t: string, i: number, kind: number): boolean {
  if (kind === OTHER || i + 1 >= t.length || charKind(t, i + 1) !== WORD) return false;
  return kind === APOSTROPHE || (isLetter(t, i - 1) && isLetter(t, i + 1));
}

function charKind(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return WORD;
  if (c < 128) return c === 39 || c === 96 ? APOSTROPHE : c === 45 ? HYPHEN : OTHER;
  if (c === 0x2019 || c === 0x2018 || c === 0x201b || c === 0xb4 || c === 0x2bc) return APOSTROPHE;
  if (c === 0x2010 || c === 0x2011) return HYPHEN;
  return WORD_CHAR.test(t[i]!) ? WORD : OTHER;
}

function isLetter(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 128 && LETTER.test(t[i]!));
}

/**
 * A quote's text as compared for an exact match: case, quote marks, spacing and punctuation
 * at the edges folded; punctuation inside is kept, since a moved comma can change a meaning.
 */
export function normaliseQuote(text: string): string {
  return stripMarks(text)
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_MARKS, '"')
    .replace(/…/g, '...')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/\s+/g, ' ');
}

// Function words carry no content: two quotes sharing only these are not the same quote.
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of to in on at by for from ' +
    'with without into onto about as is are was were be been being am do does did done have has had having ' +
    'will would shall should can could may might must i me my we us our you your he him his she her it its ' +
    'they them their who whom whose which what when where why how not no all any each every some such only ' +
    'own same too very just also more most other others up down out over under again once both few s t'
  ).split(' '),
);

/** Whether a normalised word carries content (not a function word). */
export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word);
}

/**
 * A crude stem for comparing content words across wordings: plurals, possessives and third persons
 * lose their s ("annans", "succeeds").
 */
export function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
