import type { Annotation } from '../core/types';

/** The accessible name of a highlight: what it is, not only its text. */
export function markLabel(a: Annotation): string {
  if (a.kind === 'actor') return a.actorId ? `${a.label} (${a.actorType.replace('_', ' ')})` : `${a.text} (ambiguous)`;
  if (a.kind === 'figure') return `figure: ${a.text}${a.counts !== 'other' ? `, ${a.counts}` : ''}`;
  return `quote${a.speaker ? ` by ${a.speaker}` : ''}`;
}
