// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { useAnswer } from '../../src/popup/use-answer';
import { eachTestRoot } from '../preact-dom';

let root: HTMLElement;
eachTestRoot((r) => (root = r));

function Shown({ answer }: { answer: () => Promise<{ ok: true; value: string }> }) {
  const a = useAnswer(answer, []);
  return <p>{a.state === 'ok' ? a.value : a.state}</p>;
}

describe('useAnswer', () => {
  it('asks as the view renders, so an answer at hand is shown before the next frame', async () => {
    // The popup's page and story are usually asked ahead and there already: waiting for a
    // painted frame before asking (an effect's timing) cost the reader a frame at each step.
    render(<Shown answer={() => Promise.resolve({ ok: true, value: 'the other versions' })} />, root);
    expect(root.textContent).toBe('loading');
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(root.textContent).toBe('the other versions');
  });
});
