import type { QuoteMatch, WordDiff } from '../../core/match';
import type { QuoteAnnotation } from '../../core/types';
import type { Result, StoryVersion } from '../../messages';
import { DiffText } from '../../shared/DiffText';
import { QUOTE_RELATION } from '../../shared/words';
import { useAnswer } from '../use-answer';
import { Answered, Empty, dateText, type Reveal, ShowOnPage } from './common';

type QuotesLikeOf = (text: string) => Promise<Result<QuoteMatch[]>>;

/** Each quote on the page, and per other version of the story: verbatim, reworded (word diff) or absent. */
export function QuotesView({
  quotes,
  versions,
  outletName,
  quotesLike,
  reveal,
}: {
  quotes: QuoteAnnotation[];
  versions: StoryVersion[];
  outletName: (id: string) => string;
  quotesLike: QuotesLikeOf;
  reveal?: Reveal;
}) {
  if (quotes.length === 0) return <Empty>Crosswire found no quotes on this page.</Empty>;
  return (
    <ul class="quotes">
      {quotes.map((q) => (
        <QuoteItem
          key={q.start}
          quote={q}
          versions={versions}
          outletName={outletName}
          quotesLike={quotesLike}
          {...(reveal && { reveal })}
        />
      ))}
    </ul>
  );
}

function QuoteItem({
  quote,
  versions,
  outletName,
  quotesLike,
  reveal,
}: {
  quote: QuoteAnnotation;
  versions: StoryVersion[];
  outletName: (id: string) => string;
  quotesLike: QuotesLikeOf;
  reveal?: Reveal;
}) {
  const answer = useAnswer(() => quotesLike(quote.text), [quote.text]);
  return (
    <li class="quote-item">
      <blockquote>“{quote.text}”</blockquote>
      <p class="muted">
        — {quote.speaker ?? 'speaker unknown'} <ShowOnPage reveal={reveal} kind="quote" id={quote.id} />
      </p>
      <Answered answer={answer} loading="Looking for this quote elsewhere…">
        {(matches) => {
          const byArticle = new Map(matches.map((m) => [m.articleId, m]));
          const elsewhere = matches.filter((m) => !versions.some((v) => v.articleId === m.articleId));
          if (versions.length === 0 && matches.length === 0) return <Empty>Not found in other outlets.</Empty>;
          return (
            <ul class="per-outlet">
              {versions.map((v) => {
                const m = byArticle.get(v.articleId);
                return (
                  <li key={v.articleId}>
                    <span class="outlet">{outletName(v.outlet)}</span>{' '}
                    <span class="muted">{dateText(v.published)}</span>:{' '}
                    {m ? <Found match={m} /> : <span class="absent">absent</span>}
                  </li>
                );
              })}
              {elsewhere.map((m) => (
                <li key={m.articleId}>
                  <span class="outlet">{outletName(m.outlet)}</span>{' '}
                  <span class="muted">{dateText(m.published)}, another story</span>: <Found match={m} />
                </li>
              ))}
            </ul>
          );
        }}
      </Answered>
    </li>
  );
}

function Found({ match }: { match: QuoteMatch }) {
  const changed = match.diff.some((d: WordDiff) => d.op !== 'same');
  return (
    <>
      <span class={`kind kind-${match.kind}`}>{QUOTE_RELATION[match.kind]}</span>
      {match.quote.speaker && <span class="muted"> ({match.quote.speaker})</span>}
      {changed && (
        <span class="diff">
          {' '}
          <DiffText diff={match.diff} />
        </span>
      )}
    </>
  );
}
