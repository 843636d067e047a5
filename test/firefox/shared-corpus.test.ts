// A team's shared corpus in real Firefox, as test/browser/shared-corpus.test.ts has it in
// Chromium: a JSON Lines file of about 9 MB (two parts) on a news hostname, subscribed from the
// options page's side, with following off (subscribing fetches the file at once all the same).
// Firefox's background is an event page, not a service worker: the body is stored as a Blob
// there, read in parts and imported; polled again, the same bytes are known by their hash and
// nothing is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_PATH, TWO_PART_CORPUS } from '../fixtures/shared-corpus';
import { ask, type DemoFirefox, startDemoFirefox } from './demo-firefox';

const CORPUS = `https://${CORPUS_PATH}`;

const FILE = TWO_PART_CORPUS;

interface Answer {
  ok: boolean;
  value?: any;
  error?: string;
}

let demo: DemoFirefox;
const askFirefox = (request: unknown) => ask(demo, request) as Promise<Answer>;
const sharedCount = async () => (await askFirefox({ type: 'corpus-status' })).value.shared as number;

beforeAll(async () => {
  demo = await startDemoFirefox({ [CORPUS_PATH]: FILE });
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

describe('a shared corpus larger than one part, in Firefox', () => {
  it('imports every article of the file', async () => {
    const subscribed = await askFirefox({ type: 'subscribe-corpus', url: CORPUS });
    expect(subscribed).toMatchObject({ ok: true });
    const row = subscribed.value.subscriptions.find((s: { url: string }) => s.url === CORPUS);
    expect(row).toMatchObject({ items: 3, lastError: null });
    expect(await sharedCount()).toBe(3);
  }, 120_000);

  it('adds nothing when polled again and the file has not changed', async () => {
    // A poll is of what is followed: the default feeds' hosts are not on this machine.
    const state = await askFirefox({ type: 'get-following' });
    for (const feed of state.value.feeds) await askFirefox({ type: 'remove-feed', url: feed.url });
    expect(await askFirefox({ type: 'set-following', on: true })).toMatchObject({ ok: true });
    const polled = await askFirefox({ type: 'poll-now' });
    expect(polled).toMatchObject({ ok: true, value: { feeds: 1, added: 0, unchanged: 1, failed: [] } });
    expect(await sharedCount()).toBe(3);
  }, 60_000);
});
