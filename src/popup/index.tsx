/** Popup entry point: wires the real extension API into the Popup component. */
import { render } from 'preact';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import type { ActiveTab } from './SiteSwitch';
import { Popup } from './Popup';
import { askFirstAhead, askingAhead } from './prefetch';
import { downloadText } from '../shared/download';

// For `npm run bench`: when the browser runs our script, the part of the popup's time that is not ours.
performance.mark('crosswire:popup-script');
const ping = () => sendRequest(extensionApi.runtime, { type: 'ping' });
const asking = askingAhead((request) => sendRequest(extensionApi.runtime, request));
const { ask } = asking;

/**
 * The tab the popup is about: the one it was opened over (activeTab lets us read its URL),
 * or the one named by `?tab=ID` when the popup is opened as a page of its own ("Open in a
 * tab", and the tests).
 */
async function activeTab(): Promise<ActiveTab> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] =
    Number.isInteger(named) && named > 0
      ? [await extensionApi.tabs.get(named).catch(() => undefined)]
      : await extensionApi.tabs.query({ active: true, currentWindow: true });
  let url: URL | null = null;
  try {
    url = tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  const origins = url ? [`${url.origin}/*`] : [];
  return {
    id: tab?.id ?? null,
    host: url?.hostname ?? null,
    origin: url?.origin ?? null,
    send: async (command) => void (tab?.id !== undefined && (await extensionApi.tabs.sendMessage(tab.id, command))),
    url: url?.href ?? null,
    allowed: () => (url ? extensionApi.permissions.contains({ origins }) : Promise.resolve(false)),
    requestAccess: () => extensionApi.permissions.request({ origins }),
  };
}

const root = document.getElementById('root');
const openOptions = () => void extensionApi.runtime.openOptionsPage().then(() => window.close());
if (root) {
  void activeTab().then((tab) => {
    // Asked before the first frame: the page and its story are on their way while it renders.
    void askFirstAhead(asking, tab.id, tab.url ?? undefined);
    render(<Popup ping={ping} ask={ask} tab={tab} openOptions={openOptions} download={downloadText} />, root);
    // For `npm run bench`: the popup has drawn its frame (the story follows when the background answers).
    performance.mark('crosswire:popup-rendered');
  });
}
