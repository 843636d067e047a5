/** Folding rules shared by the dictionary and the matcher, so both sides agree. */

const MARKS = /\p{M}/gu;
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const ARABIC = /[\u0600-\u06ff]/;

/**
 * Russian noun and adjective case endings, longest first: "Лавровым" and "Лавров",
 * "Россией" and "Россия", "российских" and "российский" each share a stem.
 */
const CYRILLIC_ENDINGS = [
  ...'ями ами ого его ому ему ыми ими'.split(' '),
  ...'ая яя ое ее ую юю ые ие ых их ый ий ой ым им ом ем ей ою ею ах ях ам ям'.split(' '),
  ...'а я у ю е ы и й ь о'.split(' '),
];
const STEM_VOWEL = /[аеёиоуыэюяй]$/;

/** Strip diacritics: "Erdoğan" -> "Erdogan", "Élysée" -> "Elysee". */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** True for scripts where case carries no meaning for our names (Cyrillic, Arabic, Greek). */
export function isNonLatin(s: string): boolean {
  return NON_LATIN.test(s);
}

/** True for words in Arabic script. */
export function isArabic(s: string): boolean {
  return ARABIC.test(s);
}

/**
 * Reduce a lower-case Cyrillic word to a crude stem so inflected forms of a name meet: the
 * longest case ending goes, then any vowel or "й" left at the end of a stem of five letters
 * or more, so "Китай", "Китая" and "Китаем", or "Сергей" and "Сергея", meet although the "й"
 * belongs to the word. Stems stay at three letters or more, four after a vowel is dropped.
 */
export function cyrillicStem(word: string): string {
  if (!CYRILLIC.test(word) || word.length < 4) return word;
  const ending = CYRILLIC_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= minimumRest(e)) ?? '';
  let stem = word.slice(0, word.length - ending.length);
  while (stem.length > 4 && STEM_VOWEL.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** Adjective endings "-ая", "-яя" need a longer stem: "Китая" is "Китай" in the genitive. */
const minimumRest = (ending: string) => (ending === 'ая' || ending === 'яя' ? 4 : 3);

/** Cyrillic without accents, keeping "й" (its breve is not an accent); "ё" reads as "е". */
function foldCyrillic(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/и\u0306/g, 'й')
    .replace(MARKS, '')
    .normalize('NFC');
}

/** Arabic letters that news copy writes either way: hamza seats, taa marbuta, alif maqsura. */
function foldArabic(raw: string): string {
  return stripMarks(raw)
    .replace(/\u0640/g, '')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

/** Drop the Arabic article "ال" ("الروسي" and "روسي" are one adjective); short words keep it. */
function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length >= 5 ? word.slice(2) : word;
}

/**
 * The keys an Arabic word may stand for once its attached prefixes are read as word
 * boundaries: the conjunctions "و" and "ف", then the prepositions "ب", "ل" and "ك" ("لل" is
 * "ل" plus the article). The word's own key comes first; the rest are tried when it has none.
 */
export function arabicKeys(raw: string): string[] {
  const word = foldArabic(raw);
  const keys = [withoutArticle(word)];
  const add = (w: string) => {
    const key = withoutArticle(w);
    if (key.length >= 3 && !keys.includes(key)) keys.push(key);
  };
  for (const w of /^[وف]/.test(word) && word.length >= 4 ? [word, word.slice(1)] : [word]) {
    if (w !== word) add(w);
    if (w.startsWith('لل') && w.length >= 5) add(`ال${w.slice(2)}`);
    else if (/^[بلك]/.test(w) && w.length >= 4) add(w.slice(1));
  }
  return keys;
}

/** The lookup key of one word token: no diacritics, lower case, Russian stems, no Arabic article. */
export function tokenKey(raw: string): string {
  if (CYRILLIC.test(raw)) return cyrillicStem(foldCyrillic(raw).replace(/\./g, ''));
  if (ARABIC.test(raw)) return arabicKeys(raw)[0]!;
  return stripMarks(raw).replace(/\./g, '').toLowerCase();
}

/** Readable slug of a name: "Riyad al-Maliki" -> "riyad-al-maliki". */
export function slugify(s: string): string {
  return stripMarks(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
