// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { eachTestRoot, flush } from '../preact-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport, Request } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { CorpusTransfer, importSummary } from '../../src/options/CorpusTransfer';
import { exportFileName } from '../../src/shared/download';

const USER_EXPORT = '{"text":"Kofi Annan met Bashar al-Assad.","url":"https://www.reuters.com/world/annan-assad"}\n';
/** The whole corpus's export, as the background pages it: the second page holds none (a page of others' articles). */
const ALL_PAGES = [
  { data: '{"text":"one"}\n{"text":"two"}\n', count: 2, next: 'a2', total: 4 },
  { data: '', count: 0, next: 'a3', total: 4 },
  { data: '{"text":"three"}\n{"text":"four"}\n', count: 2, next: null, total: 4 },
];

/** A background that answers import, export and status from fixed replies, recording requests. */
function fakeAsk(importReply: { ok: true; value: ImportReport } | { ok: false; error: string }, userCount = 1) {
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'corpus-status':
        return { ok: true, value: { articles: 3 + userCount, bundled: 3, user: userCount, version: '1' } };
      case 'import-articles':
        return importReply;
      case 'export-articles':
        return request.origin === 'all'
          ? { ok: true, value: ALL_PAGES[[undefined, 'a2', 'a3'].indexOf(request.after)] }
          : { ok: true, value: { data: userCount ? USER_EXPORT : '', count: userCount, next: null, total: userCount } };
      default:
        return { ok: false, error: `unexpected ${request.type}` };
    }
  }) as Ask;
  return { ask, sent };
}

let root: HTMLElement;
let imported: number;
let saved: { filename: string; content: string | Blob; mime: string | undefined }[];
const download = (filename: string, content: string | Blob, mime?: string) =>
  void saved.push({ filename, content, mime });
/** What was saved, as text. */
const savedText = () =>
  Promise.all(
    saved.map(async (s) => ({ filename: s.filename, text: await new Blob([s.content]).text(), mime: s.mime })),
  );
const show = (ask: Ask) =>
  act(() => render(<CorpusTransfer ask={ask} download={download} version={0} onImported={() => imported++} />, root));
const notes = () =>
  [...root.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent).filter(Boolean);
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

/** Chooses a file holding `content` (said to be `size` bytes, when given). */
async function choose(name: string, content: string, size?: number) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([content], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await flush();
}

/** Waits for `check` to pass as the component reads the file and the replies come. */
const settled = (check: () => void) => vi.waitFor(async () => (await flush(), check()), { timeout: 10_000 });

eachTestRoot((el) => (root = el));
beforeEach(() => {
  imported = 0;
  saved = [];
});

