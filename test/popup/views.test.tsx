// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { coverageGaps, summarize, syndicationDiff, type FiguresLike, type QuoteMatch } from '../../src/core/match';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../../src/core/types';
import type { MentionsByOutlet, StoryVersion } from '../../src/messages';
import { pageActors } from '../../src/core/match/page-lists';
import { ActorsView } from '../../src/popup/views/ActorsView';
import { FiguresView } from '../../src/popup/views/FiguresView';
import { GapsView } from '../../src/popup/views/GapsView';
import { QuotesView } from '../../src/popup/views/QuotesView';
import { StoryView } from '../../src/popup/views/StoryView';
import { act } from 'preact/test-utils';
import { flush, mount, textOf } from '../preact-dom';
import { SYRIA_TOLL } from '../fixtures/seed-figures';

const names: Record<string, string> = { 'voanews.com': 'Voice of America', 'rt.com': 'RT' };
const outletName = (id: string) => names[id] ?? id;
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

const version = (outlet: string, label: StoryVersion['label'], extra: Partial<StoryVersion> = {}): StoryVersion => ({
  articleId: `a-${outlet}`,
  depth: 'full',
  outlet,
  published: '2012-03-12',
  headline: `${outlet} headline`,
  url: `https://${outlet}/x`,
  score: 0.8,
  similarity: 0.8,
  days: 0,
  label,
  lead: 'The lead paragraph.',
  reasons: [
    { kind: 'actors', similarity: 0.7, summary: '9 shared actors, weightiest first: Sergey Lavrov', shared: [] },
    { kind: 'text', similarity: 0, summary: 'About 0% of their 5-word sequences are shared' },
  ],
  ...extra,
});

describe('StoryView', () => {
  it('lists each version with its label, outlet, date, headline link, lead and reasons worth saying', async () => {
    const root = await mount(
      <StoryView
        story={{
          state: 'ok',
          value: [
            version('voanews.com', 'same event'),
            version('rt.com', 'related earlier event', { published: '2011-09-20' }),
            version('x.com', 'unrelated'),
          ],
        }}
        outletName={outletName}
      />,
    );
    const items = [...root.querySelectorAll('li.version')];
    expect(items.map((li) => textOf(li.querySelector('.version-head')))).toEqual([
      'Same event Voice of America 2012-03-12',
      'Related earlier event RT 2011-09-20',
    ]);
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('https://voanews.com/x');
    expect(items[0]!.querySelector('a')!.getAttribute('target')).toBe('_blank');
    expect(textOf(items[0]!.querySelector('.reasons'))).toBe('9 shared actors, weightiest first: Sergey Lavrov');
    expect(textOf(root)).not.toContain('x.com');
  });

  it('marks a feed entry "headline and summary only", and fetches it in full on request, or says why not', async () => {
    const fetchFullText = vi.fn(async (articleId: string) =>
      articleId === 'a-voanews.com'
        ? { ok: true as const, value: { id: articleId } }
        : { ok: false as const, error: 'only a teaser of 40 words is readable (a paywall, most likely)' },
    );
    const root = await mount(
      <StoryView
        story={{
          state: 'ok',
          value: [
            version('voanews.com', 'same event', { depth: 'headline' }),
            version('rt.com', 'same event', { depth: 'headline' }),
            version('x.com', 'same event'),
          ],
        }}
        outletName={outletName}
        fetchFullText={fetchFullText}
      />,
    );
    const items = [...root.querySelectorAll('li.version')];
    expect(items.map((li) => textOf(li).includes('Headline and summary only'))).toEqual([true, true, false]);
    await act(() => (items[0]!.querySelector('button') as HTMLButtonElement).click());
    await flush();
    expect(fetchFullText).toHaveBeenCalledWith('a-voanews.com');
    expect(textOf(items[0]!.querySelector('[role="status"]'))).toContain('Fetched');
    await act(() => (items[1]!.querySelector('button') as HTMLButtonElement).click());
    await flush();
    expect(textOf(items[1]!.querySelector('[role="alert"]'))).toBe(
      'Not fetched: only a teaser of 40 words is readable (a paywall, most likely)',
    );
  });

  it("shows a syndicated copy's edits on request, each with a few words around it", async () => {
    const page = 'Delegates from nine states met in Ostrel on Tuesday. The talks will resume in the spring.';
    const copy = page.replace('Tuesday', 'Wednesday');
    const edits = vi.fn(async (articleId: string) =>
      articleId === 'a-voanews.com'
        ? { ok: true as const, value: syndicationDiff(page, copy) }
        : { ok: false as const, error: 'no article a-rt.com in the corpus' },
    );
    const root = await mount(
      <StoryView
        story={{
          state: 'ok',
          value: [
            version('voanews.com', 'syndicated'),
            version('rt.com', 'syndicated'),
            version('x.com', 'same event'),
          ],
        }}
        outletName={outletName}
        edits={edits}
      />,
    );
    const items = [...root.querySelectorAll('li.version')];
    // Only syndicated copies offer their edits.
    expect(items.map((li) => !!li.querySelector('button.show-edits'))).toEqual([true, true, false]);
    await act(() => (items[0]!.querySelector('button.show-edits') as HTMLButtonElement).click());
    await flush();
    expect(edits).toHaveBeenCalledWith('a-voanews.com');
    const list = items[0]!.querySelector('ol[aria-label="Edits in Voice of America’s copy"]')!;
    expect(list.querySelectorAll('li')).toHaveLength(1);
    expect(textOf(list.querySelector('del'))).toBe('Tuesday');
    expect(textOf(list.querySelector('ins'))).toBe('Wednesday');
    expect(textOf(items[0]!)).toContain('1 edit: words only in Voice of America are underlined');
    await act(() => (items[1]!.querySelector('button.show-edits') as HTMLButtonElement).click());
    await flush();
    expect(textOf(items[1]!.querySelector('[role="alert"]'))).toBe(
      'The edits could not be shown: no article a-rt.com in the corpus',
    );
  });

  it('says what to do when no other version is stored, and shows errors', async () => {
    expect(
      textOf(
        await mount(
          <StoryView story={{ state: 'ok', value: [version('x.com', 'unrelated')] }} outletName={outletName} />,
        ),
      ),
    ).toContain('No other outlet’s version of this story is in your corpus yet');
    const failed = await mount(
      <StoryView story={{ state: 'error', error: 'database closed' }} outletName={outletName} />,
    );
    expect(textOf(failed.querySelector('[role="alert"]'))).toBe('database closed');
    expect(textOf(await mount(<StoryView story={{ state: 'loading' }} outletName={outletName} />))).toContain(
      'Looking for other versions',
    );
  });
});

