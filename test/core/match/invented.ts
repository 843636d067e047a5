/**
 * Invented articles for the story matcher's rules: made-up states, people and events, so that
 * no test leans on the seeds or on a real article. Summaries are built directly (no
 * dictionary): actors are invented ids, counted as `annotate` would count them.
 */
import { quoteShingles, summarize, type ArticleSummary, type SummaryFigure } from '../../../src/core/match';

/** An invented wire story, one paragraph a line. */
export const WIRE = [
  'The foreign ministers of Veloria and Astrania met for six hours in the port city of Karsk on Tuesday, their first talks since the border crossings closed in the spring.',
  'Velorian Foreign Minister Ilse Marrow told reporters that both sides had agreed to reopen two crossings for freight before the harvest, and to meet again within a month.',
  'Her Astranian counterpart, Dario Fenwick, said the talks had been frank and that his government would not trade the fishing rights of its northern villages for a quick deal.',
  'The dispute began when a survey ship from Astrania anchored inside waters that Veloria has claimed since a treaty signed by neither parliament, and a coast guard cutter ordered it away.',
  'Trade between the two neighbours fell by almost a third in the months that followed, according to figures from the chamber of commerce in Karsk.',
  'Mediators from the Tarvic Union, who arranged the meeting, said they would draft a text on the crossings that both cabinets could approve by the end of the week.',
  'Farmers on both sides of the river have staged protests, blocking the old bridge at Lenhaven with tractors for three days in a row last month.',
  'Marrow said she had invited Fenwick to visit the capital and that a joint commission on the fishing grounds would hold its first session in the autumn.',
  'Fenwick, who leaves for the Tarvic Union summit on Friday, did not say whether he would accept, but told his own parliament that the door remained open.',
  'Analysts in Karsk said the agreement on freight was modest, but that the tone of the meeting marked a change after months of angry statements from both capitals.',
].join('\n\n');

/** The wire story's first paragraphs, as an outlet that ran it short. */
export const WIRE_FIRST_HALF = WIRE.split('\n\n').slice(0, 5).join('\n\n');

/** The wire story lightly edited: a paragraph dropped, a few words changed, a line of the outlet's own added. */
export const WIRE_EDITED = WIRE.split('\n\n')
  .filter((_, i) => i !== 6)
  .join('\n\n')
  .replace('on Tuesday', 'on Tuesday afternoon')
  .replace('almost a third', 'nearly a third')
  .replace('angry statements', 'bitter statements')
  .concat('\n\nThe Karsk Courier contributed to this report.');

/** The same meeting told by another reporter, in other words, quoting the same ministers. */
export const OWN_REPORT = [
  'Veloria and Astrania agreed in Karsk to reopen two freight crossings, ending a standoff that began with a survey ship in disputed waters.',
  'Ilse Marrow, Veloria’s foreign minister, called the session "a first step that both our farmers needed" after talks that ran into the evening.',
  'Dario Fenwick of Astrania said his government "will not trade the fishing rights of its northern villages" and would consult the coastal councils.',
  'The Tarvic Union, which brokered the talks, expects both cabinets to sign off on a crossings text within days. Some 40,000 tonnes of grain are waiting at the border.',
].join('\n\n');

/** A short item that only names the meeting's people. */
export const NAMES_BRIEF =
  'Ilse Marrow and Dario Fenwick are expected to attend the Tarvic Union summit, a spokesman for the union said.';

export interface Invented {
  id: string;
  published?: string | null;
  text: string;
  /** Actor id -> mentions. */
  actors?: Record<string, number>;
  quotes?: string[];
  figures?: Partial<SummaryFigure>[];
}

/** A figure as a summary keeps it: a count of people about nothing in particular, but what the test sets. */
export const storedFigure = (over: Partial<SummaryFigure>): SummaryFigure => ({
  counts: 'other',
  subject: null,
  value: null,
  low: null,
  high: null,
  qualifier: null,
  unit: 'people',
  attribution: null,
  text: '',
  ...over,
});

/** A summary of an invented article, as summarize would keep it. */
export function invented(a: Invented): ArticleSummary {
  const s = summarize({
    id: a.id,
    outlet: `${a.id}.example`,
    published: a.published ?? null,
    headline: null,
    url: null,
    text: a.text,
    annotations: [],
  });
  s.actors = { ...a.actors };
  s.labels = Object.fromEntries(Object.keys(s.actors).map((id) => [id, id]));
  s.quotes = (a.quotes ?? []).map((text) => ({ text, speakerId: null, speaker: null }));
  s.quoteShingles = [...new Set(s.quotes.flatMap((q) => quoteShingles(q.text)))];
  s.figures = (a.figures ?? []).map(storedFigure);
  return s;
}

/** The ministers, their states, the mediating union and the city: the meeting's actors. */
export const MEETING = { veloria: 3, astrania: 3, 'ilse-marrow': 3, 'dario-fenwick': 3, 'tarvic-union': 2, karsk: 2 };
