import { AUXILIARY, CLAUSE_OPENER } from './verbs';

/** A phrase of the text and where it starts. */
export interface Phrase {
  at: number;
  text: string;
}

const LAST_WORD = /\s*([\p{L}'’-]+)\s*$/u;
// A clause starts after a comma, colon, semicolon, dash, or a closing quote mark.
const BOUNDARY = /[,;:—–"“”«»]/g;
// ... or after a relative or complement word: "a text in which it resolves", "warned that she said".
const RELATIVE = /(?<!\p{L})(?:which|who|whom|that|where|qui|que|où|который|которая|что|الذي|التي)\s/gu;

/**
 * The subject of a verb of saying, read back from the verb within its sentence. Auxiliaries and
 * adverbs are skipped ("has also said"), and so is an apposition or relative clause between
 * commas ("Jane Roe, the envoy to Ruritania, said", "the alliance, which backs the plan,
 * said"): the subject is the phrase before it, not the last name inside it.
 */
export function subjectBefore(text: string, from: number, verbAt: number): Phrase | null {
  let end = skipAuxiliaries(text, from, verbAt);
  let head = text.slice(from, end);
  if (/,\s*$/.test(head)) {
    const inner = head.replace(/,\s*$/, '');
    const comma = inner.lastIndexOf(',');
    if (comma >= 0) {
      end = from + comma;
      head = text.slice(from, end);
    }
  }
  let start = from;
  for (const m of head.matchAll(BOUNDARY)) start = from + m.index! + 1;
  for (const m of head.matchAll(RELATIVE))
    if (from + m.index! + m[0].length > start) start = from + m.index! + m[0].length;
  return trimPhrase(text, start, end);
}

/** The phrase after a verb, up to what ends a subject there: "قال بيان مشترك إن", "заявил Петров, что". */
export function subjectAfter(text: string, verbEnd: number, limit: number): Phrase | null {
  const slice = text.slice(verbEnd, limit);
  const stop = /\s(?:إن|أن|ان|что|que|qu'|on|at|in|to|на|в)\s|[,.;:"“”«»]/u.exec(slice);
  return trimPhrase(text, verbEnd, verbEnd + (stop ? stop.index : slice.length));
}

function skipAuxiliaries(text: string, from: number, end: number): number {
  for (;;) {
    const m = LAST_WORD.exec(text.slice(from, end));
    if (!m || !(AUXILIARY.has(m[1]!) || /^\p{Ll}+ly$/u.test(m[1]!))) return end;
    end = from + m.index;
  }
}

/** The phrase in [start, end) without spaces and a leading conjunction ("while Doe" is Doe). */
function trimPhrase(text: string, start: number, end: number): Phrase | null {
  let raw = text.slice(start, end);
  const opener = CLAUSE_OPENER.exec(raw.trimStart());
  if (opener) {
    const cut = raw.length - raw.trimStart().length + opener[0].length;
    start += cut;
    raw = raw.slice(cut);
  }
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return body ? { at: start + lead, text: body } : null;
}