const lavrov = (text: string, start: number) =>
  ({
    kind: 'actor',
    start,
    end: start + text.length,
    text,
    actorId: 'sergey-lavrov',
    label: 'Sergey Lavrov',
    actorType: 'person',
    via: 'name',
  }) as unknown as Annotation;

describe('ActorsView', () => {
  it('groups the page’s mentions by actor and flags another outlet’s spelling', async () => {
    const actors = pageActors([
      lavrov('Sergey Lavrov', 0),
      lavrov('Lavrov', 40),
      { ...lavrov('the foreign minister', 60), via: 'role' } as Annotation,
    ]);
    expect(actors).toEqual([
      { id: 'sergey-lavrov', label: 'Sergey Lavrov', type: 'person', mentions: 2, forms: ['Sergey Lavrov', 'Lavrov'] },
    ]);
    const groups: MentionsByOutlet[] = [
      {
        outlet: { id: 'voanews.com', name: 'Voice of America', profile: null },
        articles: [
          {
            articleId: 'a-v',
            headline: 'US, Britain, Russia',
            url: 'https://www.voanews.com/a/x',
            published: '2012-03-12',
            sentences: ['Her Russian counterpart, Sergei Lavrov, agreed.'],
            forms: ['Sergei Lavrov'],
          },
        ],
      },
    ];
    const mentionsOf = vi.fn(() => ok(groups));
    const root = await mount(<ActorsView actors={actors} mentionsOf={mentionsOf} />);
    expect(mentionsOf).toHaveBeenCalledWith('sergey-lavrov');
    expect(textOf(root.querySelector('summary'))).toBe(
      'Sergey Lavrov person · 2× here · 1 other outlet · spelled differently by Voice of America',
    );
    expect(textOf(root.querySelector('.outlet'))).toBe(
      'Voice of America spells it “Sergei Lavrov” (here: “Sergey Lavrov”, “Lavrov”)',
    );
    expect(root.querySelector('.sentence a')!.getAttribute('href')).toBe(
      'https://www.voanews.com/a/x#:~:text=Her%20Russian%20counterpart%2C%20Sergei%20Lavrov%2C%20agreed.',
    );
  });

  it('says when nothing was found', async () => {
    expect(textOf(await mount(<ActorsView actors={[]} mentionsOf={() => ok([])} />))).toBe(
      'Crosswire found no named actors on this page.',
    );
    const root = await mount(<ActorsView actors={pageActors([lavrov('Lavrov', 0)])} mentionsOf={() => ok([])} />);
    expect(textOf(root)).toContain('No other article in your corpus names Sergey Lavrov');
  });
});

const toll = {
  kind: 'figure',
  start: 10,
  end: 27,
  text: 'over 7,500 people',
  value: 7500,
  unit: 'people',
  counts: 'deaths',
  qualifier: 'over',
  subject: 'Syria',
  attribution: { label: 'United Nations' },
} as unknown as FigureAnnotation;

