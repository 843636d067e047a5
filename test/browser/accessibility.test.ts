// axe-core in real Chromium on what Crosswire shows: the highlights on a demo article (on its
// light page and on the same page made dark), an open card (light and dark system themes)
// and the popup. axe is loaded through the DevTools protocol, which the extension pages' CSP
// does not apply to. Any violation fails the test with axe's own description of it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as violations } from './axe';
import { cardMarkup, openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';

let demo: DemoBrowser;
let page: Page;

beforeAll(async () => {
  demo = await startDemoBrowser();
  page = await openCbcArticle(demo);
});

afterAll(async () => {
  await demo?.close();
});

describe('accessibility (axe-core)', () => {
  it('finds nothing wrong with the highlighted demo article', async () => {
    expect(await violations(page)).toEqual([]);
  });

  it('finds the highlights legible on the same article made dark', async () => {
    const dark = await demo.extension.context.newPage();
    await dark.goto(page.url());
    await dark.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    // A blunt dark theme of the kind reader extensions apply: every element, !important.
    await dark.addStyleTag({
      content:
        'html, body, body * { background-color: #121212 !important; color: #e8e8e8 !important; box-shadow: none !important; }',
    });
    // Our stylesheet still colours the highlights (its selectors are more specific).
    const person = dark.locator('crosswire-mark[data-crosswire-type="person"]').first();
    expect(
      await person.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow]),
    ).toEqual(['rgba(0, 114, 178, 0.16)', 'rgb(0, 114, 178) 0px -2px 0px 0px inset']);
    await dark.screenshot({ path: 'out/screenshots/dark-page-highlights.png' });
    expect(await violations(dark, 'crosswire-mark')).toEqual([]);
    await dark.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing wrong with an open card (${scheme} system theme)`, async () => {
      const p = await demo.extension.context.newPage();
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(page.url());
      await p.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
      // The card lives in a closed shadow root that axe cannot enter: copy what it renders,
      // its stylesheet included, into a page of its own through the DevTools protocol.
      const html = await expect
        .poll(() => cardMarkup(p), { timeout: 10_000 })
        .toContain('Voice of America')
        .then(() => cardMarkup(p));
      const copy = await demo.extension.context.newPage();
      await copy.emulateMedia({ colorScheme: scheme });
      await copy.setContent(
        `<!doctype html><html lang="en"><head><title>Card</title></head><body><main>${html}</main></body></html>`,
      );
      expect(await violations(copy)).toEqual([]);
      await copy.close();
      await p.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing wrong with the popup (${scheme} system theme)`, async () => {
      const popup = await demo.extension.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html`);
      await popup
        .getByText(/articles/i)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });
  }
});
