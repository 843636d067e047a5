import { canonicalUrl } from './canonical-url';
import type { ArticleMeta } from './types';

/** One entry of seeds/seeds.json: a seed file and what is known about the article. */
export interface SeedEntry {
  file: string;
  meta: ArticleMeta;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nullableString = (v: unknown) => v === null || (typeof v === 'string' && v.trim().length > 0);

/**
 * Check seeds.json and turn its entries into article metadata (the canonical URL derived
 * from the URL). Throws one error listing every problem, each naming the entry.
 */
export function parseSeedList(raw: unknown, source = 'seeds.json'): SeedEntry[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: expected a JSON array of seed entries`);
  const problems: string[] = [];
  const entries = raw.map((e: Record<string, unknown> | null, i): SeedEntry | null => {
    const where = `${source}[${i}]${typeof e?.file === 'string' ? ` (${e.file})` : ''}`;
    const before = problems.length;
    const fail = (msg: string) => problems.push(`${where}: ${msg}`);
    if (typeof e !== 'object' || e === null) {
      fail('not an object');
      return null;
    }
    if (typeof e.file !== 'string' || !/^[\w.-]+\.txt$/.test(e.file))
      fail('file must be the name of a .txt file in the seeds folder');
    if (typeof e.outlet !== 'string' || !e.outlet) fail('outlet (a domain) is required');
    if (!nullableString(e.url) || (typeof e.url === 'string' && !canonicalUrl(e.url)))
      fail('url must be a web address or null');
    if (e.published !== null && !(typeof e.published === 'string' && DATE.test(e.published)))
      fail('published must be YYYY-MM-DD or null');
    for (const f of ['headline', 'wire']) if (!nullableString(e[f])) fail(`${f} must be a string or null`);
    if (problems.length > before) return null;
    const url = e.url as string | null;
    return {
      file: e.file as string,
      meta: {
        url,
        canonicalUrl: url && canonicalUrl(url),
        outlet: e.outlet as string,
        published: e.published as string | null,
        headline: e.headline as string | null,
        wire: e.wire as string | null,
      },
    };
  });
  if (problems.length) throw new Error(`${source} is invalid:\n- ${problems.join('\n- ')}`);
  return entries as SeedEntry[];
}
