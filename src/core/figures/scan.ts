import type { Qualifier } from '../types';
import type { Tokens } from '../text/tokenize';
import { scanForeignWords } from './foreign-words';
import { isLabel, isVoteTally } from './labels';
import { scanOrdinalCounts } from './ordinals';
import { scanSingleVotes } from './single-votes';
import { FRACTIONS, SCALES, VAGUE, numberStyle, parseDigits, wordValue, type NumberStyle } from './numbers';

/** A quantity found in the text, before classification. */
export interface RawFigure {
  start: number;
  end: number;
  value: number | null;
  low?: number;
  high?: number;
  currency?: string;
  percent?: boolean;
  qualifier: Qualifier | null;
  /** A vote tally "13-2": the second number. */
  against?: number;
  /** A unit written with the number: "275kg". */
  measure?: string;
  /** Written with a scale word: "50 million". */
  scaled?: boolean;
}

const CUR = String.raw`(?:US\$|CA?\$|A\$|NZ\$|HK\$|\$|€|£|¥)`;
const NUM: Record<NumberStyle, string> = {
  english: String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`,
  european: String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`,
};
const SCALE_WORDS = [
  '[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|millions|[Mm]ln|[Bb]ln',
  String.raw`milliards?|[Mm]illionen|[Mm]illiarden?|Mio\.?|Mrd\.?`,
].join('|');
const SCALE = String.raw`(?:\s?(${SCALE_WORDS})(?![\p{L}])|(mln|mn|bn|tn|[mMkKbB])(?![\p{L}]))`;
const PERCENT = String.raw`(?:\s?(%|percent\b|per cent\b))?`;
const MEASURE = String.raw`(?:\s?(kg|km|kt|Mt|MW|GW|mph|sq km|km²)(?![\p{L}]))?`;
// Sticky: tried only where a digit token starts (or its currency sign), not over all the text.
const numeric = (style: NumberStyle) =>
  new RegExp(
    String.raw`(${CUR})?\s?(${NUM[style]})(?:\s?(?:-|–|to)\s?(?:${CUR})?\s?(${NUM[style]}))?` +
      String.raw`${SCALE}?${PERCENT}${MEASURE}(?![\p{L}\p{N}])`,
    'uy',
  );
const CURRENCY_BEFORE = new RegExp(String.raw`${CUR}\s?$`, 'u');
const GLUED = /[\p{L}\p{N}.,/_-]/u; // "G20", "F-16", "IMG_4417"

const WORD_NUMBER = [
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?',
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve',
  'thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen',
].join('|');
const WORDS = new RegExp(
  '(?:(two|three|four)-(thirds|quarters|fifths)' +
    '|(tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)' +
    String.raw`|(${WORD_NUMBER})(?:\s(hundred|thousand|million|billion))?)\b`,
  'iuy',
);
/** Keys of the tokens a written number can start with. */
const WORD_STARTS = new Set(
  (
    'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety a tens hundreds dozens scores ' +
    'thousands millions'
  ).split(' '),
);

// One pattern, anchored at the end of the text before the number; the group that matched says which.
const QUALIFIER_WORDS: [string, Qualifier][] = [
  ['at least|au moins|mindestens|по меньшей мере', 'at least'],
  ['more than|over|upwards of|in excess of|plus de|mehr als|über|более|свыше', 'over'],
  ['nearly|almost|close to', 'nearly'],
  ['up to|as many as', 'up to'],
  ['fewer than|less than|under', 'under'],
  ['(?:an )?estimated', 'estimated'],
  ['about|around|some|roughly|approximately|an? approximate|environ|quelque|etwa|rund|около|примерно', 'about'],
];
const QUALIFIER = new RegExp(`(?<![\\p{L}])(?:${QUALIFIER_WORDS.map(([w]) => `(${w})`).join('|')})$`, 'iu');
const MONTH = new RegExp(
  [
    '^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*',
    'janvier|février|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
    String.raw`января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?$`,
  ].join('|'),
  'iu',
);
const DOCUMENT_WORDS = [
  String.raw`resolutions?|no\.?|nos\.?|article|articles|chapter|section|paragraph|item|page`,
  String.raw`flight|room|route|highway|protocol|decree|law|number|res\.?|aged?`,
].join('|');
const DOCUMENT = new RegExp(String.raw`(?:\b(?:${DOCUMENT_WORDS})|#)\s*$`, 'i');
const DURATION = new RegExp(
  String.raw`^[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|seconds?|times)\b` +
    String.raw`|^-year-old|^\s+years old`,
  'i',
);
const TIME = /^(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hours\b|hrs\b))/i;

