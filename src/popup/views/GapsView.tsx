import type { CoverageGaps, Gaps, SummaryFigure, VersionGaps } from '../../core/match';
import { describeFigure } from '../../core/match/figure-values';
import type { PageActor } from '../../core/match/page-lists';
import type { Result } from '../../messages';
import { useAnswer } from '../use-answer';
import { ADD_MORE, Answered, Empty, clip, dateText } from './common';

/**
 * For each other version of the story (the same event, or a wire copy): the actors, figures
 * and quotes it carries that this page leaves out, and the reverse. This page's actors are the
 * Actors view's, so the two views count them alike.
 */
export function GapsView({
  articleId,
  fetched = 0,
  coverageGaps,
  actors,
  outletName,
}: {
  articleId: string;
  /** How many entries were fetched in full since: each adds figures and quotes to compare. */
  fetched?: number;
  coverageGaps: () => Promise<Result<CoverageGaps>>;
  actors: PageActor[];
  outletName: (id: string) => string;
}) {
  const answer = useAnswer(coverageGaps, [articleId, fetched]);
  return (
    <Answered answer={answer} loading="Comparing the versions of this story…">
      {(gaps) =>
        gaps.versions.length === 0 ? (
          <Empty>No other version of this event is in your corpus to compare with. {ADD_MORE}</Empty>
        ) : (
          <>
            <p class="muted">What each version of this event carries that this page leaves out, and the reverse.</p>
            {gaps.versions.map((v) => (
              <VersionGapsItem key={v.articleId} version={v} actors={actors} outletName={outletName} />
            ))}
          </>
        )
      }
    </Answered>
  );
}

function VersionGapsItem({
  version,
  actors,
  outletName,
}: {
  version: VersionGaps;
  actors: PageActor[];
  outletName: (id: string) => string;
}) {
  const outlet = outletName(version.outlet);
  const notThere = new Set(version.extra.actors.map((a) => a.id));
  // Listed from the Actors view's list: the labels and the count are the ones the reader saw there.
  const onlyHere = actors.filter((a) => notThere.has(a.id));
  const heading = `gaps-${version.articleId}`;
  return (
    <section class="gap-version" aria-labelledby={heading}>
      <h3 id={heading}>
        {outlet} <span class="muted">{dateText(version.published)}</span>
      </h3>
      {version.headline && <p class="headline">{clip(version.headline, 160)}</p>}
      <p class="gap-counts">
        {actors.length - onlyHere.length} of this page’s {actors.length} actors are in {outlet} too; it names{' '}
        {version.missing.actors.length} that this page does not.
      </p>
      <GapLists title={`In ${outlet}, not on this page`} gaps={version.missing} />
      <GapLists title={`On this page, not in ${outlet}`} gaps={{ ...version.extra, actors: onlyHere }} />
    </section>
  );
}

/** One side of a comparison: actors, figures and quotes, each said to be none when empty. */
function GapLists({
  title,
  gaps,
}: {
  title: string;
  gaps: Pick<Gaps, 'figures' | 'quotes'> & { actors: { id: string; label: string }[] };
}) {
  const empty = gaps.actors.length + gaps.figures.length + gaps.quotes.length === 0;
  return (
    <>
      <h4>{title}</h4>
      {empty ? (
        <p class="muted">Nothing: the same actors, figures and quotes.</p>
      ) : (
        <ul class="gaps">
          {gaps.actors.length > 0 && <li>Actors: {gaps.actors.map((a) => a.label).join(', ')}</li>}
          {gaps.figures.length > 0 && (
            <li>Figures: {gaps.figures.map((f) => `${describeFigure(f.figure)} (${counted(f.figure)})`).join('; ')}</li>
          )}
          {gaps.quotes.map((q) => (
            <li key={q.quote.text} class="gap-quote">
              Quote: “{clip(q.quote.text, 200)}”{q.quote.speaker && <span class="muted"> ({q.quote.speaker})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What a figure counts, in words ("deaths", or the counted noun). */
const counted = (f: SummaryFigure) => (f.counts === 'other' ? f.unit : f.counts);
