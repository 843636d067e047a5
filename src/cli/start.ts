// npm start: after the build, serve the demo news site (src/demo) on its real hostnames
// from 127.0.0.1 and open Chromium with the extension on it. With a display, the browser
// stays open on the five articles. Without one (or with --headless, or under CI), it runs
// headless: it waits for each page's highlights, saves screenshots under out/screenshots/,
// prints where they are, and exits.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../demo/chromium';
import { demoSite } from '../demo/pages';
import { anyPainted, paintedRanges, pointOnPainted } from '../demo/painted';
import { startNewsServer } from '../demo/server';

const OUT = 'out/screenshots';
const headless = !process.env.DISPLAY || !!process.env.CI || process.argv.includes('--headless');

const { pages, html } = demoSite();
const server = await startNewsServer(html);
const extension = await launchWithExtension(resolve('dist/chrome'), server.chromiumArgs, headless);
const hostnames = new Set(pages.map((p) => new URL(p.url).host)).size;
console.log(`Demo news site on 127.0.0.1:${server.port}, answering for ${hostnames} news hostnames; Crosswire loaded.`);

if (!headless) {
  for (const p of pages) await (await extension.context.newPage()).goto(p.url);
  console.log(
    'Chromium is open on the demo articles. Hover or tab to a highlight, and click the Crosswire toolbar button ' +
      'for the story as the other outlets told it; close the browser to stop.',
  );
  await new Promise<void>((done) => extension.context.on('close', () => done()));
} else {
  mkdirSync(OUT, { recursive: true });
  for (const [i, p] of pages.entries()) {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.goto(p.url);
    // Highlights arrive once the background has annotated the article.
    await page.waitForFunction(anyPainted, undefined, { timeout: 20_000 }).catch(() => undefined);
    await page.waitForTimeout(300); // the last slices
    const painted = await page.evaluate(paintedRanges);
    const counts = ['actor', 'figure', 'quote'].map(
      (k) => painted.filter((p) => p.name.startsWith(`crosswire-${k}`)).length,
    );
    const file = join(OUT, `${String(i + 1).padStart(2, '0')}-${new URL(p.url).host.replace(/^www\./, '')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const found = `${counts[0]} actor, ${counts[1]} figure and ${counts[2]} quote highlights`;
    console.log(`${p.site}${p.inCorpus ? '' : ' (not in the corpus)'}: ${found} -> ${file}`);
    if (i === 0) {
      // An open card: hover the second mention of the first person named.
      await page.setViewportSize({ width: 1100, height: 900 });
      const spot = await page.evaluate(pointOnPainted, ['crosswire-actor-person', 1] as [string, number]);
      if (spot) await page.mouse.move(spot.x, spot.y);
      await page.waitForTimeout(1200);
      const card = join(OUT, '01-cbc.ca-card.png');
      await page.screenshot({ path: card });
      console.log(`  an open card -> ${card}`);
    }
    if (i > 0) await page.close();
  }
  // The popup, opened as a page for the CBC tab (the toolbar button opens the same page over the active tab).
  const [tab] = (await extension.worker.evaluate(
    (url) =>
      (
        globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }
      ).chrome.tabs.query({ url }),
    pages[0]!.url,
  )) as { id?: number }[];
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 760, height: 900 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tab?.id}`);
  for (const [view, name] of [
    ['Story', 'story'],
    ['Figures', 'figures'],
    ['Compare', 'compare'],
  ] as const) {
    await popup.getByRole('tab', { name: new RegExp(`^${view}`) }).click({ timeout: 15_000 });
    await popup.waitForTimeout(1000);
    const file = join(OUT, `06-popup-${name}.png`);
    await popup.screenshot({ path: file, fullPage: true });
    console.log(`Popup, ${view} -> ${file}`);
  }
  console.log(`\nScreenshots are in ${resolve(OUT)}. Run with a display to browse the demo yourself.`);
  await extension.close();
  await server.close();
}
