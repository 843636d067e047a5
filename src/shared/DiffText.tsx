import type { WordDiff } from '../core/match';

/** A word diff as text: what both share plain, what only the other has in <ins>, what it dropped in <del>. */
export function DiffText({ diff }: { diff: WordDiff[] }) {
  return (
    <>
      {diff.map((d, i) =>
        d.op === 'same' ? (
          <span key={i}>{d.text}</span>
        ) : d.op === 'added' ? (
          <ins key={i}>{d.text}</ins>
        ) : (
          <del key={i}>{d.text}</del>
        ),
      )}
    </>
  );
}
