// The content script's text map, painter and hit test in real Chromium: a name split across
// elements is one highlight, an actor paints over the quote it sits in, painting changes
// nothing in the DOM or the layout, the Ranges follow the page's edits, the pointer finds the
// innermost highlight, and the stylesheet's rules are ones Chromium takes.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { DIST, ensureBuilt } from '../ensure-built';

let extension: LoadedExtension;
let page: Page;
let harness: string;

const PAGE = `<!doctype html><html><head><style>
  /* Hostile page styles: they must not reach our highlights or move anything. */
  span { display: block; margin: 20px; }
  * { box-sizing: border-box; }
  p { font: 16px/1.5 serif; width: 600px; }
</style></head><body>
<h1>Lavrov rebuffs Clinton</h1>
<p id="a">Russia's Foreign Minister Sergey <b>Lavrov</b> said Syrian authorities "bear a huge share of responsibility" as the <span>conflict</span> went on.</p>
<p id="b">The war has killed over 7,500 people, according to the United Nations. Hillary Rodham Clinton said "Russia and <i>China</i> must stop the killing."</p>
<script>window.pageScriptRan = document.querySelectorAll('p').length;</script>
</body></html>`;

/** The harness's functions, as the page sees them (see harness/highlight-harness.ts). */
type Harness = typeof globalThis & { crosswireHarness: any; run: any; pageScriptRan: number };

beforeAll(async () => {
  ensureBuilt();
  const out = await build({
    entryPoints: [new URL('harness/highlight-harness.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'error',
  });
  harness = out.outputFiles[0]!.text;
  // Any Chromium page will do; reuse the extension browser so one Chromium serves all tests.
  extension = await launchWithExtension(join(DIST, 'chrome'));
  page = await extension.context.newPage();
});

afterAll(async () => {
  await extension?.close();
});

/** The test page, fresh, with the harness loaded and (unless `paint` is false) its text painted. */
async function fresh(paint = true) {
  await page.setContent(PAGE);
  await page.addScriptTag({ content: harness });
  if (paint)
    await page.evaluate(() => {
      const g = globalThis as Harness;
      g.run = g.crosswireHarness.highlightElement(document.body, '2011-09-20');
    });
}

const boxes = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.tagName, r.x, r.y, r.width, r.height];
    }),
  );

/** The document as serialised, and how many text nodes it has (painting must split none). */
const dom = () =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    texts: document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE, null).numberValue,
  }));

/** Our highlight names in the registry, each with how many ranges it holds. */
const registry = () =>
  page.evaluate(() =>
    Object.fromEntries([...CSS.highlights].filter(([n]) => n.startsWith('crosswire-')).map(([n, h]) => [n, h.size])),
  );

/** The middle of the first client box of the `n`th range of highlight `name` holding `text`. */
const pointOn = (name: string, text: string) =>
  page.evaluate(
    ([name, text]) => {
      const range = [...(CSS.highlights.get(name!) ?? [])].find((r) => r.toString() === text) as Range;
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [name, text],
  );

const itemAt = (p: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const g = globalThis as Harness;
    return g.crosswireHarness.itemAt(g.run.painter, x, y) as { kind: string; id: string; text: string } | null;
  }, p);

