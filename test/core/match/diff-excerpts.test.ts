import { describe, expect, it } from 'vitest';
import { diffExcerpts, syndicationDiff } from '../../../src/core/match';

const shown = (excerpt: { op: string; text: string }[]) =>
  excerpt.map((r) => (r.op === 'same' ? r.text : r.op === 'added' ? `[+${r.text}]` : `[-${r.text}]`)).join('');

describe('diffExcerpts', () => {
  const original =
    'The council of Vardania met on Tuesday in the port city of Ostrel to discuss the grain corridor. ' +
    'Its chairman, Lio Marren, said the talks had gone well and would resume in the spring. ' +
    'Delegates from nine states attended, and two observers from the coastal league were also present.';

  it('shows each edit of a lightly edited copy with a few words around it', () => {
    const edited = original.replace('on Tuesday', 'on Wednesday').replace('nine states', 'ten states');
    const excerpts = diffExcerpts(syndicationDiff(original, edited), 3);
    expect(excerpts.map(shown)).toEqual([
      '…Vardania met on [-Tuesday][+Wednesday] in the port…',
      '…spring. Delegates from [-nine][+ten] states attended, and…',
    ]);
  });

  it('shows a trimmed copy as the text it left out, once', () => {
    const trimmed = original.slice(0, original.indexOf(' Delegates'));
    const excerpts = diffExcerpts(syndicationDiff(original, trimmed), 3);
    expect(excerpts).toHaveLength(1);
    expect(shown(excerpts[0]!)).toMatch(/^…in the spring\.\[- Delegates from nine states[^\]]*present\.\]$/);
  });

  it('joins edits close together into one excerpt', () => {
    const edited = original.replace('port city', 'harbour city').replace('grain corridor', 'salt corridor');
    expect(diffExcerpts(syndicationDiff(original, edited), 8)).toHaveLength(1);
  });

  it('has nothing to show for the same text', () => {
    expect(diffExcerpts(syndicationDiff(original, original))).toEqual([]);
  });
});
