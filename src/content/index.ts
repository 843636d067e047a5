/**
 * Content script entry point, injected at document_idle into the outlets the manifest
 * lists. On article pages (a cheap metadata check first), unless the reader switched this
 * site off (a flag set before it starts: site-off.ts), it sends the article to the
 * background once (which reads it, keeps that reading, and remembers the article if the
 * reader opted in) and highlights the actors, figures and quotes the background found.
 * Everything it adds hangs off one AbortController: switching off, or the extension going
 * away under it ("Extension context invalidated" after an update), removes it all.
 * Highlights are painted (painter.ts): nothing is written into the page's DOM but our UI's
 * one host element. It never throws into the page.
 */
// First: it notes when the script began (see script-start.ts).
import { SCRIPT_START } from './script-start';
import type { PageInput, PageReading, Request } from '../messages';
// Not through messages.ts: see there.
import { parseContentCommand } from '../contracts/background-to-content';
import { extensionApi } from '../shared/browser';
import { publishedDate } from '../shared/published-date';
import { sendRequest } from '../shared/send-request';
import { articleRoot, rootOfText } from './article-root';
import { isArticlePage } from './is-article-page';
import { highlightArticle, type Target } from './page-highlights';
import { Painter } from './painter';
import { attachCards, type Cards } from './cards';
import { PageNotes } from './page-notes';
import { insideEditable } from './text-map';
import { watchPage, whenArticleArrives } from './watch';
import { mark, taskSince, timed, TIMING } from './timing';

const { runtime } = extensionApi;
let controller: AbortController | null = null;
let cards: Cards | null = null;
/** Set by the background when the user asked for this page (popup, context menu, shortcut). */
const requested = (globalThis as { crosswireRequested?: boolean }).crosswireRequested === true;
/** Set before we start on a site the reader switched off (site-off.ts): nothing to ask the background. */
const siteOff = (globalThis as { crosswireSiteOff?: boolean }).crosswireSiteOff === true;

async function highlight(): Promise<void> {
  controller?.abort();
  const current = (controller = new AbortController());
  // The body the page marks up; else the article Readability finds, read by the extractor the
  // background runs in this tab (this script does not carry it); on request, a page neither
  // can read is annotated whole.
  const find = async () =>
    timed('article root', () => articleRoot(document)) ??
    (await extractedRoot(current.signal)) ??
    (requested ? document.body : null);
  // A page that shows "Loading…" and inserts its article later is read when it arrives.
  const root = (await find()) ?? (await whenArticleArrives(document, find, current.signal));
  // An article the reader is editing (an editor page, designMode) is theirs, not to mark up.
  if (!root || current.signal.aborted || insideEditable(root)) return;
  let published: string | undefined;
  // The page crosses to the background once: the background reads it (annotates, identifies,
  // keeps it for the popup, the corpus and the exports) and answers with that reading.
  let reading: PageReading | null = null;
  const readPage = async (text: string) => {
    const page = timed('page facts', () => {
      published = publishedDate(document) ?? undefined;
      return pageFacts(text, published);
    });
    const reply = await send({ type: 'read-page', page });
    if (!reply.ok && !runtime.id) current.abort(); // the extension was updated or removed
    reading = reply.ok ? reply.value : null;
    return reading?.annotations ?? [];
  };
  // Watched from before the first pass, so nothing the page changes meanwhile is missed.
  const painter = new Painter<Target>(document);
  let firstPass: (value: unknown) => void = () => undefined;
  const ready = new Promise((resolve) => (firstPass = resolve));
  let readAgain: (el: Element) => void = () => undefined;
  timed('watch', () =>
    watchPage(
      document,
      root,
      {
        replaced: () => void highlight().catch(() => undefined),
        added: (el) => readAgain(el),
        changed: (block) => readAgain(block),
      },
      current.signal,
      ready,
    ),
  );
  const run = await highlightArticle(root, readPage, current.signal, painter);
  const page = reading as PageReading | null;
  if (current.signal.aborted || !page) return;
  mark(TIMING.done);
  const { articleId } = page;
  // Text the page adds or changes later is annotated as part of this page, as of its date.
  const annotateAdded = async (text: string) => {
    const reply = await send({ type: 'annotate-text', articleId, text, ...(published && { published }) });
    return reply.ok ? reply.value : [];
  };
  // Cards leave the page itself out of "other outlets", and the reader's notes are keyed by its id.
  const shown = (cards = timed('cards', () =>
    attachCards(root, painter, send, { articleId, published: published ?? null }, current.signal),
  ));
  // The reader's notes come after the highlights: they are fewer, and the page is readable meanwhile.
  const notes = new PageNotes(run.map, painter, send, {
    articleId,
    canonicalUrl: page.canonical,
    url: location.href,
    title: page.headline,
    text: run.text,
  });
  void notes
    .load((placing) => timed('notes', placing))
    .then(() => !current.signal.aborted && timed('notes', () => shown.setNotes(notes)));
  // What we painted there may no longer be what it says: painted again from its text now
  // (the reader's notes stay; they are anchored to the text they were made on).
  readAgain = (el) => {
    painter.erase(painter.within(el).filter((item) => item.kind !== 'note'));
    void highlightArticle(el, annotateAdded, current.signal, painter)
      .then(() => shown.refresh())
      .catch(() => undefined);
  };
  firstPass(null);
}

/** The body of an article the page does not mark up, from the text the extractor read in this tab; null when it found none. */
async function extractedRoot(signal: AbortSignal): Promise<Element | null> {
  const reply = await send({ type: 'extract-article' });
  return reply.ok && !signal.aborted ? timed('article root', () => rootOfText(document, reply.value.text)) : null;
}

/** A request to the background; sending it and checking its reply are our work on the page's thread, and timed as such. */
const send = <R extends Request>(request: R) => sendRequest(runtime, request, timed);

/** The page as the corpus would take it: the text we annotated and what the page says about itself. */
function pageFacts(text: string, published: string | undefined): PageInput {
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

/** The background's commands: switch on or off, a note on the selection, take the reader to a highlight. */
function listenForCommands(): void {
  runtime.onMessage.addListener((message: unknown) => {
    const parsed = parseContentCommand(message);
    // Not ours (or not well formed): undefined leaves the message to others.
    if (!parsed.ok) return undefined;
    const command = parsed.value;
    // A promise is the polyfill's way to answer.
    if (command.type === 'crosswire-note-selection') return Promise.resolve(cards?.noteOnSelection() ?? false);
    if (command.type === 'crosswire-reveal') return Promise.resolve(cards?.reveal(command.kind, command.id) ?? false);
    if (command.on) void highlight().catch(() => undefined);
    else controller?.abort();
    return undefined;
  });
}

async function main(): Promise<void> {
  mark(TIMING.start);
  taskSince(SCRIPT_START, 'script');
  const articlePage = () => requested || timed('article page?', () => isArticlePage(document));
  // Switched off: nothing runs, and nothing watches the page; on an article, the reader's
  // command (the popup's switch, "Highlight this page") still reaches us.
  if (!requested && siteOff) return articlePage() ? listenForCommands() : undefined;
  // A page that builds its article after load may say it is one only then.
  if (
    !articlePage() &&
    !(await whenArticleArrives(document, () => (articlePage() ? document.body : null), new AbortController().signal))
  )
    return;
  listenForCommands();
  await highlight();
}

// Pages are endlessly varied; an error here would only land in the extension's error list
// on every odd page, so a page we cannot read is a page we leave alone.
main().catch(() => undefined);
