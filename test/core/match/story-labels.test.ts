import { describe, expect, it } from 'vitest';
import { storyMatch, syndicationDiff, type ArticleSummary, type StoryMatch } from '../../../src/core/match';
import { statsOf } from './stories';
import { invented, MEETING, NAMES_BRIEF, OWN_REPORT, WIRE, WIRE_EDITED, WIRE_FIRST_HALF } from './invented';

const DAY = '2031-05-06';
const page = invented({ id: 'page', published: DAY, text: WIRE, actors: MEETING });

/** How `from` sees `other`, in a corpus of the two. */
function match(from: ArticleSummary, other: ArticleSummary): StoryMatch {
  const [m] = storyMatch(from, [other], statsOf([from, other]));
  return m!;
}

/** Words of an invented story about something else, sharing no sentence with the meeting. */
const ELSEWHERE =
  'A ferry carrying supplies reached the islands of Morrow Sound after storms had cut them off for a week, and the harbour master said more boats would follow once the channel was cleared of debris.';

describe('syndicated copy: how much of the shorter text the longer holds', () => {
  it('a wire copy cut to its first half is syndicated, seen from either side', () => {
    const half = invented({ id: 'half', published: DAY, text: WIRE_FIRST_HALF, actors: MEETING });
    expect(match(page, half).label).toBe('syndicated');
    expect(match(half, page).label).toBe('syndicated');
    expect(match(half, page).reasons.find((r) => r.kind === 'text')!.similarity).toBe(1);
  });

  it('a lightly edited copy is syndicated, and the word diff shows its edits', () => {
    const edited = invented({ id: 'edited', published: '2031-05-07', text: WIRE_EDITED, actors: MEETING });
    expect(match(page, edited).label).toBe('syndicated');
    const diff = syndicationDiff(WIRE, WIRE_EDITED);
    const added = diff.filter((d) => d.op === 'added').map((d) => d.text.trim());
    const removed = diff.filter((d) => d.op === 'removed').map((d) => d.text);
    expect(added).toEqual(expect.arrayContaining(['afternoon', 'nearly', 'bitter']));
    expect(removed.join(' ')).toContain('Lenhaven');
  });

  it('a sentence or a phrase wholly found in the other is not a copy of it', () => {
    const phrase = 'their first talks since the border crossings closed in the spring';
    const item = invented({ id: 'item', published: DAY, text: `Ministers hold ${phrase}, officials say`, actors: {} });
    expect(match(item, page).label).not.toBe('syndicated');
    const sentence = WIRE.split('\n\n')[0]!;
    const column = invented({ id: 'column', published: DAY, text: `${ELSEWHERE}\n\n${sentence}`, actors: {} });
    expect(match(column, page).label).not.toBe('syndicated');
  });

  it('summaries stored before sketches were kept fall back to the MinHash Jaccard', () => {
    const { textSketch: _, ...old } = invented({ id: 'old', published: DAY, text: WIRE_EDITED, actors: MEETING });
    const { textSketch: __, ...oldPage } = page;
    expect(match(oldPage, old).label).toBe('syndicated');
    expect(match(oldPage, old).reasons.find((r) => r.kind === 'text')!.summary).toMatch(/of their 5-word sequences/);
  });
});

