// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { NoteForm } from '../../src/content/card/NoteForm';
import { buttonIn, eachTestRoot } from '../preact-dom';

let root: HTMLElement;
eachTestRoot((el) => (root = el));

const press = (key: string) =>
  act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
const click = (el: Element) => act(() => void (el as HTMLElement).click());
const initial = { note: 'Check the toll', tags: ['tolls'], stance: null };

function mountForm() {
  const calls = { onSave: vi.fn(), onCancel: vi.fn(), onDelete: vi.fn() };
  act(() => render(<NoteForm quote="over 7,500 people" initial={initial} {...calls} />, root));
  return calls;
}

describe('NoteForm', () => {
  it('asks before deleting a note, and Escape takes the question back without closing the form', async () => {
    const { onDelete, onCancel } = mountForm();
    await click(buttonIn(root, 'Delete note'));
    expect(onDelete).not.toHaveBeenCalled();
    expect(root.querySelector('[role="group"]')!.textContent).toContain('Delete this note?');
    expect(document.activeElement).toBe(buttonIn(root, 'Cancel'));
    await press('Escape');
    expect(onCancel).not.toHaveBeenCalled();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(buttonIn(root, 'Delete note'));
    await click(buttonIn(root, 'Delete note'));
    await click(buttonIn(root, 'Yes, delete'));
    expect(onDelete).toHaveBeenCalledOnce();
  });

  it('cancels the whole form on Escape elsewhere in it', async () => {
    const { onCancel } = mountForm();
    await press('Escape'); // the focus starts in the note text
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('offers no delete for a new note', () => {
    act(() => render(<NoteForm quote="q" onSave={() => undefined} onCancel={() => undefined} />, root));
    expect(buttonIn(root, 'Delete note')).toBeUndefined();
  });
});
