// The background owns each page's reading, in IndexedDB: a service worker that Chrome stops
// between the reading of a page and the opening of its popup (as it does after 30 s idle)
// loses nothing. The popup still shows the page's story, from the reading the content script
// sent, without the extractor reading the page again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';
import { stopServiceWorker } from './service-worker';
import { watchWorker } from './worker-status';

/** A news site's front page: no article, so the content script sends the background nothing from it. */
const FRONT_PAGE = 'www.cbc.ca/news/world';
const FRONT_PAGE_HTML =
  '<!doctype html><title>World</title><body><h1>World</h1><ul><li><a href="/a">Talks resume</a></li></ul></body>';

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: { source: string } }> };
};

let demo: DemoBrowser;

beforeAll(async () => {
  demo = await startDemoBrowser({ [FRONT_PAGE]: FRONT_PAGE_HTML });
});

afterAll(async () => {
  await demo?.close();
});

describe('a restarted background', () => {
  it('still shows the page’s story in the popup, from the reading it kept', async () => {
    const article = await openCbcArticle(demo);
    const url = article.url();
    // Wait for the content script's reading to be kept: the popup page asks as the popup would.
    const blank = await demo.extension.context.newPage();
    await blank.goto(`chrome-extension://${demo.extension.extensionId}/options.html`);
    const [tab] = await blank.evaluate((u) => chrome.tabs.query({ url: u }), url);
    await expect
      .poll(
        async () =>
          (await blank.evaluate((id) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId: id }), tab!.id)).value
            ?.source,
      )
      .toBe('page');

    await stopServiceWorker(blank);

    const popup = await demo.extension.context.newPage();
    await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tab!.id}`);
    await popup.getByRole('tablist').waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.getByRole('tabpanel').innerText(), { timeout: 15_000 }).toContain('Voice of America');
    // Read by the page's content script before the restart, not by the extractor after it.
    const reading = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId: id }),
      tab!.id,
    );
    expect(reading).toMatchObject({ ok: true, value: { source: 'page' } });
  });

  it('is woken as a news page starts loading, and highlights the article of a page that found it stopped', async () => {
    const blank = await demo.extension.context.newPage();
    await blank.goto(`chrome-extension://${demo.extension.extensionId}/options.html`);
    await stopServiceWorker(blank);
    const worker = await watchWorker(blank);
    const running = () => worker.statuses().includes('running');
    expect(running()).toBe(false);
    // Only the wake script (document_start) asks the background anything on a front page.
    const front = await demo.extension.context.newPage();
    await front.goto(`https://${FRONT_PAGE}`);
    await expect.poll(running, { timeout: 10_000 }).toBe(true);
    await front.close();
    await worker.detach();

    await stopServiceWorker(blank);
    const article = await openCbcArticle(demo);
    const painted = await article.evaluate(
      () => [...CSS.highlights.keys()].filter((name) => name.startsWith('crosswire-')).length,
    );
    expect(painted).toBeGreaterThan(0);
  });
});
