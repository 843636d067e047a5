// The checks each framework page gets, in either browser (test/browser/framework-pages.test.ts,
// test/firefox/framework-pages.test.ts): the page loaded with Crosswire on and off must end up
// the same (its article's text and markup, and its errors), and with Crosswire on the painted
// highlights follow the page's update: some lie in the updated paragraph, none is stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crosswireBeforeUpdate,
  type FrameworkPage,
  type InPage,
  paintedInUpdate,
  readRepainted,
  stalePaint,
  type TabReading,
  waitForUpdate,
} from './framework-pages';

/** A tab opened on a framework page, with its errors collected from the start. */
export interface Visit {
  page: { close(): Promise<unknown> };
  inPage: InPage;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
}

export function frameworkChecks(
  pages: FrameworkPage[],
  visitOn: (url: string) => Promise<Visit>,
  visitOff: (url: string) => Promise<Visit>,
): void {
  describe.each(pages)('$name', (framework: FrameworkPage) => {
    let withCrosswire: Visit;
    let without: Visit;
    let read: { on: TabReading; off: TabReading };

    beforeAll(async () => {
      [withCrosswire, without] = await Promise.all([visitOn(framework.url), visitOff(framework.url)]);
      await Promise.all([waitForUpdate(withCrosswire.inPage, true), waitForUpdate(without.inPage, false)]);
      read = { on: await readRepainted(withCrosswire.inPage), off: await readRepainted(without.inPage, 0) };
    });

    afterAll(async () => {
      await withCrosswire?.page.close();
      await without?.page.close();
    });

    it("updates after Crosswire's first pass, so the update meets our highlights", async () => {
      expect(await crosswireBeforeUpdate(withCrosswire.inPage)).toBe(true);
    });

    it('reads the same with Crosswire on and off', () => {
      expect(read.off.text).toContain('UPDATED: THE UNITED STATES AND RUSSIA CLASHED');
      expect(read.on.text).toBe(read.off.text);
    });

    it('raises the same errors on and off', () => {
      expect(withCrosswire.errors).toEqual(without.errors);
    });

    it("leaves the article's DOM as the page made it", () => {
      expect(read.on.html).toBe(read.off.html);
    });

    it('paints highlights that follow the update, none of them stale', () => {
      expect(paintedInUpdate(read.on).length).toBeGreaterThan(0);
      expect(stalePaint(read.on)).toEqual([]);
    });
  });
}