describe('same event: the weightiest actors, corroborated, within days', () => {
  const report = (a: Partial<Parameters<typeof invented>[0]>) =>
    invented({ id: 'report', published: DAY, text: OWN_REPORT, actors: MEETING, ...a });

  it('an undated article that shares only names is a related event, not the same event', () => {
    expect(match(page, report({ published: null })).label).toBe('related event');
    expect(match(report({ published: null }), page).label).toBe('related event');
  });

  it('published the same day, names alone are still only a related event', () => {
    expect(match(page, report({})).label).toBe('related event');
  });

  it('names and a shared quote make the same event, dated or not', () => {
    const quote = 'a first step that both our farmers needed';
    const withQuote = (published: string | null) => report({ published, quotes: [quote] });
    const quoting = invented({ id: 'page', published: DAY, text: WIRE, actors: MEETING, quotes: [quote] });
    expect(match(quoting, withQuote(DAY)).label).toBe('same event');
    expect(match(quoting, withQuote(null)).label).toBe('same event');
  });

  it('names and an agreeing definite count make the same event; a percentage or a vague count does not', () => {
    const withFigure = (figure: Parameters<typeof invented>[0]['figures']) =>
      match(
        invented({ id: 'page', published: DAY, text: WIRE, actors: MEETING, figures: figure }),
        report({ figures: figure }),
      ).label;
    expect(withFigure([{ counts: 'displaced', value: 1200, text: '1,200 people' }])).toBe('same event');
    expect(withFigure([{ counts: 'percent', value: 30, unit: 'percent', text: '30 percent' }])).toBe('related event');
    expect(withFigure([{ counts: 'displaced', value: null, low: 24, high: 99, text: 'dozens of people' }])).toBe(
      'related event',
    );
  });

  it('a shared passage corroborates the names', () => {
    const passage = WIRE.split('\n\n').slice(5, 7).join(' ');
    const own = report({ text: `${OWN_REPORT}\n\n${passage}\n\n${ELSEWHERE}` });
    expect(match(page, own).label).toBe('same event');
  });

  it('a quote shared by stories with other actors is not the same event', () => {
    const slogan = 'no peace without bread for every village';
    const a = invented({ id: 'a', published: DAY, text: WIRE, actors: MEETING, quotes: [slogan] });
    const b = invented({
      id: 'b',
      published: DAY,
      text: ELSEWHERE,
      actors: { 'morrow-sound': 2, 'harbour-guild': 2, veloria: 1 },
      quotes: [slogan],
    });
    expect(match(a, b).label).not.toBe('same event');
  });

  it('strong evidence days apart is a related earlier or later event', () => {
    const quote = 'a first step that both our farmers needed';
    const quoting = invented({ id: 'page', published: DAY, text: WIRE, actors: MEETING, quotes: [quote] });
    expect(match(quoting, report({ published: '2031-05-01', quotes: [quote] })).label).toBe('related earlier event');
    expect(match(quoting, report({ published: '2031-05-20', quotes: [quote] })).label).toBe('related later event');
    expect(match(quoting, report({ published: '2031-05-08', quotes: [quote] })).label).toBe('same event');
  });
});

describe('ranking in a corpus of a few dozen articles', () => {
  /** Other stories of the region: the states and the city everywhere, the union often, the ministers rarely. */
  function corpus(): ArticleSummary[] {
    const places = ['Lenhaven', 'Morrow Sound', 'the northern villages', 'the river ports', 'the coastal councils'];
    return Array.from({ length: 40 }, (_, i) =>
      invented({
        id: `other-${i}`,
        published: `2031-0${1 + (i % 5)}-1${i % 10}`,
        text: `Story ${i} from ${places[i % places.length]}: ${ELSEWHERE.split(' ')
          .slice(i % 7)
          .join(' ')}`,
        actors: {
          veloria: 1 + (i % 3),
          ...(i % 2 ? { astrania: 2 } : {}),
          ...(i % 3 ? { karsk: 1 } : {}),
          ...(i % 4 === 0 ? { 'tarvic-union': 1 } : {}),
          ...(i % 13 === 0 ? { 'ilse-marrow': 1 } : {}),
        },
      }),
    );
  }

  it('a near-verbatim copy and the same event told at length rank above a short item sharing names', () => {
    const quote = 'a first step that both our farmers needed';
    const quoting = invented({ id: 'page', published: DAY, text: WIRE, actors: MEETING, quotes: [quote] });
    const copy = invented({ id: 'copy', published: null, text: WIRE_EDITED, actors: MEETING });
    const report = invented({
      id: 'report',
      published: '2031-05-07',
      text: OWN_REPORT,
      actors: { ...MEETING, karsk: 1 },
      quotes: [quote, 'will not trade the fishing rights of its northern villages'],
    });
    const brief = invented({
      id: 'brief',
      published: DAY,
      text: NAMES_BRIEF,
      actors: { 'ilse-marrow': 1, 'dario-fenwick': 1, 'tarvic-union': 1 },
    });
    const all = [...corpus(), quoting, copy, report, brief];
    const ranked = storyMatch(quoting, all, statsOf(all)).map((m) => m.articleId);
    expect(ranked.indexOf('copy')).toBeLessThan(ranked.indexOf('brief'));
    expect(ranked.indexOf('report')).toBeLessThan(ranked.indexOf('brief'));
    // The brief is still listed as related: it names the meeting's people.
    expect(storyMatch(quoting, all, statsOf(all)).find((m) => m.articleId === 'brief')!.label).toBe('related event');
  });
});
