import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { chromium } from 'playwright-core';

const HOW_TO_GET_ONE =
  'Install one with `apt-get install -y chromium`, or set CHROME_PATH to a Chromium or Chrome binary.';

/** The Chromium to test with: CHROME_PATH, then Debian's, then Playwright's own download. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // A set but wrong CHROME_PATH is a mistake to report, not a reason to pick another browser.
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${HOW_TO_GET_ONE}`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const downloaded = chromium.executablePath();
  if (existsSync(downloaded)) return downloaded;
  throw new Error(`No Chromium found for the extension tests. ${HOW_TO_GET_ONE}`);
}

export interface LoadedExtension {
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts headless Chromium with the unpacked extension in `extensionDir` loaded. */
export async function launchWithExtension(
  extensionDir: string,
  extraArgs: string[] = [],
  headless = true,
): Promise<LoadedExtension> {
  const executablePath = findChromium();
  // Extensions load only into a persistent profile; a fresh one per run keeps runs independent.
  const userDataDir = await mkdtemp(join(tmpdir(), 'crosswire-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    args: [
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(headless ? ['--headless=new'] : []),
      ...extraArgs,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Service worker URLs look like chrome-extension://<id>/background.js.
    const extensionId = new URL(worker.url()).host;
    const close = async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    };
    return { context, worker, extensionId, close };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
