import type { Dictionary } from '../actors/dictionary';
import type { PersonEntry } from '../actors/schema';
import { stripMarks } from '../text/fold';

/**
 * The dictionary person a name introduced in the text is a spelling of, if exactly one:
 * "Hilary Clinton" for Hillary Clinton, "Abedrabbo Mansour Hadi" for an alias "Abdrabbo
 * Mansour Hadi". Same surname, and the whole name within a typo or two of a listed form, so
 * a known person introduced with a role never gets a second, unlisted id.
 */
export function knownVariant(dict: Dictionary, name: string, surname: string): PersonEntry | null {
  const folded = fold(name);
  const allowed = Math.max(1, Math.floor(folded.length / 10));
  const people = dict
    .lookup(surname)
    .filter((a): a is PersonEntry => a.type === 'person')
    .filter((p) => [p.name, ...p.aliases].some((form) => withinEdits(fold(form), folded, allowed)));
  return people.length === 1 ? people[0]! : null;
}

const fold = (s: string) =>
  stripMarks(s)
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();

/** Whether the Levenshtein distance of a and b is at most `max` (banded, so short of the full table). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}
