/**
 * Injected on request (popup button, context menu) into the active tab, in the extension's
 * isolated world: it only defines the function the background then calls there, so the page
 * is read when, and only when, the user asks.
 */
import { pageInput } from './page-input';

(globalThis as { crosswireExtractPage?: () => unknown }).crosswireExtractPage = () =>
  pageInput(document, location.href);
