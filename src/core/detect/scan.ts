import type { Dictionary, Hit, TrieNode } from '../actors/dictionary';
import type { Doc } from '../text/doc';
import { isNonLatin } from '../text/fold';
import { caseCompatible, joinable } from '../text/tokenize';

/** A run of tokens that spells one or more dictionary forms. */
export interface Match {
  first: number;
  /** Last token, inclusive. */
  last: number;
  hits: Hit[];
}

/**
 * Longest-match scan of the token stream against the dictionary trie: one hash lookup per
 * token and per extension, so it runs in time linear in the text, whatever the dictionary size.
 * A name inside a longer one is not reported ("UN" in "UN Security Council").
 */
export function scan(doc: Doc, dict: Dictionary): Match[] {
  const { tokens } = doc;
  const matches: Match[] = [];
  const foreignScript = mostlyNonLatin(doc);
  let i = 0;
  while (i < tokens.length) {
    const word = tokens.word[i]!;
    let best = longestFrom(doc, i, dict.root.next.get(word.key));
    // An Arabic word read without its attached prefixes ("وواشنطن"), when that names more.
    for (const alt of word.alts ?? []) {
      const found = longestFrom(doc, i, dict.root.next.get(alt));
      if (found && (!best || found.last > best.last)) best = found;
    }
    // Russian and Arabic copy write people in their own script: a bare surname in Latin
    // letters there names a company, a brand or a building ("Trump Tower"), not the person.
    if (best && foreignScript && !isNonLatin(word.shape)) best = withoutSurnames(best);
    if (best) {
      matches.push(best);
      i = best.last + 1;
    } else i++;
  }
  return matches;
}

/** Whether most words of the text are in Cyrillic or Arabic script. */
function mostlyNonLatin(doc: Doc): boolean {
  let nonLatin = 0;
  for (let i = 0; i < doc.tokens.length; i++) if (isNonLatin(doc.tokens.word[i]!.shape)) nonLatin++;
  return nonLatin * 2 > doc.tokens.length;
}

function withoutSurnames(m: Match): Match | null {
  const hits = m.hits.filter((h) => h.form !== 'surname');
  return hits.length ? { ...m, hits } : null;
}

/** The longest dictionary form starting at token i, whose first token reached `node`. */
function longestFrom(doc: Doc, i: number, node: TrieNode | undefined): Match | null {
  const { tokens, text } = doc;
  let best: Match | null = null;
  let j = i;
  while (node) {
    if (node.hits.length) {
      const fits = (h: Hit) => h.shapes.every((s, k) => caseCompatible(s, tokens.word[i + k]!.shape));
      const hits = node.hits.every(fits) ? node.hits : node.hits.filter(fits);
      if (hits.length) best = { first: i, last: j, hits };
    }
    if (j + 1 >= tokens.length || !joinable(text, tokens.end[j]!, tokens.start[j + 1]!)) break;
    node = node.next.get(tokens.word[j + 1]!.key);
    j++;
  }
  return best;
}
