// @vitest-environment happy-dom
import { h, hydrate, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { closedControl } from '../../src/content/card/closed-control';
import { HighlightList } from '../../src/content/card/HighlightList';

const props = (count: number, open = false) => ({
  count,
  entries: open ? [{ key: '0', group: 'People', label: 'Sergey Lavrov' }] : [],
  open,
  active: 0,
  focusActive: false,
  onOpen: () => undefined,
  onKey: () => undefined,
  onPick: () => undefined,
});

describe('the list control built by hand', () => {
  it('is the markup HighlightList renders for the closed control', () => {
    for (const count of [0, 1, 12]) {
      const byHand = document.createElement('div');
      const byPreact = document.createElement('div');
      closedControl(byHand, count, () => undefined);
      render(h(HighlightList, props(count)), byPreact);
      expect(byHand.innerHTML).toBe(byPreact.innerHTML);
    }
    // And as its count changes.
    const byHand = document.createElement('div');
    const byPreact = document.createElement('div');
    closedControl(byHand, 3, () => undefined).update(1);
    render(h(HighlightList, props(1)), byPreact);
    expect(byHand.innerHTML).toBe(byPreact.innerHTML);
  });

  it('opens the list on a click or an arrow key, until Preact takes it over, keeping the button and its focus', () => {
    const mount = document.createElement('div');
    document.body.append(mount);
    let opened = 0;
    const closed = closedControl(mount, 2, () => opened++);
    const button = mount.querySelector('button')!;
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    expect(opened).toBe(2);
    button.focus();
    closed.release();
    let preactOpened = 0;
    hydrate(h(HighlightList, { ...props(2), onOpen: () => preactOpened++ }), mount);
    render(h(HighlightList, { ...props(1, true), onOpen: () => preactOpened++ }), mount);
    expect(mount.querySelector('button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(mount.querySelector('[role="listbox"]')?.textContent).toContain('Sergey Lavrov');
    // Its own listeners are gone: one click opens once, through Preact's.
    button.click();
    expect([opened, preactOpened]).toEqual([2, 1]);
    mount.remove();
  });
});
