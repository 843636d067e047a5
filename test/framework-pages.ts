// Pages whose own scripts change the article after Crosswire has highlighted it, as UI
// frameworks do (issue 14, "Must show"): each updates the article's first body paragraph to
// "UPDATED: " + its text in capitals. The Chromium and Firefox tests load each page with
// Crosswire on and off and compare what the page ends up showing. The framework code is
// bundled with esbuild when the tests start; react, react-dom and lit are dev dependencies.
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { vi } from 'vitest';
import { demoSite } from '../src/demo/pages';
import { REPO_ROOT } from './ensure-built';

/** The demo CBC article, of which every page here is a copy. */
export const CBC_KEY = 'www.cbc.ca/news/world/u-s-russia-split-over-syrian-killings-at-un-talks-1.1167479';
/** The paragraph each page updates: the first after the date line. */
export const UPDATED_PARAGRAPH = 'article > p:nth-of-type(2)';
/** The performance mark each page sets once its update is in the DOM (a mark changes no DOM). */
const UPDATED_MARK = 'page:updated';
/** The mark Crosswire's content script sets when its first pass is painted (src/content/timing.ts). */
const CROSSWIRE_DONE = 'crosswire:done';

export interface FrameworkPage {
  name: string;
  /** "host/path", as the news server answers it: a CBC path, so the manifest matches it. */
  key: string;
  url: string;
  html: string;
}

/** The three pages: an in-place text update, React 19 (server-rendered, then hydrated) and Lit. */
export async function frameworkPages(): Promise<FrameworkPage[]> {
  const cbc = demoSite().html[CBC_KEY]!;
  const article = articleContent(cbc);
  const page = (name: string, slug: string, html: (url: string) => string): FrameworkPage => {
    const key = `www.cbc.ca/news/world/${slug}`;
    const url = `https://${key}`;
    return { name, key, url, html: html(url) };
  };
  const react = await reactPage(article);
  const lit = await litPage(article);
  return [
    page('in-place text update', 'frameworks-in-place-update-1.1', (url) => inPlaceUpdatePage(cbc, url)),
    page('React 19', 'frameworks-react-1.2', (url) => react(cbc, url)),
    page('Lit', 'frameworks-lit-1.3', (url) => lit(cbc, url)),
  ];
}

/** The pages as the news server takes them. */
export function servedPages(pages: FrameworkPage[]): Record<string, string> {
  return Object.fromEntries(pages.map((p) => [p.key, p.html]));
}

interface ArticleContent {
  title: string;
  published: string;
  blocks: { tag: 'p' | 'h2'; className?: string; text: string }[];
}

/** The title, date and body blocks of an article page made by articlePage(), for a framework to render. */
function articleContent(html: string): ArticleContent {
  const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const inner = /<article>([\s\S]*)<\/article>/.exec(html)![1]!;
  const blocks = [...inner.matchAll(/<(p|h2)(?: class="(\w+)")?>([^<]*)<\/\1>/g)].map(([, tag, className, text]) => ({
    tag: tag as 'p' | 'h2',
    ...(className && { className }),
    text: decode(text!),
  }));
  return {
    title: decode(/<h1>([^<]*)<\/h1>/.exec(inner)![1]!),
    published: /<time datetime="([^"]+)"/.exec(inner)![1]!,
    blocks,
  };
}

/** A copy of `cbc` at `url`: its own canonical URL, `script` at the end of the body, `article` for its article. */
function copyOf(cbc: string, url: string, script: string, article?: string): string {
  const withArticle = article === undefined ? cbc : cbc.replace(/<article>[\s\S]*<\/article>/, () => article);
  // An inline script ends at the first "</script", wherever it is.
  const inline = script.replace(/<\/script/gi, '<\\/script');
  return withArticle
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${url}">`)
    .replace('</body>', () => `<script>${inline}</script></body>`);
}

/**
 * The page scripts' clock: `update` runs a second after the call (made at load, or after the
 * first render), and never before Crosswire's first pass if Crosswire has started one (its performance marks
 * are public). On a busy machine that pass can take longer than a second, and an update that
 * came first would meet no highlight and test nothing.
 */
const AFTER_FIRST_PASS = `function afterFirstPass(update) {
  const marked = (name) => performance.getEntriesByName(name).length > 0;
  const go = () => (marked('crosswire:start') && !marked('crosswire:done') ? setTimeout(go, 50) : update());
  setTimeout(go, 1000);
}`;

