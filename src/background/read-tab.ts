import type { PageInput, Result } from '../messages';
import { parseRequest } from '../messages';

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

type AddPage = (page: PageInput) => Promise<Result<{ id: string }>>;

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
  const request = parseRequest({ type: 'add-page', page: extracted.value });
  if (!request.ok || request.value.type !== 'add-page')
    return { ok: false, error: request.ok ? 'unexpected page' : request.error };
  return { ok: true, value: request.value.page };
}

/** Read a tab's article and add it to the corpus. */
export async function addTab(api: TabApi, tabId: number, addPage: AddPage): Promise<Result<{ id: string }>> {
  const page = await readTab(api, tabId);
  return page.ok ? addPage(page.value) : page;
}

/** Add the active tab of the current window (the popup's). */
export async function addActiveTab(api: TabApi, addPage: AddPage): Promise<Result<{ id: string }>> {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { ok: false, error: 'no active tab' };
  return addTab(api, tab.id, addPage);
}
