import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/** Lets replies arrive and effects run (a reply can start another request), a few rounds deep. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** A fresh element in the document for each test, unmounted and removed after it; `use` receives it. */
export function eachTestRoot(use: (root: HTMLElement) => void): void {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    use(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
}

/** The button whose text is `name` (or starts with it and a space). */
export const buttonIn = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name || b.textContent?.startsWith(`${name} `))!;

/** Render into a fresh element in the document and let effects and the answers they wait for settle. */
export async function mount(ui: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(ui, root);
  });
  await flush();
  return root;
}

/** An element's text with runs of whitespace folded. */
export const textOf = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