describe('text map and painter', () => {
  it('reads block elements as paragraphs and inline markup as running text', async () => {
    await fresh(false);
    const text = await page.evaluate(
      () => (globalThis as Harness).crosswireHarness.buildTextMap(document.body).text as string,
    );
    expect(text.trim().split(/\n\n+/)[0]).toBe('Lavrov rebuffs Clinton');
    expect(text).toContain("Russia's Foreign Minister Sergey Lavrov said");
    expect(text).not.toContain('pageScriptRan');
  });

  it('paints a name split across elements as one highlight, and an actor over the quote it sits in', async () => {
    await fresh();
    const items = await page.evaluate(() => {
      const g = globalThis as Harness;
      return g.crosswireHarness.paintedItems(g.run.painter) as { kind: string; id: string; texts: string[] }[];
    });
    // The headline's "Lavrov", then "Sergey <b>Lavrov</b>": one highlight of two ranges.
    expect(items.filter((i) => i.id === 'sergey-lavrov').map((i) => i.texts)).toEqual([
      ['Lavrov'],
      ['Sergey ', 'Lavrov'],
    ]);
    const texts = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.texts.join(''));
    expect(texts('actor')).toEqual(
      expect.arrayContaining(['Sergey Lavrov', 'Hillary Rodham Clinton', 'United Nations']),
    );
    expect(texts('figure')).toEqual(['over 7,500 people']);
    // Each kind, and each actor type, is one named highlight in the document's registry.
    const names = await registry();
    expect(names).toMatchObject({ 'crosswire-actor-person': expect.any(Number), 'crosswire-figure': 1 });
    expect(texts('quote')).toHaveLength(2);
    // The actors in the second quote lie within its ranges (one per text node), and paint over them.
    const nested = await page.evaluate(() => {
      const quotes = [...CSS.highlights.get('crosswire-quote')!] as Range[];
      const inside = (r: AbstractRange) =>
        quotes.some(
          (q) =>
            q.comparePoint(r.startContainer, r.startOffset) === 0 && q.comparePoint(r.endContainer, r.endOffset) === 0,
        );
      const actors = [...CSS.highlights]
        .filter(([n]) => n.startsWith('crosswire-actor'))
        .flatMap(([, h]) => [...h].filter(inside).map((r) => ({ text: r.toString(), priority: h.priority })));
      return { actors, quotePriority: CSS.highlights.get('crosswire-quote')!.priority };
    });
    expect(nested.actors.map((a) => a.text).sort()).toEqual(['China', 'Russia']);
    expect(nested.actors.every((a) => a.priority > nested.quotePriority)).toBe(true);
  });

  it('changes nothing in the DOM or the layout while painted, and leaves no highlight once cleared', async () => {
    await fresh(false);
    const before = await dom();
    const layout = await boxes();
    await page.evaluate(() => {
      const g = globalThis as Harness;
      g.run = g.crosswireHarness.highlightElement(document.body, '2011-09-20');
    });
    expect(Object.values(await registry()).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    expect(await dom()).toEqual(before);
    expect(await boxes()).toEqual(layout);
    await page.evaluate(() => (globalThis as Harness).run.painter.clear());
    expect(await registry()).toEqual({});
    expect(await dom()).toEqual(before);
    expect(await page.evaluate(() => (globalThis as Harness).pageScriptRan)).toBe(2);
  });

  it('keeps a range on its words when the page edits around them, and drops it when the page rewrites them', async () => {
    await fresh();
    const after = await page.evaluate(() => {
      const [intro, name] = [...document.querySelectorAll('#a, #a b')].map((el) => el.firstChild as Text);
      intro!.insertData(0, 'On Monday, '); // text put before "Sergey ", in the same text node
      const sergey = [...CSS.highlights.get('crosswire-actor-person')!].map((r) => r.toString());
      name!.data = 'LAVROV'; // a framework setting the node's value, as in issue 14
      const lavrov = [...CSS.highlights.get('crosswire-actor-person')!].filter(
        (r) => r.startContainer === name && !r.collapsed,
      ).length;
      return { sergey, lavrov };
    });
    expect(after.sergey).toContain('Sergey ');
    expect(after.lavrov).toBe(0); // no stale paint over text we never read
  });

  it('finds the innermost highlight under the pointer, and none off the highlights', async () => {
    await fresh();
    expect(await itemAt(await pointOn('crosswire-actor-person', 'Lavrov'))).toMatchObject({ id: 'sergey-lavrov' });
    // "China" is an actor inside a quote: the actor's card, not the quote's.
    expect(await itemAt(await pointOn('crosswire-actor-state', 'China'))).toMatchObject({
      kind: 'actor',
      text: 'China',
    });
    const quoteWord = await page.evaluate(() => {
      const range = document.createRange();
      const text = document.querySelector('#b i')!.nextSibling as Text; // " must stop the killing."
      range.setStart(text, 1);
      range.setEnd(text, 5);
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    expect(await itemAt(quoteWord)).toMatchObject({ kind: 'quote' });
    const plainWord = await page.evaluate(() => {
      const box = document.querySelector('h1')!.getBoundingClientRect();
      return { x: box.right + 40, y: box.top + box.height / 2 }; // past the end of the headline
    });
    expect(await itemAt(plainWord)).toBeNull();
  });

  it('has a stylesheet Chromium takes whole, which colours painted text', async () => {
    await fresh();
    const sheet = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = (globalThis as Harness).crosswireHarness.MARK_CSS;
      document.head.append(style);
      const rules = [...style.sheet!.cssRules] as CSSStyleRule[];
      const b = document.querySelector('#a b')!;
      return {
        written: (style.textContent.match(/\{/g) ?? []).length,
        parsed: rules.length,
        emptied: rules.filter((r) => r.style.length === 0).map((r) => r.selectorText),
        person: getComputedStyle(b, '::highlight(crosswire-actor-person)').backgroundColor,
      };
    });
    expect(sheet.parsed).toBe(sheet.written);
    expect(sheet.emptied).toEqual([]);
    expect(sheet.person).toBe('rgba(0, 114, 178, 0.16)');
  });
});
