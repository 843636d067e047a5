import { alignParagraphs, syndicationDiff, type AlignedRow, type WordDiff } from '../../core/match';
import type { Annotation } from '../../core/types';

/** One version as the side-by-side view reads it. */
export interface Version {
  key: string;
  title: string;
  text: string;
  /** Paragraph spans of `text`. */
  paragraphs: { start: number; end: number }[];
  annotations: Annotation[];
}

/** Paragraph spans of text whose paragraphs are separated by blank lines. */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** What a fact is, across versions: the same actor, the same figure (kind and value), the same quote. */
export function factKey(a: Annotation): string | null {
  if (a.kind === 'actor') return a.actorId && a.via !== 'role' ? `actor:${a.actorId}` : null;
  if (a.kind === 'figure') return `figure:${a.counts}:${a.value ?? `${a.low}-${a.high}`}`;
  return `quote:${a.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}

/** The facts both versions carry. */
export function sharedFacts(a: Version, b: Version): Set<string> {
  const keys = (v: Version) => new Set(v.annotations.map(factKey).filter((k): k is string => k !== null));
  const mine = keys(a);
  return new Set([...keys(b)].filter((k) => mine.has(k)));
}

/** Paragraphs this alike are one paragraph edited: the view shows the edits, not the facts. */
export const EDITED = 0.5;

export interface CompareRow extends AlignedRow {
  /** Whether the two paragraphs are counterparts; unpaired ones only share the row to save space. */
  paired: boolean;
  /** For an edited pair: the word diff from left to right. */
  diff: WordDiff[] | null;
}

/**
 * The aligned rows of two versions, with the edits of paragraphs that are one paragraph
 * edited. Between two pairs, the paragraphs each version has alone are set side by side
 * (unpaired) rather than each on a row with a blank beside it.
 */
export function compareRows(left: Version, right: Version): CompareRow[] {
  const text = (v: Version, i: number) => v.text.slice(v.paragraphs[i]!.start, v.paragraphs[i]!.end);
  const aligned = alignParagraphs(
    left.paragraphs.map((_, i) => text(left, i)),
    right.paragraphs.map((_, i) => text(right, i)),
  );
  const rows: CompareRow[] = [];
  let lefts: number[] = [];
  let rights: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(lefts.length, rights.length); k++)
      rows.push({ left: lefts[k] ?? null, right: rights[k] ?? null, similarity: 0, paired: false, diff: null });
    lefts = [];
    rights = [];
  };
  for (const r of aligned) {
    if (r.left !== null && r.right !== null) {
      flush();
      rows.push({
        ...r,
        paired: true,
        diff: r.similarity >= EDITED ? syndicationDiff(text(left, r.left), text(right, r.right)) : null,
      });
    } else if (r.left !== null) lefts.push(r.left);
    else if (r.right !== null) rights.push(r.right);
  }
  flush();
  return rows;
}

/** A paragraph cut into plain runs and runs that are a shared fact (outermost fact wins where they nest). */
export function factRuns(v: Version, paragraph: number, shared: Set<string>): { text: string; fact: string | null }[] {
  const { start, end } = v.paragraphs[paragraph]!;
  const marks = v.annotations
    .filter((a) => a.start >= start && a.end <= end)
    .map((a) => ({ a, key: factKey(a) }))
    .filter((m) => m.key !== null && shared.has(m.key))
    .sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end);
  const runs: { text: string; fact: string | null }[] = [];
  let at = start;
  for (const { a, key } of marks) {
    if (a.start < at) continue; // inside a fact already marked
    if (a.start > at) runs.push({ text: v.text.slice(at, a.start), fact: null });
    runs.push({ text: v.text.slice(a.start, a.end), fact: key!.split(':')[0]! });
    at = a.end;
  }
  if (at < end) runs.push({ text: v.text.slice(at, end), fact: null });
  return runs;
}
