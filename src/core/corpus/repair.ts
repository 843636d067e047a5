/**
 * Repairs of scraped text that keep every word of the article: whitespace, a teaser run
 * together with the paragraph it teases, sentences glued without a space.
 */

// Spaces that are not plain (NBSP, thin, ideographic, tabs) and invisible characters.
// ZWJ and ZWNJ stay: Persian, Arabic and Indic spellings and emoji need them.
const ODD_SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** The text's non-empty lines, each with plain single spaces and trimmed. */
export function normaliseLines(raw: string): string[] {
  return raw
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter(Boolean);
}

const ELLIPSIS = /\.{3}|…/g;
const SENTENCE_END = /[.!?]["”’')\]]*$/;

/**
 * "Lede.Securit...Lede." → "Lede.": a line that says a sentence, breaks off in a truncated
 * fragment ending in an ellipsis, then says the same sentence again is a teaser run into
 * the text it teases; keep the full text after the ellipsis.
 */
export function dropRepeatedTeaser(line: string): string {
  for (const m of line.matchAll(ELLIPSIS)) {
    const before = line.slice(0, m.index);
    const after = line.slice(m.index + m[0].length).trimStart();
    let shared = commonPrefix(before, after);
    // The repeat covers the teaser whole, or ends at a sentence end before its fragment.
    if (shared < before.length) shared = lastSentenceEnd(before.slice(0, shared));
    const repeat = before.slice(0, shared);
    const fragment = before.slice(shared);
    if (repeat.length >= 20 && repeat.includes(' ') && fragment.length <= 80 && !/[.!?]/.test(fragment)) return after;
  }
  return line;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function lastSentenceEnd(text: string): number {
  for (let end = text.length; end > 0; end--) if (SENTENCE_END.test(text.slice(0, end))) return end;
  return 0;
}

// A sentence's end glued to the next sentence's first word. The end follows a lower-case
// letter, a digit, %, a closing bracket or an acronym written without dots ("AFP.Mass");
// "U.S." and "U.N." never match (each dot follows a single capital), nor do decimals
// (a digit follows the dot). The next word is capitalised, or "A" or "I", or opens a quote.
const GLUED =
  /((?:[\p{Ll}\d%)\]]|(?<![\p{L}.])\p{Lu}{2,})(?:[.!?]+|…)["”’')\]]*)(?=["“‘(]?\p{Lu}\p{Ll}|[“‘]\p{Lu}|[AI] )/gu;

/** "doors.The talks" → "doors. The talks"; web addresses are left alone. */
export function spaceGluedSentences(line: string): string {
  return line.replace(GLUED, (stop: string, _g: string, at: number) => {
    const word = line.slice(line.lastIndexOf(' ', at) + 1, at + stop.length);
    return /\/|www\.|@|\.(?:com|org|net|php|html?)\b/i.test(word) ? stop : `${stop} `;
  });
}
