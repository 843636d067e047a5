/**
 * Whether two outlets' figures measure the same thing, so that one may be said to agree or
 * differ with the other. A toll is about one place: "16 killed" in one town on Monday and "30
 * killed" in another on Sunday are two incidents, not a contradiction.
 */
import { daysBetween } from './dates';
import { below, type FigureNumbers, sameKind, valuesAgree } from './figure-values';

/** One incident's toll (the gold's `killed`): comparable only with the same incident's. */
export const INCIDENT = new Set(['killed', 'wounded', 'arrested']);
/** A cumulative toll (`deaths`): one series per place, which only ever grows. */
export const CUMULATIVE = new Set(['deaths']);
/** Reports of one incident run within a day or two of it. */
const INCIDENT_DAYS = 2;

/** A figure with its article's date. */
export type DatedFigure = FigureNumbers & { published: string | null };

const isToll = (counts: string) => INCIDENT.has(counts) || CUMULATIVE.has(counts);

/**
 * Whether `b` is worth showing beside `a`: the same kind of count in the same unit. A toll is
 * shown whatever its place (the reader sees the other incidents); other figures only about
 * the same subject.
 */
export function related(a: FigureNumbers, b: FigureNumbers): boolean {
  if (a.counts !== b.counts || (a.unit && b.unit && a.unit !== b.unit)) return false;
  return isToll(a.counts) || sameKind(a, b);
}

/**
 * Whether two figures measure the same thing: for an incident toll, the same kind of count
 * at the same place within two days; for a cumulative toll, the same place at any date (a
 * series); for anything else, the same kind, subject and unit. A toll whose place is not
 * named cannot be placed in either, so it is never judged.
 */
export function sameMeasure(a: DatedFigure, b: DatedFigure): boolean {
  if (!sameKind(a, b)) return false;
  if (!isToll(a.counts)) return true;
  if (!a.subject || !b.subject) return false;
  if (CUMULATIVE.has(a.counts)) return true;
  const days = daysBetween(a.published, b.published);
  return days !== null && Math.abs(days) <= INCIDENT_DAYS;
}

/**
 * One article's incident tolls that name no single incident: when it gives two tolls of one
 * kind for one place that disagree ("about 30" and "at least 45"), it reports several
 * incidents there, and none of its tolls for that place can be matched to another outlet's.
 */
export function unclearIncidents<T extends FigureNumbers>(figures: readonly T[]): Set<T> {
  const tolls = figures.filter((f) => INCIDENT.has(f.counts));
  const place = (f: T) => `${f.counts}|${f.subject?.toLowerCase() ?? ''}`;
  const unclear = new Set<T>();
  for (const f of tolls) {
    const same = tolls.filter((g) => place(g) === place(f));
    if (same.some((g) => !valuesAgree(f, g))) for (const g of same) unclear.add(g);
  }
  return unclear;
}

/**
 * How one cumulative toll moved between two reports of it on different dates: 'grew' when the
 * later is the higher (growth, not a contradiction), 'fell' when the later is the lower (which
 * time does not explain); null for any other count, the same day, an unknown date, or values
 * that agree.
 */
export function tollChange(a: DatedFigure, b: DatedFigure): 'grew' | 'fell' | null {
  if (!CUMULATIVE.has(a.counts)) return null;
  const days = daysBetween(a.published, b.published);
  if (days === null || days === 0) return null;
  const [earlier, later] = days > 0 ? [a, b] : [b, a];
  return below(earlier, later) ? 'grew' : below(later, earlier) ? 'fell' : null;
}

/** Whether a difference between two measures of one cumulative toll is its growth. */
export const tollGrew = (a: DatedFigure, b: DatedFigure): boolean => tollChange(a, b) === 'grew';
