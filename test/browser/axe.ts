import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { paintedRanges } from '../painted';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** A page of Playwright's or Puppeteer's that runs a script given as text. */
interface Evaluates {
  evaluate(script: string): Promise<unknown>;
}

/**
 * axe-core's violations in `page` (limited to `include`, a selector, when given), one
 * readable line each. axe is loaded by the browser's automation protocol (DevTools in
 * Chromium, WebDriver BiDi in Firefox), which extension pages' CSP does not apply to.
 */
export async function axeViolations(page: Evaluates, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(
    `axe.run(${include ? `{ include: [[${JSON.stringify(include)}]] }` : 'document'}, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as Violation[];
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary.replace(/\s+/g, ' ')})`),
  );
}

/** WCAG's contrast ratio of two opaque colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const channels = (css: string) => css.match(/[\d.]+/g)!.map(Number);

/** A painted tint over the opaque background under it. */
const over = (tint: number[], under: number[]) => {
  const alpha = tint[3] ?? 1;
  return [0, 1, 2].map((i) => tint[i]! * alpha + under[i]! * (1 - alpha));
};

/**
 * Each highlight's text colour against its tint laid over the page's background there: the
 * contrast a reader gets, which axe cannot check (it does not see ::highlight). Read with getComputedStyle(element, '::highlight(name)') on the
 * element holding the highlight's first range (the article's first paragraph for a highlight
 * with none painted, such as the keyboard's focus).
 */
export async function highlightContrasts(p: Page): Promise<Record<string, number>> {
  const names = [...new Set([...(await p.evaluate(paintedRanges)).map((r) => r.name), 'crosswire-focus'])];
  const colours = await p.evaluate((ns) => {
    const opaqueBackground = (from: Element | null) => {
      for (let e = from; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    return ns.map((name) => {
      const range = [...(CSS.highlights.get(name) ?? [])][0] as Range | undefined;
      const element = range?.startContainer.parentElement ?? document.querySelector('article p, p')!;
      const style = getComputedStyle(element, `::highlight(${name})`);
      // Only the focus rule sets a text colour; the others leave the page's. (Chromium's
      // getComputedStyle reports white for a highlight whose rule sets none once the selector
      // has a prefix, as ours do since they took three ids' specificity; screenshots show the
      // page's own colour, which is what is read here.)
      const text = name === 'crosswire-focus' ? style.color : getComputedStyle(element).color;
      return { name, tint: style.backgroundColor, text, under: opaqueBackground(element) };
    });
  }, names);
  return Object.fromEntries(
    colours.map((c) => [
      c.name,
      Math.round(contrast(channels(c.text), over(channels(c.tint), channels(c.under))) * 100) / 100,
    ]),
  );
}
