/**
 * A stand-in for Firefox's extension contexts, in Node: the built bundles of dist/firefox
 * run in `node:vm` contexts that hold what Firefox gives them and nothing else, and a fake
 * `browser` namespace delivers messages the way Firefox's does (structured clones, a
 * returned promise as the reply). What each context gets, and why, is said where it is built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';

/** The manifest as dist/firefox/manifest.json holds it (the fields the fakes read). */
export interface FirefoxManifest {
  version: string;
  background: { scripts?: string[]; service_worker?: string; type?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  [key: string]: unknown;
}

/** Who sent a message, as Firefox reports it to runtime.onMessage listeners. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id: number };
  frameId?: number;
}

type Listener = (...args: unknown[]) => unknown;

/** A WebExtension event (runtime.onMessage and the like): it records its listeners so the test can fire it. */
export class FakeEvent {
  readonly listeners: Listener[] = [];

  addListener(listener: Listener): void {
    this.listeners.push(listener);
  }

  removeListener(listener: Listener): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
  }

  hasListener(listener: Listener): boolean {
    return this.listeners.includes(listener);
  }

  hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /** Call every listener, as the browser does when the event fires; returns what each returned. */
  fire(...args: unknown[]): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

/** One call the code made to a stubbed API, e.g. `['contextMenus.create', [{ id: … }]]`. */
export type ApiCall = [name: string, args: unknown[]];

export interface FakeBrowser {
  runtime: {
    id: string;
    getURL(path: string): string;
    getManifest(): FirefoxManifest;
    sendMessage(message: unknown): Promise<unknown>;
    openOptionsPage(): Promise<void>;
    onMessage: FakeEvent;
    onInstalled: FakeEvent;
    onStartup: FakeEvent;
  };
  contextMenus: { create(properties: unknown): unknown; removeAll(): Promise<void>; onClicked: FakeEvent };
  commands: { onCommand: FakeEvent };
  action: Record<string, (...args: unknown[]) => Promise<unknown>>;
  tabs: { onRemoved: FakeEvent; [call: string]: FakeEvent | ((...args: unknown[]) => Promise<unknown>) };
  scripting: Record<string, (...args: unknown[]) => Promise<unknown>>;
  permissions: Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Following the news polls on an alarm; no alarm exists until the test creates one. */
  alarms: { onAlarm: FakeEvent; [call: string]: FakeEvent | ((...args: unknown[]) => Promise<unknown>) };
  /** Every call made to the stubs, in order. */
  calls: ApiCall[];
}

/** What a page's URL looks like in Firefox: moz-extension://<a per-install UUID>/path. */
export const EXTENSION_UUID = '5b4f3c1e-9a7d-4e2b-8f61-0c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}/`;

/** A Firefox 128 user agent: Dexie reads navigator.userAgent to decide on Safari workarounds. */
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

export function readManifest(distFirefox: string): FirefoxManifest {
  return JSON.parse(readFileSync(join(distFirefox, 'manifest.json'), 'utf8')) as FirefoxManifest;
}

/**
 * A `browser` namespace as Firefox gives an extension context: promise-returning methods,
 * `runtime.id` (the gecko id: Firefox uses browser_specific_settings.gecko.id as the
 * extension's id, and a separate random UUID for its moz-extension:// origin).
 */
export function fakeBrowser(
  manifest: FirefoxManifest,
  sendMessage: (message: unknown) => Promise<unknown> = async () => undefined,
): FakeBrowser {
  const calls: ApiCall[] = [];
  const stub =
    (name: string, value: unknown = undefined) =>
    (...args: unknown[]): Promise<unknown> => {
      calls.push([name, args]);
      return Promise.resolve(value);
    };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox manifest has no gecko id');
  return {
    runtime: {
      id,
      getURL: (path) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
      getManifest: () => structuredClone(manifest),
      sendMessage,
      openOptionsPage: stub('runtime.openOptionsPage') as () => Promise<void>,
      onMessage: new FakeEvent(),
      onInstalled: new FakeEvent(),
      onStartup: new FakeEvent(),
    },
    contextMenus: {
      // menus.create answers synchronously with the item's id in Firefox.
      create: (properties: unknown) => {
        calls.push(['contextMenus.create', [properties]]);
        return (properties as { id?: unknown }).id;
      },
      removeAll: stub('contextMenus.removeAll') as () => Promise<void>,
      onClicked: new FakeEvent(),
    },
    commands: { onCommand: new FakeEvent() },
    action: { setBadgeText: stub('action.setBadgeText'), setTitle: stub('action.setTitle') },
    tabs: {
      query: stub('tabs.query', []),
      get: stub('tabs.get', { id: 1 }),
      sendMessage: stub('tabs.sendMessage'),
      onRemoved: new FakeEvent(),
    },
    scripting: {
      executeScript: stub('scripting.executeScript', []),
      insertCSS: stub('scripting.insertCSS'),
      registerContentScripts: stub('scripting.registerContentScripts'),
      unregisterContentScripts: stub('scripting.unregisterContentScripts'),
      getRegisteredContentScripts: stub('scripting.getRegisteredContentScripts', []),
    },
    permissions: {
      request: stub('permissions.request', false),
      contains: stub('permissions.contains', false),
      remove: stub('permissions.remove', true),
    },
    alarms: {
      create: stub('alarms.create'),
      clear: stub('alarms.clear', true),
      get: stub('alarms.get'),
      onAlarm: new FakeEvent(),
    },
    calls,
  };
}

/**
 * Deliver a runtime message as Firefox does: the message arrives as a structured clone,
 * every listener is called with (message, sender, sendResponse), and the first one to return
 * a promise answers; the answer reaches the sender as a structured clone too (so a reply
 * that cannot be cloned fails here as it would in Firefox). Resolves to undefined when no
 * listener answers, as browser.runtime.sendMessage does.
 */
export async function deliver(onMessage: FakeEvent, message: unknown, sender: Sender): Promise<unknown> {
  const copy = structuredClone(message);
  const returned = onMessage.fire(copy, structuredClone(sender), () => {
    throw new Error('sendResponse called: Crosswire answers with promises');
  });
  const answer = returned.find(
    (value): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | undefined)?.then === 'function',
  );
  return answer === undefined ? undefined : structuredClone(await answer);
}

