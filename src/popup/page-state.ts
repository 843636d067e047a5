import type { Result, TabPage } from '../messages';
import type { Ask } from '../shared/ask';

/** The page the popup is about, as the background read it, with its story when known (see contracts/replies.ts). */
export type PageFacts = TabPage;

/**
 * The tab's page as the background holds it: the reading its content script sent, or, where
 * nothing read the tab, the one the background's extractor makes now (the default sites are
 * granted, any other site by the click that opened the popup). Errors say what to do next.
 */
export async function readPage(ask: Ask, tabId: number | null, url?: string): Promise<Result<PageFacts>> {
  if (tabId === null) return { ok: false, error: 'No page to read: open the popup over a news article.' };
  const read = await ask({ type: 'page-of-tab', tabId, ...(url && { url }) });
  return read.ok ? read : { ok: false, error: explain(read.error) };
}

function explain(error: string): string {
  if (/no article found/.test(error))
    return (
      `This page does not look like an article (${error.replace(/^no article found on this page \(|\)$/g, '')}). ` +
      'Open a news story, or use "Highlight this page" to read it anyway.'
    );
  if (/cannot read this page/.test(error))
    return 'Crosswire cannot read this page (browser pages, the extension store and PDFs are closed to extensions). Open a news story and click Crosswire again.';
  return error;
}
