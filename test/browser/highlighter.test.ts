// The content script's text map and highlighter in real Chromium: a name split across
// elements is one highlight, nested highlights nest, layout does not move, and removal
// restores the page's DOM byte for byte.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { DIST, ensureBuilt } from '../ensure-built';
import { join } from 'node:path';

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

async function fresh() {
  await page.setContent(PAGE);
  await page.addScriptTag({ content: harness });
}

const boxes = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *:not(crosswire-mark)')].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    }),
  );

describe('text map and highlighter', () => {
  it('reads block elements as paragraphs and inline markup as running text', async () => {
    await fresh();
    const text = await page.evaluate(
      () => (globalThis as any).crosswireHarness.buildTextMap(document.body).text as string,
    );
    expect(text.trim().split(/\n\n+/)[0]).toBe('Lavrov rebuffs Clinton');
    expect(text).toContain("Russia's Foreign Minister Sergey Lavrov said");
    expect(text).not.toContain('pageScriptRan');
  });

  it('highlights a name split across elements as one annotation, and nests the actor inside the quote', async () => {
    await fresh();
    const result = await page.evaluate(() => {
      const r = (globalThis as any).crosswireHarness.highlightElement(document.body, '2011-09-20');
      const lavrov = [...document.querySelectorAll('crosswire-mark[data-crosswire-id="sergey-lavrov"]')].map(
        (m) => m.textContent,
      );
      const nested = [
        ...document.querySelectorAll(
          'crosswire-mark[data-crosswire-kind="quote"] crosswire-mark[data-crosswire-kind="actor"]',
        ),
      ].map((m) => m.textContent);
      return {
        count: r.count,
        lavrov,
        nested,
        labels: [...document.querySelectorAll('crosswire-mark')].map((m) => m.getAttribute('aria-label')),
      };
    });
    // The headline's "Lavrov", then "Sergey <b>Lavrov</b>": one annotation in two elements.
    expect(result.lavrov).toEqual(['Lavrov', 'Sergey ', 'Lavrov']);
    expect(result.labels).toEqual(
      expect.arrayContaining(['Sergey Lavrov', 'Hillary Clinton', 'United Nations', 'figure: over 7,500 people']),
    );
    expect(result.nested).toEqual(['Russia', 'China']);
  });

  it('moves no element and restores the DOM byte for byte', async () => {
    await fresh();
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      texts: document.evaluate('count(//text())', document, null, 1, null).numberValue,
    }));
    const layout = await boxes();
    await page.evaluate(
      () =>
        ((globalThis as any).lastRun = (globalThis as any).crosswireHarness.highlightElement(
          document.body,
          '2011-09-20',
        )),
    );
    expect(await page.locator('crosswire-mark').count()).toBeGreaterThan(5);
    expect(await boxes()).toEqual(layout);
    await page.evaluate(() => (globalThis as any).lastRun.highlighter.removeAll());
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      texts: document.evaluate('count(//text())', document, null, 1, null).numberValue,
    }));
    expect(after).toEqual(before);
    expect(await page.evaluate(() => (globalThis as any).pageScriptRan)).toBe(2);
  });
});
