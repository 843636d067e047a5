import { NAME_PARTICLES, TITLE_WORDS } from '../detect/words';
import { stripMarks } from '../text/fold';

/** A run of capitalised words in the text: a name, perhaps with a title before it. */
export interface NameRun {
  words: string[];
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** Small words inside organisations' names: "Organization of American States". */
const ORG_JOINERS = new Set('of and for the on'.split(' '));
/** Words of roles and bodies that precede a name and are not part of it. */
const NOT_NAME = new Set(
  `ceo chairman chairwoman chairperson spokesperson coach quarterback frontman founder manager officer police chief
  department ministry council agency office service federation bureau committee commission union party
  ptl sgt capt det insp cmdr executive head press the a an le la les der die das`.split(/\s+/),
);

/** How far back a name is looked for: an article's length, so that a page of many stories stays linear. */
const LOOKBACK = 12_000;
export const lookback = (at: number) => Math.max(0, at - LOOKBACK);

/** Capitalised, or an Arabic name's article before a capital: "al-Nasiri". */
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|ar|an|at|az|ul|ud)-\p{Lu}/u;
const isCapital = (w: string) => {
  const first = w[0]!;
  // Upper case is whatever lower-casing changes; only then is the Arabic article worth a look.
  return first !== first.toLowerCase() || (w.includes('-') && ARABIC_ARTICLE.test(w));
};
const fold = (w: string) =>
  stripMarks(w)
    .toLowerCase()
    .replace(/['’]s$/, '');

/**
 * Runs of capitalised words in text[from, to), joined by single spaces; `org` lets "of", "and"
 * join them. A run that crosses `to` is cut there; one that starts before `from` is left out.
 * Speaker resolution asks this for each quote over the text before it, so the runs of the
 * whole text are found once and then looked up (a page of many quotes stays linear).
 */
export function capitalRuns(text: string, from: number, to: number, org = false): NameRun[] {
  const all = runsOf(text, org);
  const out: NameRun[] = [];
  for (let i = firstFrom(all, from); i < all.length && all[i]!.start < to; i++) {
    const r = all[i]!;
    if (r.end <= to) {
      out.push({ words: r.words, start: r.start, end: r.end });
      continue;
    }
    const kept = r.ends.filter((e) => e <= to).length;
    if (kept > 0) out.push({ words: r.words.slice(0, kept), start: r.start, end: r.ends[kept - 1]! });
  }
  return out;
}

/** A run with where each of its words ends, so that it can be cut at any word. */
interface IndexedRun extends NameRun {
  ends: number[];
}

/**
 * The runs of the last long text asked about, one list for plain runs and one for
 * organisations' names. A short text (a name alone) is scanned as it is, so that it never
 * pushes the article's runs out.
 */
const cached: Record<'plain' | 'org', { text: string; runs: IndexedRun[] } | null> = { plain: null, org: null };
const CACHED_FROM = 2000;

function runsOf(text: string, org: boolean): IndexedRun[] {
  if (text.length < CACHED_FROM) return scanRuns(text, org);
  const slot = org ? 'org' : 'plain';
  const hit = cached[slot];
  if (hit?.text === text) return hit.runs;
  const runs = scanRuns(text, org);
  cached[slot] = { text, runs };
  return runs;
}

/** The index of the first run starting at or after `from` (runs are in text order). */
function firstFrom(runs: readonly { start: number }[], from: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What joins a name's words: one space, a no-break space or a hyphen. */
const JOINERS = new Set([' ', '\u00a0', '-']);

function scanRuns(text: string, org: boolean): IndexedRun[] {
  const runs: IndexedRun[] = [];
  let run: IndexedRun | null = null;
  let pending: { w: string; end: number }[] = [];
  let cursor = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    const end = m.index + w.length;
    const joined = run !== null && m.index === cursor + 1 && JOINERS.has(text[cursor]!);
    if (run && joined && isCapital(w)) {
      for (const p of pending) {
        run.words.push(p.w);
        run.ends.push(p.end);
      }
      run.words.push(w);
      run.ends.push(end);
      run.end = cursor = end;
      pending = [];
    } else if (run && joined && (NAME_PARTICLES.has(w) || (org && ORG_JOINERS.has(w)))) {
      pending.push({ w, end });
      cursor = end;
    } else {
      if (run) runs.push(run);
      pending = [];
      run = isCapital(w) ? { words: [w], ends: [end], start: m.index, end } : null;
      cursor = end;
    }
    // A full stop after a word longer than an initial ends the sentence, and the run with it.
    if (run && m[0].endsWith('.') && w.length > 3) {
      runs.push(run);
      run = null;
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** A run's personal name: the words after the last title, body or acronym ("Police Chief Jane Roe" is Jane Roe). */
export function personalName(words: readonly string[]): string[] {
  let from = 0;
  words.forEach((w, i) => {
    const key = fold(w);
    if (TITLE_WORDS.has(key) || NOT_NAME.has(key) || /^\p{Lu}{2,}$/u.test(w) || /['’]s$/.test(w)) from = i + 1;
  });
  const name = words.slice(from).map((w) => w.replace(/['’]s$/, ''));
  // "Department of Conservation" less its "Department" is no one's name: the words are a body's.
  return name[0] && ORG_JOINERS.has(name[0]) ? [] : name;
}

/**
 * The full name of the person a bare name stands for, from its first full mention before
 * `at`: "Roe" after "Police Chief Jane Roe" is Jane Roe. The bare name may be the surname or,
 * in East Asian order, the family name first ("Zhao" after "Zhao Lijian").
 */
export function fullNameBefore(text: string, bare: string, at: number): string | null {
  const key = fold(bare);
  const names = personalNames(text);
  let first: readonly string[] | null = null;
  for (let i = firstFrom(names, lookback(at)); i < names.length && names[i]!.end <= at; i++) {
    const n = names[i]!;
    if (n.last === key) return n.words.join(' ');
    first ??= n.first === key ? n.words : null;
  }
  return first ? first.join(' ') : null;
}

/** A run's personal name of two to four words, with its first and last word folded. */
interface PersonalName {
  start: number;
  end: number;
  words: string[];
  first: string;
  last: string;
}

/** The personal names of a text's runs, found once per text as its runs are. */
let namesCache: { runs: IndexedRun[]; names: PersonalName[] } | null = null;

function personalNames(text: string): PersonalName[] {
  const runs = runsOf(text, false);
  if (namesCache?.runs === runs) return namesCache.names;
  const names = namesOf(runs);
  // Only a long text's runs are kept (see runsOf): a short one's would push them out.
  if (text.length >= CACHED_FROM) namesCache = { runs, names };
  return names;
}

function namesOf(runs: readonly IndexedRun[]): PersonalName[] {
  const names: PersonalName[] = [];
  for (const r of runs) {
    const words = personalName(r.words);
    if (words.length >= 2 && words.length <= 4)
      names.push({ start: r.start, end: r.end, words, first: fold(words[0]!), last: fold(words[words.length - 1]!) });
  }
  return names;
}

/** The name an acronym stands for: "National Weather Service" for NWS, from "(NWS)" or from the initials. */
export function expandAcronym(text: string, acronym: string, at: number): NameRun | null {
  const runs = capitalRuns(text, lookback(at), at, true);
  const defined = runs.find((r) => new RegExp(`^\\s*\\(${acronym}\\)`, 'u').test(text.slice(r.end, r.end + 12)));
  if (defined) return withoutArticle(defined);
  return runs.map(withoutArticle).find((r) => initials(r.words) === acronym) ?? null;
}

/** An earlier, longer name that holds a short one: "Velmar Grain Growers Federation" for "Grain Growers". */
export function longerNameBefore(text: string, short: readonly string[], at: number): NameRun | null {
  const key = short.map(fold).join(' ');
  return (
    capitalRuns(text, lookback(at), at, true)
      .map(withoutArticle)
      .find((r) => r.words.length > short.length && ` ${r.words.map(fold).join(' ')} `.includes(` ${key} `)) ?? null
  );
}

const initials = (words: readonly string[]) =>
  words
    .filter(isCapital)
    .map((w) => w[0])
    .join('');

function withoutArticle(r: NameRun): NameRun {
  let words = r.words;
  while (words.length > 1 && ['the', 'le', 'la', 'les'].includes(words[0]!.toLowerCase())) words = words.slice(1);
  while (words.length > 1 && ORG_JOINERS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  return words === r.words ? r : { ...r, words };
}
