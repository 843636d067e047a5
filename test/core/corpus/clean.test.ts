import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle, type CleanArticle } from '../../../src/core/corpus/clean';
import { SEEDS } from '../../fixtures/paths';

const seed = (file: string) => cleanArticle(readFileSync(`${SEEDS}${file}`, 'utf8'));
const blocksOf = (c: CleanArticle, kind: string) =>
  c.blocks.filter((b) => b.kind === kind).map((b) => c.text.slice(b.start, b.end));

/** What every cleaned text must be: blocks joined by blank lines, single spaces, no odd spaces. */
function expectWellFormed(c: CleanArticle): void {
  expect(c.blocks.map((b) => c.text.slice(b.start, b.end)).join('\n\n')).toBe(c.text);
  expect(c.text).not.toMatch(/[\u00a0\t]| {2}|\n{3}| \n|\n /);
}

describe('cleaning the seed articles', () => {
  it('CBC (AP copy): three subheads and the credit line, no headline in the text', () => {
    const c = seed('000_b80d3aa3a014407e.txt');
    expectWellFormed(c);
    expect(c.headline).toBeNull();
    expect(blocksOf(c, 'subhead')).toEqual([
      "Security Council cannot 'stand silent,' Clinton says",
      'Agreement on plan for immediate ceasefire',
      'Canada to give $6M more humanitarian aid to Syria',
    ]);
    expect(blocksOf(c, 'credit')).toEqual(['With files from CBC News']);
    expect(blocksOf(c, 'paragraph')).toHaveLength(23);
    expect(c.text).toContain('at the UN Monday'); // the NBSP became a space
    expect(c.text.endsWith('With files from CBC News')).toBe(true);
  });

  it('VOA: the teaser run into the lede is gone, the credit line found', () => {
    const c = seed('001_8197e9eca9f9e2dc.txt');
    expectWellFormed(c);
    const lede =
      'The United States, Britain and Russia have each called for a halt to the violence in Syria, but the United Nations Security Council remains divided on how to resolve the crisis in the country.';
    expect(c.text.slice(c.blocks[0]!.start, c.blocks[0]!.end)).toBe(lede);
    expect(c.text).not.toContain('Securit...');
    expect(c.text.split(lede)).toHaveLength(2);
    expect(c.headline).toBeNull();
    expect(blocksOf(c, 'subhead')).toEqual([]);
    expect(blocksOf(c, 'credit')).toEqual(['Some information for this report was provided by AP, AFP and Reuters.']);
    expect(c.text).toContain('without a settlement. Annan is scheduled');
  });

  it('RT: the icon sprite dropped, the headline and subhead found, glued sentences spaced', () => {
    const c = seed('002_377b34821ee142f4.txt');
    expectWellFormed(c);
    expect(c.text).not.toMatch(/icon|bookmark/);
    expect(c.headline).toBe('Lavrov rebuffs Clinton call to turn screw on Syria');
    expect(c.blocks[0]).toEqual({ kind: 'headline', start: 0, end: c.headline!.length });
    expect(blocksOf(c, 'subhead')).toEqual(['Palestine statehood bid disputed']);
    expect(blocksOf(c, 'credit')).toEqual([]);
    for (const fixed of [
      'doors. The talks',
      'Libya. The US',
      'AFP. Mass rallies',
      'productive. The diplomats',
      'untimely. On Tuesday',
      'days. Last year',
      'body. However',
      'passed. As many',
      'launched. “I cannot',
    ]) {
      expect(c.text).toContain(fixed);
    }
    expect(c.text).toContain('Lavrov with US Secretary of State Hillary Clinton was held');
  });
});

describe('cleaning junk written for the test', () => {
  const raw = [
    'Skip to content',
    'Home | World | Middle East',
    'Accept all cookies Manage preferences',
    'Ceasefire talks stall in Geneva',
    'By Jane Doe and Ali Hassan, Reuters',
    'Published 3 May 2024, 09:15 GMT',
    '(AP Photo/Bilal Hussein)',
    'GENEVA (Reuters) - Talks on a ceasefire in Syria stalled on Friday.Envoys said the U.S. and Russia would meet again.The U.N. envoy said 1.5 million people needed aid.',
    'Share on Facebook Share on Twitter Email',
    'Advertisement',
    'Aid convoys blocked',
    '  The World Food Programme said\u00a0convoys carrying aid for 20,000 people were turned back at a checkpoint.  ',
    'Read more: Syria’s war in maps',
    '"We are not there yet," the envoy told reporters.',
    'Sign up for our newsletter',
    '(Reporting by Jane Doe; Editing by John Smith)',
  ].join('\n\n');
  const c = cleanArticle(raw);

  it('keeps only the article, with its structure', () => {
    expectWellFormed(c);
    expect(c.headline).toBe('Ceasefire talks stall in Geneva');
    expect(c.blocks.map((b) => b.kind)).toEqual([
      'headline',
      'credit',
      'paragraph',
      'subhead',
      'paragraph',
      'paragraph',
      'credit',
    ]);
    expect(blocksOf(c, 'credit')).toEqual([
      'By Jane Doe and Ali Hassan, Reuters',
      '(Reporting by Jane Doe; Editing by John Smith)',
    ]);
    expect(c.text).not.toMatch(/cookies|Facebook|Advertisement|Read more|newsletter|AP Photo|Skip|GMT|Home \|/);
  });

  it('repairs glued sentences without breaking abbreviations or decimals', () => {
    expect(c.text).toContain(
      'stalled on Friday. Envoys said the U.S. and Russia would meet again. The U.N. envoy said 1.5 million',
    );
  });

  it('finds the headline after a byline at the top', () => {
    const d = cleanArticle('By Jane Doe\n\nCeasefire talks stall in Geneva\n\nTalks on a ceasefire stalled on Friday.');
    expect(d.blocks.map((b) => b.kind)).toEqual(['credit', 'headline', 'paragraph']);
    expect(d.headline).toBe('Ceasefire talks stall in Geneva');
  });

  it('leaves a list of short lines as paragraphs, and a trailing short line too', () => {
    const list = cleanArticle(
      'The plan has four points.\n\nImmediate ceasefire\n\nHumanitarian access\n\nRelease of detainees\n\nThe council will vote on Monday.\n\nMore to come',
    );
    expect(list.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('gives empty text and no blocks for text that is all junk', () => {
    expect(cleanArticle('Advertisement\n\nShare on Facebook Share on Twitter Email\n\n\u00a0\n')).toEqual({
      text: '',
      blocks: [],
      headline: null,
    });
  });

  it('drops a teaser line that truncates the next one, and a line repeated', () => {
    const lede = 'Russia and China vetoed a draft resolution on Syria on Saturday, diplomats said.';
    const d = cleanArticle(`${lede.slice(0, 40)}…\n\n${lede}\n\n${lede}\n\nThe vote was 13-2.`);
    expect(d.text).toBe(`${lede}\n\nThe vote was 13-2.`);
  });
});
