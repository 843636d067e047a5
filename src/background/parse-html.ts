/**
 * An inert document from HTML, for a page fetched in full (full-text.ts): linkedom, which
 * needs no DOM. index.ts requires this module where it is used instead of importing it, so
 * esbuild evaluates linkedom on the first page fetched in full, not at every start of the
 * worker (its modules' setup held a Chromium service worker's start for about 200 ms, before
 * the page that woke it was read).
 */
import { parseHTML } from 'linkedom';

export const parseHtml = (html: string): Document => parseHTML(html).document as unknown as Document;
