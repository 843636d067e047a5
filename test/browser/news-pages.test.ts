// The corpus growing from real article pages, on the manifest's real news hostnames served
// locally (see news-server.ts): the opt-in "remember every article I read" adds what the
// reader opens on an enabled site, and the popup's "add this page" reads the active tab.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askFrom } from './service-worker';
import { DIST, ensureBuilt } from '../ensure-built';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { articlePage, startNewsServer, type NewsServer } from '../../src/demo/server';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
};

const PARAGRAPHS = [
  'Kofi Annan arrived in Damascus on Saturday for talks with President Bashar al-Assad, the first visit by the joint UN-Arab League envoy since his appointment.',
  'Russia and China, which have vetoed two Security Council resolutions on Syria, said they backed the mission, while the United States called for an immediate ceasefire.',
  '"We must stop the killing," Annan told reporters after the meeting, adding that he would present proposals to the government.',
  'More than 7,500 people have been killed since the uprising began a year ago, according to the United Nations.',
];
const BBC = 'www.bbc.com/news/world-middle-east-17290412';
const REUTERS = 'www.reuters.com/article/syria-annan-idUSBRE82A0AB20120311';

let server: NewsServer;
let extension: LoadedExtension;
let popup: Page;
const ask = (request: unknown) => askFrom(popup, request);
/** The id of the tab showing `url`. */
const tabIdOf = async (url: string) =>
  (await extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), url))[0]!.id!;
const userArticles = async () => (await ask({ type: 'corpus-status' })).value.user as number;

beforeAll(async () => {
  ensureBuilt();
  server = await startNewsServer({
    [BBC]: articlePage({
      title: 'Annan meets Assad in Damascus',
      canonical: `https://${BBC}`,
      published: '2012-03-10',
      paragraphs: PARAGRAPHS,
    }),
    [REUTERS]: articlePage({
      title: 'Annan urges ceasefire',
      canonical: `https://${REUTERS}`,
      published: '2012-03-11',
      paragraphs: PARAGRAPHS.slice().reverse(),
    }),
  });
  extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  expect(await ask({ type: 'corpus-status' })).toMatchObject({ ok: true, value: { bundled: 3, user: 0 } });
});

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

describe('articles read on enabled sites', () => {
  it('are added when the reader opted in, with their canonical URL and date', async () => {
    expect(await ask({ type: 'set-settings', settings: { rememberArticles: true } })).toEqual({
      ok: true,
      value: { rememberArticles: true, disabledSites: [] },
    });
    const news = await extension.context.newPage();
    await news.goto(`https://${BBC}?utm_source=twitter`);
    await expect.poll(userArticles, { timeout: 15_000 }).toBe(1);
    // What is stored is the page's reading: the text its highlights were made on, under its canonical URL.
    const reading = await ask({ type: 'page-of-tab', tabId: await tabIdOf(`https://${BBC}?utm_source=twitter`) });
    expect(reading.value).toMatchObject({
      source: 'page',
      stored: true,
      canonical: `https://bbc.com/news/world-middle-east-17290412`,
    });
    const stored = await ask({ type: 'article-text', articleId: reading.value.articleId });
    expect(stored.value).toMatchObject({ headline: 'Annan meets Assad in Damascus', published: '2012-03-10' });
    for (const p of PARAGRAPHS) expect(stored.value.text).toContain(p);
    // Opening it again under another URL of the same article adds nothing.
    await news.goto(`https://${BBC}?ref=homepage`);
    await news.waitForTimeout(1000);
    expect(await userArticles()).toBe(1);
    await news.close();
  });

  it('are left alone when the reader has not opted in', async () => {
    await ask({ type: 'set-settings', settings: { rememberArticles: false } });
    const news = await extension.context.newPage();
    await news.goto(`https://${REUTERS}`);
    await news.waitForLoadState('load');
    // The content script reports the read; give the background time to (not) act on it.
    await news.waitForTimeout(1500);
    expect(await userArticles()).toBe(1);
    await news.close();
  });

  it('the popup’s "Add this page" stores the tab’s reading, once', async () => {
    const news = await extension.context.newPage();
    await news.goto(`https://${REUTERS}`);
    const tabId = await tabIdOf(`https://${REUTERS}`);
    await expect
      .poll(async () => (await ask({ type: 'page-of-tab', tabId })).value?.source, { timeout: 15_000 })
      .toBe('page');
    const { value: reading } = await ask({ type: 'page-of-tab', tabId });
    expect(reading.stored).toBe(false);
    const added = await ask({ type: 'add-page', articleId: reading.articleId });
    expect(added).toEqual({ ok: true, value: { id: reading.articleId } });
    expect(await userArticles()).toBe(2);
    expect(await ask({ type: 'add-page', articleId: reading.articleId })).toEqual({
      ok: false,
      error: 'already in the corpus: "Annan urges ceasefire"',
    });
    // Its wire text is recognised in the other outlet's copy, paragraphs in another order.
    const story = await ask({ type: 'story-match', articleId: reading.articleId });
    expect(story.ok && story.value[0]).toMatchObject({ outlet: 'bbc.com', headline: 'Annan meets Assad in Damascus' });
    await news.close();
  });
});
