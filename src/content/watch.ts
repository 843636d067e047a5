import { MARK_TAG } from './highlighter';
import { insideEditable } from './text-map';
import { HOST_PREFIX } from './card/shadow-host';

/** How long the page must be quiet before we act on its changes… */
const SETTLE_MS = 300;
/** …or how long at most we wait for quiet: a page with a ticking clock never is. */
const MAX_WAIT_MS = 1000;
/** Added content shorter than this (tickers, counters, buttons) is not worth annotating. */
const MIN_TEXT = 60;

export interface WatchHandlers {
  /** The page replaced its article (single-page navigation, or a re-render that dropped our highlights). */
  replaced(): void;
  /** New content appeared (infinite scroll, a live blog's new post). */
  added(element: Element): void;
}

const hasMark = (n: Node) =>
  n.nodeType === 1 &&
  ((n as Element).tagName.toLowerCase() === MARK_TAG || (n as Element).querySelector(MARK_TAG) !== null);

/**
 * Watch the page after the first pass. Our own changes (highlight elements going in and
 * out) are recognised and ignored, so highlighting never feeds itself; each added element
 * is handled once. The signal stops the watch.
 */
export function watchPage(doc: Document, handlers: WatchHandlers, signal: AbortSignal): void {
  const seen = new WeakSet<Element>();
  const added = new Set<Element>();
  let lost = false;
  let url = doc.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince = 0;

  const settle = () => {
    if (signal.aborted) return;
    if (lost || doc.location.href !== url) {
      url = doc.location.href;
      lost = false;
      added.clear();
      handlers.replaced();
      return;
    }
    const fresh = [...added].filter(
      (el) => el.isConnected && ![...added].some((other) => other !== el && other.contains(el)),
    );
    added.clear();
    for (const el of fresh) {
      if (seen.has(el) || hasMark(el) || insideEditable(el) || (el.textContent ?? '').trim().length < MIN_TEXT)
        continue;
      seen.add(el);
      handlers.added(el);
    }
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.removedNodes) if (hasMark(n) && !(n as Element).isConnected && !isOurRemoval(r)) lost = true;
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && !hasMark(n) && !(n as Element).tagName.toLowerCase().startsWith(HOST_PREFIX))
          added.add(n as Element);
    }
    const now = Date.now();
    // Past the longest wait, let the pending settle run (unless it is long overdue: timer ids
    // are shared with the page, which may have cleared ours).
    const waited = now - waitingSince;
    if (timer !== undefined && waited >= MAX_WAIT_MS && waited < MAX_WAIT_MS + 2 * SETTLE_MS) return;
    if (timer === undefined) waitingSince = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      settle();
    }, SETTLE_MS);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

/** Our highlighter removes a highlight by moving its text out first: the record's target then still holds the text. */
function isOurRemoval(r: MutationRecord): boolean {
  return [...r.removedNodes].every(
    (n) => n.nodeType === 1 && (n as Element).tagName.toLowerCase() === MARK_TAG && n.childNodes.length === 0,
  );
}
