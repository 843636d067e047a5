/**
 * Anchoring notes (pure): the target recorded when a note is made, and finding it again in a
 * later, possibly edited, copy of the article. Modelled on Hypothesis's `matchQuote`: candidate
 * matches are scored by quote similarity, prefix and suffix similarity, then position.
 */
import { contextErrors, mergeWindows, nearestOccurrences, refineBounds } from './anchor-search';
import { alignToEdge, approxEnds } from './approx-match';
import type { Anchoring, NoteTarget } from './types';

const CONTEXT = 32;
/** Candidates scored at most per search: enough for any real repeated phrase, bounded for hostile text. */
const MAX_CANDIDATES = 200;
/** Approximate candidates whose boundaries are settled against the context (a few alignments each). */
const REFINED = 5;
/**
 * Longest quote searched approximately near its old place, and over the whole text: the cost grows
 * with k/32: ruling out a 512-character quote over 2 MB of repetitive text takes ~0.2 s.
 */
const MAX_APPROX_NEAR = 2048;
const MAX_APPROX_ANYWHERE = 512;
/** Shorter quotes are too easy to find approximately by chance: their context must agree too. */
const SHORT_QUOTE = 32;
const MIN_SHORT_CONTEXT = 0.6;
/** Hypothesis's weights: the quote counts most, then each side of the context equally. */
const QUOTE_WEIGHT = 50;
const SIDE_WEIGHT = 20;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) =>
  i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
const clamp = (n: number, lo: number, hi: number) =>
  Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
const str = (s: unknown) => (typeof s === 'string' ? s : '');

/** The target for `text.slice(start, end)`: the quote, up to 32 UTF-16 units either side, and the offsets. */
export function targetFor(text: string, start: number, end: number): NoteTarget {
  const s = clamp(start, 0, text.length);
  const e = clamp(end, s, text.length);
  let before = Math.max(0, s - CONTEXT);
  if (splitsPair(text, before)) before++;
  let after = Math.min(text.length, e + CONTEXT);
  if (splitsPair(text, after)) after--;
  return { exact: text.slice(s, e), prefix: text.slice(before, s), suffix: text.slice(e, after), start: s, end: e };
}

/** Edits allowed in an approximate match of an m-character quote: a quarter, at least 2, always under half. */
export function maxEditsFor(m: number): number {
  // A quarter lets a 17-character figure ("over 7,500 people") take a new number and a
  // 150-character sentence a few changed words, while a rewritten sentence (most words different:
  // well over half its characters) stays out of reach. Under half, so what matches outweighs the
  // edits; a 1- or 2-character quote must match exactly.
  return Math.max(0, Math.min(Math.max(2, Math.floor(m / 4)), Math.ceil(m / 2) - 1));
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
  /** Mean similarity of the prefix and suffix, 0 to 1. */
  context: number;
}

