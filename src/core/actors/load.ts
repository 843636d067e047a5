import { Dictionary } from './dictionary';
import type { ActorEntry } from './schema';
import { validateEntries, validateReferences } from './validate';
import states from './data/states.json';
import organisations from './data/organisations.json';
import groups from './data/groups.json';
import peopleP5 from './data/people-p5-un.json';
import peopleRegion from './data/people-region.json';

/** The bundled data files, by name (names appear in validation messages). */
export const DATA_FILES: Record<string, unknown> = {
  'states.json': states,
  'organisations.json': organisations,
  'groups.json': groups,
  'people-p5-un.json': peopleP5,
  'people-region.json': peopleRegion,
};

export class DictionaryError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The actor dictionary is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ` +
        problems.slice(0, 20).join('\n- '),
    );
  }
}

/** Validate data files and build a dictionary; throws DictionaryError listing every problem. */
export function loadDictionary(files: Record<string, unknown> = DATA_FILES): Dictionary {
  const problems: string[] = [];
  const entries: ActorEntry[] = [];
  for (const [name, raw] of Object.entries(files)) {
    const result = validateEntries(name, raw);
    problems.push(...result.errors);
    entries.push(...result.entries);
  }
  problems.push(...validateReferences(entries));
  if (problems.length) throw new DictionaryError(problems);
  return new Dictionary(entries);
}

let bundled: Dictionary | null = null;

/** The bundled dictionary, built once per process (or extension context). */
export function defaultDictionary(): Dictionary {
  return (bundled ??= loadDictionary());
}
