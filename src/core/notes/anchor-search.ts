/**
 * Helpers for re-anchoring notes (pure): finding occurrences near a place, comparing a note's old
 * context with the text around a candidate, and settling an approximate match's boundaries.
 */
import { alignToEdge, edgeCosts, INF } from './approx-match';

/** What a note remembers of its text: the quote and up to 32 characters either side. */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Extra characters read around a candidate so an insertion in the context still aligns. */
const SLACK = 8;

/** Edits between `ctx` and the text just before offset `at` (`before`) or just after it. */
export function contextErrors(ctx: string, text: string, at: number, before: boolean): number {
  if (ctx.length === 0) return 0;
  const around = before
    ? text.slice(Math.max(0, at - ctx.length - SLACK), at)
    : text.slice(at, at + ctx.length + SLACK);
  return alignToEdge(ctx, around, ctx.length, before).errors;
}

/**
 * Boundaries, and the quote's edits, of the approximate match starting near `start` that agrees
 * best with the context.
 */
export function refineBounds(
  text: string,
  q: Quote,
  start: number,
  k: number,
): { start: number; end: number; errors: number } | null {
  // Edit distance alone cannot tell "be untimely." → "be pre" from "be premature." (the same
  // cost); the context can: the end minimises the quote's edits plus the suffix's, then the
  // start the quote's plus the prefix's.
  const m = q.exact.length;
  const fwd = edgeCosts(q.exact, text.slice(start, start + m + k), k, false);
  const len = bestBoundary(fwd, m, q.suffix.length, (j) => contextErrors(q.suffix, text, start + j, false));
  if (len < 0) return null;
  const end = start + len;
  const from = Math.max(0, end - m - k);
  const back = edgeCosts(q.exact, text.slice(from, end), k, true);
  const len2 = bestBoundary(back, m, q.prefix.length, (j) => contextErrors(q.prefix, text, end - j, true));
  return len2 < 0 ? null : { start: end - len2, end, errors: back[len2]! };
}

/** The length j with the fewest quote edits `costs[j]` plus context edits, nearest `m` on ties; -1 if none. */
function bestBoundary(costs: Int32Array, m: number, contextLength: number, context: (j: number) => number): number {
  const min = costs.reduce((a, b) => Math.min(a, b), INF);
  let best = -1;
  let bestCost = INF;
  costs.forEach((c, j) => {
    // The context can save at most its own length in edits.
    if (min === INF || c > min + contextLength) return;
    const total = c + context(j);
    if (total < bestCost || (total === bestCost && Math.abs(j - m) < Math.abs(best - m))) [best, bestCost] = [j, total];
  });
  return best;
}

/** Up to `count` offsets where `needle` occurs, nearest to `h` first. */
export function nearestOccurrences(text: string, needle: string, h: number, count: number): number[] {
  // Scanning outwards from `h`, not listing every occurrence: a text that repeats the needle a
  // million times costs no more than a plain one.
  const out: number[] = [];
  let fwd = text.indexOf(needle, h);
  let back = h > 0 ? text.lastIndexOf(needle, h - 1) : -1;
  while (out.length < count && (fwd !== -1 || back !== -1)) {
    if (fwd === -1 || (back !== -1 && h - back <= fwd - h)) {
      out.push(back);
      back = back > 0 ? text.lastIndexOf(needle, back - 1) : -1;
    } else {
      out.push(fwd);
      fwd = text.indexOf(needle, fwd + 1);
    }
  }
  return out;
}

/** Overlapping [from, to) windows merged, so no match is found (and scored) twice. */
export function mergeWindows(windows: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of [...windows].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
