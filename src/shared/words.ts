import type { QuoteRelation } from '../core/match';
import type { Stance } from '../core/notes/types';

// The words the card, the popup and the exports use for the same things, in one place.

/** A date as the corpus has it, or a word for none. */
export const dateText = (d: string | null | undefined) => d ?? 'undated';

/** Text clipped at `n` characters. */
export const clip = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const STANCE_LABEL: Record<Stance, string> = {
  verified: 'Verified',
  disputed: 'Disputed',
  'follow-up': 'Follow up',
};

/** How another outlet carries a quote, as readers say it. */
export const QUOTE_RELATION: Record<QuoteRelation, 'verbatim' | 'reworded' | 'in part'> = {
  exact: 'verbatim',
  near: 'reworded',
  partial: 'in part',
};
