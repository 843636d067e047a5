// Real Firefox for the extension tests: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi (no geckodriver), with the unpacked dist/firefox installed as a temporary
// add-on. News hostnames reach the demo server through a local proxy that tunnels only
// those hosts: Firefox has no per-host port mapping like Chromium's --host-resolver-rules,
// and the proxy spares us listening on port 443 (root only, one test file at a time).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const HOW_TO_GET_ONE = 'Install it with `apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox binary.';

/** The Firefox to test with: FIREFOX_PATH, else Debian's firefox-esr. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    // A set but wrong FIREFOX_PATH is a mistake to report, not a reason to pick another browser.
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO_GET_ONE}`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  throw new Error(`No Firefox found for the Firefox extension tests. ${HOW_TO_GET_ONE}`);
}

/**
 * An HTTP proxy on 127.0.0.1 that answers CONNECT for `hosts` (port 443) by tunnelling to
 * 127.0.0.1:`port`, and refuses every other host, so nothing Firefox asks for leaves the machine.
 */
async function startHostTunnel(hosts: string[], port: number): Promise<{ port: number; close(): Promise<void> }> {
  const allowed = new Set(hosts.map((h) => `${h}:443`));
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    return s.on('close', () => sockets.delete(s));
  };
  const server: Server = createServer((client) => {
    track(client).on('error', () => client.destroy());
    client.once('data', (head) => {
      client.pause(); // nothing may be read before the pipe is in place
      const target = /^CONNECT (\S+) HTTP/.exec(head.toString('latin1'))?.[1];
      if (!target || !allowed.has(target)) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = track(connect(port, '127.0.0.1'));
      upstream.on('error', () => client.destroy());
      upstream.on('connect', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.pipe(upstream).pipe(client);
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy(); // Firefox keeps tunnels alive; close() waits for none
        server.close(() => done());
      }),
  };
}

/** Firefox preferences that send every request through the tunnel on `proxyPort` (plain HTTP is refused there). */
function proxyPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1, // manual
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** moz-extension://<uuid>/ : the uuid is fixed at launch, so extension pages can be opened. */
  extensionBase: string;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox with the unpacked extension in `extensionDir` installed, and `hosts`
 * (served over HTTPS on 127.0.0.1:`serverPort`, self-signed) reachable under their own names.
 */
export async function launchFirefoxWithExtension(opts: {
  extensionDir: string;
  hosts: string[];
  serverPort: number;
  headless?: boolean;
}): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  const manifest = JSON.parse(readFileSync(join(opts.extensionDir, 'manifest.json'), 'utf8'));
  const extensionId: string = manifest.browser_specific_settings.gecko.id;
  // Firefox picks a random uuid per profile unless this pref names one for the add-on's id.
  const uuid = randomUUID();
  const tunnel = await startHostTunnel(opts.hosts, opts.serverPort);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? true,
      acceptInsecureCerts: true, // the demo server's certificate is self-signed
      defaultViewport: { width: 1100, height: 900 },
      // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages (the popup, the
      // options page), calling them "not allowed in this context".
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...proxyPrefs(tunnel.port),
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
      },
    });
    const installed = await browser.installExtension(resolve(opts.extensionDir));
    if (installed !== extensionId) throw new Error(`Firefox installed ${installed}, expected ${extensionId}`);
    const started = browser;
    const close = async () => {
      await started.close();
      await tunnel.close();
    };
    return { browser: started, extensionId, extensionBase: `moz-extension://${uuid}/`, close };
  } catch (error) {
    await browser?.close();
    await tunnel.close();
    throw error;
  }
}
