/**
 * Content script entry point, injected at document_idle into the outlets the manifest
 * lists. It decides cheaply whether the page is an article and, if so, tells the
 * background, which adds it to the corpus when the user opted in to remembering what they
 * read (reading the page only then, with the extractor it injects). Highlights arrive with
 * issue 4. It stays small, as it loads on every page of those sites, and never throws into
 * the page.
 */
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import { isArticlePage } from './is-article-page';

async function main(): Promise<void> {
  if (!isArticlePage(document)) return;
  // The answer (added, already stored, or not remembering) needs no word to the reader.
  await sendRequest(extensionApi.runtime, { type: 'article-read' });
}

// Pages are endlessly varied; an error here would only land in the extension's error list
// on every odd page, so a page we cannot read is a page we leave alone.
main().catch(() => undefined);