describe('FiguresView', () => {
  it('shows a cumulative toll against the other outlets’ values as a series over time, growth not flagged', async () => {
    const result: FiguresLike = {
      alongside: [],
      verdict: 'differ-dates-explain',
      explanation: 'rt.com gives 2,700 people (20 September 2011); the dates may explain the difference.',
      items: [
        {
          articleId: 'a-v',
          outlet: 'voanews.com',
          published: '2012-03-12',
          sentence: 's',
          counts: 'deaths',
          subject: 'Syria',
          value: 7500,
          low: null,
          high: null,
          qualifier: null,
          unit: 'people',
          attribution: 'United Nations',
          text: '7,500 people',
          agrees: true,
          days: 0,
        },
        {
          articleId: 'a-r',
          outlet: 'rt.com',
          published: '2011-09-20',
          sentence: 's',
          counts: 'deaths',
          subject: 'Syria',
          value: 2700,
          low: null,
          high: null,
          qualifier: null,
          unit: 'people',
          attribution: null,
          text: '2,700 people',
          agrees: false,
          days: -174,
        },
      ],
    };
    const figuresLike = vi.fn(() => ok(result));
    const root = await mount(
      <FiguresView figures={[toll]} published="2012-03-12" figuresLike={figuresLike} outletName={outletName} />,
    );
    expect(figuresLike).toHaveBeenCalledWith({ ...SYRIA_TOLL, unit: 'people', text: 'over 7,500 people' });
    const row = root.querySelector('tbody tr')!;
    expect(textOf(row.querySelector('th'))).toBe('deaths (Syria)');
    expect(row.querySelector('.verdict')!.className).toBe('verdict ok');
    expect(textOf(row.querySelector('.verdict'))).toContain('later, higher values are its growth, not a contradiction');
    expect([...row.querySelectorAll('ol.series li')].map(textOf)).toEqual([
      'RT 2011-09-20: 2,700 people',
      'This page 2012-03-12: over 7,500 people (grew)',
      'Voice of America 2012-03-12: 7,500 people per United Nations (same)',
    ]);
  });

  it('judges the figures that measure the same thing and shows other incidents’ beside them, unjudged', async () => {
    // Invented: an incident toll in the invented town of Pellam, and one elsewhere.
    const incident = { ...toll, counts: 'killed', subject: 'Pellam', text: 'at least 12 people', value: 12 };
    const item = (over: Partial<FiguresLike['items'][number]>): FiguresLike['items'][number] => ({
      articleId: 'a-v',
      outlet: 'voanews.com',
      published: '2012-03-12',
      sentence: 's',
      counts: 'killed',
      subject: 'Pellam',
      value: 12,
      low: null,
      high: null,
      qualifier: null,
      unit: 'people',
      attribution: null,
      text: '12 people',
      agrees: true,
      days: 0,
      ...over,
    });
    const { agrees: _, ...elsewhere } = item({ outlet: 'rt.com', subject: 'Dunmarsh', text: '40 people', value: 40 });
    const result: FiguresLike = {
      items: [item({})],
      alongside: [elsewhere],
      verdict: 'agree',
      explanation: 'voanews.com gives 12 people, which agrees.',
    };
    const root = await mount(
      <FiguresView
        figures={[incident as FigureAnnotation]}
        published="2012-03-12"
        figuresLike={() => ok(result)}
        outletName={outletName}
      />,
    );
    expect(textOf(root.querySelector('.verdict'))).toBe('✓ voanews.com gives 12 people, which agrees.');
    expect([...root.querySelectorAll('ul.values:not(.alongside) li')].map(textOf)).toEqual([
      'Voice of America 2012-03-12: 12 people (agrees)',
    ]);
    expect([...root.querySelectorAll('ul.alongside li')].map(textOf)).toEqual(['RT 2012-03-12: 40 people']);
    expect(root.querySelector('ol.series')).toBeNull();
  });

  it('says when the page has no figures', async () => {
    expect(
      textOf(
        await mount(
          <FiguresView
            figures={[]}
            published={null}
            figuresLike={() => ok({ items: [], alongside: [], verdict: null, explanation: '' })}
            outletName={outletName}
          />,
        ),
      ),
    ).toContain('no figures');
  });
});

const quote = {
  kind: 'quote',
  start: 0,
  end: 36,
  text: 'bear a huge share of responsibility',
  speaker: 'Sergey Lavrov',
  speakerId: 'sergey-lavrov',
  partial: true,
} as QuoteAnnotation;