describe('CorpusTransfer', () => {
  it('imports a JSON file and says how many were added and why any were skipped', async () => {
    const { ask, sent } = fakeAsk({
      ok: true,
      value: { added: ['a', 'b'], skipped: [{ index: 2, reason: 'already in the corpus: Reuters, 10 Mar 2012' }] },
    });
    show(ask);
    await choose('mine.json', '[{"text":"x"}]');
    expect(sent).toContainEqual({ type: 'import-articles', data: '[{"text":"x"}]', format: 'json' });
    expect(notes()).toEqual([
      'Imported 2 articles. Skipped 1 article:\nArticle 3: already in the corpus: Reuters, 10 Mar 2012',
    ]);
    expect(imported).toBe(1);
  });

  it('reads a .jsonl file as JSON Lines', async () => {
    const { ask, sent } = fakeAsk({ ok: true, value: { added: ['a'], skipped: [] } });
    show(ask);
    await choose('feed.jsonl', '{"text":"Envoys met in Oslo."}\n');
    await settled(() => expect(notes()).toEqual(['Imported 1 article.']));
    expect(sent.at(-1)).toEqual({
      type: 'import-articles',
      data: '{"text":"Envoys met in Oslo."}\n',
      format: 'jsonl',
      firstLine: 1,
    });
  });

  it('refuses a JSON file over 50 MB before sending it, and says JSON Lines has no such limit', async () => {
    const { ask, sent } = fakeAsk({ ok: true, value: { added: [], skipped: [] } });
    show(ask);
    await choose('big.json', '[{"text":"x"}]', 70 * 1048576);
    await settled(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'the file is 70 MB; a JSON file is read whole, so at most 50 MB. As JSON Lines (.jsonl, one article a line) it can be any size',
    );
    expect(sent.filter((r) => r.type === 'import-articles')).toEqual([]);
  });

  it('shows an import error in an alert, verbatim, line breaks and all', async () => {
    const error =
      'nothing was imported; 2 problems:\narticle 1: text is required\narticle 4: published must be a YYYY-MM-DD date';
    const { ask } = fakeAsk({ ok: false, error });
    show(ask);
    await choose('bad.json', '[{}]');
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe(error);
    expect(imported).toBe(0);
  });

  it('exports the articles I added as crosswire-articles-<today>.jsonl', async () => {
    const { ask, sent } = fakeAsk({ ok: true, value: { added: [], skipped: [] } });
    show(ask);
    await flush();
    expect(root.querySelector('fieldset')!.textContent).toContain('Articles I added (1)');
    await act(() => void button('Export').click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'export-articles', origin: 'user' });
    expect(await savedText()).toEqual([
      { filename: exportFileName(new Date()), text: USER_EXPORT, mime: 'application/x-ndjson' },
    ]);
    expect(saved[0]!.filename).toMatch(/^crosswire-articles-\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(notes()).toEqual([`Exported 1 article to ${saved[0]!.filename}.`]);
  });

  it('exports all articles page by page when that is chosen, and nothing when there is nothing to export', async () => {
    const { ask, sent } = fakeAsk({ ok: true, value: { added: [], skipped: [] } }, 0);
    show(ask);
    await flush();
    await act(() => void button('Export').click());
    await flush();
    expect(saved).toEqual([]);
    expect(notes()).toEqual(['You have not added any articles yet, so there is nothing to export.']);
    await act(() => void root.querySelector<HTMLInputElement>('input[value="all"]')!.click());
    await act(() => void button('Export').click());
    await flush();
    expect(sent.filter((r) => r.type === 'export-articles').slice(-3)).toEqual([
      { type: 'export-articles', origin: 'all' },
      { type: 'export-articles', origin: 'all', after: 'a2' },
      { type: 'export-articles', origin: 'all', after: 'a3' },
    ]);
    expect((await savedText()).map((s) => s.text)).toEqual([ALL_PAGES.map((p) => p.data).join('')]);
    expect(notes()).toEqual([`Exported 4 articles to ${exportFileName(new Date())}.`]);
  });

  it('saves nothing when a page of the export fails, and says so', async () => {
    const ask = (async (request: Request) =>
      request.type === 'export-articles'
        ? request.after
          ? { ok: false, error: 'the background stopped' }
          : { ok: true, value: { data: '{"text":"one"}\n', count: 1, next: 'a1', total: 2 } }
        : { ok: true, value: { articles: 5, bundled: 3, user: 2, version: '1' } }) as Ask;
    show(ask);
    await flush();
    await act(() => void button('Export').click());
    await flush();
    expect(saved).toEqual([]);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'The export stopped: the background stopped. No file was saved.',
    );
    expect(button('Export').disabled).toBe(false);
  });

  it('shows the progress of a long export, and a cancelled one saves nothing', async () => {
    let release!: () => void;
    const ask = (async (request: Request) => {
      if (request.type !== 'export-articles')
        return { ok: true, value: { articles: 5, bundled: 3, user: 2, version: '1' } };
      if (request.after) await new Promise<void>((r) => (release = r));
      return { ok: true, value: { data: '{"text":"x"}\n', count: 1, next: request.after ? null : 'a1', total: 2 } };
    }) as Ask;
    show(ask);
    await flush();
    await act(() => void button('Export').click());
    await flush();
    expect(notes()).toEqual(['Exporting… 1 of 2']);
    expect(button('Export').disabled).toBe(true);
    await act(() => void button('Cancel export').click());
    release();
    await flush();
    expect(saved).toEqual([]);
    expect(notes()).toEqual(['Export cancelled. No file was saved.']);
    expect(button('Cancel export')).toBeUndefined();
  });
});

