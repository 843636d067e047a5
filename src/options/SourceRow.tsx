import type { FeedStatus } from '../messages';
import { sourceName, statusLines } from './follow-words';

interface RowProps {
  source: FeedStatus;
  now: number;
  /** What its entries are called in the status line ("entries", "articles"). */
  added: string;
  /** The button's word ("Remove", "Unsubscribe"); its accessible name adds the address. */
  action: string;
  busy: boolean;
  onAction(): void;
}

/**
 * One feed or shared corpus: whose it is, its address, how its last fetches went (a failing
 * one says since when and until when it is left alone), and the button that drops it.
 */
export function SourceRow({ source, now, added, action, busy, onAction }: RowProps) {
  const [fetched, ...trouble] = statusLines(source, now, added);
  const name = sourceName(source);
  // "BBC News: World" under "BBC News" says only "World".
  const title = source.title?.startsWith(`${name}:`) ? source.title.slice(name.length + 1).trim() : source.title;
  return (
    <li class={trouble.length ? 'source source-failing' : 'source'}>
      <div class="source-text">
        <p class="source-name">
          {name}
          {title && title !== name && <span class="source-title"> · {title}</span>}
        </p>
        <p class="site">{source.url}</p>
        <p class="source-state">{fetched}</p>
        {trouble.map((line) => (
          <p key={line} class="source-state source-trouble">
            {line}
          </p>
        ))}
      </div>
      <button type="button" aria-disabled={busy} onClick={() => !busy && onAction()}>
        {action}
        <span class="visually-hidden"> {source.url}</span>
      </button>
    </li>
  );
}

/** A list of feeds or shared corpora, one SourceRow each, each with the same action. */
export function SourceList({
  label,
  sources,
  onAction,
  ...row
}: Omit<RowProps, 'source' | 'onAction'> & {
  label: string;
  sources: FeedStatus[];
  onAction(source: FeedStatus): void;
}) {
  return (
    <ul class="sources" aria-label={label}>
      {sources.map((source) => (
        <SourceRow key={source.url} source={source} {...row} onAction={() => onAction(source)} />
      ))}
    </ul>
  );
}
