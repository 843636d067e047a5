/**
 * What a cleaned line is: a credit line, or a line shaped like a heading (short, one
 * phrase, no closing full stop). Where a heading-shaped line sits decides whether it is
 * the headline or a subhead; clean.ts does that.
 */

/** Headlines run longer than subheads; neither is a paragraph. */
export const HEADLINE_MAX_WORDS = 16;
export const SUBHEAD_MAX_WORDS = 12;

/** Credits of reporting, the agencies' and the outlet's own; specific wording, any outlet. */
const CREDIT = [
  /^with (?:files|reporting|additional reporting|contributions) (?:from|by)\b/i,
  /^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|translated|produced|research) by\b/i,
  /\b(?:contributed|provided) (?:to|for) this (?:report|story|article)\b/i,
  /\bfor this (?:report|story|article) (?:was|were|has been|have been) (?:provided|contributed|supplied)\b/i,
  /^this (?:article|story|report) (?:was |first |originally )+(?:published|appeared)\b/i,
  // A byline: "By John Smith", "By Jane Doe and Ali Hassan, Reuters".
  /^[Bb]y \p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|and|&|de|al|el|van|von|bin|ibn))*(?:, [\p{Lu}][\p{L} .'’-]*)?$/u,
];

/** Whether a line credits who reported, wrote or supplied the story. */
export function isCredit(line: string): boolean {
  return line.split(' ').length <= 30 && CREDIT.some((re) => re.test(line));
}

// A heading opens with a capital or digit (maybe after a quote mark) and does not end
// like a sentence or a clause; a question or exclamation is still a heading.
const OPENS = /^["“‘'(]?[\p{Lu}\p{N}$€£]/u;
const CLOSES_CLAUSE = /[.,;:…]["”’')\]]*$/;
const INNER_SENTENCE_END = /[.!?]["”’')\]]* ["“‘]?\p{Lu}/u;

/** Whether a line is shaped like a heading of at most `maxWords` words. */
export function isHeadingLike(line: string, maxWords: number): boolean {
  const words = line.split(' ').length;
  return (
    words <= maxWords &&
    /\p{L}/u.test(line) &&
    OPENS.test(line) &&
    !CLOSES_CLAUSE.test(line) &&
    !INNER_SENTENCE_END.test(line)
  );
}
