/**
 * Content script entry point, injected at document_idle into the outlets the manifest
 * lists. On article pages (a cheap metadata check first) it tells the background, which
 * remembers the article if the user opted in, and highlights the article's actors, figures
 * and quotes unless the user switched highlighting off for this site. Everything it adds
 * hangs off one AbortController: switching off, or the extension going away under it
 * ("Extension context invalidated" after an update), removes it all. It never throws into
 * the page.
 */
import type { ContentCommand, PageReport, Request } from '../messages';
import { extensionApi } from '../shared/browser';
import { publishedDate } from '../shared/article-text';
import { sendRequest } from '../shared/send-request';
import { annotateInParts } from './annotate-in-parts';
import { articleRoot } from './article-root';
import { isArticlePage } from './is-article-page';
import { highlightArticle } from './page-highlights';
import { attachCards, type Cards } from './cards';
import { PageNotes } from './page-notes';
import { insideEditable } from './text-map';
import { watchPage } from './watch';
import { mark, timed, TIMING } from './timing';
// From the hash module, not build-article: that one pulls in the whole engine.
import { pageIdentity } from '../core/corpus/content-hash';

const { runtime } = extensionApi;
let controller: AbortController | null = null;
/** What the first pass read and found: the popup shows the same, without reading the page again. */
let report: PageReport | null = null;
let cards: Cards | null = null;
/** Set by the background when the user asked for this page (popup, context menu, shortcut). */
const requested = (globalThis as { crosswireRequested?: boolean }).crosswireRequested === true;

async function highlight(): Promise<void> {
  controller?.abort();
  const current = (controller = new AbortController());
  // On request, a page Readability cannot read is annotated whole.
  const root = timed('article root', () => articleRoot(document)) ?? (requested ? document.body : null);
  // An article the reader is editing (an editor page, designMode) is theirs, not to mark up.
  if (!root || insideEditable(root)) return;
  const published = publishedDate(document) ?? undefined;
  const annotate = (whole: string) =>
    annotateInParts(whole, async (text) => {
      const reply = await sendRequest(runtime, { type: 'annotate-text', text, ...(published && { published }) });
      if (!reply.ok && !runtime.id) current.abort(); // the extension was updated or removed
      return reply.ok ? reply.value : [];
    });
  const run = await highlightArticle(root, annotate, current.signal);
  if (current.signal.aborted) return;
  report = { page: pageFacts(run.text, published), annotations: run.annotations };
  mark(TIMING.done);
  const ask = <R extends Request>(request: R) => sendRequest(runtime, request);
  // After the first pass (hashing the URL cost it a few cold milliseconds): cards leave the page
  // itself out of "other outlets", and the reader's notes are keyed by it.
  const { articleId, canonical } = pageIdentity(report.page);
  cards = timed('cards', () =>
    attachCards(root, run.annotationOf, ask, { articleId, published: published ?? null }, current.signal),
  );
  // The reader's notes come after the highlights: they are fewer, and the page is readable meanwhile.
  const notes = new PageNotes(run.map, run.highlighter, ask, {
    articleId,
    canonicalUrl: canonical,
    url: location.href,
    title: report.page.headline ?? null,
    text: run.text,
  });
  const shown = cards;
  void notes.load().then(() => !current.signal.aborted && shown.setNotes(notes));
  timed('watch', () =>
    watchPage(
      document,
      {
        replaced: () => void highlight().catch(() => undefined),
        added: (el) => void highlightArticle(el, annotate, current.signal, run.annotationOf).catch(() => undefined),
      },
      current.signal,
    ),
  );
}

/** The page as the corpus would take it: the text we annotated and what the page says about itself. */
function pageFacts(text: string, published: string | undefined): PageReport['page'] {
  const meta = (selector: string, attribute: string) =>
    document.querySelector(selector)?.getAttribute(attribute)?.trim() || undefined;
  const headline =
    meta('meta[property="og:title"]', 'content') ??
    (document.querySelector('h1')?.textContent?.trim() || document.title.trim() || undefined);
  const canonical = meta('link[rel="canonical"]', 'href');
  const ogUrl = meta('meta[property="og:url"]', 'content');
  const absolute = (href: string | undefined) => {
    try {
      return href ? new URL(href, location.href).href : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    text,
    url: location.href,
    ...(absolute(canonical) && { canonical: absolute(canonical) }),
    ...(absolute(ogUrl) && { ogUrl: absolute(ogUrl) }),
    ...(headline && { headline: headline.slice(0, 1000) }),
    ...(published && { published }),
  };
}

async function main(): Promise<void> {
  mark(TIMING.start);
  if (!requested && !timed('article page?', () => isArticlePage(document))) return;
  runtime.onMessage.addListener((message: unknown) => {
    const command = message as ContentCommand;
    // A promise is the polyfill's way to answer; undefined leaves the message to others.
    if (command?.type === 'crosswire-page') return Promise.resolve(report);
    if (command?.type === 'crosswire-note-selection') return Promise.resolve(cards?.noteOnSelection() ?? false);
    if (command?.type !== 'crosswire-highlights') return undefined;
    if (command.on) void highlight().catch(() => undefined);
    else {
      controller?.abort();
      report = null;
    }
    return undefined;
  });
  // The answer (added, already stored, or not remembering) needs no word to the reader.
  void sendRequest(runtime, { type: 'article-read' });
  const settings = await sendRequest(runtime, { type: 'get-settings' });
  if (!requested && settings.ok && settings.value.disabledSites.includes(location.hostname)) return;
  await highlight();
}

// Pages are endlessly varied; an error here would only land in the extension's error list
// on every odd page, so a page we cannot read is a page we leave alone.
main().catch(() => undefined);
