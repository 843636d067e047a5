import type { Annotation } from '../core/types';
import { ACTOR_RGB as ACTOR, FIGURE_RGB as FIGURE, QUOTE_RGB as QUOTE } from '../shared/palette';

// Each highlight is a translucent background and an underline drawn with an inset shadow:
// neither changes any box's size, so the page's layout does not move, and both read on
// light and dark pages.

/** The inline style of a highlight of this annotation. */
export function markStyle(a: Annotation): string {
  const rgb = a.kind === 'actor' ? ACTOR[a.actorType] : a.kind === 'figure' ? FIGURE : QUOTE;
  const line = a.kind === 'quote' ? 'none' : `inset 0 -2px 0 rgb(${rgb})`;
  return `background-color: rgba(${rgb}, ${a.kind === 'quote' ? 0.22 : 0.16}); box-shadow: ${line}; color: inherit; font: inherit; margin: 0; padding: 0; border: 0; display: inline; border-radius: 2px; cursor: help;`;
}

/** The accessible name of a highlight: what it is, not only its text. */
export function markLabel(a: Annotation): string {
  if (a.kind === 'actor') return a.actorId ? `${a.label} (${a.actorType.replace('_', ' ')})` : `${a.text} (ambiguous)`;
  if (a.kind === 'figure') return `figure: ${a.text}${a.counts !== 'other' ? `, ${a.counts}` : ''}`;
  return `quote${a.speaker ? ` by ${a.speaker}` : ''}`;
}
