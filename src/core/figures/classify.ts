import type { ActorAnnotation, Attribution, Counts, QuoteAnnotation } from '../types';
import type { Span } from '../text/sentences';
import { spanIndexAt } from '../text/sentences';
import { AUXILIARIES, REPORTING_VERBS } from '../detect/words';
import type { RawFigure } from './scan';
import type { OffsetIndex } from '../text/offset-index';

const HUMAN_NOUNS = [
  'people|persons|civilians|men|women|children|victims|refugees|residents|inhabitants',
  'soldiers|troops|fighters|rebels|militants|protesters|protestors|demonstrators|migrants',
  'bodies|corpses|dead|detainees|prisoners|hostages|journalists',
  'Palestinians|Syrians|Israelis|Iraqis|Afghans|Ukrainians|Russians|Americans',
  'Menschen|personnes|morts|человек',
].join('|');
const HUMAN = new RegExp(String.raw`^\s+(${HUMAN_NOUNS})(?![\p{L}])`, 'u');
const CURRENCY: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};
const CURRENCY_WORDS = /^\s+(dollars|euros?|pounds|yuan|roubles|rubles|francs|riyals|dinars|shekels)\b/i;
const WORD_CURRENCY: Record<string, string> = {
  euro: 'EUR',
  euros: 'EUR',
  pounds: 'GBP',
  yuan: 'CNY',
  roubles: 'RUB',
  rubles: 'RUB',
  francs: 'CHF',
  riyals: 'SAR',
  dinars: 'dinars',
  shekels: 'ILS',
};
/** Dollars of the states that have their own: "$6M" in a sentence about Canada is Canadian. */
const LOCAL_DOLLAR: Record<string, string> = { CA: 'CAD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD' };

/** Any of the alternatives as a whole word in any script (`\b` knows only ASCII letters). */
const anyWord = (...alternatives: string[]) =>
  new RegExp(String.raw`(?<![\p{L}])(?:${alternatives.join('|')})(?![\p{L}])`, 'giu');

// What a figure counts, by the nearest keyword in its sentence.
const KEYWORDS: [Counts, RegExp][] = [
  ['votes', /\b(?:votes?|voted|majority|in favou?r|abstain\w*|abstentions?|ballots?)\b/gi],
  [
    'displaced',
    anyWord(
      String.raw`displac\p{L}*|fled|flee\p{L}*|uprooted|homeless|driven from`,
      String.raw`déplacé\p{L}*|vertrieben|Vertriebene|перемещ\p{L}*`,
    ),
  ],
  ['refugees', /\brefugees?\b/gi],
  ['residents', /\b(?:live[ds]?|living|residents?|inhabitants|population)\b/gi],
  ['wounded', /\b(?:wound\w*|injur\w*|hurt)\b/gi],
  ['arrested', /\b(?:arrest\w*|detain\w*|jailed|imprisoned)\b/gi],
  [
    'killed',
    anyWord(
      String.raw`kill\p{L}*|died|dead|deaths?|victims?|corpses|bodies|massacred?|slain|shot(?! down)|executed`,
      String.raw`lost their lives|toll|morts?|tués?|Tote|getötet|погиб\p{L}*|убит\p{L}*|жертв\p{L}*`,
    ),
  ],
];
const CUMULATIVE_WORDS = [
  'death toll|toll|ha(?:s|ve|d) (?:been )?(?:killed|died)|number of deaths',
  'so far|to date|since the|a fait|fait plus de',
].join('|');
const CUMULATIVE = new RegExp(String.raw`\b(?:${CUMULATIVE_WORDS})\b|погибли`, 'i');
const ESTIMATE = /\bestimat\w*/i;

export interface FigureContext {
  text: string;
  sentences: readonly Span[];
  actors: OffsetIndex<ActorAnnotation>;
  quotes: OffsetIndex<QuoteAnnotation>;
  /** Who "he" or "she" at an offset is (the last person who was a sentence's subject). */
  pronoun: (at: number) => { id: string | null; label: string | null };
}

