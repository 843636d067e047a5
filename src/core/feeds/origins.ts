import type { FeedSource } from './types';

/**
 * The host permissions polling these feeds needs: one "https://host/*" match pattern per
 * feed host (http for a feed served over http), sorted, each once. Permissions are asked for
 * by host, not by outlet: a feed is often served from a host of its own ("feeds.bbci.co.uk").
 */
export function feedOrigins<F extends Pick<FeedSource, 'url'>>(feeds: readonly F[]): string[] {
  const patterns = new Set<string>();
  for (const { url } of feeds) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (parsed && /^https?:$/.test(parsed.protocol)) patterns.add(`${parsed.protocol}//${parsed.hostname}/*`);
  }
  return [...patterns].sort();
}
