import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../../../src/core/match/align-paragraphs';

const WIRE = [
  'The United States and Russia clashed over Syria at the UN on Monday after Secretary-General Ban Ki-moon urged the divided Security Council to speak with one voice.',
  'Washington and Moscow both called for an end to the bloody yearlong conflict, but on different terms.',
  'Secretary of State Hillary Rodham Clinton rejected any equivalence between the premeditated murders carried out by the military machine and the civilians under siege.',
  'Russian Foreign Minister Sergey Lavrov said Syrian authorities bear a huge share of responsibility.',
];

describe('alignParagraphs', () => {
  it('pairs a copy paragraph by paragraph, in order, with their similarity', () => {
    const copy = WIRE.map((p) => p.replace('Sergey', 'Sergei').replace('Monday', 'Tuesday'));
    const rows = alignParagraphs(WIRE, copy);
    expect(rows.map((r) => [r.left, r.right])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(rows.every((r) => r.similarity > 0.8)).toBe(true);
  });

  it('gives a paragraph only one version has a row of its own, where it falls', () => {
    const edited = [
      WIRE[0]!,
      'Activists say more than 7,500 people have been killed in a year of violence across Syria.',
      WIRE[1]!,
      WIRE[3]!,
    ];
    expect(alignParagraphs(WIRE, edited).map((r) => [r.left, r.right])).toEqual([
      [0, 0],
      [null, 1],
      [1, 2],
      [2, null],
      [3, 3],
    ]);
  });

  it('does not pair paragraphs about different things', () => {
    const other = [
      'The football season ended with a draw in the capital on Sunday evening.',
      'Fans celebrated long into the night despite the weather.',
    ];
    const rows = alignParagraphs(WIRE.slice(0, 2), other);
    expect(rows.filter((r) => r.left !== null && r.right !== null)).toEqual([]);
    expect(rows).toHaveLength(4);
  });

  it('keeps reading order when a paragraph moved, pairing the larger in-order run', () => {
    const moved = [WIRE[1]!, WIRE[2]!, WIRE[3]!, WIRE[0]!];
    const pairs = alignParagraphs(WIRE, moved)
      .filter((r) => r.left !== null && r.right !== null)
      .map((r) => [r.left, r.right]);
    expect(pairs).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it('handles empty versions', () => {
    expect(alignParagraphs([], [])).toEqual([]);
    expect(alignParagraphs(['Only here.'], [])).toEqual([{ left: 0, right: null, similarity: 0 }]);
  });
});
