import type { ComponentChildren } from 'preact';
import type { MentionsByOutlet } from '../../messages';
import { linkToSentence } from '../text-fragment';
import { clip, dateText } from '../words';

/**
 * What the other outlets in the corpus wrote naming an actor: per outlet, the date and headline
 * of its first articles and their sentences, each linked to the sentence in the article. The
 * card and the popup's Actors view show it; each says for itself when the list is empty.
 */
export function MentionsList({
  groups,
  articlesPerOutlet,
  sentenceLength,
  aboutOutlet,
}: {
  groups: MentionsByOutlet[];
  /** How many of each outlet's articles to show (each with at most two sentences). */
  articlesPerOutlet: number;
  /** Where a sentence is clipped. */
  sentenceLength?: number;
  /** What follows the outlet's name (its kind, how it spells the actor). */
  aboutOutlet?: (group: MentionsByOutlet) => ComponentChildren;
}) {
  return (
    <ul class="mentions">
      {groups.map((g) => (
        <li key={g.outlet.id}>
          <p class="outlet">
            {g.outlet.name}
            {aboutOutlet?.(g)}
          </p>
          {g.articles.slice(0, articlesPerOutlet).map((a) => (
            <div key={a.articleId} class="item">
              <p class="muted">
                {dateText(a.published)}
                {a.headline && ` · ${a.headline}`}
              </p>
              {a.sentences.slice(0, 2).map((s, i) => (
                <p key={i} class="sentence">
                  {a.url ? (
                    // A new tab: the popup would close on navigation, and the card's page would be left.
                    <a href={linkToSentence(a.url, s)} target="_blank" rel="noopener noreferrer">
                      {clip(s, sentenceLength)}
                    </a>
                  ) : (
                    clip(s, sentenceLength)
                  )}
                </p>
              ))}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