/**
 * The page script updates the paragraph as a framework does: it keeps the Text node it
 * rendered and later writes that node's value, from the text it knows it wrote.
 */
const IN_PLACE_UPDATE = `(() => {
  ${AFTER_FIRST_PASS}
  const node = document.querySelector(${JSON.stringify(UPDATED_PARAGRAPH)}).firstChild;
  const rendered = node.data;
  addEventListener('load', () => afterFirstPass(() => {
    node.data = ('UPDATED: ' + rendered).toUpperCase();
    performance.mark(${JSON.stringify(UPDATED_MARK)});
  }));
})();`;

function inPlaceUpdatePage(cbc: string, url: string): string {
  return copyOf(cbc, url, IN_PLACE_UPDATE);
}

/**
 * The React article: a second after hydration (see AFTER_FIRST_PASS), the first body
 * paragraph gains a <b> and its text node a new value. Two children, so React updates the
 * text node itself (one string child would be rewritten through textContent, which hides a
 * split text node).
 */
const REACT_ARTICLE = `
import { createElement as h, useEffect, useState } from 'react';
${AFTER_FIRST_PASS}
export function Article({ title, published, blocks }) {
  const [updated, setUpdated] = useState(false);
  useEffect(() => afterFirstPass(() => setUpdated(true)), []);
  useEffect(() => {
    if (updated) performance.mark(${JSON.stringify(UPDATED_MARK)});
  }, [updated]);
  const [first, ...rest] = blocks;
  return h('article', null,
    h('h1', null, title),
    h('p', null, h('time', { dateTime: published }, published)),
    h('p', null, updated && h('b', null, 'UPDATED: '), updated ? first.text.toUpperCase() : first.text),
    rest.map((b, i) => h(b.tag, { key: i, className: b.className }, b.text)),
  );
}`;

/** The React 19 page: the article rendered with renderToString in Node, hydrated with hydrateRoot in the page. */
async function reactPage(article: ArticleContent): Promise<(cbc: string, url: string) => string> {
  const data = JSON.stringify(article);
  const server = await bundle(
    `${REACT_ARTICLE}
import { renderToString } from 'react-dom/server';
export const html = renderToString(h(Article, ${data}));`,
    'node',
  );
  const client = await bundle(
    `${REACT_ARTICLE}
import { hydrateRoot } from 'react-dom/client';
hydrateRoot(document.getElementById('root'), h(Article, ${data}));`,
    'browser',
  );
  const rendered = runCommonJs(server).html as string;
  return (cbc, url) => copyOf(cbc, url, client, `<div id="root">${rendered}</div>`);
}

/**
 * The Lit page: a <news-article> element renders the article into its light DOM (as a news
 * site would, so readers, search engines and Crosswire's article finder all see it), and a
 * second after its first render (see AFTER_FIRST_PASS) it re-renders the first body paragraph.
 */
async function litPage(article: ArticleContent): Promise<(cbc: string, url: string) => string> {
  const client = await bundle(
    `import { LitElement, html, nothing } from 'lit';
${AFTER_FIRST_PASS}
const ARTICLE = ${JSON.stringify(article)};
class NewsArticle extends LitElement {
  static properties = { revised: { state: true } };
  constructor() {
    super();
    this.revised = false;
  }
  createRenderRoot() {
    return this;
  }
  firstUpdated() {
    afterFirstPass(() => (this.revised = true));
  }
  updated(changed) {
    if (changed.has('revised') && this.revised) performance.mark(${JSON.stringify(UPDATED_MARK)});
  }
  render() {
    const [first, ...rest] = ARTICLE.blocks;
    return html\`<article><h1>\${ARTICLE.title}</h1><p><time datetime=\${ARTICLE.published}>\${ARTICLE.published}</time></p>
<p>\${this.revised ? html\`<b>UPDATED: </b>\` : nothing}\${this.revised ? first.text.toUpperCase() : first.text}</p>
\${rest.map((b) => (b.tag === 'h2' ? html\`<h2>\${b.text}</h2>\` : html\`<p class=\${b.className ?? nothing}>\${b.text}</p>\`))}
</article>\`;
  }
}
customElements.define('news-article', NewsArticle);`,
    'browser',
  );
  return (cbc, url) => copyOf(cbc, url, client, '<news-article></news-article>');
}

