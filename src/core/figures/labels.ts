/**
 * Numbers that name, label or measure something instead of counting it: model names
 * ("Boeing 737"), scores ("24-17"), clock times, sizes written as adjectives ("a 12-point
 * lead"), ages, street numbers and phone numbers. Each test sees the text around one number.
 */

/** The number and the text just before and after it. */
export interface NumberSite {
  /** The number as matched, with any sign and scale: "4K", "$6M". */
  whole: string;
  before: string;
  after: string;
  /** Written with a currency, scale or percent sign: then it is an amount, whatever surrounds it. */
  marked: boolean;
}

const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;
// A name right before the number: "iPhone 15", "UFC 243", "Channel 2". The word must not open
// its sentence ("Some 40 people"): a capital there says nothing.
const NAME_BEFORE = /(?<=[\p{L}\p{N},;:–—-]\s+)(\p{Lu}\p{L}*|\p{Ll}+\p{Lu}\p{L}*)\s$/u;
const CAMEL_BEFORE = /(?<![\p{L}])\p{Ll}+\p{Lu}\p{L}*\s$/u;
/** Model suffixes: "15 Pro", "737 Max". */
const MODEL_AFTER = /^\s(?:Pro|Plus|Max|Ultra|Mini|Lite|Air|Edition|Series|SE|XL|GT)(?![\p{L}])/u;
/** Nouns a name-and-number may still count: "Gaza 30 people" in a headline. */
const COUNTED_AFTER = /^\s+(?:people|persons|civilians|soldiers|troops|dead|killed|wounded|refugees)\b/i;
// "a 12-point lead", "a 24-yard run", "a 185-pound bout": a number joined to a noun is an
// adjective of size, not a count. Group sizes ("the 10-member bloc", "a 5,000-strong force")
// stay: they count members.
const COMPOUND_AFTER = /^-(?!member|nation|country|state|strong)\p{L}/u;
/** "Johnson, 28, of Springfield": an age set off by commas after a name. */
const AGE_APPOSITION = /\p{Lu}\p{L}+,\s$/u;
const AGE_WORDS = /\b(?:ages?|aged)\s+(?:of\s+|from\s+|between\s+)?$/i;
/** "between the ages of 25 and 54": the end of an age range. */
const AGE_RANGE_END = /\b(?:ages?|aged)\s+(?:of\s+|from\s+|between\s+)?\d+\s*(?:and|to|-|–)\s*$/i;

/** "7410 Fairground Road": a number before a street name. */
const STREET_AFTER =
  /^\s(?:\p{Lu}\p{L}*\s){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Pike|Way|Court|Place|Highway)\b/u;
/** "a phone call to 911", "dial 999". */
const PHONE_BEFORE = /\b(?:call(?:ed|ing|s)?(?:\s+to)?|dial(?:l?ed|l?ing)?|phone|hotline)\s+$/i;
/** "Photo 3", "Fig. 2": a picture's number in a caption. */
const PICTURE_BEFORE = /(?<![\p{L}])(?:photo|image|picture|fig\.?|figure|slide|video|ảnh)\s+$/iu;

/** Whether the number names, labels or measures something rather than counting it. */
export function isLabel(site: NumberSite): boolean {
  const { before, after } = site;
  if (/\d:$/.test(before)) return true; // the minutes of "6:58"
  if (/^\d+K$/.test(site.whole)) return true; // a screen resolution: "4K", "8K"; "$4K" has its sign
  if (COMPOUND_AFTER.test(after) || MODEL_AFTER.test(after)) return true;
  if (site.marked) return false;
  if (isModelName(before, after)) return true;
  if (AGE_APPOSITION.test(before) && /^,/.test(after)) return true;
  if (/\d\/$/.test(before) || /^\/\d/.test(after)) return true; // "9/11", "24/7": a date or a name, no count
  if (AGE_RANGE_END.test(before)) return true;
  return AGE_WORDS.test(before) || STREET_AFTER.test(after) || PHONE_BEFORE.test(before) || PICTURE_BEFORE.test(before);
}

/** "UFC 243", "iPhone 15", "Boeing 737": a name followed by its number. */
function isModelName(before: string, after: string): boolean {
  const name = NAME_BEFORE.exec(before)?.[1] ?? CAMEL_BEFORE.exec(before)?.[0].trim();
  if (!name || WEEKDAY.test(name)) return false;
  return !COUNTED_AFTER.test(after);
}

// A vote is what makes "12-3" a tally; otherwise two numbers joined by a dash are a score or
// a record ("won 24-17", "a 7-0 record").
const VOTE_WORDS =
  /\b(?:vote[sd]?|voting|ballots?|in favou?r|\d+ against|abstain\w*|abstentions?|approved|adopted|resolution|motion|majority|veto\w*)\b/i;

/** Whether a pair like "12-3" is a vote tally rather than a score: the text around it speaks of a vote. */
export function isVoteTally(around: string): boolean {
  return VOTE_WORDS.test(around);
}
