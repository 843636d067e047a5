/**
 * The actor dictionary's schema. The dictionary is data (JSON files beside this one);
 * `load.ts` validates every entry against these types before the engine sees it.
 */

export const ACTOR_TYPES = ['person', 'state', 'organization', 'group', 'government_body'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What kind of office a role is, so "the foreign minister" can find whoever held it. */
export const ROLE_KINDS = [
  'head_of_state',
  'head_of_government',
  'foreign_minister',
  'un_ambassador',
  'un_secretary_general',
  'envoy',
  'agency_head',
  'minister',
  'other',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** One office held for a period. Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `to` null = still held. */
export interface Role {
  kind: RoleKind;
  /** The title as news copy writes it: "Foreign Minister", "Secretary of State", "Special Envoy for Syria". */
  title: string;
  /** ISO 3166-1 alpha-2 code of the state, or the id of the organisation, the office belongs to. */
  of: string;
  from: string;
  to: string | null;
}

export interface Names {
  fr?: string[];
  ru?: string[];
  ar?: string[];
}

interface BaseEntry {
  /** Wikidata QID where certain, otherwise a readable slug ("syrian-network-for-human-rights"). */
  id: string;
  type: ActorType;
  /** Canonical English name. */
  name: string;
  /**
   * Other full surface forms, matched case-sensitively (diacritics, dots, hyphens and
   * possessives are folded by the matcher, so "al-Qaeda" also finds "al Qaeda").
   */
  aliases: string[];
  /** Names in other languages, matched like aliases. */
  names?: Names;
  /**
   * Aliases that are also common English words or names of other things ("Chad",
   * "Jordan", "Georgia", "Turkey", "the council"): matched only where context allows.
   */
  ambiguous?: string[];
}

export interface StateEntry extends BaseEntry {
  type: 'state';
  /** ISO 3166-1 alpha-2 (XK for Kosovo, as used by the EU and most registries). */
  iso: string;
  /**
   * Adjectives / demonyms in any language: "Syrian", "français", "российский", "سوري". Count as
   * the state only beside a government word (before it in English and Russian, after it in
   * French and Arabic).
   */
  demonyms: string[];
  /** Plural nouns for the people used as a party: "the Russians", "Israelis". */
  plurals: string[];
  /** Capitals and seats of government used as metonyms, in any language: "Moscow", "the Kremlin", "Кремль". */
  seats: string[];
}

export interface PersonEntry extends BaseEntry {
  type: 'person';
  /** Short forms used after a full mention ("Lavrov", "Assad", "Ban"). */
  surnames: string[];
  roles: Role[];
  /** ISO code of the state (or id of the organisation) the person acts for. */
  actsFor: string;
}

export interface OrganisationEntry extends BaseEntry {
  type: 'organization' | 'group' | 'government_body';
  /** Id of the parent body ("united-nations" for the Security Council), if any. */
  parent?: string;
  /** ISO code for national bodies (CIDA -> CA). */
  state?: string;
}

export type ActorEntry = StateEntry | PersonEntry | OrganisationEntry;
