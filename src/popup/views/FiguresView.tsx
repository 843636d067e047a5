import { figureQuery, quantity } from '../../core/match/page-lists';
import type { FigureAnnotation } from '../../core/types';
import type { FiguresLike } from '../../core/match';
import type { FigureQuery, Result } from '../../messages';
import { useAnswer } from '../use-answer';
import { ADD_MORE, Answered, Empty, type Reveal, ShowOnPage } from './common';
import { FigureComparison } from './FigureComparison';

type FiguresLikeOf = (figure: FigureQuery) => Promise<Result<FiguresLike>>;

/**
 * Each quantity on the page against every other outlet's value for it: differences flagged and
 * explained where both measure the same thing, a cumulative toll as a series over time.
 */
export function FiguresView({
  figures,
  published,
  figuresLike,
  outletName,
  reveal,
}: {
  figures: FigureAnnotation[];
  published: string | null;
  figuresLike: FiguresLikeOf;
  outletName: (id: string) => string;
  reveal?: Reveal;
}) {
  if (figures.length === 0) return <Empty>Crosswire found no figures (tolls, money, votes) on this page.</Empty>;
  return (
    <>
      <p class="muted">
        Each figure on this page against the values other outlets in your corpus give for the same quantity. {ADD_MORE}
      </p>
      <table class="figures">
        <caption class="visually-hidden">Figures on this page and in other outlets</caption>
        <thead>
          <tr>
            <th scope="col">Quantity</th>
            <th scope="col">This page</th>
            <th scope="col">Other outlets</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <FigureRow
              key={`${f.start}`}
              figure={f}
              onPage={figures}
              published={published}
              figuresLike={figuresLike}
              outletName={outletName}
              {...(reveal && { reveal })}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

function FigureRow({
  figure,
  onPage,
  published,
  figuresLike,
  outletName,
  reveal,
}: {
  figure: FigureAnnotation;
  onPage: FigureAnnotation[];
  published: string | null;
  figuresLike: FiguresLikeOf;
  outletName: (id: string) => string;
  reveal?: Reveal;
}) {
  const query = figureQuery(figure, published, onPage);
  const answer = useAnswer(() => figuresLike(query), [figure.start]);
  return (
    <tr>
      <th scope="row">{quantity(figure)}</th>
      <td>
        <strong>{figure.text}</strong>
        {figure.attribution && <span class="muted"> per {figure.attribution.label}</span>}{' '}
        <ShowOnPage reveal={reveal} kind="figure" id={figure.id} />
      </td>
      <td>
        <Answered answer={answer} loading="Looking…">
          {(result) => <FigureComparison query={query} result={result} outletName={outletName} />}
        </Answered>
      </td>
    </tr>
  );
}
