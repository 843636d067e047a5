import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { FigureAnnotation } from '../../src/core/types';

// Invented sentences: numbers that name, label or measure something are not figures.
const figures = (text: string) => annotate(text).filter((a): a is FigureAnnotation => a.kind === 'figure');
const texts = (text: string) => figures(text).map((f) => f.text);

describe('numbers that are not figures', () => {
  it('skips clock times and timestamps', () => {
    expect(texts('Updated 10:42 GMT. The ferry left Port Ellan at 3:15 p.m. with 4:12 left on the clock.')).toEqual([]);
  });

  it('skips photo and file numbers', () => {
    expect(texts('Photo 4: delegates arrive in Velmora. Source: IMG_4417.jpg')).toEqual([]);
  });

  it('skips product, model and event names with a number', () => {
    expect(texts('Fans queued all night for Halo 3 and the Zephyr 9 Pro in Marlow.')).toEqual([]);
    expect(texts('The new iPhone 15 and 15 Plus went on sale, and a Boeing 737 and two F-16 jets flew over.')).toEqual(
      [],
    );
    expect(texts('Tickets for Brawl 212 sold out at the Ferrow Arena.')).toEqual([]);
  });

  it('still reads a count that follows a name: "Halo 3" is a game, "two people" are a toll', () => {
    expect(texts('Fans queued for Halo 3 as police said two people were killed in a crash nearby.')).toEqual([
      'two people',
    ]);
  });

  it('skips screen resolutions', () => {
    expect(texts('The set streams 4K video and records in 1080p.')).toEqual([]);
  });

  it('skips sports scores and records, but reads a vote tally', () => {
    expect(texts('The Harriers won 24-17 on Sunday and are now 3-1 for the season.')).toEqual([]);
    expect(figures('The council approved the motion 12-3.')[0]).toMatchObject({ value: 12, against: 3 });
  });

  it('reads a tally written with "to" as two counts of votes', () => {
    expect(figures('The vote was 140 to 11, with 30 abstentions.').map((f) => [f.value, f.counts])).toEqual([
      [140, 'votes'],
      [11, 'votes'],
      [30, 'votes'],
    ]);
  });

  it('skips sizes written as adjectives, but keeps the size of a body', () => {
    expect(texts('The Harriers blew a 12-point lead after a 30-yard run in a 185-pound bout.')).toEqual([]);
    expect(figures('Talks opened in the 12-member Velmora Compact with Russia.')[0]).toMatchObject({
      value: 12,
      unit: 'members',
      counts: 'other',
    });
  });

  it('reads pounds of weight as weight, and pounds sterling or £ as money', () => {
    expect(texts('She bought 2.5 pounds of flour and three pounds of plums.')).toEqual([]);
    expect(figures('The fine was 2.5 pounds sterling.')[0]).toMatchObject({ value: 2.5, counts: 'money', unit: 'GBP' });
    expect(figures('The fine was £2.5.')[0]).toMatchObject({ value: 2.5, counts: 'money', unit: 'GBP' });
  });

  it('reads cents and dollar amounts written without a leading zero', () => {
    expect(figures('Stores sold apples for less than 40 cents each.')[0]).toMatchObject({
      value: 0.4,
      counts: 'money',
      unit: 'USD',
    });
    expect(figures('A loaf costs $.85 in Marlow.')[0]).toMatchObject({ value: 0.85, counts: 'money' });
  });

  it('skips years, ages, street numbers and phone numbers', () => {
    const text = [
      'In 2019, Tomas Reyl, 34, of Elmwood was held at 5120 Birch Lane.',
      'The children were aged from 4 to 11, ranging in age from 4 to 11.',
      'Neighbours made a call to 911.',
    ].join(' ');
    expect(texts(text)).toEqual([]);
  });

  it('skips dates written with a slash and the end of an age range', () => {
    // Each sentence names an actor, so that only the rule under test can leave the number out.
    expect(texts('Flights over the border stayed grounded after 4/17, the United Nations said.')).toEqual([]);
    expect(texts('The United Nations surveyed farmers between the ages of 30 and 49 in the valley.')).toEqual([]);
    // A count that merely ends a sentence before a capital is still a count.
    expect(texts('The Velmar army said troops killed 10. Ostrelia denied it.')).toEqual(['10']);
  });

  it('skips a bare number that counts nothing', () => {
    expect(texts('The tally of sightings stands at 5, and the ball sat at the 1.')).toEqual([]);
  });

  it('reads headline scale words in any case', () => {
    expect(figures('Velmora Says Rivals Owe $100 Mln')[0]?.value).toBe(1e8);
    expect(figures('Film Opens With $44 Million Weekend')[0]?.value).toBe(4.4e7);
  });
});
