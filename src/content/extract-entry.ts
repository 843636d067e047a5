/**
 * Injected on request (popup button, context menu), or for a content script whose page marks
 * no article body, into the tab, in the extension's isolated world: it only defines the
 * function the background then calls there, so the page is read when, and only when, it is
 * asked. Reading it is our work on the page's thread, timed as the content script's is.
 */
import { pageInput } from './page-input';
import { timed } from './timing';

(globalThis as { crosswireExtractPage?: () => unknown }).crosswireExtractPage = () =>
  timed('extract', () => pageInput(document, location.href));
