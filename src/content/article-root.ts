const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The live element that holds the article body, as the page marks it up (most pages do).
 * When it does not, the article is found by Readability, which this script does not carry:
 * the background runs the extractor in the tab (extract.js), and rootOfText finds the body
 * from the text it read.
 */
export function articleRoot(doc: Document): Element | null {
  return markedUpBody(doc);
}

/** Containers news sites mark as the article body: cheap to find, and most pages have one. */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  'article [data-component="text-block"]',
  'article',
  '[role="article"]',
  'main',
];
const MIN_BODY_TEXT = 600;

/**
 * The page's own marked-up article body, when exactly one container of a kind holds the
 * text. Readability parses the whole page (tens of milliseconds, hundreds on a huge page, in
 * one task), so it is the fallback, not the first try.
 */
function markedUpBody(doc: Document): Element | null {
  for (const selector of BODY_SELECTORS) {
    const found = [...doc.querySelectorAll(selector)].filter(holdsText);
    if (found.length === 1) return found[0]!;
  }
  return namedBody(doc);
}

const holdsText = (el: Element) =>
  (el.textContent ?? '').length >= MIN_BODY_TEXT && el.querySelectorAll('p').length >= 3;

/** A class naming the article body in the ways sites have long done it: story-body, article__content, entry-text. */
const BODY_CLASS = /(?:^|[\s_-])(?:article|story|entry|post)[_-]{0,2}(?:body|content|text)(?:$|[\s_-])/i;

/**
 * Older pages mark the body only by class (BBC's `story-body`, News Corp's too). The
 * outermost such container must be the only one and hold most of the page's paragraph
 * text, so a teaser list named `post-content` is not taken for the article.
 */
function namedBody(doc: Document): Element | null {
  const named = [...doc.querySelectorAll('[class*="body" i], [class*="content" i], [class*="text" i]')].filter(
    (el) => BODY_CLASS.test(el.getAttribute('class') ?? '') && holdsText(el),
  );
  const outermost = named.filter((el) => !named.some((other) => other !== el && other.contains(el)));
  if (outermost.length !== 1) return null;
  const body = outermost[0]!;
  const paragraphText = (scope: ParentNode) =>
    [...scope.querySelectorAll('p')].reduce((n, p) => n + (p.textContent ?? '').length, 0);
  return paragraphText(body) >= 0.5 * paragraphText(doc) ? body : null;
}

/**
 * The live element that holds an article whose text Readability read (on a clone, in the
 * extractor): the nearest common ancestor of the page's paragraphs that text contains, so
 * highlights go into the page the reader sees and nowhere else (not menus, teasers or comments).
 */
export function rootOfText(doc: Document, articleText: string): Element | null {
  const text = fold(articleText.replace(/\n/g, ' '));
  const paragraphs = [...doc.querySelectorAll('p, h1, h2, h3, li, blockquote')].filter((p) => {
    const t = fold(p.textContent ?? '');
    return t.length >= 40 && text.includes(t);
  });
  if (paragraphs.length === 0) return null;
  let root: Element = paragraphs[0]!.parentElement ?? paragraphs[0]!;
  for (const p of paragraphs) while (!root.contains(p)) root = root.parentElement ?? root;
  return root;
}