/** Finds `target` again in `text`: exactly (`changed: null`), approximately (old and new wording), or not at all. */
export function anchorNote(text: string, target: NoteTarget): Anchoring {
  const q = {
    exact: str(target?.exact),
    prefix: str(target?.prefix).slice(-CONTEXT),
    suffix: str(target?.suffix).slice(0, CONTEXT),
  };
  const m = q.exact.length;
  const k = maxEditsFor(m);
  if (typeof text !== 'string' || m === 0 || text.length < m - k) return { state: 'orphan' };
  const hint = clamp(target.start, 0, text.length);
  const { prefix, suffix, exact } = q;
  // Unchanged text: nothing to search.
  if (
    text.startsWith(exact, hint) &&
    hint >= prefix.length &&
    text.startsWith(prefix, hint - prefix.length) &&
    text.startsWith(suffix, hint + m)
  ) {
    return { state: 'anchored', start: hint, end: hint + m, changed: null };
  }

  const score = (start: number, end: number, errors: number): Candidate => {
    const ps = prefix ? 1 - contextErrors(prefix, text, start, true) / prefix.length : 1;
    const ss = suffix ? 1 - contextErrors(suffix, text, end, false) / suffix.length : 1;
    const quote = QUOTE_WEIGHT * Math.max(0, 1 - errors / m);
    return { start, end, errors, score: quote + SIDE_WEIGHT * (ps + ss), context: (ps + ss) / 2 };
  };
  // Best score; equal scores (the same context around each occurrence) go to the nearest to the old place.
  const pick = (cands: Candidate[]): Candidate | null => {
    let best: Candidate | null = null;
    for (const c of cands) {
      const d = best ? c.score - best.score : 1;
      if (d > 1e-9 || (best && d > -1e-9 && Math.abs(c.start - hint) < Math.abs(best.start - hint))) best = c;
    }
    return best;
  };
  const accept = (c: Candidate) =>
    c.errors === 0 || (c.errors <= k && (m >= SHORT_QUOTE || c.context >= MIN_SHORT_CONTEXT));

  // Where the quote should start, judging by halves of its old context found in the text: they
  // locate it after edits elsewhere moved it, and a word changed next to it spoils one half only.
  const hints = [hint];
  const ph = prefix.length >> 1;
  const sh = suffix.length >> 1;
  // Each piece with how far the quote's start lies from where the piece starts.
  const pieces: [string, number][] = [
    [prefix.slice(0, ph), prefix.length],
    [prefix.slice(ph), prefix.length - ph],
    [suffix.slice(0, sh), -m],
    [suffix.slice(sh), -m - sh],
  ];
  for (const [piece, shift] of pieces) {
    if (piece.length < 4) continue;
    for (const at of nearestOccurrences(text, piece, hint, 2)) hints.push(clamp(at + shift, 0, text.length));
  }

  const starts = new Set<number>();
  for (const h of hints)
    for (const at of nearestOccurrences(text, exact, h, Math.ceil(MAX_CANDIDATES / hints.length))) starts.add(at);
  const exactCands = [...starts].map((s) => score(s, s + m, 0));
  let best = pick(exactCands);
  if (best && best.score >= QUOTE_WEIGHT + 2 * SIDE_WEIGHT - 1e-9) return anchored(best);

  const approx = (windows: [number, number][]): Candidate[] => {
    const found = windows.flatMap(([from, to]) => approxEnds(text, exact, k, from, to));
    found.sort((a, b) => a.errors - b.errors || Math.abs(a.end - m - hint) - Math.abs(b.end - m - hint));
    // Each start costs an m·(2e+1) alignment: fewer candidates for long quotes keeps hostile text cheap.
    const cap = Math.max(8, Math.min(MAX_CANDIDATES, Math.floor(4e6 / (m * (2 * k + 1)))));
    const rough = found.slice(0, cap).map((f) => {
      const back = alignToEdge(exact, text.slice(Math.max(0, f.end - m - f.errors), f.end), f.errors, true);
      return score(f.end - back.length, f.end, back.errors);
    });
    const top = rough
      .filter(accept)
      .sort((a, b) => b.score - a.score)
      .slice(0, REFINED);
    return top.flatMap((c) => {
      const r = refineBounds(text, q, c.start, k);
      if (!r) return [];
      const start = splitsPair(text, r.start) ? r.start - 1 : r.start;
      const end = splitsPair(text, r.end) ? r.end + 1 : r.end;
      return [score(start, end, r.errors)];
    });
  };
  // Approximately: first around the hints only; over the whole text only if nothing matched at all.
  if (m <= MAX_APPROX_NEAR) {
    const pad = k + CONTEXT;
    const windows = mergeWindows(
      hints.map((h): [number, number] => [Math.max(0, h - pad), Math.min(text.length, h + m + pad)]),
    );
    best = pick([...exactCands, ...approx(windows).filter(accept)]);
  }
  if (!best && m <= MAX_APPROX_ANYWHERE) best = pick(approx([[0, text.length]]).filter(accept));
  return best ? anchored(best) : { state: 'orphan' };

  function anchored(c: Candidate): Anchoring {
    const after = text.slice(c.start, c.end);
    return {
      state: 'anchored',
      start: c.start,
      end: c.end,
      changed: after === exact ? null : { before: exact, after },
    };
  }
}
