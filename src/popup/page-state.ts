import { canonicalUrl, outletOf } from '../core/corpus/canonical-url';
import { articleId } from '../core/corpus/content-hash';
import { outletProfile } from '../core/corpus/outlets';
import type { Annotation, PageInput, Result } from '../messages';
import type { Ask } from './CorpusControls';

/** The page the popup was opened over, read and annotated. */
export interface PageFacts {
  page: PageInput;
  annotations: Annotation[];
  /** The id the corpus gives (or would give) this page: queries leave it out of "other outlets". */
  articleId: string;
  outlet: { id: string; name: string };
}

/**
 * Read the tab's article (the background injects its extractor: the default sites are
 * granted, any other site by the click that opened the popup) and annotate it. Errors say
 * what to do next.
 */
export async function readPage(ask: Ask, tabId: number | null): Promise<Result<PageFacts>> {
  if (tabId === null) return { ok: false, error: 'No page to read: open the popup over a news article.' };
  const read = await ask({ type: 'read-tab', tabId });
  if (!read.ok) return { ok: false, error: explain(read.error) };
  const page = read.value;
  const annotated = await ask({ type: 'annotate-text', text: page.text, ...(page.published && { published: page.published }) });
  if (!annotated.ok) return { ok: false, error: `Could not annotate this page: ${annotated.error}` };
  const canonical = page.url ? canonicalUrl(page.url, { canonical: page.canonical ?? null, ogUrl: page.ogUrl ?? null }) : null;
  const outlet = page.url ? outletOf(page.url) : 'unknown';
  return {
    ok: true,
    value: { page, annotations: annotated.value, articleId: canonical ? articleId(canonical, '') : 'a-unknown', outlet: { id: outlet, name: outletProfile(outlet)?.name ?? outlet } },
  };
}

function explain(error: string): string {
  if (/no article found/.test(error)) return `This page does not look like an article (${error.replace(/^no article found on this page \(|\)$/g, '')}). Open a news story and click Crosswire again.`;
  if (/cannot read this page/.test(error)) return 'Crosswire cannot read this page (browser pages, the extension store and PDFs are closed to extensions). Open a news story and click Crosswire again.';
  return error;
}
