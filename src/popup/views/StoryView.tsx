import { useState } from 'preact/hooks';
import { diffExcerpts, type MatchReason, type WordDiff } from '../../core/match';
import { DiffText } from '../../shared/DiffText';
import type { Result, StoryVersion } from '../../messages';
import type { Answer } from '../use-answer';
import { ADD_MORE, Answered, Empty, OutLink, clip, dateText } from './common';

const LABELS: Record<StoryVersion['label'], string> = {
  syndicated: 'Syndicated copy of the same wire story',
  'same event': 'Same event',
  'related event': 'Related event',
  'related earlier event': 'Related earlier event',
  'related later event': 'Related later event',
  unrelated: 'Not the same story',
};

/** The other outlets' versions of the page's story, ranked, each with why it matched. */
export function StoryView({
  story,
  outletName,
  fetchFullText,
  edits,
}: {
  story: Answer<StoryVersion[]>;
  outletName: (id: string) => string;
  /** Have the background fetch a headline entry's article in full (it answers once the entry is whole). */
  fetchFullText?: (articleId: string) => Promise<Result<{ id: string }>>;
  /** The word diff from this page's text to another version's. */
  edits?: (articleId: string) => Promise<Result<WordDiff[]>>;
}) {
  return (
    <Answered answer={story} loading="Looking for other versions of this story…">
      {(versions) => {
        const related = versions.filter((v) => v.label !== 'unrelated');
        if (related.length === 0)
          return <Empty>No other outlet’s version of this story is in your corpus yet. {ADD_MORE}</Empty>;
        return (
          <ol class="versions">
            {related.map((v) => (
              <li key={v.articleId} class="version">
                <p class="version-head">
                  <span class={`label label-${v.label.replace(/ /g, '-')}`}>{LABELS[v.label]}</span>{' '}
                  <strong>{outletName(v.outlet)}</strong> <span class="muted">{dateText(v.published)}</span>
                </p>
                <p class="headline">
                  <OutLink href={v.url}>{v.headline ?? '(no headline)'}</OutLink>
                </p>
                {v.lead && <p class="lead">{clip(v.lead, 280)}</p>}
                {v.depth === 'headline' && <HeadlineOnly articleId={v.articleId} fetchFullText={fetchFullText} />}
                {v.label === 'syndicated' && edits && (
                  <Edits articleId={v.articleId} outlet={outletName(v.outlet)} edits={edits} />
                )}
                <ul class="reasons" aria-label="Why it matched">
                  {v.reasons.filter(worthSaying).map((r) => (
                    <li key={r.kind}>{r.summary}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        );
      }}
    </Answered>
  );
}

/** "About 0% of their 5-word sequences are shared" says nothing; every other reason does. */
const worthSaying = (r: MatchReason) => r.kind !== 'text' || r.similarity >= 0.05;

/** A feed item's headline and summary only: say so, and offer the article in full. */
function HeadlineOnly({
  articleId,
  fetchFullText,
}: {
  articleId: string;
  fetchFullText: ((articleId: string) => Promise<Result<{ id: string }>>) | undefined;
}) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text?: string }>({ kind: 'idle' });
  const fetchIt = async () => {
    if (!fetchFullText) return;
    setState({ kind: 'busy' });
    const r = await fetchFullText(articleId);
    setState(r.ok ? { kind: 'done' } : { kind: 'error', text: r.error });
  };
  return (
    <div class="headline-only">
      <span class="muted">Headline and summary only, from the outlet’s feed.</span>{' '}
      {fetchFullText && state.kind !== 'done' && (
        <button type="button" disabled={state.kind === 'busy'} onClick={() => void fetchIt()}>
          {state.kind === 'busy' ? 'Fetching the full text…' : 'Fetch the full text'}
        </button>
      )}
      {state.kind === 'done' && (
        <span role="status">Fetched: its figures and quotes are now compared with this page’s.</span>
      )}
      {state.kind === 'error' && <p role="alert">Not fetched: {state.text}</p>}
    </div>
  );
}

/** A syndicated copy's edits against this page: shown on request, each with a few words around it. */
function Edits({
  articleId,
  outlet,
  edits,
}: {
  articleId: string;
  outlet: string;
  edits: (articleId: string) => Promise<Result<WordDiff[]>>;
}) {
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' } | { kind: 'done'; excerpts: WordDiff[][] } | { kind: 'error'; text: string }
  >({ kind: 'idle' });
  const show = async () => {
    setState({ kind: 'busy' });
    const r = await edits(articleId);
    setState(r.ok ? { kind: 'done', excerpts: diffExcerpts(r.value) } : { kind: 'error', text: r.error });
  };
  if (state.kind === 'error') return <p role="alert">The edits could not be shown: {state.text}</p>;
  if (state.kind !== 'done')
    return (
      <button type="button" class="show-edits" disabled={state.kind === 'busy'} onClick={() => void show()}>
        {state.kind === 'busy' ? 'Comparing the texts…' : 'Show the edits'}
      </button>
    );
  if (state.excerpts.length === 0) return <p class="muted">Word for word the same text as this page.</p>;
  return (
    <div class="edits">
      <p class="muted">
        {state.excerpts.length} {state.excerpts.length === 1 ? 'edit' : 'edits'}: words only in {outlet} are underlined,
        words only on this page struck through.
      </p>
      <ol aria-label={`Edits in ${outlet}’s copy`}>
        {state.excerpts.slice(0, EDITS_SHOWN).map((excerpt, i) => (
          <li key={i}>
            <DiffText diff={excerpt} />
          </li>
        ))}
      </ol>
      {state.excerpts.length > EDITS_SHOWN && (
        <p class="muted">and {state.excerpts.length - EDITS_SHOWN} more: the Compare view shows both texts whole.</p>
      )}
    </div>
  );
}

const EDITS_SHOWN = 12;
