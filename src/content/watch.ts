import { insideEditable } from './text-map';

/** How long the page must be quiet before we act on its changes… */
const SETTLE_MS = 300;
/** …or how long at most we wait for quiet: a page with a ticking clock never is. */
const MAX_WAIT_MS = 1000;
/** The most changes kept unread: past it they are read at once, so a page's churn never piles up (nor the nodes it removed). */
const MAX_PENDING = 10_000;
/** Added content shorter than this (tickers, counters, buttons) is not worth annotating. */
const MIN_TEXT = 60;
/** Elements whose text is a paragraph of its own: a change inside one is read again as a whole. */
const BLOCK = /^(?:P|LI|H[1-6]|BLOCKQUOTE|FIGCAPTION|DD|DT|TD|TH|PRE|ARTICLE|SECTION|DIV)$/;

export interface WatchHandlers {
  /** The page replaced its article (single-page navigation, or a re-render that dropped it). */
  replaced(): void;
  /** New content appeared (infinite scroll, a live blog's new post, a paragraph added to the article). */
  added(element: Element): void;
  /** Text in the article changed in place (a framework updated a text node, or re-rendered a paragraph). */
  changed(block: Element): void;
}

/** The paragraph a node is in, within the article (the article itself when none is nearer). */
function blockOf(node: Node, root: Element): Element {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement)
    if (BLOCK.test(el.tagName.toUpperCase())) return el;
  return root;
}

/**
 * Watch the page after the first pass. Painting changes nothing in the DOM, so every change
 * seen is the page's own: text changed inside the article is read again (each paragraph
 * once per change, after the page settles), new content is read as it arrives, and an
 * article that leaves the page is read again from scratch. It starts before the first pass
 * (`ready`), so a change made while the page is being read is not lost, and acts after it.
 * The signal stops the watch.
 */
export function watchPage(
  doc: Document,
  root: Element,
  handlers: WatchHandlers,
  signal: AbortSignal,
  ready: Promise<unknown> = Promise.resolve(),
): void {
  let started = false;
  void ready.then(() => {
    started = true;
    noteAll();
    if (added.size || changed.size) settle();
  });
  const seen = new WeakSet<Element>();
  const added = new Set<Element>();
  const changed = new Set<Element>();
  let url = doc.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince = 0;

  const settle = () => {
    // Changes seen while the first pass runs wait for it: they are read against what it painted.
    if (signal.aborted || !started) return;
    if (!root.isConnected || doc.location.href !== url) {
      url = doc.location.href;
      added.clear();
      changed.clear();
      handlers.replaced();
      return;
    }
    // Only the outermost of what changed or arrived is read: a paragraph inside an article the
    // page re-rendered is read with it, once.
    const all = [...changed, ...added];
    const outermost = all.filter((el) => el.isConnected && !all.some((other) => other !== el && other.contains(el)));
    const edited = new Set(changed);
    added.clear();
    changed.clear();
    for (const el of new Set(outermost)) {
      // What the reader is typing is theirs, changed or new.
      if (insideEditable(el)) continue;
      if (edited.has(el)) {
        handlers.changed(el);
        continue;
      }
      if (seen.has(el) || (el.textContent ?? '').trim().length < MIN_TEXT) continue;
      seen.add(el);
      handlers.added(el);
    }
  };

  // The page's changes are only kept as they come, and read in a task of ours: the observer's
  // callback runs inside the page's own task, and a framework building its page makes
  // thousands of them.
  let pending: MutationRecord[] = [];
  const noteAll = () => {
    const records = pending;
    pending = [];
    for (const r of records) note(r);
  };
  const note = (r: MutationRecord) => {
    if (r.type === 'characterData') {
      if (root.contains(r.target)) changed.add(blockOf(r.target, root));
      return;
    }
    const inArticle = root.contains(r.target);
    for (const n of r.addedNodes) {
      // A new paragraph in the article, or new content anywhere, is read as new; text put
      // into an existing paragraph means that paragraph changed.
      if (n.nodeType === 1 && (!inArticle || blockOf(n, root) === n)) added.add(n as Element);
      else if (inArticle) changed.add(blockOf(r.target, root));
    }
    if (inArticle && r.removedNodes.length) changed.add(blockOf(r.target, root));
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) pending.push(r);
    if (pending.length > MAX_PENDING) noteAll();
    const now = Date.now();
    // Past the longest wait, let the pending settle run (unless it is long overdue: timer ids
    // are shared with the page, which may have cleared ours).
    const waited = now - waitingSince;
    if (timer !== undefined && waited >= MAX_WAIT_MS && waited < MAX_WAIT_MS + 2 * SETTLE_MS) return;
    if (timer === undefined) waitingSince = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      noteAll();
      settle();
    }, SETTLE_MS);
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}

/**
 * Wait for an article that is not there yet (a page that shows "Loading…" and inserts its
 * text later): `find` is tried again each time the page settles (once at a time, when it
 * answers later), until it answers or `giveUpMs` passes. Resolves null when it never came or
 * the signal aborted.
 */
export function whenArticleArrives(
  doc: Document,
  find: () => Element | null | Promise<Element | null>,
  signal: AbortSignal,
  giveUpMs = 60_000,
): Promise<Element | null> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    /** A try is waiting for its answer; and the page settled again meanwhile, to be tried after it. */
    let trying = false;
    let again = false;
    const done = (found: Element | null) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve(found);
    };
    const attempt = () => {
      if (finished) return;
      if (trying) {
        again = true;
        return;
      }
      trying = true;
      void Promise.resolve()
        .then(find)
        .then(
          (found) => found && done(found),
          () => undefined,
        )
        .finally(() => {
          trying = false;
          if (again) {
            again = false;
            attempt();
          }
        });
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(attempt, SETTLE_MS);
    });
    const deadline = setTimeout(() => done(null), giveUpMs);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => done(null), { once: true });
  });
}
