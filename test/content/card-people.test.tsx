// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Card } from '../../src/content/card/Card';
import type { ActorAnnotation } from '../../src/core/types';
import { eachTestRoot } from '../preact-dom';

let root: HTMLElement;
eachTestRoot((el) => (root = el));

const actor = (over: Partial<ActorAnnotation>): ActorAnnotation => ({
  id: 'a0',
  kind: 'actor',
  start: 0,
  end: 12,
  text: 'Joe Bramwell',
  confidence: 0.8,
  actorId: 'unlisted-joe-bramwell',
  label: 'Joe Bramwell',
  actorType: 'person',
  via: 'introduced',
  ...over,
});
const subtitle = (a: ActorAnnotation) => {
  act(() => render(<Card annotation={a} data={{ state: 'loading' }} id="card" />, root));
  return root.querySelector('.sub')?.textContent ?? '';
};

describe('the card of a person', () => {
  it('says a person outside the dictionary is not in it, with the role the text gives', () => {
    expect(subtitle(actor({ role: 'Foreign Minister of Ruritania' }))).toBe(
      'person · not in the dictionary · Foreign Minister of Ruritania',
    );
  });

  it('says nothing of the kind for a listed person', () => {
    expect(subtitle(actor({ actorId: 'sergey-lavrov', label: 'Sergey Lavrov', via: 'name' }))).toBe('person');
  });
});
