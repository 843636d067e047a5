import type { ActorAnnotation } from '../types';

/**
 * Tolls: whether a count of dead is one incident's or a running total, and where the deaths
 * happened. Outlets' tolls are compared only when they measure the same thing, so a running
 * total ("9,000 since the uprising began") must not be read as one attack's.
 */

const ATTACK =
  'attack|bombing|blast|explosion|strike|air ?strike|airstrike|raid|ambush|shelling|massacre|crash|shooting|assault|bomb';
const DAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
// One event: a day ("on Sunday", "Sunday's shelling"), or one attack named with an article
// ("in an air strike", "the blast"). "Attacks since March" is plural, so a series.
const INCIDENT = new RegExp(
  String.raw`\b(?:${DAY}(?:'s|’s)?|yesterday|overnight|last night|this morning|earlier today)\b` +
    String.raw`|\b(?:an?|the|this|that|one|single)\s+(?:[\p{L}-]+\s+){0,2}(?:${ATTACK})\b`,
  'iu',
);
// A running total: a start date or "so far", a total, or a war or uprising that has killed.
const TOTAL = new RegExp(
  [
    String.raw`\bsince\b|\bso far\b|\bto date\b|\bin total\b|\ba total of\b|\baltogether\b|\boverall\b`,
    String.raw`\bcumulative\b|\b(?:in|over|during) the (?:past|last) \S+ (?:days|weeks|months|years)\b`,
    String.raw`\b(?:war|conflict|uprising|fighting|violence|crisis|insurgency|revolt|revolution|crackdown|pandemic|epidemic)\b[^.;]{0,40}\bha(?:s|ve) (?:killed|claimed)\b`,
    String.raw`\ba fait\b|\bfait plus de\b|погибли|(?:الصراع|الحرب|النزاع)[^.;،]{0,20}(?:أود[ىت]|قتل)`,
  ].join('|'),
  'iu',
);
// A toll, or "have been killed", is a running total only when no incident is named: "the toll
// from Sunday's blast" is one incident's.
const TOLL = /\btoll\b|\bnumber of (?:deaths|dead)\b|\bha(?:s|ve|d) (?:been )?(?:killed|died)\b/i;

/** The clause a figure stands in: commas, semicolons, dashes and "including" part tolls in one sentence. */
function clauseAround(sentence: string, at: number, end: number): string {
  const breaks = /[;,—–()]|\bincluding\b|\bbringing\b/giu;
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return sentence.slice(from, to);
}

/**
 * A count of dead is `deaths` (a running total) or `killed` (one incident). The figure's own
 * clause decides first: "30 killed in Sunday's shelling, bringing the toll to 9,000" holds one
 * of each. A running total may name its start earlier in the sentence ("Since March, ...").
 */
export function tollKind(sentence: string, at: number, end: number): 'deaths' | 'killed' {
  const clause = clauseAround(sentence, at, end);
  if (TOTAL.test(clause)) return 'deaths';
  if (INCIDENT.test(clause)) return 'killed';
  if (INCIDENT.test(sentence)) return TOTAL.test(sentence) ? 'deaths' : 'killed';
  return TOTAL.test(sentence) || TOLL.test(sentence) ? 'deaths' : 'killed';
}

// A state named as the place of the event: "in Syria", "across Yemen", "Syria's province of
// Idlib", "Ukraine's eastern region".
const PLACE_BEFORE =
  /(?<![\p{L}])(?:in|inside|across|throughout|within|near|of|en|au|aux|dans|в|во|في)\s+(?:the\s+)?$/iu;
const PLACE_AFTER =
  /^(?:'s|’s)?\s+(?:(?:northern|southern|eastern|western|central)\s+)?(?:province|city|town|village|region|district|governorate|state|capital|border|territory)\b/i;

/**
 * Where the deaths happened: a state the sentence names as a place ("killed in X", "in X's
 * province of Y"), nearest the figure; not merely the nearest state named, which is often the
 * one that reports or condemns the toll.
 */
export function placeOfEvent(text: string, states: readonly ActorAnnotation[], at: number): string | undefined {
  const places = states.filter(
    (a) =>
      PLACE_BEFORE.test(text.slice(Math.max(0, a.start - 20), a.start)) ||
      PLACE_AFTER.test(text.slice(a.end, a.end + 40)),
  );
  return [...places].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.label;
}
