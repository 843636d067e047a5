import { HEADLINE_MAX_WORDS, SUBHEAD_MAX_WORDS, isCredit, isHeadingLike } from './block-kinds';
import { isJunkLine } from './junk';
import { dropRepeatedTeaser, normaliseLines, spaceGluedSentences } from './repair';
import type { Block, BlockKind } from './types';

export interface CleanArticle {
  /** The blocks' text joined by blank lines. */
  text: string;
  blocks: Block[];
  headline: string | null;
}

/**
 * Clean scraped article text: drop page furniture, repair teasers and glued sentences,
 * normalise whitespace, and mark each remaining line as headline, subhead, paragraph or
 * credit. Pure; every rule is general (see junk.ts, repair.ts, block-kinds.ts).
 */
export function cleanArticle(raw: string): CleanArticle {
  const lines = dropTeaserLines(
    normaliseLines(raw)
      .filter((line) => !isJunkLine(line))
      .map(dropRepeatedTeaser),
  ).map(spaceGluedSentences);
  const kinds = classify(lines);
  const blocks: Block[] = [];
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) text += '\n\n';
    blocks.push({ kind: kinds[i]!, start: text.length, end: text.length + line.length });
    text += line;
  });
  const headline = blocks.find((b) => b.kind === 'headline');
  return { text, blocks, headline: headline ? text.slice(headline.start, headline.end) : null };
}

/** A teaser on its own line ("First words of the lede…") before the line it truncates, or a line repeated. */
function dropTeaserLines(lines: string[]): string[] {
  return lines.filter((line, i) => {
    const next = lines[i + 1];
    if (next === undefined) return true;
    if (line === next) return false;
    const cut = /(?:\.{3}|…)$/.exec(line);
    return !(cut && cut.index >= 20 && next.startsWith(line.slice(0, cut.index)));
  });
}

/**
 * Credits by their wording; then by position: the first other line, if shaped like a
 * heading and followed by more text, is the headline; one or two heading-shaped lines between
 * blocks and followed by a paragraph are subheads. Longer runs of short lines are a list,
 * left as paragraphs.
 */
function classify(lines: string[]): BlockKind[] {
  const kinds: BlockKind[] = lines.map((line) => (isCredit(line) ? 'credit' : 'paragraph'));
  const heading = lines.map((line, i) => kinds[i] === 'paragraph' && isHeadingLike(line, SUBHEAD_MAX_WORDS));
  // A byline or credit may come first; the headline is the first line of the rest.
  const first = kinds.indexOf('paragraph');
  let from = 0;
  if (first >= 0 && first < lines.length - 1 && isHeadingLike(lines[first]!, HEADLINE_MAX_WORDS)) {
    kinds[first] = 'headline';
    from = first + 1;
  }
  for (let i = from; i < lines.length; ) {
    if (!heading[i]) {
      i++;
      continue;
    }
    let end = i;
    while (heading[end]) end++;
    const followedByParagraph = kinds[end] === 'paragraph' && !heading[end];
    if (i > 0 && end - i <= 2 && followedByParagraph) for (let j = i; j < end; j++) kinds[j] = 'subhead';
    i = end;
  }
  return kinds;
}

/**
 * The structure of a text as it is, without cleaning it: each run of text between blank lines
 * is a block, classified like a cleaned article's. A page's reading keeps its text verbatim, so
 * the corpus stores exactly the text its highlights and notes were made on.
 */
export function blocksOf(text: string): Block[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  const kinds = classify(spans.map((s) => text.slice(s.start, s.end)));
  return spans.map((s, i) => ({ kind: kinds[i]!, ...s }));
}
