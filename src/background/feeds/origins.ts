/**
 * Which host permissions switching following off gives back: the feed hosts' (asked for by
 * the options page in the click that turned it on), except hosts the manifest grants for
 * good and sites the reader chose "always on" for, which need theirs for something else.
 */

const PATTERN = /^(https?|\*):\/\/(\*\.)?([^/:]+)(?::\d+)?\//i;

/** Whether match pattern `grant` (e.g. https://*.cbc.ca/*) covers every URL of `pattern` (https://www.cbc.ca/*). */
function covers(grant: string, pattern: string): boolean {
  const g = PATTERN.exec(grant);
  const p = PATTERN.exec(pattern);
  if (!g || !p) return false;
  const [, gScheme, gAny, gHost] = g;
  const [, pScheme, pAny, pHost] = p;
  if (gScheme !== '*' && gScheme!.toLowerCase() !== pScheme!.toLowerCase()) return false;
  const host = pHost!.toLowerCase();
  const granted = gHost!.toLowerCase();
  if (!gAny) return !pAny && host === granted;
  return host === granted || host.endsWith(`.${granted}`);
}

/** The patterns of `feedPatterns` to remove when following goes off. */
export function originsToReturn(feedPatterns: string[], manifestHosts: string[], keepSites: string[]): string[] {
  const keep = keepSites.map((origin) => `${origin.replace(/\/$/, '')}/*`);
  return [...new Set(feedPatterns)].filter(
    (pattern) => !manifestHosts.some((grant) => covers(grant, pattern)) && !keep.includes(pattern),
  );
}
