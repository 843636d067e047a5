/**
 * Background entry point: Chrome's service worker, Firefox's event page. The browser may
 * stop it between any two messages, so nothing here lives only in module variables, and
 * the listener is registered synchronously at startup so a waking worker hears the
 * message that woke it.
 */
import { annotate } from '../core/annotate';
import type { MessageSender } from '../shared/browser';
import { extensionApi } from '../shared/browser';
import { handleMessage } from './handle-message';

const { runtime } = extensionApi;

runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
  const reply = handleMessage(message, sender, {
    extensionId: runtime.id,
    version: runtime.getManifest().version,
    annotate,
  });
  // The polyfill sends a returned promise's value as the response; undefined sends none.
  return reply === undefined ? undefined : Promise.resolve(reply);
});
