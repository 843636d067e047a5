import type { Dictionary } from '../actors/dictionary';
import type { PersonEntry } from '../actors/schema';
import { unlistedId } from '../actors/unlisted';
import type { Doc } from '../text/doc';
import { capitalised, keyAt, spaced, tokenText } from '../text/doc';
import { knownVariant } from './known-variant';
import type { Coverage, Mention } from './mention';
import { endsClause, nameEnd, titleCase } from './person-name';
import { SPEECH_AFTER, speakerPosition } from './speaker-position';
import {
  appositiveRole,
  lowerRoleBefore,
  officeOf,
  roleInAppositionBefore,
  roleWithComplementBefore,
  titleBefore,
} from './titles';

export interface IntroducedOptions {
  /** To recognise spellings of listed people ("Hilary Clinton"). */
  dict?: Dictionary;
  /** Whether a name in a speaker's place, with no role, is enough ("Jane Doe said"). Default true. */
  speakers?: boolean;
}

/**
 * People the dictionary lacks but the article introduces, so unknown officials and speakers
 * are still highlighted: with a title ("Foreign Minister Jane Doe", "Mr. Doe"), a role before
 * or after in apposition ("Jane Doe, a spokeswoman for the ministry,"), or in a speaker's
 * place ("Jane Doe told reporters", "said Jane Doe."). Each gets the id
 * `unlisted-<slug of the name>`, the same in every article, so the corpus links them.
 */
export function introducedPeople(
  doc: Doc,
  covered: Coverage,
  notName: (i: number) => boolean,
  options: IntroducedOptions = {},
): Mention[] {
  const found: Mention[] = [];
  const taken = (i: number) => covered.has(i) || notName(i);
  for (let i = 0; i < doc.tokens.length; i++) {
    if (taken(i) || !capitalised(doc, i)) continue;
    const last = nameEnd(doc, i, taken);
    // In a title-case headline a name's end shows only at punctuation.
    if (last < 0 || (titleCase(doc, i) && !endsClause(doc, last))) continue;
    const role = roleOf(doc, i, last, { known: covered.has.bind(covered), speakers: options.speakers ?? true });
    if (role === null) continue;
    found.push(introduction(doc, i, last, role, options.dict));
    covered.claim({ first: i, last });
    i = last;
  }
  return found;
}

/** The role the text gives the name at first..last ('' for a speaker without one), or null if none. */
function roleOf(
  doc: Doc,
  first: number,
  last: number,
  ctx: { known: (i: number) => boolean; speakers: boolean },
): string | null {
  const title = titleBefore(doc, first);
  if (title) return withOffice(title, officeOf(doc, last));
  const role =
    roleInAppositionBefore(doc, first) ??
    appositiveRole(doc, last) ??
    lowerRoleBefore(doc, first) ??
    roleWithComplementBefore(doc, first, ctx.known);
  if (role) return role;
  return ctx.speakers && speakerPosition(doc, first, last) ? '' : null;
}

const withOffice = (title: string, of: string | null) => (of ? `${title} ${of}` : title);

function introduction(doc: Doc, first: number, last: number, role: string, dict?: Dictionary): Mention {
  const name = tokenText(doc, first, last);
  const surname = doc.tokens.word[last]!.raw;
  const known = dict ? knownVariant(dict, name, surname) : null;
  const mention: Mention = known
    ? { first, last, actor: known, via: 'name', confidence: 0.7 }
    : { first, last, actor: unlistedPerson(name, surname), via: 'introduced', confidence: 0.8 };
  if (role) mention.role = role;
  return mention;
}

/** A person entry for someone outside the dictionary; the id says so. */
function unlistedPerson(name: string, surname: string): PersonEntry {
  return {
    id: unlistedId(name),
    type: 'person',
    name,
    aliases: [],
    surnames: [surname],
    roles: [],
    actsFor: '',
  };
}

/**
 * Later references by the first word of a two-word name, where family names come first
 * ("Zhao" after "Zhao Lijian"): taken only in a speaker's place, and only when one person
 * introduced by the article has that first word.
 */
export function familyNameFirst(doc: Doc, mentions: readonly Mention[], covered: Coverage): Mention[] {
  const byFirst = new Map<string, Mention['actor']>();
  for (const m of mentions) {
    if (m.via !== 'introduced' || m.last !== m.first + 1) continue;
    const key = doc.tokens.word[m.first]!.key;
    byFirst.set(key, byFirst.has(key) ? null : m.actor);
  }
  const found: Mention[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const actor = byFirst.get(doc.tokens.word[i]!.key);
    if (!actor || covered.has(i) || !capitalised(doc, i) || !spoke(doc, i)) continue;
    found.push({ first: i, last: i, actor, via: 'surname', confidence: 0.7 });
    covered.claim({ first: i, last: i });
  }
  return found;
}

const spoke = (doc: Doc, i: number) =>
  spaced(doc, i) && SPEECH_AFTER.has(keyAt(doc, i + 1)) && !(spaced(doc, i - 1) && capitalised(doc, i - 1));
