import { describe, expect, it, vi } from 'vitest';
import type { HandlerContext } from '../../src/background/handle-message';
import { handleMessage } from '../../src/background/handle-message';
import type { Annotation } from '../../src/messages';

const OWN_ID = 'our-extension-id';

function context(annotate: HandlerContext['annotate'] = () => []): HandlerContext {
  return { extensionId: OWN_ID, version: '9.8.7', annotate };
}

describe('handleMessage', () => {
  it('answers a ping from our own extension with the version', () => {
    expect(handleMessage({ type: 'ping' }, { id: OWN_ID }, context())).toEqual({
      ok: true,
      value: { version: '9.8.7' },
    });
  });

  it('ignores messages from anyone else', () => {
    expect(handleMessage({ type: 'ping' }, { id: 'another-extension' }, context())).toBeUndefined();
    expect(handleMessage({ type: 'ping' }, {}, context())).toBeUndefined();
  });

  it('answers a malformed request with the reason', () => {
    const reply = handleMessage({ type: 'nope' }, { id: OWN_ID }, context());
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('unknown request type') });
  });

  it('passes text and publication date to annotate and returns its result', () => {
    const found = [{ start: 0, end: 6 }] as unknown as Annotation[];
    const annotate = vi.fn(() => found);
    const reply = handleMessage(
      { type: 'annotate-text', text: 'Lavrov said', published: '2024-02-24' },
      { id: OWN_ID },
      context(annotate),
    );
    expect(annotate).toHaveBeenCalledWith('Lavrov said', { published: '2024-02-24' });
    expect(reply).toEqual({ ok: true, value: found });
  });

  it('leaves the publication date out when the request has none', () => {
    const annotate = vi.fn(() => []);
    handleMessage({ type: 'annotate-text', text: 'x' }, { id: OWN_ID }, context(annotate));
    expect(annotate).toHaveBeenCalledWith('x', {});
  });

  it('turns an annotator failure into an error reply', () => {
    const annotate = () => {
      throw new Error('dictionary not loaded');
    };
    expect(handleMessage({ type: 'annotate-text', text: 'x' }, { id: OWN_ID }, context(annotate))).toEqual({
      ok: false,
      error: 'dictionary not loaded',
    });
  });
});
