/** Sentence and paragraph spans of plain article text. */

export interface Span {
  start: number;
  end: number;
}

// Words whose trailing full stop never ends a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'sen',
  'rep',
  'gov',
  'st',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'prof',
  'rev',
  'adm',
  'cmdr',
]);

/** Paragraphs: runs of text between line breaks, trimmed. */
export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return spans;
}

// A terminator, any closing quotes or brackets, then either space or a capital glued on
// ("doors.The talks", as scraped text often has).
const END = /([.!?…]+)(["'”’)\]]*)(?=(\s+)["“‘'(]?[\p{Lu}\p{N}]|["“‘]\p{Lu}|\p{Lu}\p{Ll})/gu;

/** Sentences inside each paragraph. Abbreviations ("U.S.", "Gen.") do not end one. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphs(text)) {
    const body = text.slice(para.start, para.end);
    let from = 0;
    END.lastIndex = 0;
    for (let m = END.exec(body); m; m = END.exec(body)) {
      const [, stop = '', closers = ''] = m;
      if (stop === '.' && endsWithAbbreviation(body, m.index)) continue;
      const end = m.index + stop.length + closers.length;
      push(out, para.start, body, from, end);
      from = end;
    }
    push(out, para.start, body, from, body.length);
  }
  return out;
}

function endsWithAbbreviation(body: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) return true; // U.S. / J. Smith
  return ABBREVIATIONS.has(word.toLowerCase());
}

function push(out: Span[], base: number, body: string, from: number, to: number): void {
  const slice = body.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const trimmed = slice.trim();
  if (trimmed) out.push({ start: base + from + lead, end: base + from + lead + trimmed.length });
}

/** Index of the span containing `offset` (binary search; spans sorted, disjoint). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
