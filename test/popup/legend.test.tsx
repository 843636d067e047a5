// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Legend } from '../../src/popup/Legend';
import { LEGEND } from '../../src/shared/palette';

describe('Legend', () => {
  it('names every highlight colour, in the palette’s order', () => {
    const root = document.createElement('div');
    render(<Legend />, root);
    expect([...root.querySelectorAll('li')].map((li) => li.textContent?.replace('Aa', '').trim())).toEqual(
      LEGEND.map((e) => e.label),
    );
  });
});