/** Every checkable quantity in the text, with exclusions (dates, years, ages, times, document numbers). */
export function scanFigures(text: string, tokens: Tokens): RawFigure[] {
  const style = numberStyle(text);
  const out: RawFigure[] = [];
  const re = numeric(style);
  // The end of the last number read, kept or not: "6 to 17" is one reading, not two.
  let read = 0;
  for (let k = 0; k < tokens.length; k++) {
    const at = tokens.start[k]!;
    const c = tokens.word[k]!.key.charCodeAt(0);
    if (c < 48 || c > 57 || at < Math.max(read, out[out.length - 1]?.end ?? 0)) continue;
    const dot = text.charAt(at - 1) === '.' ? 1 : 0; // "$.97"
    const sign = CURRENCY_BEFORE.exec(text.slice(Math.max(0, at - dot - 4), at - dot));
    const from = sign ? at - dot - sign[0].length : at;
    if (from > 0 && GLUED.test(text.charAt(from - 1))) continue; // also "1.1167479"
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) continue;
    const [whole, currency, a, b, wordScale, letterScale, percent, measure] = m;
    const start = from;
    const end = from + whole.length;
    read = end;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 40);
    const marked = !!(currency || wordScale || letterScale || percent);
    if (excludedNumber(a!, before, after, marked) || isLabel({ whole, before, after, marked })) continue;
    const scale = SCALES[(wordScale ?? letterScale ?? '').toLowerCase().replace('.', '')] ?? 1;
    const x = parseDigits(a!, style) * (letterScale || wordScale ? scale : 1);
    const y = b ? parseDigits(b, style) * (letterScale || wordScale ? scale : 1) : null;
    const fig: RawFigure = { start, end, value: y === null ? x : null, qualifier: null };
    // "13-2 vote", or "13-2" anywhere: a range never runs downwards, so that is a tally, and
    // a tally that is not a vote is a score ("won 24-17").
    if (y !== null && (y < x || /^\s*(?:vote|votes|decision)\b/i.test(after))) {
      if (currency || !isVoteTally(text.slice(Math.max(0, start - 100), end + 60))) continue;
      if (/\sto\s/.test(whole)) {
        out.push(...votesInWords(fig, whole, x, y));
        continue;
      }
      Object.assign(fig, { value: x, against: y });
    } else if (y !== null) Object.assign(fig, { low: x, high: y });
    if (currency) fig.currency = currency;
    if (percent) fig.percent = true;
    if (measure) fig.measure = measure;
    if (wordScale) fig.scaled = true;
    out.push(inCents(text, between(text, fig, style)));
  }
  const taken = (s: number, e: number) => out.some((f) => s < f.end && e > f.start);
  for (let k = 0; k < tokens.length; k++) {
    if (!WORD_STARTS.has(tokens.word[k]!.key)) continue;
    const start = tokens.start[k]!;
    WORDS.lastIndex = start;
    const m = WORDS.exec(text);
    if (!m) continue;
    const [whole, fracOf, frac, vague, word, scale] = m;
    const end = start + whole.length;
    if (taken(start, end)) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 30);
    if (fracOf) {
      out.push({
        start,
        end,
        value: Math.round(wordValue(fracOf)! * FRACTIONS[frac!.toLowerCase()]! * 10000) / 10000,
        qualifier: null,
      });
    } else if (vague && VAGUE.has(vague.toLowerCase())) {
      out.push({ start, end, value: null, qualifier: null });
    } else if (
      word &&
      // "the two countries" points back; "the nine states voting against" counts.
      (!/(?:\bthe|\bthese|\bthose|\btheir|\bits|\bboth|\bfirst|\blast|\bnext)\s+$/i.test(before) ||
        /^\s+[a-z]+\s+(?:voting|abstaining)\b/i.test(after)) &&
      !/^-\p{L}/u.test(after) &&
      !DURATION.test(after)
    ) {
      const value = wordValue(word);
      if (value !== null)
        out.push({ start, end, value: value * (scale ? SCALES[scale.toLowerCase()]! : 1), qualifier: null });
    }
  }
  for (const f of [...scanForeignWords(text, tokens), ...scanOrdinalCounts(text), ...scanSingleVotes(text)])
    if (!taken(f.start, f.end)) out.push(f);
  return out.sort((x, y) => x.start - y.start).map((f) => qualify(text, f));
}

function excludedNumber(digits: string, before: string, after: string, marked: boolean): boolean {
  if (TIME.test(after) || DURATION.test(after)) return true;
  if (!marked && /^(?:1[89]|20)\d\d$/.test(digits)) return true; // a year
  const prevWord = /(\S+)\s*$/.exec(before)?.[1] ?? '';
  const nextWord = /^\s*,?\s*(\S+)/.exec(after)?.[1] ?? '';
  if (MONTH.test(prevWord) || MONTH.test(nextWord)) return true; // a date
  return !marked && DOCUMENT.test(before);
}

/** "The vote was 138 to 9": in words, a tally is two counts of votes, each a figure. */
function votesInWords(fig: RawFigure, whole: string, x: number, y: number): RawFigure[] {
  const second = fig.start + whole.search(/\d+(?:[.,]\d+)*\s*$/);
  return [
    { ...fig, end: fig.start + whole.search(/\s*to\s/), value: x },
    { start: second, end: fig.end, value: y, qualifier: null },
  ];
}

/** "40 cents" is 0.40 in the local dollar. */
function inCents(text: string, f: RawFigure): RawFigure {
  const cents = /^\s?cents?\b/i.exec(text.slice(f.end, f.end + 8));
  if (!cents || f.currency || f.value === null) return f;
  return { ...f, end: f.end + cents[0].length, value: f.value / 100, currency: '$' };
}

/** "between 50,000 and 60,000" becomes one range. */
function between(text: string, f: RawFigure, style: NumberStyle): RawFigure {
  if (!/between\s+$/i.test(text.slice(Math.max(0, f.start - 10), f.start)) || f.value === null) return f;
  const m = new RegExp(String.raw`^\s+and\s+(?:${CUR})?(${NUM[style]})(?:\s?(?:%|percent\b|per cent\b))?`, 'u').exec(
    text.slice(f.end, f.end + 30),
  );
  if (!m) return f;
  return { ...f, end: f.end + m[0].length, low: f.value, high: parseDigits(m[1]!, style), value: null };
}

/** Attach a qualifier written just before the figure ("at least", "some", "an estimated"). */
function qualify(text: string, f: RawFigure): RawFigure {
  const from = Math.max(0, f.start - 25);
  const before = text.slice(from, f.start).trimEnd();
  const m = QUALIFIER.exec(before);
  if (!m) return f;
  const group = m.slice(1).findIndex((g) => g !== undefined);
  return { ...f, qualifier: QUALIFIER_WORDS[group]![1], start: from + m.index };
}
