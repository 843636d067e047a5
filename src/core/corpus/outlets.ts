import { outletOf } from './canonical-url';
import data from './outlets.json';
import type { OutletProfile } from './types';

/** Every kind of outlet; the Record makes the compiler check it against the type. */
const KINDS: Record<OutletProfile['kind'], true> = {
  'wire agency': true,
  'public broadcaster': true,
  'state-funded international broadcaster': true,
  'state news agency': true,
  commercial: true,
  'non-profit': true,
  intergovernmental: true,
};
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export class OutletsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The outlet profiles are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ` +
        problems.slice(0, 20).join('\n- '),
    );
  }
}

/** Check raw outlet profiles; one message per problem, naming the entry. Ids and domains must be unique. */
export function validateOutlets(source: string, raw: unknown): { outlets: OutletProfile[]; errors: string[] } {
  if (!Array.isArray(raw)) return { outlets: [], errors: [`${source}: expected a JSON array of outlet profiles`] };
  const errors: string[] = [];
  const seen = new Map<string, string>();
  raw.forEach((o: Record<string, unknown> | null, i) => {
    const where = `${source}[${i}]${typeof o?.id === 'string' ? ` (${o.id})` : ''}`;
    const fail = (msg: string) => errors.push(`${where}: ${msg}`);
    if (typeof o !== 'object' || o === null) return fail('not an object');
    if (typeof o.id !== 'string' || !DOMAIN.test(o.id) || outletOf(o.id) !== o.id)
      fail('id must be a registrable domain in lower case ("bbc.com")');
    if (typeof o.name !== 'string' || !o.name.trim()) fail('name is required');
    if (typeof o.country !== 'string' || !/^[A-Z]{2}$/.test(o.country))
      fail('country must be an ISO 3166-1 alpha-2 code');
    if (typeof o.kind !== 'string' || !Object.hasOwn(KINDS, o.kind))
      fail(`kind must be one of ${Object.keys(KINDS).join(', ')}`);
    if (o.ownerOrFunder !== null && (typeof o.ownerOrFunder !== 'string' || !o.ownerOrFunder.trim()))
      fail('ownerOrFunder must be a string, or null when not documented');
    const domains = o.domains === undefined ? [] : o.domains;
    if (!Array.isArray(domains) || !domains.every((d) => typeof d === 'string' && DOMAIN.test(d)))
      fail('domains must be a list of lower-case domains');
    for (const d of [o.id, ...(Array.isArray(domains) ? domains : [])]) {
      if (typeof d !== 'string') continue;
      const other = seen.get(d);
      if (other) fail(`domain ${d} is also claimed by ${other}`);
      seen.set(d, String(o.id));
    }
  });
  return { outlets: errors.length ? [] : (raw as OutletProfile[]), errors };
}

/** Validate profiles and index them by id and alias domain; throws OutletsError listing every problem. */
export function loadOutlets(raw: unknown = data, source = 'outlets.json'): OutletProfile[] {
  const { outlets, errors } = validateOutlets(source, raw);
  if (errors.length) throw new OutletsError(errors);
  return outlets;
}

let bundled: { list: OutletProfile[]; byDomain: Map<string, OutletProfile> } | null = null;

function index() {
  if (bundled) return bundled;
  const list = loadOutlets();
  const byDomain = new Map<string, OutletProfile>();
  for (const o of list) for (const d of [o.id, ...(o.domains ?? [])]) byDomain.set(d, o);
  return (bundled = { list, byDomain });
}

/** The bundled outlet profiles, validated once. */
export function outletProfiles(): OutletProfile[] {
  return index().list;
}

/** The profile of an outlet, by its id, one of its domains, any host under them or a URL; null when unknown. */
export function outletProfile(domainOrUrl: string): OutletProfile | null {
  const { byDomain } = index();
  const host = domainOrUrl.trim().toLowerCase();
  return byDomain.get(host) ?? byDomain.get(outletOf(host)) ?? null;
}
