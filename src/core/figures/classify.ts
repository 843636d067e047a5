import type { ActorAnnotation, Attribution, Counts, QuoteAnnotation } from '../types';
import type { Span } from '../text/sentences';
import { spanIndexAt } from '../text/sentences';
import { attribute, donor } from './attribution';
import { isCheckable } from './checkable';
import { isVoteTally } from './labels';
import type { RawFigure } from './scan';
import { placeOfEvent, tollKind } from './toll';
import type { OffsetIndex } from '../text/offset-index';

const HUMAN_NOUNS = [
  'people|persons|civilians|men|women|children|victims|refugees|residents|inhabitants',
  'soldiers|troops|fighters|rebels|militants|protesters|protestors|demonstrators|migrants',
  'bodies|corpses|dead|detainees|prisoners|hostages|journalists|villagers|passengers|workers|students|pilgrims',
  'worshippers|policemen|officers|settlers|farmers|miners|patients|boys|girls|adults|teenagers|infants',
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
      String.raw`displac\p{L}*|fled|flee\p{L}*|uprooted|homeless|without homes?|driven from`,
      String.raw`déplacé\p{L}*|vertrieben|Vertriebene|перемещ\p{L}*|[وبل]?(?:ال)?لاجئ\p{L}*|نازح\p{L}*|نزوح|للفرار`,
    ),
  ],
  ['refugees', /\brefugees?\b/gi],
  ['residents', /\b(?:lived?|living|residents?|inhabitants|population)\b/gi],
  ['wounded', /\b(?:wound\w*|injur\w*|hurt)\b/gi],
  ['arrested', /\b(?:arrest\w*|detain\w*|jailed|imprisoned)\b/gi],
  [
    'killed',
    anyWord(
      String.raw`kill\p{L}*|died|dead|deaths?|victims?|corpses|bodies|massacred?|slain|shot(?! down)|executed`,
      String.raw`بحياة|أود[ىت]|قتل\p{L}*|مقتل|lives|toll|morts?|tués?|Tote|getötet|погиб\p{L}*|убит\p{L}*|жертв\p{L}*`,
    ),
  ],
];
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

/**
 * What a figure counts, its unit, what it is about and who gives it; null when it is not worth
 * checking (see checkable.ts).
 */
export function classify(f: RawFigure, ctx: FigureContext): Classified | null {
  const index = spanIndexAt(ctx.sentences, f.start);
  const s = ctx.sentences[index] ?? { start: f.start, end: f.end };
  const sentence = ctx.text.slice(s.start, s.end);
  const at = f.start - s.start;
  const after = ctx.text.slice(f.end, f.end + 80);
  const human = f.value !== null || f.low !== undefined ? HUMAN.exec(after) : null;
  const end = human ? f.end + human[0].length : f.end;
  const stateHere = ctx.actors.within(s.start, s.end).filter((a) => a.actorType === 'state');

  const [counts, unit] = whatItCounts(f, { sentence, at, after, human: !!human, end, stateHere });
  const attribution = attribute(f, s, ctx) ?? (counts === 'money' ? donor(s, ctx) : undefined);
  const before = ctx.text.slice(Math.max(0, f.start - 30), f.start);
  const tied = tiedToActor(f, index, ctx, attribution);
  if (!isCheckable(f, { counts, unit, before, after: ctx.text.slice(end, end + 40), tiedToActor: tied })) return null;
  // Where the event happened, else the state named in the sentence, else the last one named
  // before it: a toll in "the year-long violence" is about the country the article has been
  // talking about.
  const subject =
    (TOLLS.has(counts) ? placeOfEvent(ctx.text, stateHere, f.start) : undefined) ??
    nearestState(stateHere, f.start) ??
    lastStateBefore(ctx, f.start);
  return {
    end,
    unit,
    counts,
    estimated: ESTIMATE.test(sentence.slice(0, at)),
    ...(subject && { subject }),
    ...(attribution && { attribution }),
  };
}

interface Surroundings {
  sentence: string;
  /** The figure's offset in the sentence. */
  at: number;
  after: string;
  /** A noun of people follows the number. */
  human: boolean;
  end: number;
  stateHere: readonly ActorAnnotation[];
}

