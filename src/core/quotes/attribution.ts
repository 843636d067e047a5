import type { Phrase } from './clause';
import type { QuoteSpan } from './spans';
import { titleClass } from './titles';
import { ACCORDING_TO, AFTER_SPEAKER, CLAUSE_OPENER, FRENCH_INVERTED, SAYING } from './verbs';

const VERBS = [...SAYING].sort((a, b) => b.length - a.length).join('|');
const WORD = /\p{L}+/gu;
// '," said Roe' / ', a déclaré Jean Roe' / ' — заявил Петров': an auxiliary may come first.
const VERB_FIRST = new RegExp(
  `^[\\s,—–-]*(?:(?:a|ont|has|hat)\\s+)?(?:${VERBS})(?!\\p{L})\\s+(.{1,80}?)(?=[,.;:!?]|\\s+(?:${AFTER_SPEAKER})\\s|$)`,
  'u',
);
// '," Roe said' / '," the ministry's spokesman told AFP' / '," Roe, the envoy, said'.
const SUBJECT_FIRST = new RegExp(
  `^\\s*[,—–-]?\\s*((?:[^,.;:!?"“”«»]|\\.(?!\\s))(?:[^,;:!?"“”«»]|\\.(?!\\s+\\p{Lu}\\p{Ll})){0,100}?)(?:,\\s*([^,;:!?"“”«»]{1,90}),)?\\s+(?:${VERBS})(?!\\p{L})`,
  'u',
);
const LOWER_AFTER = new RegExp(`^\\s+(?:he|she|it|they|${VERBS})(?!\\p{L})`, 'u');
// ' in 2022, he said': a short phrase may stand between the quote and its attribution.
const SHORT_TAIL = /^\s+(?:[^\s,.;:!?"“”«»]+\s+){0,4}[^\s,.;:!?"“”«»]+(?=,)/u;
const ACCORDING_AFTER = new RegExp(`^[\\s,—–-]*${ACCORDING_TO.source}(.{1,80}?)(?=[,.;:!?]|$)`, 'iu');
const ACCORDING_BEFORE = new RegExp(`${ACCORDING_TO.source}([^,.;:]{1,80}),\\s*$`, 'iu');
// '…, a joint statement said.' closing the sentence that holds a fragment.
const CLOSING = new RegExp(`,\\s*([^,;:"“”«»]{1,60}?)\\s+(?:${VERBS})(?!\\p{L})\\s*(?:,|$)`, 'u');
const PROPER_NAME = /^(?:\p{Lu}[\p{L}'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]*$/u;

/** What follows a quotation as its attribution: a phrase naming the speaker, or a pronoun at an offset. */
type After = { phrase: Phrase; subject: boolean } | { pronounAt: number };

/**
 * The attribution right after a closed quotation, in its sentence: `," said Roe`, `," Roe
 * said`, `," the minister's spokesman, Jane Roe, said`, `», a-t-il dit`, `” in 2020, he said`.
 * A clause that opens with a conjunction ("while Roe said") belongs to what follows it.
 */
export function attributionAfter(text: string, q: QuoteSpan): After | null {
  if (!q.closed) return null;
  const at = q.close + 1;
  const line = text.slice(at, at + 200).split('\n')[0]!;
  const inner = text[q.close - 1] ?? '';
  const tail = SHORT_TAIL.exec(line);
  const skip = tail && !/[,?!—–-]/.test(inner) && !hasSayingVerb(tail[0]) ? tail[0].length : 0;
  const rest = line.slice(skip);
  const offset = at + skip;
  if (!/[,?!—–-]/.test(inner) && !/^\s*[,—–-]/.test(rest) && !LOWER_AFTER.test(rest)) return null;
  if (FRENCH_INVERTED.test(rest)) return { pronounAt: at };
  if (CLAUSE_OPENER.test(rest.replace(/^[\s,—–-]+/, ''))) return null;
  const verbFirst = VERB_FIRST.exec(rest);
  if (verbFirst) return { phrase: captured(verbFirst, offset, 1), subject: false };
  const subjectFirst = SUBJECT_FIRST.exec(rest);
  if (!subjectFirst || subjectFirst[1]!.split(/\s+/).length > 12) return null;
  // The name in apposition to a role is the speaker: '," the minister's spokesman, Jane Roe, said'.
  const apposed = subjectFirst[2]?.trim();
  const named = apposed && PROPER_NAME.test(apposed) && isRole(subjectFirst[1]!);
  return { phrase: captured(subjectFirst, offset, named ? 2 : 1), subject: true };
}

/** `According to Roe, “...”` before the quotation, or `“...,” according to Roe` after it. */
export function accordingTo(text: string, sentenceStart: number, q: QuoteSpan): Phrase | null {
  const lead = text.slice(sentenceStart, q.open);
  const before = ACCORDING_BEFORE.exec(lead);
  if (before) return { at: sentenceStart + lead.lastIndexOf(before[1]!), text: before[1]! };
  if (!q.closed) return null;
  const rest = text.slice(q.close + 1, q.close + 120).split('\n')[0]!;
  const after = ACCORDING_AFTER.exec(rest);
  return after ? captured(after, q.close + 1, 1) : null;
}

/** The attribution that closes the sentence after a fragment: `held “frank” talks, a statement said.` */
export function closingAttribution(text: string, sentenceEnd: number, q: QuoteSpan): Phrase | null {
  const rest = text.slice(q.close + 1, sentenceEnd).replace(/[.!?”"»]+$/u, '');
  if (/["“”«»]/.test(rest)) return null;
  const m = CLOSING.exec(rest);
  return m ? captured(m, q.close + 1, 1) : null;
}

/** A phrase that names a role, not a person: "the minister's spokesman", "a senior official". */
const isRole = (phrase: string) => titleClass(phrase) !== null || /^(?:the|a|an)\s/i.test(phrase.trim());

const hasSayingVerb = (s: string) => [...s.matchAll(WORD)].some((m) => SAYING.has(m[0]));

/** A pattern's group, located in the text: `offset` is where the matched string starts. */
function captured(m: RegExpExecArray, offset: number, group: number): Phrase {
  const text = m[group]!.trim();
  return { at: offset + m.index + m[0].lastIndexOf(text), text };
}

// "so-called “metadata”", "a stranding described as “unprecedented”": the writer's or someone's
// word for a thing, not a statement by the subject before it.
const SO_CALLED = /(?<!\p{L})so-called\s*$/iu;
const DESCRIBED_AS =
  /(?<!\p{L})(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?(?:described|called|dubbed|labell?ed|termed|branded|hailed|billed|characteri[sz]ed)\s+(?:as\s+)?$/iu;
const NAMING_WORD = /so-called|described|called|dubbed|label|termed|branded|hailed|billed|characteri/i;
const BY_AGENT = /^[\s,]*by\s+([^,.;:!?"“”«»]{1,80})/u;

/**
 * A quotation that names a thing rather than reports a statement: after "so-called", or after
 * a passive "was described as" / "has been called". Its speaker is the agent the passive
 * names after it ("described as “heartbreaking” by the department"), or nobody.
 */
export function namingQuote(text: string, q: QuoteSpan): { agent: Phrase | null } | null {
  const lead = text.slice(Math.max(0, q.open - 80), q.open);
  // Most quotations follow neither: a plain search says so before the patterns run.
  if (!NAMING_WORD.test(lead)) return null;
  if (SO_CALLED.test(lead)) return { agent: null };
  if (!DESCRIBED_AS.test(lead)) return null;
  if (!q.closed) return { agent: null };
  const by = BY_AGENT.exec(text.slice(q.close + 1, q.close + 120));
  return { agent: by ? captured(by, q.close + 1, 1) : null };
}
