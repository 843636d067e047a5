import type { ActorAnnotation } from '../types';

/**
 * Kinds of title, each with the words that name it in the four languages. A later "the
 * secretary general" or "le chef de l'Etat" refers back to whoever the article named with a
 * title of the same kind. More specific kinds come first: a prime minister is no minister here.
 */
const KINDS: [string, RegExp][] = [
  ['secretary-general', /secretary general|secr[eé]taire g[eé]n[eé]ral|генеральн\S* секретар|генсек|الأمين العام/u],
  ['prime-minister', /prime minister|premier ministre|премьер/u],
  [
    'spokesperson',
    /spokes(?:man|woman|person)|porte parole|press secretary|пресс секретар|представител|المتحدث|متحدث/u,
  ],
  ['president', /president|pr[eé]sident|head of state|chef de l.?[eé]tat|президент|глава государства|رئيس/u],
  [
    'foreign-minister',
    /foreign (?:minister|secretary)|ministre des affaires [eé]trang[eè]res|министр иностранных дел|وزير الخارجية/u,
  ],
  ['minister', /minister|ministre|министр|وزير/u],
  [
    'ambassador',
    /ambassador|ambassadeur|permanent representative|repr[eé]sentant permanent|посол|постпред|سفير|مندوب/u,
  ],
  ['envoy', /envoy|[eé]missaire|envoy[eé]|посланник|спецпредставител|مبعوث/u],
  ['chancellor', /chancellor|chancelier|канцлер/u],
  ['governor', /governor|gouverneur|губернатор|محافظ/u],
  ['mayor', /mayor|maire|мэр/u],
];

const normal = (s: string) => s.toLowerCase().replace(/[-‐‑]/g, ' ').replace(/\s+/g, ' ');

/** The kind of title a phrase names, if it names one: "the Secretary-General" → secretary-general. */
export function titleClass(phrase: string): string | null {
  const text = normal(phrase);
  return KINDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/**
 * The last person named before `at` with a title of that kind: in the title before the name
 * ("NATO Secretary General Jane Roe"), in an apposition after it ("Jane Roe, the alliance's
 * secretary general,"), or in the role actor detection found.
 */
export function titleHolder(
  text: string,
  actors: readonly ActorAnnotation[],
  kind: string,
  at: number,
): ActorAnnotation | undefined {
  for (let i = actors.length - 1; i >= 0; i--) {
    const a = actors[i]!;
    if (a.start >= at || a.actorType !== 'person' || !a.actorId || a.via === 'role') continue;
    if (titleOf(text, a).some((t) => fits(titleClass(t), kind))) return a;
  }
  return undefined;
}

/** Whether a title of kind `held` answers to a later `asked`: "the minister" may be the foreign minister. */
const fits = (held: string | null, asked: string) =>
  held === asked || (asked === 'minister' && held === 'foreign-minister');

/** The title words around a person's mention: before it in its sentence, in an apposition after it, its role. */
function titleOf(text: string, a: ActorAnnotation): string[] {
  const before = text.slice(Math.max(0, a.start - 45), a.start);
  const lead = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf(',')) + 1);
  const after = /^,([^,.;\n]{1,90})/.exec(text.slice(a.end))?.[1] ?? '';
  return [lead, after, a.role ?? ''].filter(Boolean);
}
