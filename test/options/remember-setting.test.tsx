// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { eachTestRoot, flush } from '../preact-dom';
import { describe, expect, it } from 'vitest';
import type { Request, Settings } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { RememberSetting } from '../../src/options/RememberSetting';

/** A background holding the settings in memory; `fail` makes it refuse to change them. */
function fakeAsk(fail?: string) {
  let settings: Settings = { rememberArticles: false, disabledSites: ['www.rt.com'] };
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    if (request.type === 'get-settings') return { ok: true, value: settings };
    if (request.type === 'set-settings' && !fail)
      return { ok: true, value: (settings = { ...settings, ...request.settings }) };
    return { ok: false, error: fail ?? `unexpected ${request.type}` };
  }) as Ask;
  return { ask, sent };
}

let root: HTMLElement;
const box = () => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

eachTestRoot((el) => (root = el));

describe('RememberSetting', () => {
  it('is labelled, explained, and sends the setting when ticked', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<RememberSetting ask={ask} />, root));
    expect(box().disabled).toBe(true);
    await flush();
    expect(box().disabled).toBe(false);
    expect(box().checked).toBe(false);
    expect(box().closest('label')!.textContent).toBe('Remember every article I read on enabled sites');
    expect(document.getElementById(box().getAttribute('aria-describedby')!)!.textContent).toContain(
      'stored in this browser only',
    );
    await act(() => void box().click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'set-settings', settings: { rememberArticles: true } });
    expect(box().checked).toBe(true);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Articles you read will be remembered.');
  });

  it('shows a refusal in an alert and leaves the box as the setting is', async () => {
    const { ask } = fakeAsk('storage is full');
    act(() => render(<RememberSetting ask={ask} />, root));
    await flush();
    await act(() => void box().click());
    await flush();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('storage is full');
    expect(box().checked).toBe(false);
  });
});
