import { useState } from 'preact/hooks';
import type { ArticleText, Result, StoryVersion } from '../../messages';
import { useAnswer } from '../use-answer';
import { ADD_MORE, Answered, Empty, dateText } from './common';
import { compareRows, factRuns, sharedFacts, type Version } from './compare-model';
import type { PageFacts } from '../page-state';

const PAGE = 'page';

/** Pick any two versions of the story and read them side by side, paragraphs aligned. */
export function CompareView({
  facts,
  versions,
  outletName,
  articleText,
}: {
  facts: PageFacts;
  versions: StoryVersion[];
  outletName: (id: string) => string;
  articleText: (id: string) => Promise<Result<ArticleText>>;
}) {
  const [left, setLeft] = useState(PAGE);
  const [right, setRight] = useState(versions[0]?.articleId ?? PAGE);
  const choices = [
    { key: PAGE, name: `This page (${facts.outlet.name}, ${dateText(facts.published)})` },
    ...versions.map((v) => ({
      key: v.articleId,
      name: `${outletName(v.outlet)}, ${dateText(v.published)}${v.label === 'syndicated' ? ' (syndicated)' : ''}`,
    })),
  ];
  const load = async (key: string): Promise<Result<Version>> => {
    // This page's text stays in the background until the reader asks to read it side by side.
    const r = await articleText(key === PAGE ? facts.articleId : key);
    if (!r.ok) return r;
    const a = r.value;
    const paragraphs = a.blocks.filter((b) => b.kind !== 'credit').map(({ start, end }) => ({ start, end }));
    return {
      ok: true,
      value: {
        key,
        title: choices.find((c) => c.key === key)!.name,
        text: a.text,
        paragraphs,
        annotations: a.annotations,
      },
    };
  };
  const pair = useAnswer(async (): Promise<Result<[Version, Version]>> => {
    const [l, r] = await Promise.all([load(left), load(right)]);
    if (!l.ok) return l;
    if (!r.ok) return r;
    return { ok: true, value: [l.value, r.value] };
  }, [left, right]);
  if (versions.length === 0) return <Empty>There is nothing to compare this page with yet. {ADD_MORE}</Empty>;
  const picker = (label: string, value: string, set: (k: string) => void) => (
    <label class="pick">
      {label}{' '}
      <select value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="compare">
      <div class="pickers">
        {picker('Left', left, setLeft)}
        {picker('Right', right, setRight)}
      </div>
      <p class="muted key">
        <mark class="shared">Marked</mark>: actors, figures and quotes both versions carry. Where two paragraphs are one
        paragraph edited, the edits show: <del>dropped</del> on the left, <ins>added</ins> on the right. Shaded rows:
        paragraphs with no counterpart in the other version.
      </p>
      <Answered answer={pair} loading="Loading both versions…">
        {([l, r]) => <SideBySide left={l} right={r} />}
      </Answered>
    </div>
  );
}

function SideBySide({ left, right }: { left: Version; right: Version }) {
  if (left.key === right.key) return <Empty>Pick two different versions.</Empty>;
  const shared = sharedFacts(left, right);
  const rows = compareRows(left, right);
  const plain = (v: Version, i: number) =>
    factRuns(v, i, shared).map((run, k) =>
      run.fact ? (
        <mark key={k} class={`shared shared-${run.fact}`}>
          {run.text}
        </mark>
      ) : (
        <span key={k}>{run.text}</span>
      ),
    );
  return (
    <table class="side-by-side">
      <thead>
        <tr>
          <th scope="col">{left.title}</th>
          <th scope="col">{right.title}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, n) => (
          <tr key={n} class={row.paired ? '' : 'unpaired'}>
            <td>
              {row.left === null
                ? null
                : row.diff
                  ? row.diff
                      .filter((d) => d.op !== 'added')
                      .map((d, k) => (d.op === 'removed' ? <del key={k}>{d.text}</del> : <span key={k}>{d.text}</span>))
                  : plain(left, row.left)}
            </td>
            <td>
              {row.right === null
                ? null
                : row.diff
                  ? row.diff
                      .filter((d) => d.op !== 'removed')
                      .map((d, k) => (d.op === 'added' ? <ins key={k}>{d.text}</ins> : <span key={k}>{d.text}</span>))
                  : plain(right, row.right)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
