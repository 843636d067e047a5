import { ACTOR_TYPES, ROLE_KINDS, type ActorEntry } from './schema';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const OFFICE_TITLES = [
  'President|Prime Minister|Foreign Minister|Minister|Secretary|Chancellor|Ambassador|Vice President',
  String.raw`General|Gen\.|Premier|Mr\.?|Mrs\.?|Ms\.?|Dr\.?`,
].join('|');
const OFFICE_TITLE = new RegExp(`^(?:${OFFICE_TITLES}) `);
const ID = /^(Q\d+|[a-z0-9]+(-[a-z0-9]+)*)$/;

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string' && v.trim().length > 0;
const strs: Check = (v) => Array.isArray(v) && v.every(str);

/**
 * Check raw dictionary entries against the schema. Returns one message per problem,
 * naming the file and the entry, so a bad edit to the data is found before the engine runs.
 */
export function validateEntries(source: string, raw: unknown): { entries: ActorEntry[]; errors: string[] } {
  const errors: string[] = [];
  if (!Array.isArray(raw)) return { entries: [], errors: [`${source}: expected a JSON array of actors`] };
  raw.forEach((e: Record<string, unknown>, i) => {
    const where = `${source}[${i}]${typeof e?.id === 'string' ? ` (${e.id})` : ''}`;
    const fail = (msg: string) => errors.push(`${where}: ${msg}`);
    if (typeof e !== 'object' || e === null) return fail('not an object');
    if (!str(e.id) || !ID.test(e.id as string)) fail('id must be a Wikidata QID or a lower-case slug');
    if (!ACTOR_TYPES.includes(e.type as never)) fail(`type must be one of ${ACTOR_TYPES.join(', ')}`);
    if (!str(e.name)) fail('name is required');
    if (!strs(e.aliases)) fail('aliases must be an array of strings');
    if (e.ambiguous !== undefined && !strs(e.ambiguous)) fail('ambiguous must be an array of strings');
    if (e.names !== undefined) {
      const names = e.names as Record<string, unknown>;
      for (const [lang, list] of Object.entries(names)) {
        if (!['fr', 'ru', 'ar'].includes(lang) || !strs(list))
          fail(`names.${lang} must be a list of strings in fr, ru or ar`);
      }
    }
    if (e.type === 'state') {
      if (!/^[A-Z]{2}$/.test(String(e.iso))) fail('iso must be an ISO 3166-1 alpha-2 code');
      for (const f of ['demonyms', 'plurals', 'seats']) if (!strs(e[f])) fail(`${f} must be an array of strings`);
    }
    if (e.type === 'person') {
      if (!strs(e.surnames)) fail('surnames must be an array of strings');
      // A title is not part of the name: "President Assad" is a title plus the surname "Assad".
      const titled = strs(e.aliases) ? (e.aliases as string[]).filter((a) => OFFICE_TITLE.test(a)) : [];
      if (titled.length) fail(`aliases must not start with an office title: ${titled.join(', ')}`);
      if (!str(e.actsFor)) fail('actsFor is required');
      if (!Array.isArray(e.roles) || e.roles.length === 0) fail('roles must list at least one role');
      else
        (e.roles as Record<string, unknown>[]).forEach((r, j) => {
          if (!ROLE_KINDS.includes(r.kind as never)) fail(`roles[${j}].kind must be one of ${ROLE_KINDS.join(', ')}`);
          if (!str(r.title) || !str(r.of)) fail(`roles[${j}] needs a title and an "of"`);
          if (!DATE.test(String(r.from))) fail(`roles[${j}].from must be YYYY, YYYY-MM or YYYY-MM-DD`);
          if (r.to !== null && !DATE.test(String(r.to))) fail(`roles[${j}].to must be a date or null`);
          if (r.to !== null && String(r.to) < String(r.from)) fail(`roles[${j}] ends before it starts`);
        });
    }
  });
  return { entries: errors.length ? [] : (raw as ActorEntry[]), errors };
}

/** Cross-file checks: unique ids, and roles / parents pointing at actors that exist. */
export function validateReferences(entries: readonly ActorEntry[]): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const refs = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) errors.push(`duplicate id ${e.id} (${e.name})`);
    ids.add(e.id);
    refs.add(e.id);
    if (e.type === 'state') refs.add(e.iso);
  }
  for (const e of entries) {
    if (e.type === 'person') {
      for (const r of e.roles)
        if (!refs.has(r.of)) errors.push(`${e.id} (${e.name}): role "${r.title}" is of unknown actor "${r.of}"`);
      if (!refs.has(e.actsFor)) errors.push(`${e.id} (${e.name}): actsFor unknown actor "${e.actsFor}"`);
    } else if (e.type !== 'state' && e.parent && !refs.has(e.parent)) {
      errors.push(`${e.id} (${e.name}): parent "${e.parent}" is not in the dictionary`);
    }
  }
  return errors;
}
