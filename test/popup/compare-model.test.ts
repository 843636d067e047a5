import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/core/types';
import { compareRows, factRuns, paragraphSpans, sharedFacts, type Version } from '../../src/popup/views/compare-model';

const version = (key: string, text: string, annotations: Annotation[] = []): Version => ({
  key,
  title: key,
  text,
  paragraphs: paragraphSpans(text),
  annotations,
});
const actor = (text: string, start: number, actorId: string) =>
  ({
    kind: 'actor',
    start,
    end: start + text.length,
    text,
    actorId,
    label: text,
    actorType: 'person',
    via: 'name',
  }) as unknown as Annotation;

const A =
  'Russian Foreign Minister Sergey Lavrov said Syrian authorities bear a huge share of responsibility.\n\nThe council met behind closed doors on Monday afternoon in New York.\n\nCanada pledged six million dollars in humanitarian assistance.';
const B =
  'Russian Foreign Minister Sergei Lavrov said Syrian authorities bear a huge share of responsibility.\n\nFootball results from the weekend were announced by the league.\n\nThe council met behind closed doors on Monday afternoon in New York.';

describe('the side-by-side model', () => {
  it('splits paragraphs at blank lines, with their offsets', () => {
    expect(
      paragraphSpans('One.\n\nTwo\nlines.\n\n\nThree.').map((s) =>
        'One.\n\nTwo\nlines.\n\n\nThree.'.slice(s.start, s.end),
      ),
    ).toEqual(['One.', 'Two\nlines.', 'Three.']);
  });

  it('pairs counterparts, shows the edits of an edited paragraph, and sets lone paragraphs side by side', () => {
    const rows = compareRows(version('a', A), version('b', B));
    expect(rows.map((r) => [r.left, r.right, r.paired])).toEqual([
      [0, 0, true],
      [null, 1, false],
      [1, 2, true],
      [2, null, false],
    ]);
    expect(rows[0]!.diff).toEqual(
      expect.arrayContaining([
        { op: 'removed', text: 'Sergey' },
        { op: 'added', text: 'Sergei' },
      ]),
    );
    const lone = compareRows(
      version('a', 'Alpha beta gamma delta.\n\nShared paragraph about the council meeting today.'),
      version('b', 'Something else entirely here.\n\nShared paragraph about the council meeting today.'),
    );
    expect(lone.map((r) => [r.left, r.right, r.paired])).toEqual([
      [0, 0, false],
      [1, 1, true],
    ]);
  });

  it('marks only the facts both versions carry', () => {
    const left = version('a', A, [
      actor('Sergey Lavrov', A.indexOf('Sergey'), 'sergey-lavrov'),
      actor('Canada', A.indexOf('Canada'), 'canada'),
    ]);
    const right = version('b', B, [actor('Sergei Lavrov', B.indexOf('Sergei'), 'sergey-lavrov')]);
    expect([...sharedFacts(left, right)]).toEqual(['actor:sergey-lavrov']);
    const runs = factRuns(left, 0, sharedFacts(left, right));
    expect(runs.filter((r) => r.fact)).toEqual([{ text: 'Sergey Lavrov', fact: 'actor' }]);
    expect(runs.map((r) => r.text).join('')).toBe(A.split('\n\n')[0]);
    expect(factRuns(left, 2, sharedFacts(left, right)).every((r) => r.fact === null)).toBe(true);
  });
});
