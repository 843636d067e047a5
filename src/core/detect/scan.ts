import type { Dictionary, Hit } from '../actors/dictionary';
import type { Doc } from '../text/doc';
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
  const { tokens, text } = doc;
  const matches: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node = dict.root.next.get(tokens.word[i]!.key);
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
    if (best) {
      matches.push(best);
      i = best.last + 1;
    } else i++;
  }
  return matches;
}