export interface Classified {
  end: number;
  unit: string;
  counts: Counts;
  estimated: boolean;
  subject?: string;
  attribution?: Attribution;
}

/** What a figure counts, its unit, what it is about and who gives it. */
export function classify(f: RawFigure, ctx: FigureContext): Classified {
  const s = ctx.sentences[spanIndexAt(ctx.sentences, f.start)] ?? { start: f.start, end: f.end };
  const sentence = ctx.text.slice(s.start, s.end);
  const at = f.start - s.start;
  const after = ctx.text.slice(f.end, f.end + 80);
  const human = f.value !== null || f.low !== undefined ? HUMAN.exec(after) : null;
  const end = human ? f.end + human[0].length : f.end;
  const stateHere = ctx.actors.within(s.start, s.end).filter((a) => a.actorType === 'state');

  let counts: Counts;
  let unit: string;
  const word = CURRENCY_WORDS.exec(after);
  if (f.currency || word) {
    counts = 'money';
    unit = f.currency
      ? dollarOf(f.currency, stateHere)
      : (WORD_CURRENCY[word![1]!.toLowerCase()] ??
        (word![1]!.toLowerCase() === 'dollars' ? dollarOf('$', stateHere) : word![1]!));
  } else if (f.percent) {
    [counts, unit] = ['percent', 'percent'];
  } else if (f.measure) {
    [counts, unit] = ['other', f.measure];
  } else if (thing(after)) {
    // "145 drones", "2,000 homes": the noun says what is counted.
    [counts, unit] = ['other', thing(after)!];
  } else {
    counts = nearestKeyword(sentence, at, at + (end - f.start));
    if (counts === 'killed' && CUMULATIVE.test(sentence)) counts = 'deaths';
    unit =
      counts === 'votes'
        ? f.value !== null && f.value < 1
          ? 'fraction of votes'
          : 'votes'
        : human || counts !== 'other'
          ? 'people'
          : f.against !== undefined
            ? 'tally'
            : countedNoun(after);
  }
  // The state named in the sentence, else the last one named before it: a toll in "the
  // year-long violence" is about the country the article has been talking about.
  const subject = nearestState(stateHere, f.start) ?? lastStateBefore(ctx, f.start);
  const attribution = attribute(f, s, ctx) ?? (counts === 'money' ? donor(s, ctx) : undefined);
  return {
    end,
    unit,
    counts,
    estimated: ESTIMATE.test(sentence.slice(0, at)),
    ...(subject && { subject }),
    ...(attribution && { attribution }),
  };
}

function dollarOf(currency: string, states: readonly ActorAnnotation[]): string {
  if (currency !== '$') return CURRENCY[currency] ?? currency;
  const local = states.map((a) => LOCAL_DOLLAR[isoOf(a)]).find(Boolean);
  return local && !states.some((a) => isoOf(a) === 'US') ? local : 'USD';
}
const isoOf = (a: ActorAnnotation) => a.iso ?? '';

function nearestKeyword(sentence: string, from: number, to: number): Counts {
  let best: Counts = 'other';
  let bestDistance = 60;
  for (const [counts, re] of KEYWORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const d = m.index >= to ? m.index - to : m.index + m[0].length <= from ? from - (m.index + m[0].length) : 0;
      if (d < bestDistance) [best, bestDistance] = [counts, d];
    }
  }
  return best;
}

// Plural nouns right after a number that count people, votes or casualties rather than things.
const NOT_THINGS = new Set([
  'deaths',
  'casualties',
  'fatalities',
  'killings',
  'injuries',
  'votes',
  'ballots',
  'abstentions',
  'seats',
  'percent',
  'times',
  'years',
  'days',
  'months',
  'weeks',
  'hours',
  'dollars',
  'euros',
  'pounds',
  'others',
  'more',
  'less',
]);

