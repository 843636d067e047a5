// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/messages';
import { backupHeader, withArticleCount } from '../../src/core/notes/backup';
import { NotesTransfer } from '../../src/options/NotesTransfer';
import type { Ask } from '../../src/shared/ask';
import { buttonIn, eachTestRoot, flush } from '../preact-dom';

let root: HTMLElement;
eachTestRoot((el) => (root = el));

function fakeAsk(
  importReply: unknown = {
    ok: true,
    value: {
      kind: 'hypothesis',
      added: 2,
      skipped: 1,
      reasons: ['annotation 3: a page note, not a note on text'],
      articles: 0,
    },
  },
) {
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    if (request.type === 'export-notes')
      return {
        ok: true,
        value: {
          data: `data:${request.format}`,
          filename: `crosswire-notes.${request.format}`,
          mime: 'text/plain',
          count: request.format === 'csv' ? 0 : 4,
        },
      };
    if (request.type === 'import-notes') return importReply;
    return { ok: false, error: `unexpected ${request.type}` };
  }) as Ask;
  return { ask, sent };
}

/** Chooses a file holding `content` (said to be `size` bytes, when given). */
async function choose(content: string, size?: number, name = 'notes.json') {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([content], name);
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await flush();
}

const type = async (label: string, value: string) => {
  const input = [...root.querySelectorAll('label')]
    .find((l) => l.textContent?.trim().startsWith(label))!
    .querySelector('input')!;
  input.value = value;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
};

describe('NotesTransfer', () => {
  it('exports with the filter filled in, and saves the file the background wrote', async () => {
    const { ask, sent } = fakeAsk();
    const saved: string[][] = [];
    act(() =>
      render(
        <NotesTransfer
          ask={ask}
          download={(...args) => void saved.push(args as string[])}
          onImported={() => undefined}
        />,
        root,
      ),
    );
    await type('Site', 'cbc.ca');
    await type('Tag', 'toll');
    await act(() => void buttonIn(root, 'Web Annotation (JSON-LD)').click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'export-notes', format: 'jsonld', filter: { site: 'cbc.ca', tag: 'toll' } });
    expect(saved).toEqual([['crosswire-notes.jsonld', 'data:jsonld', 'text/plain']]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved crosswire-notes.jsonld (4 notes).');
    // Nothing matched: nothing saved, and it says so.
    await act(() => void buttonIn(root, 'CSV (spreadsheets)').click());
    await flush();
    expect(saved).toHaveLength(1);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('No notes match, so there is nothing to export.');
  });

  it('imports a file and says what it did, or shows the problem verbatim', async () => {
    let imported = 0;
    const { ask } = fakeAsk();
    act(() => render(<NotesTransfer ask={ask} download={() => undefined} onImported={() => imported++} />, root));
    await choose('{"export_date": "2026-01-01", "annotations": []}');
    expect(root.querySelector('.panel [role="status"]')!.textContent).toBe(
      'Hypothesis export: imported 2 notes.\nSkipped 1 note (already stored, or not notes on text).\nannotation 3: a page note, not a note on text',
    );
    expect(imported).toBe(1);
    const failing = fakeAsk({
      ok: false,
      error:
        'nothing was imported; 2 problems:\nannotation 1: tags must be a list of strings\nannotation 4: stance must be one of verified, disputed, follow-up',
    });
    act(() =>
      render(<NotesTransfer ask={failing.ask} download={() => undefined} onImported={() => imported++} />, root),
    );
    await choose('{}');
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'Nothing was imported from notes.json: nothing was imported; 2 problems:\nannotation 1: tags must be a list of strings\nannotation 4: stance must be one of verified, disputed, follow-up',
    );
    expect(imported).toBe(1);
  });

  it('refuses a file over 50 MB before sending it, which no message could carry', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<NotesTransfer ask={ask} download={() => undefined} onImported={() => undefined} />, root));
    await choose('{}', 70 * 1048576);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'Nothing was imported from notes.json: the file is 70 MB; the limit is 50 MB',
    );
    expect(sent.filter((r) => r.type === 'import-notes')).toEqual([]);
  });
});

