import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { FigureAnnotation } from '../../src/core/types';

// Invented sentences: which quantities are worth comparing across outlets.
const figures = (text: string) => annotate(text).filter((a): a is FigureAnnotation => a.kind === 'figure');
const texts = (text: string) => figures(text).map((f) => f.text);

describe('figures worth checking', () => {
  it('skips counts of things that no actor stands by', () => {
    expect(texts('The bakery in Marlow listed three jars of honey and two apple pies for $14.50.')).toEqual(['$14.50']);
    expect(texts('At least four waterspouts touched down near Port Ellan, the weather service said.')).toEqual([]);
  });

  it('does not let an agency that only gives the count make it a figure', () => {
    expect(texts('Four waterspouts touched down near Port Ellan, the National Weather Service said Monday.')).toEqual(
      [],
    );
    expect(texts('Two waterspouts were confirmed by the National Weather Service near Port Ellan.')).toEqual([]);
  });

  it('keeps an amount in millions whose unit is lost, where an actor stands by it', () => {
    expect(figures('Norway gave $150 million, and Germany gave 40 million.').map((f) => f.value)).toEqual([1.5e8, 4e7]);
    expect(texts('The tally in Marlow stood at 3 million by noon.')).toEqual([]);
  });

  it('keeps a part of what was just counted', () => {
    expect(
      figures('Russia fired 30 drones at Dorvan, of which 22 were shot down.').map((f) => [f.value, f.unit]),
    ).toEqual([
      [30, 'drones'],
      [22, 'items'],
    ]);
  });

  it('keeps counts of things an actor stands by', () => {
    expect(figures('Russia launched 145 drones overnight.')[0]).toMatchObject({ value: 145, unit: 'drones' });
    expect(figures('Ukraine said it shot down 60 drones.')[0]).toMatchObject({ value: 60, unit: 'drones' });
  });

  it('keeps a level in percent, and a change in percent only when an actor stands by it', () => {
    expect(texts('Turnout was 62% in the capital.')).toEqual(['62%']);
    expect(texts('Bread in Velmar costs $3.10, 9 percent more than in May.')).toEqual(['$3.10']);
    expect(texts('Iran will cut its stockpile by 90 percent.')).toEqual(['90 percent']);
  });

  it('keeps counts of people wherever they are', () => {
    expect(texts('Six children were home in Marlow.')).toEqual(['Six children']);
  });

  it('reads what "of them" and "the number of" count', () => {
    expect(figures('Since 1950, Syria and Iraq have fought three wars, two of them over water.')[1]).toMatchObject({
      value: 2,
      unit: 'wars',
    });
    expect(figures('Iran will cut the number of its centrifuges to about 5,200.')[0]).toMatchObject({
      value: 5200,
      unit: 'centrifuges',
    });
  });

  it('reads things that vote as votes', () => {
    expect(figures('The motion carried on Friday, 17 countries abstaining.')[0]).toMatchObject({
      value: 17,
      counts: 'votes',
    });
    expect(figures('Dorvan joined the six countries voting against the text.')[0]).toMatchObject({
      value: 6,
      counts: 'votes',
    });
  });

  it('reads "one" as a count only where it counts a vote or a voter', () => {
    const tally = figures(
      'The motion passed with 20 votes in favour, 4 against, 2 abstentions (Dorvan and Velmora, both island states) and one absent country (Marlow).',
    );
    expect(tally.map((f) => [f.text, f.value, f.counts])).toContainEqual(['one', 1, 'votes']);
    expect(texts('Dorvan is one country that values its fishing fleet.')).toEqual([]);
  });

  it('reads an ordinal of "time" followed by a perfect tense as a running count', () => {
    expect(figures('It was the sixth time Russia has vetoed a resolution on Syria.')[0]).toMatchObject({
      value: 6,
      unit: 'times',
    });
    expect(texts('The council met for the third time since 2011.')).toEqual([]);
  });

  it('reads French number words and Arabic vague quantities', () => {
    expect(figures('La Russie propose un plan en quatre étapes.')[0]).toMatchObject({ value: 4 });
    expect(texts('Les deux jours de talks.')).toEqual([]);
    const arabic = figures('قال مسؤولون إن الحرب في سوريا أودت بحياة الآلاف.');
    expect(arabic.map((f) => [f.text, f.value, f.counts])).toEqual([['الآلاف', null, 'deaths']]);
  });
});
