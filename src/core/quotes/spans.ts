import type { Span } from '../text/sentences';

/** A quotation: the marks and the text between them. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (or the paragraph end when the source never closes it). */
  close: number;
  /** Text between the marks. */
  start: number;
  end: number;
  closed: boolean;
}

const MARKS = /["“”„«»]/g;
const OPENERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };

/**
 * Double-quoted passages, paragraph by paragraph. Straight quotes toggle; curly and
 * guillemet quotes pair by shape. A paragraph that ends inside a quotation continues it
 * when the next paragraph opens with a quote mark (the newspaper convention for quotes
 * running over several paragraphs); otherwise the quote closes at the paragraph's end.
 */
export function doubleQuotes(text: string, paras: readonly Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let pending: { open: number; closer: string } | null = null;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    let open: { open: number; closer: string } | null = pending;
    pending = null;
    MARKS.lastIndex = para.start;
    for (let m = MARKS.exec(text); m && m.index < para.end; m = MARKS.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (open && i === para.start && ch in OPENERS && open.open < para.start) continue; // continuation mark
      if (open && (ch === open.closer || (open.closer === '”' && ch === '"') || (open.closer === '"' && ch === '”'))) {
        if (i - open.open > 1) out.push({ open: open.open, close: i, start: open.open + 1, end: i, closed: true });
        open = null;
      } else if (!open && ch in OPENERS) {
        open = { open: i, closer: OPENERS[ch]! };
      }
    }
    if (open) {
      const next = paras[p + 1];
      if (next && text[next.start]! in OPENERS) pending = open;
      else out.push({ open: open.open, close: para.end, start: open.open + 1, end: para.end, closed: false });
    }
  }
  return out;
}

// 'stand silent,' in headlines and subheads: a straight or curly single quote that opens
// after a space and closes before a space or punctuation. Apostrophes (Russia's, Moscow’s)
// are not openers: they follow a letter.
const SINGLE = /(['‘])(?=\p{L})([^'‘’\n]{2,200}?[\p{L}\p{N},.!?])(['’])(?=[\s,.;:!?)]|$)/uy;
const OPENING = /(?:^|[\s(])['‘]/g;

/** Single-quoted passages outside double quotes. */
export function singleQuotes(text: string, doubles: readonly QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // Find candidate opening marks cheaply, then try the full pattern only there.
  OPENING.lastIndex = 0;
  for (let o = OPENING.exec(text); o; o = OPENING.exec(text)) {
    SINGLE.lastIndex = o.index + o[0].length - 1;
    const m = SINGLE.exec(text);
    if (!m) continue;
    const open = m.index;
    OPENING.lastIndex = open + m[0].length;
    const close = open + 1 + m[2]!.length;
    if (doubles.some((d) => open >= d.open && open <= d.close)) continue;
    out.push({ open, close, start: open + 1, end: close, closed: true });
  }
  return out;
}

/** All quotations in reading order, without the spaces French puts inside « ». */
export function quoteSpans(text: string, paras: readonly Span[]): QuoteSpan[] {
  const doubles = doubleQuotes(text, paras);
  return [...doubles, ...singleQuotes(text, doubles)]
    .sort((a, b) => a.open - b.open)
    .map((q) => trimmed(text, q))
    .filter((q) => q.end > q.start);
}

function trimmed(text: string, q: QuoteSpan): QuoteSpan {
  let { start, end } = q;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start === q.start && end === q.end ? q : { ...q, start, end };
}
