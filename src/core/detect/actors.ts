import { activeOn, type Dictionary, type Hit } from '../actors/dictionary';
import type { ActorEntry, PersonEntry } from '../actors/schema';
import type { Doc } from '../text/doc';
import type { Word } from '../text/tokenize';
import {
  ambiguousStateAccepted,
  dateline,
  demonymNamesGovernment,
  insideLongerName,
  locational,
  seatNamesGovernment,
} from './context-rules';
import { fullMentions, resolveSurname } from './coreference';
import { familyNameFirst, introducedPeople } from './introduced';
import { Coverage, type Mention } from './mention';
import { widenQuotedNicknames } from './nickname';
import { roleMentions } from './roles';
import { scan, type Match } from './scan';
import { DIPLOMACY_WORDS } from './words';

const FULL = new Set(['name', 'alias', 'foreign']);

/**
 * Find actor mentions in a prepared text. Passes, in order: full names (unambiguous),
 * people introduced with a role, then forms that need the article as context (surnames,
 * demonyms, seats of government, common-word aliases), then role descriptions.
 */
export function detectActors(doc: Doc, dict: Dictionary, published: string | null): Mention[] {
  const matches = scan(doc, dict);
  const covered = new Coverage(doc.tokens.length);
  const mentions: Mention[] = [];
  const deferred: Match[] = [];
  for (const m of matches) {
    if (dateline(doc, m.first, m.last)) continue;
    const full = m.hits.filter((h) => FULL.has(h.form));
    if (full.length) {
      mentions.push(fullMention(m, full, published));
      covered.claim(m);
    } else deferred.push(m);
  }
  widenQuotedNicknames(doc, mentions, covered);
  // A demonym or capital ("Syrian", "Moscow") never starts the name of someone introduced by role.
  const stateForm = tokenSet(
    deferred.filter((m) => m.hits.some((h) => h.form === 'demonym' || h.form === 'plural' || h.form === 'seat')),
  );
  // A name in a speaker's place, with no role, counts in an article about actors we follow (two named in full).
  const speakers = new Set(mentions.map((m) => m.actor?.id)).size >= 2;
  mentions.push(...introducedPeople(doc, covered, stateForm, { dict, speakers }));

  const present = new Set(mentions.flatMap((m) => (m.actor ? [m.actor.id] : [])));
  // Common-word names ("Jordan", "Chad") need a diplomatic article: two parties named in full,
  // or one and a sentence about diplomacy. A national agency ("USDA") is no party to diplomacy.
  const parties = () => [...present].filter((id) => !nationalAgency(dict.byId.get(id))).length;
  const diplomatic = (m: Match) => {
    const n = parties();
    return n >= 2 || (n >= 1 && sentenceWords(doc, m.first).some((w) => DIPLOMACY_WORDS.has(w)));
  };
  const full = fullMentions(mentions);
  const demonymAt = tokenSet(deferred.filter((m) => m.hits.some((h) => h.form === 'demonym')));
  const introduced = mentions.filter((m) => m.via === 'introduced');
  const surnameCtx = { full, present, published, introduced, resolveRef: (r: string) => dict.resolveRef(r) };

  for (const m of deferred) {
    if (!covered.free(m.first, m.last)) continue; // inside someone introduced ("Hadi" in "Hadi Hachem")
    const found = contextual(doc, m, covered, { demonymAt, diplomatic, present, surnameCtx });
    if (found) {
      mentions.push(found);
      covered.claim(found);
      if (found.actor) present.add(found.actor.id); // "Jordan's King Abdullah": later forms see Jordan
    }
  }
  mentions.push(...surnamesOfIntroduced(doc, mentions, covered));
  mentions.push(...familyNameFirst(doc, mentions, covered));
  mentions.sort((a, b) => a.first - b.first);
  mentions.push(...roleMentions(doc, dict, mentions, covered, published));
  return mentions.sort((a, b) => a.first - b.first);
}

interface Ctx {
  demonymAt: (i: number) => boolean;
  diplomatic: (m: Match) => boolean;
  present: Set<string>;
  surnameCtx: Parameters<typeof resolveSurname>[3];
}

