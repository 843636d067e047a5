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
  /** Opened by the mark that continues the previous paragraph's quotation: the same speaker's words. */
  continues?: boolean;
}

const MARKS = /["“”„«»]/g;
const OPENERS: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };

/**
 * Double-quoted passages, paragraph by paragraph. Straight quotes toggle; curly and
 * guillemet quotes pair by shape. A quotation left open at a paragraph's end stops there:
 * when the next paragraph opens with a quote mark (the newspaper convention for quotes
 * running over several paragraphs), that mark opens its continuation, marked `continues`.
 */
export function doubleQuotes(text: string, paras: readonly Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carried = false;
  for (const para of paras) {
    let open: { open: number; closer: string } | null = null;
    let continues = false;
    MARKS.lastIndex = para.start;
    for (let m = MARKS.exec(text); m && m.index < para.end; m = MARKS.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (open && closes(open.closer, ch)) {
        if (i - open.open > 1) out.push(span(open.open, i, true, continues));
        open = null;
        continues = false;
      } else if (!open && opens(text, i, ch)) {
        open = { open: i, closer: OPENERS[ch] ?? '”' };
        continues = carried && i === para.start;
      }
    }
    carried = false;
    if (open) {
      out.push(span(open.open, para.end, false, continues));
      carried = true;
    }
  }
  return out;
}

const closes = (closer: string, ch: string) =>
  ch === closer || (closer === '”' && ch === '"') || (closer === '"' && ch === '”');

/** An opening mark; a right quote after a space and before a letter opens too, as careless copy writes it. */
const opens = (text: string, i: number, ch: string) =>
  ch in OPENERS || (ch === '”' && /\s/.test(text[i - 1] ?? ' ') && /\p{L}/u.test(text[i + 1] ?? ''));

function span(open: number, close: number, closed: boolean, continues: boolean): QuoteSpan {
  const q: QuoteSpan = { open, close, start: open + 1, end: close, closed };
  if (continues) q.continues = true;
  return q;
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