/** What the figure counts, and its unit: a currency, "percent", "people", or the counted noun. */
function whatItCounts(f: RawFigure, { sentence, at, after, human, end, stateHere }: Surroundings): [Counts, string] {
  let counts: Counts;
  let unit: string;
  const group = GROUP_SIZE.exec(after);
  const word = CURRENCY_WORDS.exec(after);
  if (group) {
    [counts, unit] = ['other', `${group[1]!.toLowerCase()}s`];
  } else if (word && isWeight(word[1]!, after, sentence)) {
    [counts, unit] = ['other', 'pounds'];
  } else if (f.currency || word) {
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
    // "145 drones", "2,000 homes": the noun says what is counted; "41 countries abstaining" are votes.
    [counts, unit] = VOTERS.test(after) ? ['votes', 'votes'] : ['other', thing(after)!];
  } else {
    return byKeyword(f, { sentence, at, after, human, end, stateHere });
  }
  return [counts, unit];
}

/** A bare number: what it counts is told by the nearest keyword ("killed", "votes") or the noun after it. */
function byKeyword(f: RawFigure, { sentence, at, after, human, end }: Surroundings): [Counts, string] {
  if (VOTER_AFTER.test(after) && isVoteTally(sentence)) return ['votes', 'votes']; // "and one absent country"
  let counts = nearestKeyword(sentence, at, at + (end - f.start));
  if (counts === 'killed') counts = tollKind(sentence, at, at + (end - f.start));
  if (counts === 'votes') return [counts, f.value !== null && f.value < 1 ? 'fraction of votes' : 'votes'];
  if (human || counts !== 'other') return [counts, 'people'];
  if (f.against !== undefined) return [counts, 'tally'];
  if (/^\s+of\s+(?:them|those|these|whom|which)\b/i.test(after))
    return [counts, lastPluralBefore(sentence.slice(0, at)) ?? 'items'];
  // "cut the number of its centrifuges to about 6,100"
  const numberOf = /\bnumber of (?:\p{L}+\s+){0,2}?([a-z]{3,}s)\b(?:(?!\bnumber of\b)[^.;])*$/u.exec(
    sentence.slice(0, at),
  );
  if (numberOf) return [counts, numberOf[1]!];
  return [counts, countedNoun(after)];
}

/** "a 10-member bloc", "a 5,000-strong force": the size of a body. */
const GROUP_SIZE = /^-(member|nation|country|state|strong)\b/i;
/** "one absent country", "one abstention": in a sentence about a vote, a voter or a vote. */
const VOTER_AFTER = /^\s+(?:[a-z-]+\s+)?(?:abstentions?|country|state|member|nation|delegation)\b/i;
/** "41 countries abstaining", "nine states voting against": the things counted are votes. */
const VOTERS = /^\s+[a-z]+\s+(?:abstain\w*|voting|voted|in favou?r|against)\b/i;

/** "three wars, two of them over Kashmir": what "of them" counts is the plural named before. */
function lastPluralBefore(head: string): string | undefined {
  const nouns = head.match(/\b[a-z]{3,}s\b/g);
  return nouns?.[nouns.length - 1];
}

/**
 * Whether the figure is about an actor: one is named in its sentence (or, for a fragment that
 * continues the sentence before, in that one). An agency that is only the source does not
 * count: a weather service that counts tornadoes does not make them a figure of public affairs,
 * while a minister's or a state's count of drones is one.
 */
function tiedToActor(f: RawFigure, index: number, ctx: FigureContext, source: Attribution | undefined): boolean {
  const s = ctx.sentences[index] ?? { start: f.start, end: f.end };
  const previous = ctx.sentences[index - 1];
  const from = s.end - s.start < FRAGMENT && previous ? previous.start : s.start;
  return ctx.actors.within(from, s.end).some((a) => a.actorType !== 'government_body' || !isSource(a, source));
}

const isSource = (a: ActorAnnotation, source: Attribution | undefined) =>
  !!source && (a.actorId ? a.actorId === source.actorId : source.label.includes(a.text));

/** A sentence shorter than this may continue the one before ("At that time, there were 28."). */
const FRAGMENT = 40;

const TOLLS = new Set<Counts>(['deaths', 'killed', 'wounded', 'displaced', 'refugees', 'arrested']);

/** "three pounds of flour", "weighs 20 pounds": pounds of weight, not sterling. */
function isWeight(word: string, after: string, sentence: string): boolean {
  if (!/^pounds$/i.test(word)) return false;
  return /^\s+pounds\s+of\b/i.test(after) || /\bweigh|\bheav(?:y|ier)\b/i.test(sentence);
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
