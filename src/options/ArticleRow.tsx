import type { ArticleListItem } from '../messages';
import { ConfirmPrompt, useFocusBack } from '../shared/ui/ConfirmPrompt';

/** Where an article came from, as its badge says it. */
const ORIGIN: Record<ArticleListItem['origin'], string> = {
  bundled: 'Bundled',
  user: 'Added by you',
  feed: 'From a feed',
  shared: 'From a shared corpus',
};

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD date as a reader writes it ("10 March 2012"), or the text as it is if it is not one. */
export function readableDate(published: string): string {
  const day = new Date(`${published}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? published : DAY.format(day);
}

/** How the page names an article in a sentence: its headline, outlet and date. */
export function describeArticle(item: ArticleListItem): string {
  const when = item.published ? `, ${readableDate(item.published)}` : '';
  return `“${item.headline ?? '(no headline)'}” (${item.outlet.name}${when})`;
}

interface RowProps {
  item: ArticleListItem;
  /** Whether this row is asking "remove it?". */
  confirming: boolean;
  removing: boolean;
  onRemove(): void;
  onConfirm(): void;
  onCancel(): void;
}

/** One stored article in the corpus list, with Remove and the inline step that confirms it. */
export function ArticleRow({ item, confirming, removing, onRemove, onConfirm, onCancel }: RowProps) {
  const remove = useFocusBack<HTMLButtonElement>(confirming);
  const title = item.headline ?? '(no headline)';
  const headline = item.url ? (
    <a href={item.url} target="_blank" rel="noopener noreferrer">
      {title}
    </a>
  ) : (
    title
  );
  return (
    <li class="article">
      <div class="article-text">
        <p class={item.headline ? 'headline' : 'headline untitled'}>{headline}</p>
        <p class="meta">
          <span>{item.outlet.name}</span>
          {item.published ? (
            <time dateTime={item.published}>{readableDate(item.published)}</time>
          ) : (
            <span>date unknown</span>
          )}
          <span class={`badge badge-${item.origin}`}>{ORIGIN[item.origin]}</span>
        </p>
      </div>
      {confirming ? (
        <ConfirmPrompt
          question={
            <>
              Remove this article from the corpus?<span class="visually-hidden"> {title}</span>
            </>
          }
          confirm="Yes, remove"
          busy={removing}
          busyLabel="Removing…"
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      ) : (
        <button type="button" ref={remove} onClick={onRemove}>
          Remove<span class="visually-hidden"> {title}</span>
        </button>
      )}
    </li>
  );
}
