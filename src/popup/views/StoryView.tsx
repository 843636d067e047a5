import type { MatchReason } from '../../core/match';
import type { StoryVersion } from '../../messages';
import type { Answer } from '../use-answer';
import { ADD_MORE, Answered, Empty, OutLink, clip, dateText } from './common';

const LABELS: Record<StoryVersion['label'], string> = {
  syndicated: 'Syndicated copy of the same wire story',
  'same event': 'Same event',
  'related earlier event': 'Related earlier event',
  'related later event': 'Related later event',
  unrelated: 'Not the same story',
};

/** The other outlets' versions of the page's story, ranked, each with why it matched. */
export function StoryView({
  story,
  outletName,
}: {
  story: Answer<StoryVersion[]>;
  outletName: (id: string) => string;
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
