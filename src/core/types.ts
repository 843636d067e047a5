import type { ActorType } from './actors/schema';

/** What every annotation shares. Offsets are UTF-16 indices into the annotated text. */
interface Base {
  id: string;
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
  /** 0..1: how sure the engine is of the reading (not a probability). */
  confidence: number;
}

/** How an actor mention was recognised. */
export type MentionVia =
  | 'name' // full name or alias: "Sergey Lavrov", "U.N."
  | 'foreign' // a name in French, Russian or Arabic
  | 'surname' // short form resolved within the article: "Lavrov"
  | 'demonym' // adjective naming a government: "Syrian President"
  | 'plural' // the people as a party: "the Russians"
  | 'seat' // capital or seat of government as metonym: "Moscow", "the Kremlin"
  | 'context' // an alias that is also a common word, accepted by context: "council", "Jordan"
  | 'introduced' // a person not in the dictionary, introduced with a role: "Foreign Minister John Baird"
  | 'role'; // a description resolved by role and date: "the U.S. secretary of state"

export interface ActorAnnotation extends Base {
  kind: 'actor';
  /** Null when the mention is ambiguous: see `candidates`. */
  actorId: string | null;
  label: string;
  actorType: ActorType;
  via: MentionVia;
  /** Ids of the people a mention could be, when it cannot be resolved. */
  candidates?: string[];
  /** A state named only as a place ("the violence in Syria"). */
  locational?: boolean;
  /** Role text for introduced people and role descriptions. */
  role?: string;
  /** ISO 3166-1 alpha-2 code, for states. */
  iso?: string;
}

export type Qualifier = 'over' | 'at least' | 'about' | 'estimated' | 'nearly' | 'up to' | 'under';

/**
 * What a figure counts. `deaths` is a cumulative toll (a running total: "since March", "so far",
 * "the war has killed"); `killed` is one incident's toll ("in Sunday's shelling").
 */
export type Counts =
  | 'deaths'
  | 'killed'
  | 'wounded'
  | 'displaced'
  | 'refugees'
  | 'residents'
  | 'money'
  | 'votes'
  | 'percent'
  | 'arrested'
  | 'other';

export interface Attribution {
  label: string;
  actorId?: string;
}

export interface FigureAnnotation extends Base {
  kind: 'figure';
  /** Null for ranges and vague quantities ("thousands"). */
  value: number | null;
  low?: number;
  high?: number;
  /** The second number of a vote tally ("13-2"): votes against. */
  against?: number;
  /** people, USD, CAD, EUR, percent, votes, or the counted noun ("resolutions"). */
  unit: string;
  counts: Counts;
  qualifier: Qualifier | null;
  /**
   * The state the figure is about: for tolls, where the deaths happened ("killed in Syria",
   * "Syria's province of Idlib"); otherwise the state named nearest in the sentence, else the
   * last one named before it.
   */
  subject?: string;
  attribution?: Attribution;
}

export interface QuoteAnnotation extends Base {
  kind: 'quote';
  speakerId: string | null;
  /** Canonical name of the speaker, or the text that describes an unnamed one. */
  speaker: string | null;
  /** A fragment inside the reporter's sentence rather than a quoted sentence. */
  partial: boolean;
}

export type Annotation = ActorAnnotation | FigureAnnotation | QuoteAnnotation;

export interface AnnotateOptions {
  /** Publication date, YYYY-MM-DD: roles ("the foreign minister") resolve to who held them then. */
  published?: string;
}
