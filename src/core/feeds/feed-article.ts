import { buildArticle } from '../corpus/build-article';
import { fnv1a64 } from '../corpus/content-hash';
import type { CorpusArticle } from '../corpus/types';
import type { FeedItem } from './types';

/**
 * A feed item as a corpus entry "headline and summary only": the title and summary cleaned
 * and annotated like any article, identified by the item's link (canonical URL) when it has
 * one, and keeping its GUID so a later poll recognises it. Null when there is no text.
 */
export function feedArticle(item: FeedItem, outlet: string): CorpusArticle | null {
  if (!item.title && !item.summary) return null;
  // Some feeds repeat the title as the summary; once is enough.
  const summary = item.summary && item.summary !== item.title ? item.summary : null;
  const text = [item.title, summary].filter(Boolean).join('\n\n');
  const meta = {
    url: item.url,
    canonicalUrl: null,
    outlet,
    published: item.published,
    headline: item.title,
    wire: null,
  };
  return { ...buildArticle(text, meta, 'feed'), depth: 'headline', guid: item.guid };
}

/**
 * An item's identity within its feed, short: a hash of its GUID, else its link, else its
 * text. A feed's row keeps those of the items it last stored, and a poll builds only the
 * items it has not seen: a feed that moved on by a few items costs those few.
 */
export function feedItemKey(item: FeedItem): string {
  if (item.guid) return fnv1a64(`guid ${item.guid}`);
  if (item.url) return fnv1a64(`url ${item.url}`);
  return fnv1a64(`text ${item.title ?? ''}\n${item.summary ?? ''}`);
}