/** console, recording what the bundle logs (a failed seed says so on console.error). */
function recordingConsole(log: ApiCall[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void log.push([level, args]);
  return {
    log: record('log'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  };
}

/**
 * Timers and the like that every Firefox extension context has. They come from Node's
 * realm; the bundle only calls them.
 */
function commonGlobals(): Record<string, unknown> {
  return {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    crypto,
    performance,
    // The HTML entity decoder of the feed parser (the entities package) decodes its tables with atob.
    atob,
    btoa,
  };
}

/**
 * MV3's extension_pages CSP ("script-src 'self'") forbids eval and new Function in
 * Firefox's extension contexts; the vm contexts forbid them too, so a bundle that needs
 * them fails here as it would there.
 */
const NO_EVAL = { codeGeneration: { strings: false, wasm: false } } as const;

export interface Background {
  browser: FakeBrowser;
  context: vm.Context;
  /** console calls made by the bundle. */
  console: ApiCall[];
  /** URLs the bundle fetched. */
  fetched: string[];
  /** Every message sent to the background, with its sender and the reply delivered. */
  messages: { message: unknown; sender: Sender; reply: unknown }[];
  /** Send a message to the background as `sender`, and the reply Firefox would deliver. */
  send(message: unknown, sender: Sender): Promise<unknown>;
}

/**
 * Run dist/firefox/background.js as Firefox runs an MV3 background: an event page, i.e. a
 * window-like global (not a ServiceWorkerGlobalScope: no `self`/`registration`/`clients`
 * here), with `browser` (and `chrome`) already present, IndexedDB in the extension's origin
 * (`indexedDB`, a fresh factory per call, so each background starts with an empty profile)
 * and fetch for the extension's own files.
 *
 * What the bundle needs from the page global, found by running it: `navigator` (Dexie reads
 * navigator.userAgent unguarded when it opens a database). It does not need `window`,
 * `self` or `document`, nor addEventListener/BroadcastChannel (Dexie feature-tests those
 * and goes without cross-tab change events).
 */
export function startBackground(distFirefox: string, indexedDB: IDBFactory): Background {
  const manifest = readManifest(distFirefox);
  const browser = fakeBrowser(manifest);
  const log: ApiCall[] = [];
  const fetched: string[] = [];
  const messages: Background['messages'] = [];
  let pageJson: JSON | null = null;

  // fetch() of the extension's own files: moz-extension://<uuid>/<path> reads dist/firefox/<path>.
  // The body is parsed by the page's JSON, as Firefox's Response gives objects of the
  // calling global; anything else is a network error (the test has no network).
  const fetchFile = async (input: string | URL): Promise<Response> => {
    const url = new URL(String(input));
    fetched.push(url.href);
    if (!url.href.startsWith(EXTENSION_ORIGIN))
      throw new TypeError(`NetworkError when attempting to fetch resource (${url.href}: not an extension file)`);
    let body: Buffer;
    try {
      body = readFileSync(join(distFirefox, decodeURIComponent(url.pathname)));
    } catch {
      throw new TypeError(`NetworkError when attempting to fetch resource (${url.href})`);
    }
    const response = new Response(new Uint8Array(body), {
      status: 200,
      headers: { 'content-type': url.pathname.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
    });
    const json = async () => (pageJson ?? JSON).parse(await response.text()) as unknown;
    return Object.assign(response, { json });
  };

  const context = vm.createContext(
    {
      ...commonGlobals(),
      console: recordingConsole(log),
      // In Firefox both namespaces exist; the polyfill checks chrome.runtime.id, then returns
      // `browser` as it is because browser.runtime.id is set. This `chrome` has nothing
      // else: had the polyfill wrapped it instead, registering a listener would throw.
      browser,
      chrome: { runtime: { id: browser.runtime.id } },
      fetch: fetchFile,
      indexedDB,
      IDBKeyRange,
      navigator: { userAgent: FIREFOX_UA, language: 'en-US', languages: ['en-US', 'en'] },
    },
    { name: 'firefox event page', ...NO_EVAL },
  );
  pageJson = vm.runInContext('JSON', context) as JSON;
  vm.runInContext(readFileSync(join(distFirefox, 'background.js'), 'utf8'), context, {
    filename: 'moz-extension://background.js',
  });

  return {
    browser,
    context,
    console: log,
    fetched,
    messages,
    send: async (message, sender) => {
      const reply = await deliver(browser.runtime.onMessage, message, sender);
      messages.push({ message, sender, reply });
      return reply;
    },
  };
}

export interface ContentPage {
  document: Document;
  browser: FakeBrowser;
  context: vm.Context;
  console: ApiCall[];
  /** Test-side additions to linkedom, so the report can say what the DOM lacked. */
  patched: string[];
}

/** DOM classes the content script refers to by name (instanceof checks, Node.ELEMENT_NODE…). */
const DOM_GLOBALS = [
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'Document',
  'DocumentFragment',
  'ShadowRoot',
  'Event',
  'CustomEvent',
  'EventTarget',
  'NodeFilter',
  'MutationObserver',
  'DOMParser',
  'customElements',
];

/**
 * Run dist/firefox/content.js on a page, as Firefox injects a manifest content script at
 * document_idle: in a sandbox whose globals are the page's window (document, location, the
 * DOM classes) plus `browser`, whose runtime.sendMessage goes to the background.
 *
 * The DOM is linkedom's. It lacks `document.location`, which a browser has and this test
 * adds (the content script's page watcher reads doc.location.href).
 */
export function startContentScript(
  distFirefox: string,
  html: string,
  href: string,
  background: Background,
  tabId = 1,
  /** Set the page up before the content script runs (as a browser has it from the start: CSS.highlights). */
  prepare: (page: Pick<ContentPage, 'document' | 'patched'>) => void = () => undefined,
): ContentPage {
  const { window, document } = parseHTML(html) as unknown as { window: Record<string, unknown>; document: Document };
  const location = new URL(href);
  const patched: string[] = [];
  Object.defineProperty(document, 'location', { value: location, configurable: true });
  patched.push('document.location');

  const manifest = readManifest(distFirefox);
  // A content script's messages reach the background with the tab and the page's URL as sender.
  const browser = fakeBrowser(manifest, (message) =>
    background.send(message, {
      id: manifest.browser_specific_settings!.gecko!.id!,
      tab: { id: tabId },
      frameId: 0,
      url: location.href,
    }),
  );
  const log: ApiCall[] = [];
  const globals: Record<string, unknown> = {
    ...commonGlobals(),
    console: recordingConsole(log),
    browser,
    chrome: { runtime: { id: browser.runtime.id } },
    document,
    location,
    navigator: { userAgent: FIREFOX_UA, language: 'en-US', languages: ['en-US', 'en'] },
  };
  for (const name of DOM_GLOBALS) if (window[name] !== undefined) globals[name] = window[name];
  const context = vm.createContext(globals, { name: `content script on ${href}`, ...NO_EVAL });
  // window and self are the global itself, as in a page.
  vm.runInContext('globalThis.window = globalThis.self = globalThis;', context);
  prepare({ document, patched });
  vm.runInContext(readFileSync(join(distFirefox, 'content.js'), 'utf8'), context, {
    filename: 'moz-extension://content.js',
  });
  return { document, browser, context, console: log, patched };
}

/** Poll `check` until it returns a value other than undefined/false, or fail after `ms`. */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
