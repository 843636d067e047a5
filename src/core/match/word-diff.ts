import { diffWords } from 'diff';
import type { WordDiff } from './types';

/**
 * Word-level diff of two texts: runs both share ('same'), runs only `b` has ('added') and
 * runs only `a` has ('removed'). Whitespace differences are ignored, as wire copy is often
 * re-flowed by the outlets that run it.
 */
export function syndicationDiff(a: string, b: string): WordDiff[] {
  const out: WordDiff[] = [];
  for (const change of diffWords(a, b)) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = out[out.length - 1];
    // diff can split one run into adjacent pieces of the same kind; readers want one.
    if (last && last.op === op) last.text += change.value;
    else out.push({ op, text: change.value });
  }
  return out;
}
