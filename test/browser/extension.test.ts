// Loads the built extension into real headless Chromium: the background must start, the
// popup must reach it, and the manifest's host patterns must mean what we think.
// Needs a Chromium (see chromium.ts); without one this fails and says how to get one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt } from '../ensure-built';
import type { LoadedExtension } from '../../src/demo/chromium';
import { launchWithExtension } from '../../src/demo/chromium';

// Only what these page-side callbacks use; they run inside Chromium, where `chrome` exists.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
};

const EXTENSION_DIR = join(DIST, 'chrome');

let extension: LoadedExtension;
let popup: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  extension = await launchWithExtension(EXTENSION_DIR);
  popup = await extension.context.newPage();
  popup.on('pageerror', (error) => pageErrors.push(error.message));
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
});

afterAll(async () => {
  await extension?.close();
});

describe('the extension in Chromium', () => {
  it('shows in the popup that the background answered, with the manifest version', async () => {
    const { version } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string };
    const status = popup.locator('footer [role="status"]');
    await status.getByText('background connected').waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toBe(`Crosswire ${version} — background connected`);
    expect(await popup.title()).toBe('Crosswire');
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    expect(pageErrors).toEqual([]);
  });

  it('rejects a malformed request with a reason', async () => {
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'format-disk' }));
    expect(reply).toEqual({ ok: false, error: 'unknown request type: "format-disk"' });
  });

  it('holds our pages to their contract: reading and annotating a page is a content script’s request', async () => {
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'annotate-text', text: 'Sergey Lavrov said.' }),
    );
    expect(reply).toEqual({ ok: false, error: 'unknown request type: "annotate-text"' });
  });

  it('holds host permission for listed outlets, bare and www, and nothing else', async () => {
    const contains = (origins: string[]) =>
      extension.worker.evaluate((o) => chrome.permissions.contains({ origins: o }), origins);
    expect(await contains(['https://cbc.ca/*', 'https://www.cbc.ca/*', 'https://news.un.org/*'])).toBe(true);
    expect(await contains(['https://example.com/*'])).toBe(false);
    expect(await contains(['http://www.cbc.ca/*'])).toBe(false);
  });
});
