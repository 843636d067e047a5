/** Popup entry point: wires the real extension API into the Popup component. */
import { render } from 'preact';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import type { Ask } from './CorpusControls';
import type { ActiveTab } from './SiteSwitch';
import { Popup } from './Popup';

const ping = () => sendRequest(extensionApi.runtime, { type: 'ping' });
const ask: Ask = (request) => sendRequest(extensionApi.runtime, request);

/** The tab the popup was opened over (activeTab lets us read its URL). */
async function activeTab(): Promise<ActiveTab> {
  const [tab] = await extensionApi.tabs.query({ active: true, currentWindow: true });
  let url: URL | null = null;
  try {
    url = tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  const origins = url ? [`${url.origin}/*`] : [];
  return {
    host: url?.hostname ?? null,
    origin: url?.origin ?? null,
    send: async (command) => void (tab?.id !== undefined && (await extensionApi.tabs.sendMessage(tab.id, command))),
    allowed: () => (url ? extensionApi.permissions.contains({ origins }) : Promise.resolve(false)),
    requestAccess: () => extensionApi.permissions.request({ origins }),
  };
}

const root = document.getElementById('root');
if (root) void activeTab().then((tab) => render(<Popup ping={ping} ask={ask} tab={tab} />, root));
