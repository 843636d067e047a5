/**
 * Forms of a dictionary entry that are read from its other forms rather than listed: a
 * person's surname in other scripts, and how near two spellings of one name are.
 */
import type { PersonEntry } from './schema';
import { sameWord } from '../text/edit-distance';
import { stripMarks } from '../text/fold';

/** Arabic name particles that bind to the word after them: "عبد العاطي", "أبو الغيط", "بن سلمان". */
const ARABIC_BOUND = /^(?:عبد|أبو|ابو|بن|ابن)$/;

/**
 * Surnames in other languages, read from the person's names there: the last word
 * ("Сергей Лавров" -> "Лавров", "Vladimir Poutine" -> "Poutine"), with an Arabic particle
 * before it ("بدر عبد العاطي" -> "عبد العاطي"), or the first word where the English name puts
 * the surname first. Only for people known by a surname in English.
 */
export function foreignSurnames(e: PersonEntry): string[] {
  if (e.surnames.length === 0) return [];
  // Names written surname first ("Li Qiang") keep it first in other scripts too.
  const surnameFirst = e.surnames.some((s) => e.name.startsWith(`${s} `));
  const found = new Set<string>();
  for (const list of Object.values(e.names ?? {}))
    for (const name of list ?? []) {
      const words = name.trim().split(/\s+/);
      if (words.length < 2) continue;
      const n = ARABIC_BOUND.test(words.at(-2)!) && words.length >= 3 ? 2 : 1;
      const surname = surnameFirst ? words[0]! : words.slice(-n).join(' ');
      if (/\p{L}{3}/u.test(surname)) found.add(surname);
    }
  return [...found];
}

/**
 * Whether two names are one name spelled two ways ("Sergei Lavrov", "Sergej Lavrov"): the
 * same number of words, each the same or, from four letters on, at most two letters apart
 * with the same first letter.
 */
export function nearSpelling(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  return wa.length === wb.length && wa.every((w, i) => sameWord(w, wb[i]!));
}

const words = (s: string) =>
  stripMarks(s)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
