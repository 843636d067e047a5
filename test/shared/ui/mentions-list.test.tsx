// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { MentionsByOutlet } from '../../../src/messages';
import { MentionsList } from '../../../src/shared/ui/MentionsList';
import { mount, textOf } from '../../preact-dom';

const article = (n: number, extra: Partial<MentionsByOutlet['articles'][number]> = {}) => ({
  articleId: `a${n}`,
  headline: `Headline ${n}`,
  url: `https://www.voanews.com/a/${n}`,
  published: `2012-03-1${n}`,
  sentences: [`First sentence of ${n}, naming Lavrov.`, `Second of ${n}.`, `Third of ${n}.`],
  forms: ['Lavrov'],
  ...extra,
});

const groups: MentionsByOutlet[] = [
  {
    outlet: { id: 'voanews.com', name: 'Voice of America', profile: null },
    articles: [article(1), article(2), article(3), article(4)],
  },
  {
    outlet: { id: 'rt.com', name: 'RT', profile: null },
    articles: [article(5, { url: null, headline: null, published: null, sentences: ['x'.repeat(300)] })],
  },
];

describe('MentionsList', () => {
  it('lists each outlet with its first articles’ date, headline and two sentences, linked to the sentence', async () => {
    const root = await mount(<MentionsList groups={groups} articlesPerOutlet={3} />);
    const outlets = [...root.querySelectorAll('ul.mentions > li')];
    expect(outlets.map((li) => textOf(li.querySelector('.outlet')))).toEqual(['Voice of America', 'RT']);
    const voa = outlets[0]!;
    expect([...voa.querySelectorAll('.item > .muted')].map(textOf)).toEqual([
      '2012-03-11 · Headline 1',
      '2012-03-12 · Headline 2',
      '2012-03-13 · Headline 3',
    ]);
    expect([...voa.querySelectorAll('.item')][0]!.querySelectorAll('.sentence')).toHaveLength(2);
    const link = voa.querySelector('.sentence a')!;
    expect(link.textContent).toBe('First sentence of 1, naming Lavrov.');
    expect(link.getAttribute('href')).toBe(
      'https://www.voanews.com/a/1#:~:text=First%20sentence%20of%201%2C%20naming%20Lavrov.',
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says undated, leaves out a missing headline, and gives a sentence without a URL as text, clipped', async () => {
    const root = await mount(<MentionsList groups={groups} articlesPerOutlet={2} sentenceLength={100} />);
    const rt = root.querySelectorAll('ul.mentions > li')[1]!;
    expect(textOf(rt.querySelector('.item > .muted'))).toBe('undated');
    const sentence = rt.querySelector('.sentence')!;
    expect(sentence.querySelector('a')).toBeNull();
    expect(sentence.textContent).toBe(`${'x'.repeat(99)}…`);
    expect(root.querySelectorAll('ul.mentions > li')[0]!.querySelectorAll('.item')).toHaveLength(2);
  });

  it('puts what the page says about an outlet after its name', async () => {
    const root = await mount(
      <MentionsList
        groups={groups}
        articlesPerOutlet={1}
        aboutOutlet={(g) => g.outlet.id === 'rt.com' && <span class="flag"> spells it “Lavroff”</span>}
      />,
    );
    expect([...root.querySelectorAll('.outlet')].map(textOf)).toEqual(['Voice of America', 'RT spells it “Lavroff”']);
  });
});
