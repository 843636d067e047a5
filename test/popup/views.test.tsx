// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { FiguresLike, QuoteMatch } from '../../src/core/match';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../../src/core/types';
import type { MentionsByOutlet, StoryVersion } from '../../src/messages';
import { pageActors } from '../../src/core/match/page-lists';
import { ActorsView } from '../../src/popup/views/ActorsView';
import { FiguresView } from '../../src/popup/views/FiguresView';
import { QuotesView } from '../../src/popup/views/QuotesView';
import { StoryView } from '../../src/popup/views/StoryView';
import { act } from 'preact/test-utils';
import { flush, mount, textOf } from '../preact-dom';

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
  it('shows each figure against the other outlets’ values, with the verdict', async () => {
    const result: FiguresLike = {
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
    expect(figuresLike).toHaveBeenCalledWith({
      counts: 'deaths',
      subject: 'Syria',
      value: 7500,
      low: null,
      high: null,
      qualifier: 'over',
      unit: 'people',
      text: 'over 7,500 people',
      published: '2012-03-12',
    });
    const row = root.querySelector('tbody tr')!;
    expect(textOf(row.querySelector('th'))).toBe('deaths (Syria)');
    expect(textOf(row.querySelector('.verdict'))).toContain('the dates may explain the difference');
    expect([...row.querySelectorAll('.values li')].map(textOf)).toEqual([
      'Voice of America 2012-03-12: 7,500 people per United Nations (agrees)',
      'RT 2011-09-20: 2,700 people (differs)',
    ]);
  });

  it('says when the page has no figures', async () => {
    expect(
      textOf(
        await mount(
          <FiguresView
            figures={[]}
            published={null}
            figuresLike={() => ok({ items: [], verdict: null, explanation: '' })}
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
