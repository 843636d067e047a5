// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/messages';
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
async function choose(content: string, size?: number) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([content], 'notes.json');
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
    // A backup takes everything, whatever the filter.
    await act(() => void buttonIn(root, 'Back up everything').click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'export-notes', format: 'backup' });
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