describe('CorpusTransfer while an import runs', () => {
  /** A background whose import answers only when `finish` is called, reporting progress and taking a cancel. */
  function slowImport() {
    const sent: Request[] = [];
    let finish!: (report: ImportReport) => void;
    let job = { id: 'j', total: 1000, done: 0, added: 0, cancelled: false, startedAt: 0 };
    const ask = (async (request: Request) => {
      sent.push(request);
      switch (request.type) {
        case 'corpus-status':
          return { ok: true, value: { articles: 3, bundled: 3, user: 0, version: '1' } };
        case 'import-articles':
          return new Promise<unknown>((resolve) => (finish = (value) => resolve({ ok: true, value })));
        case 'import-progress':
          return { ok: true, value: { job } };
        case 'cancel-import':
          job = { ...job, cancelled: true };
          return { ok: true, value: { cancelled: true } };
        default:
          return { ok: false, error: `unexpected ${request.type}` };
      }
    }) as Ask;
    const progress = (done: number) => (job = { ...job, done, added: done });
    return { ask, sent, progress, finish: (report: ImportReport) => finish(report) };
  }
  const polls = (sent: Request[]) => sent.filter((r) => r.type === 'import-progress').length;
  const tick = async () => {
    await act(() => void vi.advanceTimersByTime(500));
    await flush();
  };

  beforeEach(() => void vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => void vi.useRealTimers());

  it('shows "Importing… N of M" from the progress it polls, and stops polling when the import answers', async () => {
    const { ask, sent, progress, finish } = slowImport();
    show(ask);
    await choose('big.json', '[{"text":"x"}]');
    expect(notes()).toEqual(['Importing big.json…']);
    progress(100);
    await tick();
    expect(sent).toContainEqual({ type: 'import-progress' });
    expect(notes()).toEqual(['Importing… 100 of 1000']);
    progress(300);
    await tick();
    expect(notes()).toEqual(['Importing… 300 of 1000']);
    await act(() => finish({ added: Array.from({ length: 1000 }, (_, i) => `a-${i}`), skipped: [] }));
    await flush();
    expect(notes()).toEqual(['Imported 1,000 articles.']);
    expect(button('Cancel import')).toBeUndefined();
    const asked = polls(sent);
    await tick();
    expect(polls(sent)).toBe(asked);
  });

  it('cancels the running import, and says what was stored before it stopped', async () => {
    const { ask, sent, progress, finish } = slowImport();
    show(ask);
    await choose('big.json', '[{"text":"x"}]');
    progress(100);
    await tick();
    await act(() => void button('Cancel import').click());
    await flush();
    expect(sent).toContainEqual({ type: 'cancel-import' });
    expect(button('Cancel import').disabled).toBe(true);
    await act(() => finish({ added: Array.from({ length: 200 }, (_, i) => `a-${i}`), skipped: [], cancelled: true }));
    await flush();
    expect(notes()).toEqual(['Import cancelled: 200 articles imported before it stopped.']);
    expect(imported).toBe(1);
  });
});

