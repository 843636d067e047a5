import type { WordDiff } from './types';

/**
 * The edits of a word diff, each with a few words of the shared text around it: what a reader
 * needs to see how one outlet's copy of a wire story differs from another's, without reading
 * both whole. Shared text longer than twice the context between two edits ends one excerpt
 * and starts the next; cut shared text is marked with an ellipsis.
 */
export function diffExcerpts(diff: readonly WordDiff[], contextWords = 8): WordDiff[][] {
  const excerpts: WordDiff[][] = [];
  let current: WordDiff[] | null = null;
  diff.forEach((run, i) => {
    if (run.op !== 'same') {
      if (!current) {
        current = [];
        excerpts.push(current);
        const before = diff[i - 1];
        if (before?.op === 'same') current.push({ op: 'same', text: tail(before.text, contextWords) });
      }
      current.push(run);
      return;
    }
    if (!current) return;
    const changeFollows = diff.slice(i + 1).some((r) => r.op !== 'same');
    if (changeFollows && words(run.text).length <= 2 * contextWords) current.push(run);
    else {
      current.push({ op: 'same', text: head(run.text, contextWords) });
      current = null;
    }
  });
  return excerpts;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The last `n` words of a run, with its trailing space, after an ellipsis when cut. */
function tail(text: string, n: number): string {
  const w = words(text);
  const kept = w.slice(-n).join(' ');
  const space = /\s$/.test(text) ? ' ' : '';
  return w.length > n ? `…${kept}${space}` : text;
}

/** The first `n` words of a run, with its leading space, before an ellipsis when cut. */
function head(text: string, n: number): string {
  const w = words(text);
  const kept = w.slice(0, n).join(' ');
  const space = /^\s/.test(text) ? ' ' : '';
  return w.length > n ? `${space}${kept}…` : text;
}
