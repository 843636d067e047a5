/**
 * Content script entry point, injected at document_idle into the outlets the manifest
 * lists. Until highlighting lands (issue 4) it only decides whether the page is an
 * article; it changes nothing on the page and logs nothing.
 */
import { isArticlePage } from './is-article-page';

function main(): void {
  if (!isArticlePage(document)) return;
  // Issue 4 starts here: extract the article text, ask the background to annotate it,
  // and highlight the result.
}

try {
  main();
} catch {
  // Pages are endlessly varied; a throw here would only land in the extension's error
  // list on every odd page, so a page we cannot read is a page we leave alone.
}