/** Decide a form that is a mention only in context. */
function contextual(doc: Doc, m: Match, covered: Coverage, ctx: Ctx): Mention | null {
  const of = (form: Hit['form']) => m.hits.filter((h) => h.form === form);
  const make = (hit: Hit, via: Mention['via'], confidence: number): Mention => ({
    first: m.first,
    last: m.last,
    actor: hit.actor,
    via,
    confidence,
  });

  const surnames = m.hits.filter((h) => h.actor.type === 'person');
  if (surnames.length && surnames.some((h) => ctx.surnameCtx.full.has(h.actor.id)))
    return resolveSurname(doc, m, surnames, ctx.surnameCtx);
  const [demonym] = of('demonym');
  if (demonym && demonymNamesGovernment(doc, m.first, m.last, ctx.demonymAt)) return make(demonym, 'demonym', 0.85);
  const [plural] = of('plural');
  if (plural) return make(plural, 'plural', 0.8);
  const [seat] = of('seat');
  if (seat && seatNamesGovernment(doc, m.first, m.last, covered)) return make(seat, 'seat', 0.75);
  for (const hit of of('ambiguous')) {
    if (hit.actor.type !== 'person' && commonWordAccepted(doc, m, hit, covered, ctx)) {
      return { ...make(hit, 'context', 0.7), locational: hit.actor.type === 'state' && locational(doc, m.first) };
    }
  }
  if (surnames.length && !insideLongerName(doc, m.first, m.last, covered))
    return resolveSurname(doc, m, surnames, ctx.surnameCtx);
  return null;
}

/** Whether a name that is also a common word ("Jordan", "Quartet", "council") names the actor here. */
function commonWordAccepted(doc: Doc, m: Match, hit: Hit, covered: Coverage, ctx: Ctx): boolean {
  // A lower-case form ("council", "quartet") refers back to a full mention of the same body.
  if (hit.shapes.every((s) => s === s.toLowerCase())) return ctx.present.has(hit.actor.id);
  if (hit.actor.type === 'state')
    return ambiguousStateAccepted(doc, m.first, m.last, covered, ctx.diplomatic(m), hit.shapes.join(' '));
  return ctx.diplomatic(m) && !insideLongerName(doc, m.first, m.last, covered);
}

/** A full name; two people sharing it ("King Abdullah") are told apart by the date, if at all. */
function fullMention(m: Match, hits: Hit[], published: string | null): Mention {
  let actors = [...new Set(hits.map((h) => h.actor))];
  const via = hits.some((h) => h.form !== 'foreign') ? 'name' : 'foreign';
  if (actors.length > 1 && actors.every((a) => a.type === 'person')) {
    const active = actors.filter((a) => (a as PersonEntry).roles.some((r) => activeOn(r.from, r.to, published)));
    if (active.length === 1) actors = active;
    else
      return { first: m.first, last: m.last, actor: null, via, confidence: 0.3, candidates: actors.map((a) => a.id) };
  }
  return { first: m.first, last: m.last, actor: actors[0]!, via, confidence: actors.length > 1 ? 0.6 : 0.95 };
}

/** Later short references to people the article introduced ("said Oda" after "Bev Oda, the minister ..."). */
function surnamesOfIntroduced(doc: Doc, mentions: readonly Mention[], covered: Coverage): Mention[] {
  // Keyed by the shared Word object: every occurrence of "Oda" in the text is the same Word.
  const bySurname = new Map<Word, Mention['actor']>();
  for (const m of mentions) if (m.via === 'introduced' && m.actor) bySurname.set(doc.tokens.word[m.last]!, m.actor);
  if (bySurname.size === 0) return [];
  const found: Mention[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const actor = bySurname.get(doc.tokens.word[i]!);
    if (actor && !covered.has(i) && !insideLongerName(doc, i, i, covered)) {
      found.push({ first: i, last: i, actor, via: 'surname', confidence: 0.8 });
      covered.claim({ first: i, last: i });
    }
  }
  return found;
}

const nationalAgency = (a: ActorEntry | undefined) => a?.type === 'government_body' && !!a.state;

function sentenceWords(doc: Doc, i: number): string[] {
  const s = doc.sentenceOf[i];
  const words: string[] = [];
  for (let j = doc.firstToken[s!]!; j < doc.tokens.length && doc.sentenceOf[j] === s; j++)
    words.push(doc.tokens.word[j]!.key);
  return words;
}

function tokenSet(matches: Match[]): (i: number) => boolean {
  const set = new Set<number>();
  for (const m of matches) for (let i = m.first; i <= m.last; i++) set.add(i);
  return (i) => set.has(i);
}
