import type { Dictionary } from '../actors/dictionary';
import type { PersonEntry } from '../actors/schema';
import { editDistance } from '../text/edit-distance';
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
    .filter((p) => [p.name, ...p.aliases].some((form) => editDistance(fold(form), folded, allowed) <= allowed));
  return people.length === 1 ? people[0]! : null;
}

const fold = (s: string) =>
  stripMarks(s)
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
