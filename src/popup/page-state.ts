import { outletOf } from '../core/corpus/canonical-url';
import { pageIdentity } from '../core/corpus/content-hash';
import { outletProfile } from '../core/corpus/outlets';
import { parsePageReport, type Annotation, type PageInput, type Result } from '../messages';
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
 * The tab's article and its annotations. The content script already read and annotated a
 * highlighted page: ask it first, so the popup shows what the page shows, at once.
 * Otherwise the background injects its extractor (the default sites are granted, any other
 * site by the click that opened the popup) and the page is annotated now. Errors say what to
 * do next.
 */
export async function readPage(
  ask: Ask,
  tabId: number | null,
  askContentScript: () => Promise<unknown> = async () => null,
): Promise<Result<PageFacts>> {
  if (tabId === null) return { ok: false, error: 'No page to read: open the popup over a news article.' };
  const shown = parsePageReport(await askContentScript().catch(() => null));
  if (shown.ok) return { ok: true, value: factsOf(shown.value.page, shown.value.annotations) };
  const read = await ask({ type: 'read-tab', tabId });
  if (!read.ok) return { ok: false, error: explain(read.error) };
  const page = read.value;
  const annotated = await ask({
    type: 'annotate-text',
    text: page.text,
    ...(page.published && { published: page.published }),
  });
  if (!annotated.ok) return { ok: false, error: `Could not annotate this page: ${annotated.error}` };
  return { ok: true, value: factsOf(page, annotated.value) };
}

function factsOf(page: PageInput, annotations: Annotation[]): PageFacts {
  const outlet = page.url ? outletOf(page.url) : 'unknown';
  return {
    page,
    annotations,
    articleId: pageIdentity(page).articleId,
    outlet: { id: outlet, name: outletProfile(outlet)?.name ?? outlet },
  };
}

function explain(error: string): string {
  if (/no article found/.test(error))
    return `This page does not look like an article (${error.replace(/^no article found on this page \(|\)$/g, '')}). Open a news story and click Crosswire again.`;
  if (/cannot read this page/.test(error))
    return 'Crosswire cannot read this page (browser pages, the extension store and PDFs are closed to extensions). Open a news story and click Crosswire again.';
  return error;
}
