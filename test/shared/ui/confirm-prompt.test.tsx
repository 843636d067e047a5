// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmPrompt, useFocusBack } from '../../../src/shared/ui/ConfirmPrompt';
import { buttonIn, eachTestRoot, textOf } from '../../preact-dom';

let root: HTMLElement;
eachTestRoot((el) => (root = el));

const press = (key: string) =>
  act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
const click = (el: Element) => act(() => void (el as HTMLElement).click());

/** A Delete button that opens the prompt, as the pages use it; `done` records what the reader chose. */
function Harness({ done, busy = false }: { done: (choice: string) => void; busy?: boolean }) {
  const [asking, setAsking] = useState(false);
  const trigger = useFocusBack<HTMLButtonElement>(asking);
  return asking ? (
    <ConfirmPrompt
      question="Delete this note?"
      confirm="Yes, delete"
      busy={busy}
      busyLabel="Deleting…"
      onConfirm={() => {
        done('confirm');
        setAsking(false);
      }}
      onCancel={() => {
        done('cancel');
        setAsking(false);
      }}
    />
  ) : (
    <button type="button" ref={trigger} onClick={() => setAsking(true)}>
      Delete
    </button>
  );
}

describe('ConfirmPrompt', () => {
  it('is a group named by its question, with the keyboard on Cancel', () => {
    act(() => render(<Harness done={() => undefined} />, root));
    const del = buttonIn(root, 'Delete');
    act(() => del.click());
    const group = root.querySelector('[role="group"]')!;
    expect(group.classList.contains('confirm')).toBe(true);
    const label = root.querySelector(`[id="${group.getAttribute('aria-labelledby')}"]`);
    expect(textOf(label)).toBe('Delete this note?');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Yes, delete', 'Cancel']);
    expect(document.activeElement).toBe(buttonIn(root, 'Cancel'));
  });

  it('cancels on Escape, and on Cancel, putting the keyboard back on the button that asked', async () => {
    const done = vi.fn();
    act(() => render(<Harness done={done} />, root));
    await click(buttonIn(root, 'Delete'));
    await press('Escape');
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(buttonIn(root, 'Delete'));
    await click(buttonIn(root, 'Delete'));
    await click(buttonIn(root, 'Cancel'));
    expect(document.activeElement).toBe(buttonIn(root, 'Delete'));
    expect(done.mock.calls).toEqual([['cancel'], ['cancel']]);
  });

  it('confirms on its confirm button', async () => {
    const done = vi.fn();
    act(() => render(<Harness done={done} />, root));
    await click(buttonIn(root, 'Delete'));
    await click(buttonIn(root, 'Yes, delete'));
    expect(done.mock.calls).toEqual([['confirm']]);
    expect(root.querySelector('[role="group"]')).toBeNull();
  });

  it('keeps Escape from reaching a form around it', async () => {
    const formCancel = vi.fn();
    const done = vi.fn();
    act(() =>
      render(
        <form onKeyDown={(e) => e.key === 'Escape' && formCancel()}>
          <Harness done={done} />
        </form>,
        root,
      ),
    );
    await click(buttonIn(root, 'Delete'));
    await press('Escape');
    expect(done.mock.calls).toEqual([['cancel']]);
    expect(formCancel).not.toHaveBeenCalled();
  });

  it('while busy, says so and takes neither a click nor Escape', async () => {
    const done = vi.fn();
    act(() => render(<Harness done={done} />, root));
    await click(buttonIn(root, 'Delete'));
    act(() => render(<Harness done={done} busy />, root));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[role="group"] button')];
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ['Deleting…', true],
      ['Cancel', true],
    ]);
    await press('Escape');
    expect(done).not.toHaveBeenCalled();
    expect(root.querySelector('[role="group"]')).not.toBeNull();
  });
});
