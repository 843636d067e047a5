import { sameWord } from '../text/edit-distance';
import { stripMarks } from '../text/fold';

/** How a name is compared for spelling: no accents, case, dots, hyphens, or Arabic article. */
function nameTokens(form: string): string[] {
  return stripMarks(form)
    .toLowerCase()
    .replace(/[.’'`]/g, '')
    .split(/[\s-]+/)
    .filter((t) => t && t !== 'al' && t !== 'el');
}

/**
 * The forms in `theirs` that spell a name of `mine` differently ("Sergei Lavrov" against
 * "Sergey Lavrov", "al-Qaida" against "al-Qaeda"): same number of words, each the same word
 * or a near spelling of it, at least one spelled otherwise. A shorter or longer form
 * ("Lavrov", "Foreign Minister Lavrov") is a choice of words, not of spelling, and so is a
 * form that differs only in dots, case or accents ("U.N." and "UN").
 */
export function spellingVariants(mine: readonly string[], theirs: readonly string[]): string[] {
  const own = mine.map(nameTokens);
  const seen = new Set(own.map((t) => t.join(' ')));
  return [...new Set(theirs)].filter((form) => {
    const t = nameTokens(form);
    if (t.length === 0 || seen.has(t.join(' '))) return false;
    return own.some((o) => o.length === t.length && o.every((w, i) => sameWord(w, t[i]!)));
  });
}