/** One script bundled from `source` (resolved from the repository root): an IIFE for a page, CommonJS for Node. */
async function bundle(source: string, platform: 'browser' | 'node'): Promise<string> {
  const out = await build({
    stdin: { contents: source, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    target: 'es2022',
    // React's development build: it reports hydration mismatches in detail on the console.
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}

/** The exports of a CommonJS bundle; Node's built-ins are required from here. */
function runCommonJs(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** Runs `fn(arg)` in the page of one tab (Playwright's and Puppeteer's evaluate, reduced to one shape). */
export type InPage = <A, T>(fn: (arg: A) => T, arg: A) => Promise<T>;

/** Waits until the page has made its update and, with Crosswire on, Crosswire's first pass is done. */
export function waitForUpdate(inPage: InPage, crosswire: boolean): Promise<void> {
  return waitForMarks(inPage, crosswire ? [UPDATED_MARK, CROSSWIRE_DONE] : [UPDATED_MARK]);
}

/** Waits until Crosswire's first pass on the page is done. */
export function waitForCrosswire(inPage: InPage): Promise<void> {
  return waitForMarks(inPage, [CROSSWIRE_DONE]);
}

async function waitForMarks(inPage: InPage, marks: string[]): Promise<void> {
  await vi.waitFor(
    async () => {
      const missing = await inPage((names) => names.filter((n) => performance.getEntriesByName(n).length === 0), marks);
      if (missing.length > 0) throw new Error(`no ${missing.join(', ')} yet`);
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** Whether Crosswire's first pass was done before the page updated: else the update tests nothing of ours. */
export function crosswireBeforeUpdate(inPage: InPage): Promise<boolean> {
  return inPage(
    ({ done, updated }) =>
      performance.getEntriesByName(done)[0]!.startTime < performance.getEntriesByName(updated)[0]!.startTime,
    { done: CROSSWIRE_DONE, updated: UPDATED_MARK },
  );
}

/** One of Crosswire's painted ranges, as a page script reads it from CSS.highlights. */
export interface PaintedRange {
  name: string;
  text: string;
  collapsed: boolean;
  /** Whether the range lies inside the updated paragraph. */
  inUpdated: boolean;
}

/** What a tab shows once settled: the article's text and markup, and Crosswire's painted ranges. */
export interface TabReading {
  text: string;
  html: string;
  ranges: PaintedRange[];
}

/** Reads the article and the painted ranges in the page. */
export function readTab(inPage: InPage): Promise<TabReading> {
  return inPage((updatedSelector) => {
    const article = document.querySelector('article');
    const paragraph = document.querySelector(updatedSelector);
    const asRange = (r: AbstractRange) => {
      if (r instanceof Range) return r;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    };
    const ranges = [...CSS.highlights]
      .filter(([name]) => name.startsWith('crosswire-'))
      .flatMap(([name, highlight]) =>
        [...highlight].map((r) => {
          const range = asRange(r);
          return {
            name,
            text: range.toString(),
            collapsed: range.collapsed,
            inUpdated: paragraph?.contains(range.commonAncestorContainer) ?? false,
          };
        }),
      );
    // Lit's markers (<!--?lit$123$-->) carry a number drawn at random on each load.
    const html = (article?.outerHTML ?? '').replace(/lit\$\d+\$/g, () => 'lit$');
    return { text: article?.textContent ?? '', html, ranges };
  }, UPDATED_PARAGRAPH);
}

/** The painted ranges that lie in the updated paragraph (collapsed ones skipped). */
export function paintedInUpdate(reading: TabReading): PaintedRange[] {
  return reading.ranges.filter((r) => !r.collapsed && r.inUpdated && r.text.trim() !== '');
}

/** The painted ranges whose text the article no longer shows (collapsed ones skipped). */
export function stalePaint(reading: TabReading): PaintedRange[] {
  return reading.ranges.filter((r) => !r.collapsed && !reading.text.includes(r.text));
}

/**
 * Reads a tab once Crosswire has repainted after the update. If it never does, the tab is
 * read as it is after `timeout`, and the test of the painted ranges says what is missing.
 */
export async function readRepainted(inPage: InPage, timeout = 15_000): Promise<TabReading> {
  const follows = (r: TabReading) => paintedInUpdate(r).length > 0 && stalePaint(r).length === 0;
  await vi
    .waitFor(
      async () => {
        if (!follows(await readTab(inPage))) throw new Error('not repainted yet');
      },
      { timeout, interval: 200 },
    )
    .catch(() => undefined);
  return readTab(inPage);
}
