/**
 * Background entry point: Chrome's service worker, Firefox's event page. The browser may
 * stop it between any two messages, so nothing here lives only in module variables (the
 * corpus is in IndexedDB), and the listener is registered synchronously at startup so a
 * waking worker hears the message that woke it.
 */
import { annotate } from '../core/annotate';
import type { BundledCorpus } from '../core/corpus/types';
import type { MessageSender } from '../shared/browser';
import { extensionApi } from '../shared/browser';
import { corpusService } from './corpus-service';
import { seedBundled } from './corpus-store';
import { CorpusDb } from './db';
import { handleMessage } from './handle-message';

const { runtime } = extensionApi;
const db = new CorpusDb();

/** Seed (or re-seed after an update) the bundled corpus; a no-op when the version is current. */
async function seed(): Promise<void> {
  const response = await fetch(runtime.getURL('corpus.json'));
  const corpus = (await response.json()) as BundledCorpus;
  await seedBundled(db, corpus);
}

// Every start checks the seeding: cheap when current, and it covers a worker that was
// stopped during an install-time seed.
const ready = seed().catch((error: unknown) => console.error('Crosswire: seeding the corpus failed', error));
const corpus = corpusService(db, ready);

runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
  // The polyfill sends a returned promise's value as the response; undefined sends none.
  return handleMessage(message, sender, { extensionId: runtime.id, version: runtime.getManifest().version, annotate, corpus });
});
