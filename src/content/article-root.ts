import { extractArticle } from '../shared/article-text';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The live element that holds the article body. Readability finds the article on a clone
 * (it changes what it reads); the live element is then the nearest common ancestor of the
 * page's paragraphs whose text the extracted article contains, so highlights go into the
 * page the reader sees and nowhere else (not menus, teasers or comments).
 */
export function articleRoot(doc: Document): Element | null {
  return markedUpBody(doc) ?? readabilityRoot(doc);
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

function readabilityRoot(doc: Document): Element | null {
  let text: string;
  try {
    text = fold(
      extractArticle(doc.cloneNode(true) as Document, (html) =>
        new DOMParser().parseFromString(html, 'text/html'),
      ).text.replace(/\n/g, ' '),
    );
  } catch {
    return null;
  }
  const paragraphs = [...doc.querySelectorAll('p, h1, h2, h3, li, blockquote')].filter((p) => {
    const t = fold(p.textContent ?? '');
    return t.length >= 40 && text.includes(t);
  });
  if (paragraphs.length === 0) return null;
  let root: Element = paragraphs[0]!.parentElement ?? paragraphs[0]!;
  for (const p of paragraphs) while (!root.contains(p)) root = root.parentElement ?? root;
  return root;
}
