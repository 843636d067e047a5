import type { ComponentChildren } from 'preact';
import type { FiguresLike, QuoteMatch } from '../../core/match';
import { isUnlisted } from '../../core/actors/unlisted';
import type { ActorAnnotation, Annotation } from '../../core/types';
import type { MentionsByOutlet } from '../../messages';
import { DiffText } from '../../shared/DiffText';
import { MentionsList } from '../../shared/ui/MentionsList';
import { clip, dateText as date } from '../../shared/words';

/** How much of another outlet's sentence a card shows. */
const SENTENCE = 220;

export type CardData =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'actor'; groups: MentionsByOutlet[] }
  | { state: 'figure'; result: FiguresLike }
  | { state: 'quote'; matches: QuoteMatch[] };

/** The card for one highlight: what other outlets in the corpus wrote. All page text renders as text. */
export function Card({
  annotation,
  data,
  id,
  children,
}: {
  annotation: Annotation;
  data: CardData;
  id: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="card" role="dialog" id={id} aria-label={`Crosswire: ${title(annotation)}`}>
      <p class="title">{title(annotation)}</p>
      {subtitle(annotation) && <p class="sub">{subtitle(annotation)}</p>}
      {data.state === 'loading' && <p class="muted">Looking in the corpus…</p>}
      {data.state === 'error' && <p class="muted">Could not ask the corpus: {data.error}</p>}
      {data.state === 'actor' && <Mentions groups={data.groups} label={title(annotation)} />}
      {data.state === 'figure' && <Figures result={data.result} />}
      {data.state === 'quote' && <Quotes matches={data.matches} />}
      {children}
    </div>
  );
}

function title(a: Annotation): string {
  if (a.kind === 'actor') return a.actorId ? a.label : `${a.text} (ambiguous)`;
  if (a.kind === 'figure') return a.text;
  return a.speaker ? `Quote: ${a.speaker}` : 'Quote, speaker unknown';
}

function subtitle(a: Annotation): string | null {
  if (a.kind === 'actor') return [a.actorType.replace('_', ' '), unlisted(a), a.role].filter(Boolean).join(' · ');
  if (a.kind === 'figure') {
    const value =
      a.low !== undefined
        ? `${a.low.toLocaleString('en')}–${a.high!.toLocaleString('en')}`
        : a.value === null
          ? 'vague'
          : a.value.toLocaleString('en');
    return `${a.counts}: ${a.qualifier ? `${a.qualifier} ` : ''}${value} ${a.unit}${a.attribution ? `, per ${a.attribution.label}` : ''}`;
  }
  return null;
}

/** People found by their role in the text: the card says so, since nothing beyond the text vouches for them. */
function unlisted(a: ActorAnnotation): string | null {
  return isUnlisted(a.actorId) ? 'not in the dictionary' : null;
}

function Mentions({ groups, label }: { groups: MentionsByOutlet[]; label: string }) {
  if (groups.length === 0) return <p class="muted">No other article in your corpus names {label}.</p>;
  return (
    <MentionsList
      groups={groups}
      articlesPerOutlet={2}
      sentenceLength={SENTENCE}
      aboutOutlet={(g) => g.outlet.profile && <span class="muted"> · {g.outlet.profile.kind}</span>}
    />
  );
}

function Figures({ result }: { result: FiguresLike }) {
  const { items, alongside } = result;
  if (items.length === 0 && alongside.length === 0)
    return <p class="muted">No other outlet in your corpus gives this figure.</p>;
  return (
    <>
      {items.length > 0 && (
        <>
          <p class={result.verdict === 'agree' ? 'verdict ok' : 'verdict differ'}>{result.explanation}</p>
          <ul class="list">
            {items.slice(0, 8).map((i) => (
              <FigureItem key={`${i.articleId}${i.text}`} item={i} verdict={i.agrees ? '(agrees)' : '(differs)'} />
            ))}
          </ul>
        </>
      )}
      {alongside.length > 0 && (
        // Another incident, place or time: shown beside, never judged against this one.
        <>
          <p class="muted">
            {items.length > 0 ? 'Not compared (another incident, place or time):' : result.explanation}
          </p>
          <ul class="list" aria-label="Figures of this kind not compared">
            {alongside.slice(0, 4).map((i) => (
              <FigureItem key={`${i.articleId}${i.text}`} item={i} verdict="" />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function FigureItem({ item, verdict }: { item: FiguresLike['alongside'][number]; verdict: string }) {
  return (
    <li>
      <p>
        <span class="outlet">{item.outlet}</span> <span class="muted">{date(item.published)}</span>:{' '}
        <strong>{item.text}</strong> {verdict}
      </p>
      <p class="muted">{clip(item.sentence, 160)}</p>
    </li>
  );
}

function Quotes({ matches }: { matches: QuoteMatch[] }) {
  if (matches.length === 0) return <p class="muted">Not found in other outlets.</p>;
  return (
    <ul class="list">
      {matches.slice(0, 6).map((m) => (
        <li key={`${m.articleId}${m.quote.text}`}>
          <p>
            <span class="outlet">{m.outlet}</span>{' '}
            <span class="muted">
              {date(m.published)} · {m.kind}
            </span>
          </p>
          <p class="quote">
            <DiffText diff={m.diff} />
          </p>
        </li>
      ))}
    </ul>
  );
}
