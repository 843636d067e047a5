/** Folding rules shared by the dictionary and the matcher, so both sides agree. */

const MARKS = /\p{M}/gu;
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/;
/** Russian case endings, longest first: "Лаврова", "Лавровым" and "Лавров" share a stem. */
const CYRILLIC_ENDINGS = [
  'ями',
  'ами',
  'ого',
  'ему',
  'ому',
  'ыми',
  'ими',
  'ым',
  'им',
  'ом',
  'ем',
  'ой',
  'ей',
  'ою',
  'ах',
  'ях',
  'ам',
  'ям',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
  'й',
  'ь',
];
const CYRILLIC = /[\u0400-\u04ff]/;

/** Strip diacritics: "Erdoğan" -> "Erdogan", "Élysée" -> "Elysee". */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** True for scripts where case carries no meaning for our names (Cyrillic, Arabic, Greek). */
export function isNonLatin(s: string): boolean {
  return NON_LATIN.test(s);
}

/** Reduce a Cyrillic word to a crude stem so inflected forms of a name meet. */
export function cyrillicStem(word: string): string {
  if (!CYRILLIC.test(word) || word.length < 4) return word;
  for (const ending of CYRILLIC_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

/** The lookup key of one word token: no diacritics, lower case, Russian stems. */
export function tokenKey(raw: string): string {
  const plain = stripMarks(raw).replace(/\./g, '').toLowerCase();
  return cyrillicStem(plain);
}

/** Readable slug of a name: "Riyad al-Maliki" -> "riyad-al-maliki". */
export function slugify(s: string): string {
  return stripMarks(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