/** The plural noun right after a number when it names things, not people: "drones" in "145 drones". */
function thing(after: string): string | undefined {
  const noun = /^\s+([a-z]{3,}s)\b/.exec(after)?.[1];
  return noun && !NOT_THINGS.has(noun) && !HUMAN.test(` ${noun}`) ? noun : undefined;
}

/** "two ... Security Council resolutions": the first plural noun after the figure in its clause. */
function countedNoun(after: string): string {
  const clause = after.split(/[,;:]|(?<=\p{Ll})\.\s/u)[0]!;
  return /\b([a-z]{3,}s)\b/.exec(clause)?.[1] ?? 'items';
}

function lastStateBefore(ctx: FigureContext, at: number): string | undefined {
  const before = ctx.actors.within(Math.max(0, at - SUBJECT_LOOKBACK), at).filter((a) => a.actorType === 'state');
  return before[before.length - 1]?.label;
}

/** How far back (in characters) a figure's subject may have been named. */
const SUBJECT_LOOKBACK = 1500;

function nearestState(states: readonly ActorAnnotation[], at: number): string | undefined {
  return [...states].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.label;
}

/** Who gives the figure: the speaker of the quote it is in, "according to X", or the subject of a verb of saying. */
function attribute(f: RawFigure, s: Span, ctx: FigureContext): Attribution | undefined {
  const quote = ctx.quotes.containing(f.start, f.end);
  if (quote)
    return quote.speaker ? { label: quote.speaker, ...(quote.speakerId && { actorId: quote.speakerId }) } : undefined;
  const sentence = ctx.text.slice(s.start, s.end);
  // Dots inside and at the end of abbreviations belong to the name: "according to the U.N."
  const according = /according to ((?:[^,.;]|\.(?!\s)|(?<=\b\p{Lu})\.)+)/iu.exec(sentence);
  if (according) return phrase(ctx, s.start + according.index + 'according to '.length, according[1]!);
  const head = sentence.slice(0, f.start - s.start);
  for (const verb of [...head.matchAll(/\p{L}+/gu)].reverse()) {
    if (!REPORTING_VERBS.has(verb[0]) || verb[0] === 'according') continue;
    const lead = head
      .slice(0, verb.index)
      .replace(/^[^,]{0,25},\s*/, '')
      .replace(AUXILIARIES, '')
      .trim();
    if (/^(?:he|she|they)$/i.test(lead)) {
      const who = ctx.pronoun(s.start + head.indexOf(lead));
      return who.label ? { label: who.label, ...(who.id && { actorId: who.id }) } : undefined;
    }
    if (lead && lead.split(/\s+/).length <= 7 && !/[,"“”]/.test(lead))
      return phrase(ctx, s.start + head.indexOf(lead), lead);
  }
  const tail = /,\s*([^,]{3,60}?)\s+(?:said|says|reported|reports|estimated)\.?\s*$/.exec(sentence);
  return tail ? phrase(ctx, s.start + tail.index + tail[0].indexOf(tail[1]!), tail[1]!) : undefined;
}

/** Who gives money when no one is said to announce it: the actor the sentence opens with ("Canada to give $6M"). */
function donor(s: Span, ctx: FigureContext): Attribution | undefined {
  const first = ctx.actors
    .within(s.start, s.start + 60)
    .find((a) => a.start - s.start <= 12 && a.actorId && a.via !== 'demonym');
  return first ? { label: first.label, actorId: first.actorId! } : undefined;
}

/** An attribution phrase that holds one actor is that actor ("U.N. officials" = United Nations). */
function phrase(ctx: FigureContext, at: number, text: string): Attribution {
  const inside = ctx.actors.within(at, at + text.length).filter((a) => a.via !== 'demonym' && a.actorId);
  const ids = new Set(inside.map((a) => a.actorId));
  if (ids.size === 1) return { label: inside[0]!.label, actorId: inside[0]!.actorId! };
  return { label: text.trim().replace(/^the\s+/i, (m) => m.toLowerCase()) };
}