describe('QuotesView', () => {
  it('gives each version’s wording: verbatim, reworded with the diff, or absent', async () => {
    const matches: QuoteMatch[] = [
      {
        articleId: 'a-voanews.com',
        outlet: 'voanews.com',
        published: '2012-03-12',
        kind: 'near',
        score: 0.9,
        quote: {
          text: 'bear a huge share of the responsibility',
          speakerId: 'sergey-lavrov',
          speaker: 'Sergey Lavrov',
        },
        diff: [
          { op: 'same', text: 'bear a huge share of ' },
          { op: 'added', text: 'the ' },
          { op: 'same', text: 'responsibility' },
        ],
      },
    ];
    const root = await mount(
      <QuotesView
        quotes={[quote]}
        versions={[
          version('voanews.com', 'same event'),
          version('rt.com', 'related earlier event', { published: '2011-09-20' }),
        ]}
        outletName={outletName}
        quotesLike={() => ok(matches)}
      />,
    );
    expect(textOf(root.querySelector('blockquote'))).toBe('“bear a huge share of responsibility”');
    const lines = [...root.querySelectorAll('.per-outlet li')].map(textOf);
    expect(lines).toEqual([
      'Voice of America 2012-03-12: reworded (Sergey Lavrov) bear a huge share of the responsibility',
      'RT 2011-09-20: absent',
    ]);
    expect(textOf(root.querySelector('.per-outlet ins'))).toBe('the');
  });
});

describe('GapsView', () => {
  // Invented: a page and another outlet's version of talks between invented people.
  const actor = (actorId: string, label: string, start: number, via = 'name') =>
    ({
      kind: 'actor',
      start,
      end: start + 4,
      text: label,
      actorId,
      label,
      actorType: 'person',
      via,
    }) as unknown as Annotation;
  const said = (text: string, speaker: string) =>
    ({ kind: 'quote', start: 90, end: 99, text, speaker, speakerId: null, partial: false }) as unknown as Annotation;
  const pageAnnotations = [
    actor('ines-varga', 'Ines Varga', 0),
    actor('ines-varga', 'Ines Varga', 20),
    actor('tomas-reld', 'Tomas Reld', 40),
    actor('ines-varga', 'the envoy', 50, 'role'),
    actor('olek-brand', 'Olek Brand', 60),
  ];
  const versionAnnotations = [
    actor('ines-varga', 'Ines Varga', 0),
    actor('mara-huld', 'Mara Huld', 30),
    said('we will not sign this week', 'Mara Huld'),
  ];
  const article = (id: string, outlet: string, annotations: Annotation[]) =>
    summarize({
      id,
      outlet,
      published: '2030-04-02',
      headline: `${outlet} on the talks`,
      url: null,
      text: 'x',
      annotations,
    });

  it('lists, per version, what it carries that the page does not and the reverse, counting actors as the Actors view does', async () => {
    const actors = pageActors(pageAnnotations);
    const gaps = coverageGaps(article('a-page', 'cbc.ca', pageAnnotations), [
      article('a-voa', 'voanews.com', versionAnnotations),
    ]);
    const ask = vi.fn(() => ok(gaps));
    const root = await mount(
      <GapsView articleId="a-page" coverageGaps={ask} actors={actors} outletName={outletName} />,
    );
    expect(ask).toHaveBeenCalledTimes(1);
    const version = root.querySelector('section.gap-version')!;
    expect(textOf(version.querySelector('h3'))).toBe('Voice of America 2030-04-02');
    expect(version.getAttribute('aria-labelledby')).toBe(version.querySelector('h3')!.id);
    const headings = [...version.querySelectorAll('h4')].map(textOf);
    expect(headings).toEqual(['In Voice of America, not on this page', 'On this page, not in Voice of America']);
    const lists = [...version.querySelectorAll('ul.gaps')].map((ul) => [...ul.querySelectorAll('li')].map(textOf));
    expect(lists).toEqual([
      ['Actors: Mara Huld', 'Quote: “we will not sign this week” (Mara Huld)'],
      ['Actors: Olek Brand, Tomas Reld'],
    ]);
    // The Actors view lists three actors (the role description repeats Ines Varga): one shared, two not.
    const listed = await mount(<ActorsView actors={actors} mentionsOf={() => ok([])} />);
    const inActorsView = listed.querySelectorAll('li.actor').length;
    expect(inActorsView).toBe(3);
    expect(textOf(version.querySelector('.gap-counts'))).toBe(
      `1 of this page’s ${inActorsView} actors are in Voice of America too; it names 1 that this page does not.`,
    );
  });

  it('says when there is no other version to compare with', async () => {
    const gaps = coverageGaps(article('a-page', 'cbc.ca', pageAnnotations), []);
    const root = await mount(
      <GapsView
        articleId="a-page"
        coverageGaps={() => ok(gaps)}
        actors={pageActors(pageAnnotations)}
        outletName={outletName}
      />,
    );
    expect(textOf(root)).toContain('No other version of this event is in your corpus');
  });
});
