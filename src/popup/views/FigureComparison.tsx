import { formatDate } from '../../core/match/dates';
import type { FigureAlongside, FigureLikeItem, FiguresLike } from '../../core/match';
import { type SeriesChange, type SeriesPoint, tollSeries } from '../../core/match/toll-series';
import type { FigureQuery } from '../../messages';
import { Empty, clip, dateText } from './common';

const SHOWN = 8;

/**
 * Other outlets' values for one figure: a cumulative toll as a series over time; any other
 * figure with the verdict and each value judged; and figures of the same kind that measure
 * something else (another incident, place or time) beside them, unjudged.
 */
export function FigureComparison({
  query,
  result,
  outletName,
}: {
  query: FigureQuery;
  result: FiguresLike;
  outletName: (id: string) => string;
}) {
  if (result.items.length === 0 && result.alongside.length === 0)
    return <Empty>No other outlet in your corpus gives this figure.</Empty>;
  const series = tollSeries(query, result.items);
  return (
    <>
      {series ? (
        <Series points={series} outletName={outletName} />
      ) : (
        result.items.length > 0 && <Judged result={result} outletName={outletName} />
      )}
      {result.alongside.length > 0 && (
        <>
          <p class="muted">
            {result.items.length > 0 ? 'Not compared (another incident, place or time):' : result.explanation}
          </p>
          <ul class="values alongside" aria-label="Figures of this kind not compared">
            {result.alongside.slice(0, SHOWN).map((i) => (
              <Value key={`${i.articleId}${i.text}`} item={i} outletName={outletName} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Judged({ result, outletName }: { result: FiguresLike; outletName: (id: string) => string }) {
  return (
    <>
      <p class={result.verdict === 'agree' ? 'verdict ok' : 'verdict differ'}>
        {result.verdict === 'agree' ? '✓ ' : '⚠ '}
        {result.explanation}
      </p>
      <ul class="values">
        {result.items.slice(0, SHOWN).map((i) => (
          <Value key={`${i.articleId}${i.text}`} item={i} outletName={outletName} />
        ))}
      </ul>
    </>
  );
}

/** One outlet's value; judged items say whether they agree. */
function Value({ item, outletName }: { item: FigureAlongside | FigureLikeItem; outletName: (id: string) => string }) {
  return (
    <li title={clip(item.sentence, 300)}>
      <span class="outlet">{outletName(item.outlet)}</span> <span class="muted">{dateText(item.published)}</span>:{' '}
      <strong>{item.text}</strong>
      {item.attribution && <span class="muted"> per {item.attribution}</span>}
      {'agrees' in item && <span class={item.agrees ? 'ok' : 'differ'}> {item.agrees ? '(agrees)' : '(differs)'}</span>}
    </li>
  );
}

const CHANGE: Record<SeriesChange, string> = {
  first: '',
  same: '(same)',
  grew: '(grew)',
  fell: '(fell: a toll only grows)',
  differs: '(differs on the same day)',
  'other source': '(another source, same article)',
  undated: '(undated)',
};

/** A cumulative toll over time, oldest first: growth is the series moving on, not a contradiction. */
function Series({ points, outletName }: { points: SeriesPoint[]; outletName: (id: string) => string }) {
  const conflicts = points.filter((p) => p.change === 'fell' || p.change === 'differs').length;
  const dated = points.filter((p) => p.change !== 'undated');
  const [first, last] = [dated[0], dated[dated.length - 1]];
  const span =
    first && last && first !== last
      ? ` From ${first.text} (${formatDate(first.published)}) to ${last.text} (${formatDate(last.published)}).`
      : '';
  return (
    <>
      <p class={conflicts ? 'verdict differ' : 'verdict ok'}>
        {conflicts
          ? `⚠ A cumulative toll over time: ${conflicts} value${conflicts === 1 ? ' does' : 's do'} not fit a growing toll.`
          : '✓ A cumulative toll over time: later, higher values are its growth, not a contradiction.'}
        {span}
      </p>
      <ol class="values series" aria-label="This toll over time, oldest first">
        {points.slice(0, SHOWN + 1).map((p) => (
          <li key={`${p.articleId}${p.text}`} class={p.outlet === null ? 'this-page' : undefined}>
            <span class="outlet">{p.outlet === null ? 'This page' : outletName(p.outlet)}</span>{' '}
            <span class="muted">{dateText(p.published)}</span>: <strong>{p.text}</strong>
            {p.attribution && <span class="muted"> per {p.attribution}</span>}
            {p.change !== 'first' && (
              <span class={p.change === 'fell' || p.change === 'differs' ? 'differ' : 'ok'}> {CHANGE[p.change]}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
