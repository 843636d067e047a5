import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildTextMap, segmentsFor } from '../../src/content/text-map';

const body = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as Element;

describe('buildTextMap', () => {
  it('reads blocks as paragraphs and inline markup as running text, with offsets back to the nodes', () => {
    const map = buildTextMap(body('<h1>Talks</h1><p>Sergey <b>Lavrov</b> said.</p><ul><li>One</li><li>Two</li></ul>'));
    expect(map.text).toBe('Talks\n\nSergey Lavrov said.\n\nOne\n\nTwo');
    const at = map.text.indexOf('Lavrov');
    expect(segmentsFor(map, at, at + 6).map((s) => s.node.data.slice(s.start, s.end))).toEqual(['Lavrov']);
  });

  it('leaves out what the reader types: form fields and contenteditable regions', () => {
    const map = buildTextMap(
      body(
        '<p>Kofi Annan arrived.</p><div contenteditable="true"><p>Lavrov in my draft</p></div><div contenteditable=""><p>and here</p></div><div contenteditable="false"><p>Clinton read-only</p></div><textarea>Assad</textarea><input value="Erdogan">',
      ),
    );
    expect(map.text).toBe('Kofi Annan arrived.\n\nClinton read-only');
  });

  it('walks 10,000 nested elements without running out of stack', () => {
    const depth = 10_000;
    const html = `${'<div>'.repeat(depth)}<p>Deep down, Sergey Lavrov spoke.</p>${'</div>'.repeat(depth)}`;
    const map = buildTextMap(body(html));
    expect(map.text).toBe('Deep down, Sergey Lavrov spoke.');
  });
});
