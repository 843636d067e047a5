import type { Counts } from '../types';
import type { RawFigure } from './scan';

/** What classify found a figure counts, and the text around it. */
export interface Reading {
  counts: Counts;
  unit: string;
  before: string;
  after: string;
  /** An actor other than a mere agency source stands by the figure (see classify.ts). */
  tiedToActor: boolean;
}

/** "145 drones and four missiles, of which 120 were shot down": a part of what was just counted. */
const PART_OF = /\bof (?:which|whom)\s+$/i;

// "up 21 percent", "a 20 percent increase", "rose by 4%": a rate of change. A price's change
// is market data; a state's pledge to cut a stockpile "by 98 percent" is a term of a deal.
const CHANGE_BEFORE = /\b(?:up|down|by|rose|fell|grew|jumped|dropped|climbed|slid|gained|lost)\s+$/i;
const CHANGE_AFTER =
  /^\s+(?:increase|rise|drop|decrease|jump|fall|gain|decline|hike|cut|higher|lower|more|less)\b|^\s+(?:from|on|over) (?:last|a|the previous) (?:year|month|week)\b/i;

/**
 * Whether a figure is worth comparing across outlets. Money, votes, counts of people and levels
 * in percent always are. A change in percent, a count of things or a measure is only where an
 * actor stands by it ("Russia launched 145 drones", "NATO's 10-member bloc"): "two
 * pumpkin pies" or "259 yards" are not what readers cross-check. A bare number with nothing
 * counted ("stands at 5", "at the 1") is a label or a reference, unless it is a part of what
 * was just counted.
 */
export function isCheckable(f: RawFigure, reading: Reading): boolean {
  if (reading.counts === 'percent')
    return reading.tiedToActor || (!CHANGE_BEFORE.test(reading.before) && !CHANGE_AFTER.test(reading.after));
  if (reading.counts !== 'other' || f.against !== undefined || reading.unit === 'people') return true;
  // "$100 million from A, 50 million from B": an amount whose sign was lost still counts.
  if (reading.unit === 'items' && !f.measure && !PART_OF.test(reading.before)) return !!f.scaled && reading.tiedToActor;
  return reading.tiedToActor;
}
