import type { PageInput, Result } from '../messages';
import * as v from 'valibot';
import { PageInputSchema } from '../contracts/values';

/** The slice of the extension API that reading a tab needs (a fake in tests). */
export interface TabApi {
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files?: string[];
      func?: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
}

/**
 * Read the article of a tab the user pointed at (popup, context menu: activeTab grants
 * access to it; the default sites are granted anyway). The extractor is injected into the
 * extension's isolated world; its answer is checked like any message.
 */
export async function readTab(api: TabApi, tabId: number): Promise<Result<PageInput>> {
  let answer: unknown;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: ['extract.js'] });
    const [frame] = await api.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as { crosswireExtractPage?: () => unknown }).crosswireExtractPage?.(),
    });
    answer = frame?.result;
  } catch (error) {
    // Browser pages, the web store and PDFs cannot be scripted.
    return { ok: false, error: `cannot read this page: ${error instanceof Error ? error.message : String(error)}` };
  }
  const extracted = answer as Result<unknown> | undefined;
  if (!extracted || typeof extracted !== 'object') return { ok: false, error: 'cannot read this page' };
  if (!extracted.ok) return { ok: false, error: `no article found on this page (${extracted.error})` };
  // The extractor's answer comes from a page's process: checked like any message.
  const page = v.safeParse(PageInputSchema, extracted.value);
  return page.success
    ? { ok: true, value: page.output }
    : { ok: false, error: 'cannot read this page: malformed article' };
}