describe('CorpusTransfer with a JSON Lines file larger than one message', () => {
  /** `n` lines of articles, line `bad` (1-based) with a field the format does not have. */
  const linesFile = (n: number, bad?: number) =>
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({ text: `Envoys met in Oslo, round ${i + 1}.`, ...(i + 1 === bad && { author: 'x' }) }),
    ).join('\n');
  /** A background that adds every article of a part but its first (already stored), and answers `fail` for the part at that line. */
  function partsBackground(fail?: number) {
    const sent: Request[] = [];
    let release: (() => void) | null = null;
    let hold = false;
    const ask = (async (request: Request) => {
      sent.push(request);
      if (request.type === 'corpus-status')
        return { ok: true, value: { articles: 3, bundled: 3, user: 0, version: '1' } };
      if (request.type === 'import-progress') return { ok: true, value: { job: null } };
      if (request.type === 'cancel-import') return { ok: true, value: { cancelled: false } };
      if (request.type !== 'import-articles') return { ok: false, error: `unexpected ${request.type}` };
      if (hold) await new Promise<void>((r) => (release = r));
      if (request.firstLine === fail) return { ok: false, error: 'the storage is full; nothing was added' };
      const ids = request.data
        .trim()
        .split('\n')
        .map((_, i) => `a-${request.firstLine! + i}`);
      return {
        ok: true,
        value: { added: ids.slice(1), skipped: [{ index: 0, reason: 'already in the corpus' }] },
      };
    }) as Ask;
    const parts = () => sent.filter((r) => r.type === 'import-articles');
    return { ask, parts, holdNext: () => (hold = true), release: () => release?.() };
  }

  it('imports it part by part, numbering the skipped articles as the file does', async () => {
    const bg = partsBackground();
    show(bg.ask);
    await choose('corpus.jsonl', linesFile(12_000));
    await settled(() => expect(notes()[0]).toMatch(/^Imported/));
    expect(bg.parts().map((r) => r.firstLine)).toEqual([1, 5001, 10_001]);
    expect(notes()).toEqual([
      'Imported 11,997 articles. Skipped 3 articles:\nArticle 1: already in the corpus\nArticle 5001: already in the corpus\nArticle 10001: already in the corpus',
    ]);
    expect(imported).toBe(1);
  });

  it('sends no part of blank lines only (the import would call it empty)', async () => {
    const bg = partsBackground();
    show(bg.ask);
    const last = JSON.stringify({ text: 'Envoys met in Oslo, the last round.' });
    await choose('corpus.jsonl', `${linesFile(5000)}\n${'\n'.repeat(5000)}${last}\n`);
    await settled(() => expect(notes()[0]).toMatch(/^Imported/));
    expect(bg.parts().map((r) => r.firstLine)).toEqual([1, 10_001]);
    expect(notes()[0]).toMatch(/^Imported 4,999 articles\. Skipped 2 articles:\nArticle 1: .*\nArticle 5001: /);
  });

  it('checks every part before importing any: a bad line in the last imports nothing', async () => {
    const bg = partsBackground();
    show(bg.ask);
    await choose('corpus.jsonl', linesFile(12_000, 11_500));
    await settled(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'nothing was imported; 1 problem:\nline 11500: unknown field "author" (fields: text, url, canonicalUrl, outlet, published, headline, wire)',
    );
    expect(bg.parts()).toEqual([]);
    expect(imported).toBe(0);
  });

  it('says which articles stay when a later part fails', async () => {
    const bg = partsBackground(5001);
    show(bg.ask);
    await choose('corpus.jsonl', linesFile(6000));
    await settled(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'the storage is full; nothing was added. The 4,999 articles imported from earlier lines stay.',
    );
  });

  it('sends no further part once cancelled', async () => {
    const bg = partsBackground();
    bg.holdNext();
    show(bg.ask);
    await choose('corpus.jsonl', linesFile(12_000));
    await settled(() => expect(bg.parts()).toHaveLength(1));
    await act(() => void button('Cancel import').click());
    bg.release();
    await settled(() => expect(notes()[0]).toMatch(/^Import cancelled/));
    expect(notes()).toEqual([
      'Import cancelled: 4,999 articles imported before it stopped. Skipped 1 article:\nArticle 1: already in the corpus',
    ]);
    expect(bg.parts()).toHaveLength(1);
  });
});

describe('importSummary', () => {
  it('lists ten skipped articles and counts the rest', () => {
    const skipped = Array.from({ length: 12 }, (_, index) => ({ index, reason: 'already in the corpus' }));
    const lines = importSummary({ added: [], skipped }).split('\n');
    expect(lines[0]).toBe('No new articles were imported. Skipped 12 articles:');
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe('…and 2 more.');
  });
});

describe('exportFileName', () => {
  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2012, 2, 9, 23, 59))).toBe('crosswire-articles-2012-03-09.jsonl');
  });
});