describe('NotesTransfer: a backup of any size', () => {
  const NOW = new Date('2026-12-08T09:00:00Z');
  const SETTINGS = { rememberArticles: true, disabledSites: ['www.rt.com'] };
  const line = (n: number, more: Record<string, unknown> = {}) =>
    JSON.stringify({
      text: `Envoys met in Oslo, round ${n}.`,
      url: `https://www.reuters.com/world/oslo-${n}`,
      ...more,
    });
  /** The background's header: it counted 2 of the reader's articles; 3 are written after it. */
  const header = (articles = 2) => backupHeader({ notes: [], settings: SETTINGS, articles }, NOW);

  function backupBackground() {
    const sent: Request[] = [];
    const ask = (async (request: Request) => {
      sent.push(request);
      switch (request.type) {
        case 'export-notes':
          return {
            ok: true,
            value: {
              data: `${header()}\n`,
              filename: 'crosswire-backup-2026-12-08.jsonl',
              mime: 'application/x-ndjson',
              count: 3,
            },
          };
        case 'export-articles':
          return request.after === undefined
            ? { ok: true, value: { data: `${line(1)}\n${line(2)}\n`, count: 2, next: 'a-2', total: 3 } }
            : { ok: true, value: { data: `${line(3)}\n`, count: 1, next: null, total: 3 } };
        case 'import-articles': {
          const ids = request.data
            .trim()
            .split('\n')
            .map((_, i) => `a-${request.firstLine! + i}`);
          return { ok: true, value: { added: ids, skipped: [] } };
        }
        case 'import-progress':
          return { ok: true, value: { job: null } };
        case 'import-notes':
          return { ok: true, value: { kind: 'backup', added: 3, skipped: 0, reasons: [], articles: 0 } };
      }
      return { ok: false, error: `unexpected ${request.type}` };
    }) as Ask;
    return { ask, sent };
  }

  /** What the panel says: its alert, else its status line. */
  const statusText = () =>
    (root.querySelector('.panel [role="alert"]') ?? root.querySelector('.panel [role="status"]'))!.textContent;

  it('writes the header, then every page of the reader’s articles, into one .jsonl, the header counting them', async () => {
    const { ask } = backupBackground();
    const saved: [string, Blob, string][] = [];
    act(() =>
      render(
        <NotesTransfer ask={ask} download={(...args) => void saved.push(args as never)} onImported={() => undefined} />,
        root,
      ),
    );
    await act(() => void buttonIn(root, 'Back up everything').click());
    await flush();
    expect(saved.map(([name, , mime]) => [name, mime])).toEqual([
      ['crosswire-backup-2026-12-08.jsonl', 'application/x-ndjson'],
    ]);
    const lines = (await saved[0]![1].text()).split('\n');
    expect(lines).toEqual([withArticleCount(header(), 3), line(1), line(2), line(3), '']);
    expect(statusText()).toBe('Saved crosswire-backup-2026-12-08.jsonl (3 notes and 3 articles).');
  });

  it('restores one: every line checked, the articles part by part from line 2, then the notes and settings', async () => {
    const { ask, sent } = backupBackground();
    let imported = 0;
    act(() => render(<NotesTransfer ask={ask} download={() => undefined} onImported={() => imported++} />, root));
    const file = [withArticleCount(header(), 3), line(1), line(2), line(3)].join('\r\n');
    await choose(`\ufeff${file}\r\n`, undefined, 'crosswire-backup.jsonl');
    await flush();
    expect(statusText()).toBe('Crosswire backup: imported 3 notes and 3 articles.');
    expect(
      sent.filter((r) => r.type === 'import-articles').map((r) => r.type === 'import-articles' && r.firstLine),
    ).toEqual([2]);
    expect(sent.filter((r) => r.type === 'import-notes')).toEqual([
      { type: 'import-notes', data: withArticleCount(header(), 3) },
    ]);
    expect(imported).toBe(1);
  });

  it('restores a backup of notes and settings alone, no article following its header', async () => {
    const { ask, sent } = backupBackground();
    act(() => render(<NotesTransfer ask={ask} download={() => undefined} onImported={() => undefined} />, root));
    await choose(`${withArticleCount(header(), 0)}\n`, undefined, 'crosswire-backup.jsonl');
    await flush();
    expect(statusText()).toBe('Crosswire backup: imported 3 notes.');
    expect(sent.map((r) => r.type)).toEqual(['import-notes']);
  });

  it('restores nothing from a file with a bad article line, one cut short, or no backup header', async () => {
    const cases: [string, RegExp][] = [
      [
        [withArticleCount(header(), 3), line(1), line(2, { colour: 'red' }), line(3)].join('\n'),
        /^Nothing was imported from b\.jsonl: nothing was imported; 1 problem:\nline 3: unknown field "colour"/,
      ],
      [
        [withArticleCount(header(), 5), line(1), line(2), line(3)].join('\n'),
        /^Nothing was imported from b\.jsonl: the backup is incomplete: its header says 5 articles follow it, and 3 do; nothing was restored$/,
      ],
      [
        [line(1), line(2)].join('\n'),
        /^Nothing was imported from b\.jsonl: this is a file of articles, not a backup: import it under "Import and export"/,
      ],
      [
        '{"hello": "world"}',
        /^Nothing was imported from b\.jsonl: its first line is not a backup’s header: unknown file/,
      ],
      [
        '{"format": "crosswire-backup", ',
        /^Nothing was imported from b\.jsonl: its first line is not a backup’s header: not valid JSON/,
      ],
    ];
    for (const [content, error] of cases) {
      const { ask, sent } = backupBackground();
      act(() => render(<NotesTransfer ask={ask} download={() => undefined} onImported={() => undefined} />, root));
      await choose(`${content}\n`, undefined, 'b.jsonl');
      await flush();
      expect(statusText()).toMatch(error);
      expect(sent.filter((r) => r.type === 'import-articles' || r.type === 'import-notes')).toEqual([]);
    }
  });
});
