import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { FigureAnnotation } from '../../src/core/types';

// Invented sentences: a running total is `deaths`, one incident's toll is `killed`; a toll's
// subject is the state where the deaths happened.
const figures = (text: string) => annotate(text).filter((a): a is FigureAnnotation => a.kind === 'figure');
const counts = (text: string) => figures(text).map((f) => f.counts);

describe('cumulative tolls and incident tolls', () => {
  it('reads a toll since a start, so far, to date or in total as cumulative', () => {
    expect(counts('More than 9,400 people have been killed since the revolt began, monitors say.')).toEqual(['deaths']);
    expect(counts('Since March, more than 9,400 people have been killed.')).toEqual(['deaths']);
    expect(counts('So far 45 villagers have died in the floods.')).toEqual(['deaths']);
    expect(counts('To date, 310 civilians have been killed in the district.')).toEqual(['deaths']);
    expect(counts('In total, 2,300 fighters died over the past three years.')).toEqual(['deaths']);
  });

  it('reads a war or uprising that has killed as a running total', () => {
    expect(counts('The insurgency has killed 12,000 people.')).toEqual(['deaths']);
  });

  it("reads one incident's toll as killed, even with a perfect tense or a toll word", () => {
    expect(counts("Thirty people were killed in Sunday's shelling of Dorvan.")).toEqual(['killed']);
    expect(counts('An air strike has killed 14 people in Dorvan.')).toEqual(['killed']);
    expect(counts("The death toll from Tuesday's blast in Dorvan rose to 52.")).toEqual(['killed']);
  });

  it('tells the two apart in one sentence', () => {
    expect(
      counts("Thirty people were killed in Sunday's shelling of Dorvan, bringing the toll since March to 9,400."),
    ).toEqual(['killed', 'deaths']);
  });
});

describe('the subject of a toll', () => {
  it('is the state where the deaths happened, not the nearest state named', () => {
    expect(figures("Russia said 30 people were killed in Ukraine's province of Dovrenko.")[0]?.subject).toBe('Ukraine');
    expect(
      figures('Saudi Arabia said 40 people were killed on Sunday in a raid on a market in Yemen.')[0]?.subject,
    ).toBe('Yemen');
  });

  it('is the state whose region is named: "X\'s eastern region"', () => {
    expect(figures("Iraq said 12 people died in clashes near Syria's northern province.")[0]?.subject).toBe('Syria');
  });

  it('falls back to the state named nearest when no place is given', () => {
    expect(figures('Syria said gunmen killed 12 soldiers.')[0]?.subject).toBe('Syria');
  });
});
