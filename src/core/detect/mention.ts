import type { ActorEntry } from '../actors/schema';
import type { MentionVia } from '../types';

/** An actor mention over a token run, before it becomes an annotation. */
export interface Mention {
  first: number;
  /** Last token, inclusive. */
  last: number;
  /** Null when ambiguous between `candidates`. */
  actor: ActorEntry | null;
  via: MentionVia;
  confidence: number;
  candidates?: string[];
  locational?: boolean;
  role?: string;
}

/** Token positions already claimed by a mention, so later passes don't claim them twice. */
export class Coverage {
  private readonly taken: Uint8Array;
  constructor(size: number) {
    this.taken = new Uint8Array(size);
  }
  has(i: number): boolean {
    return this.taken[i] === 1;
  }
  free(first: number, last: number): boolean {
    for (let i = first; i <= last; i++) if (this.taken[i]) return false;
    return true;
  }
  claim(m: Pick<Mention, 'first' | 'last'>): void {
    this.taken.fill(1, m.first, m.last + 1);
  }
}
