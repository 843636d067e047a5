// Pages that change under painted highlights, and the popup taking the reader to one:
// an article whose body arrives seconds after load, one the page does not mark up (found by
// the extractor), at once or late, a paragraph added later that names people by surname only,
// and the popup's "Show on the page" (reveal-in-tab → crosswire-reveal).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite } from '../../src/demo/pages';
import { type PaintedRange, paintedRanges } from '../painted';
import { cardMarkup, startDemoBrowser, type DemoBrowser } from './demo-browser';
import { ARTICLE_PARAGRAPHS, unmarkedLatePage, unmarkedPage } from '../fixtures/unmarked-page';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
};

const LATE_BODY = 'www.cbc.ca/news/world/late-body-1.0001';
const LATE_PARAGRAPH = 'www.cbc.ca/news/world/late-paragraph-1.0002';
const UNMARKED = 'www.cbc.ca/news/world/unmarked-1.0003';
const UNMARKED_LATE = 'www.cbc.ca/news/world/unmarked-late-1.0004';

/** A page that shows "Loading…" in its article and puts the text in two seconds after load. */
const lateBody = `<!doctype html><html><head><title>Late body</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2012-03-12T10:00:00Z">
</head><body><h1>Late body</h1><article id="story"><p>Loading…</p></article>
<script>setTimeout(() => { document.getElementById('story').innerHTML = ${JSON.stringify(ARTICLE_PARAGRAPHS.join(''))}; }, 2000);</script>
</body></html>`;

/** The CBC demo article, to which the page adds a paragraph naming people by surname only. */
function lateParagraph(): string {
  const { pages, html } = demoSite();
  const cbc = html[pages.find((p) => p.site === 'CBC News')!.url.replace('https://', '')]!;
  const script = `<script>setTimeout(() => {
    const p = document.createElement('p');
    p.textContent = 'Later on Monday, Clinton told reporters that Lavrov had not changed his position, and Ban urged both to keep talking.';
    document.querySelector('article, main, body').append(p);
  }, 1500);</script>`;
  return cbc.replace('</body>', `${script}</body>`);
}

let demo: DemoBrowser;
let popup: Page;

beforeAll(async () => {
  demo = await startDemoBrowser({
    [LATE_BODY]: lateBody,
    [LATE_PARAGRAPH]: lateParagraph(),
    [UNMARKED]: unmarkedPage(),
    [UNMARKED_LATE]: unmarkedLatePage(),
  });
  popup = await demo.extension.context.newPage();
  await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html`);
});

afterAll(async () => {
  await demo?.close();
});

const painted = (page: Page) => page.evaluate(paintedRanges);
const textsOf = (ranges: PaintedRange[], prefix: string) =>
  ranges.filter((r) => r.name.startsWith(prefix)).map((r) => r.text);

async function open(url: string): Promise<Page> {
  const page = await demo.extension.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(url);
  return page;
}

const tabIdOf = async (page: Page) =>
  (await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), page.url()))[0]!.id!;

describe('pages that change', () => {
  it('highlights an article whose body arrives after load', async () => {
    const page = await open(`https://${LATE_BODY}`);
    await expect
      .poll(async () => textsOf(await painted(page), 'crosswire-actor'), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Sergey Lavrov', 'Ban Ki-moon', 'Syria']));
    expect(textsOf(await painted(page), 'crosswire-figure')).toContain('more than 7,500 people');
    await page.close();
  });

  it('highlights an article the page does not mark up, found by the extractor the background runs in the tab', async () => {
    const page = await open(`https://${UNMARKED}`);
    await expect
      .poll(async () => textsOf(await painted(page), 'crosswire-actor'), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Sergey Lavrov', 'Ban Ki-moon']));
    // Only the article's own text: not the headline above it, nor the links beside it naming Syria and Russia.
    const ranges = await painted(page);
    expect(textsOf(ranges, 'crosswire-actor').filter((t) => t === 'Syria')).toHaveLength(1);
    expect(textsOf(ranges, 'crosswire-actor')).not.toContain('Russia');
    expect(textsOf(ranges, 'crosswire-figure')).toContain('more than 7,500 people');
    // Readability ran in the page, as our own timed work, not in the content script.
    const tasks = await page.evaluate(() =>
      performance.getEntriesByName('crosswire:task').map((e) => String((e as PerformanceMeasure).detail)),
    );
    expect(tasks).toContain('extract');
    await page.close();
  });

  it('highlights an unmarked article whose body arrives after load', async () => {
    const page = await open(`https://${UNMARKED_LATE}`);
    await expect
      .poll(async () => textsOf(await painted(page), 'crosswire-actor'), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Sergey Lavrov', 'Ban Ki-moon', 'Syria']));
    expect(textsOf(await painted(page), 'crosswire-actor')).not.toContain('Russia');
    await page.close();
  });

  it('reads a paragraph added later with the whole article, so surnames alone resolve', async () => {
    const page = await open(`https://${LATE_PARAGRAPH}`);
    const added = 'Later on Monday, Clinton told reporters';
    await page.waitForFunction((t) => document.body.textContent?.includes(t), added, { timeout: 20_000 });
    // The added paragraph's own ranges: those inside its text node.
    const inAdded = () =>
      page.evaluate(() => {
        const p = [...document.querySelectorAll('p')].at(-1)!;
        const out: string[] = [];
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('crosswire-actor'))
            for (const r of h) if (p.contains(r.startContainer)) out.push(r.toString());
        return out;
      });
    await expect.poll(inAdded, { timeout: 20_000 }).toEqual(expect.arrayContaining(['Clinton', 'Lavrov', 'Ban']));
    await page.close();
  });
});

describe('the popup takes the reader to a highlight', () => {
  it('selects the actor on the page, paints it as focused and opens its card', async () => {
    const page = await open(demo.pages.find((p) => p.site === 'CBC News')!.url);
    const tabId = await tabIdOf(page);
    const reveal = (kind: string, id: string) =>
      popup.evaluate(([t, k, i]) => chrome.runtime.sendMessage({ type: 'reveal-in-tab', tabId: t, kind: k, id: i }), [
        tabId,
        kind,
        id,
      ] as const) as Promise<{ ok: boolean; value?: { shown: boolean } }>;
    await expect
      .poll(() => reveal('actor', 'sergey-lavrov'), { timeout: 20_000 })
      .toEqual({
        ok: true,
        value: { shown: true },
      });
    expect(textsOf(await painted(page), 'crosswire-focus')).toEqual([expect.stringMatching(/Lavrov/)]);
    await expect.poll(() => cardMarkup(page, false), { timeout: 10_000 }).toContain('Sergey Lavrov');
    // An actor the page does not name is not shown, and says so.
    expect(await reveal('actor', 'no-such-actor')).toEqual({ ok: true, value: { shown: false } });
    await page.close();
  });

  it('does so from the Actors view of the popup, with its "Show on the page" button', async () => {
    const page = await open(demo.pages.find((p) => p.site === 'CBC News')!.url);
    const tabId = await tabIdOf(page);
    const view = await demo.extension.context.newPage();
    await view.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tabId}`);
    await view.getByRole('tab', { name: /^Actors/ }).click({ timeout: 20_000 });
    const lavrov = view
      .locator('li.actor')
      .filter({ has: view.locator('summary strong', { hasText: /^Sergey Lavrov$/ }) });
    await lavrov.locator('summary').click();
    await lavrov.getByRole('button', { name: 'Show on the page' }).click();
    await expect
      .poll(async () => textsOf(await painted(page), 'crosswire-focus'), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/Lavrov/)]);
    await view.close();
    await page.close();
  });
});
