import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { ActorAnnotation } from '../../src/core/types';

const actors = (text: string) => annotate(text).filter((a): a is ActorAnnotation => a.kind === 'actor');
const person = (text: string, surface: string) => actors(text).find((a) => a.text === surface);
const introduced = (text: string) =>
  actors(text)
    .filter((a) => a.via === 'introduced')
    .map((a) => [a.text, a.actorId, a.role ?? null]);

describe('people outside the dictionary, found by their position in the sentence', () => {
  it('gives a speaker after "said" the role in apposition, an unlisted id and the person type', () => {
    const found = person('The port stays shut, said Marta Ilvesco, the spokeswoman.', 'Marta Ilvesco');
    expect(found).toMatchObject({
      actorId: 'unlisted-marta-ilvesco',
      via: 'introduced',
      actorType: 'person',
      role: 'spokeswoman',
    });
  });

  it('reads a role in apposition after the name, with its complement', () => {
    expect(introduced('Marta Ilvesco, a spokeswoman for the grain ministry, said talks were over.')).toEqual([
      ['Marta Ilvesco', 'unlisted-marta-ilvesco', 'spokeswoman for the grain ministry'],
    ]);
    expect(introduced("Joe Bramwell, Ruritania's ambassador to the UN, left early.")[0]?.[2]).toMatch(
      /ambassador to the UN$/,
    );
  });

  it('adds the office’s state to a title before the name', () => {
    expect(introduced('Foreign Minister Joe Bramwell of Ruritania arrived on Monday.')).toEqual([
      ['Joe Bramwell', 'unlisted-joe-bramwell', 'Foreign Minister of Ruritania'],
    ]);
    expect(introduced('Newly elected President Ana Morvelle took the oath.')).toEqual([
      ['Ana Morvelle', 'unlisted-ana-morvelle', 'President'],
    ]);
  });

  it('reads abbreviated titles and titles with a complement', () => {
    expect(introduced('The storm led Gov. Lena Marshfield to call in the guard.')[0]?.[2]).toBe('Gov');
    expect(
      introduced('She met Deputy Secretary of State for Island Affairs Mara Quillon in the capital.')[0]?.slice(0, 2),
    ).toEqual(['Mara Quillon', 'unlisted-mara-quillon']);
  });

  it('reads the whole title, portfolio and all: "Attorney-General", "Communications Minister", "press secretary"', () => {
    const roleOf = (text: string) => introduced(text)[0]?.[2];
    expect(roleOf('Staff of Attorney-General Pell Arnoux took part.')).toBe('Attorney-General');
    expect(roleOf('Staff of Communications Minister Pell Arnoux took part.')).toBe('Communications Minister');
    expect(roleOf('In a letter, Opposition Leader Pell Arnoux asked for more time.')).toBe('Opposition Leader');
    expect(roleOf('In Velmar, palace press secretary Pell Arnoux condemned the attack.')).toBe('press secretary');
  });

  it('reads a lower-case role right before the name', () => {
    expect(introduced('Rebels still hold former defence minister Karim al-Nasiri near the coast.')).toEqual([
      ['Karim al-Nasiri', 'unlisted-karim-al-nasiri', 'former defence minister'],
    ]);
  });

  it('reads a described office in apposition before the name', () => {
    expect(introduced('He flew to meet the head of the national grain board, Ilse Brandvold.')).toEqual([
      ['Ilse Brandvold', 'unlisted-ilse-brandvold', 'head of the national grain board'],
    ]);
  });

  it('finds a speaker without a role where only a person can stand, in an article about our actors', () => {
    expect(introduced('Tomas Vargell told reporters that France and Japan would abstain.')).toEqual([
      ['Tomas Vargell', 'unlisted-tomas-vargell', null],
    ]);
    expect(introduced('Talks between Chile and Peru resume in May, according to Tomas Vargell.')).toHaveLength(1);
    // A sports or business story: a name before "said" alone is not enough.
    expect(introduced('Tomas Vargell said the team would win on Sunday.')).toEqual([]);
  });

  it('resolves later surnames and "Mr." forms to the person introduced', () => {
    const found = actors('Mr. Piet Vanderhoek chaired the talks. Vanderhoek said little, and Mr. Vanderhoek left.');
    expect(found.map((a) => [a.text, a.actorId])).toEqual([
      ['Piet Vanderhoek', 'unlisted-piet-vanderhoek'],
      ['Vanderhoek', 'unlisted-piet-vanderhoek'],
      ['Vanderhoek', 'unlisted-piet-vanderhoek'],
    ]);
  });

  it('resolves a family name written first ("Ma" after "Ma Lanfeng") where it speaks', () => {
    const found = actors('Ministry Spokesperson Ma Lanfeng spoke on Tuesday. Ma told a briefing the deal was off.');
    expect(found.find((a) => a.text === 'Ma')?.actorId).toBe('unlisted-ma-lanfeng');
  });

  it('gives the same normalised name the same id in any article', () => {
    const a = person('Interior Minister José Ruiban resigned.', 'José Ruiban');
    const b = person('The decree on Chile and Peru was signed, said Jose Ruiban.', 'Jose Ruiban');
    expect(a?.actorId).toBe('unlisted-jose-ruiban');
    expect(b?.actorId).toBe(a?.actorId);
  });

  it('takes no organisation, place, quantifier or headline words for a person', () => {
    const text = [
      'Minister Meets Envoys In Harbour Town Talks',
      'Human Rights Watch said the camps were full. Many Ruritanians said they would vote.',
      'Wilmont County Police said the road was closed, and Grey Harbour Airport told travellers to wait.',
    ].join('\n\n');
    expect(introduced(text)).toEqual([]);
  });

  it('takes no company for a person where only a person could speak', () => {
    // Two listed actors make this an article where a bare "X said" may name someone.
    const text =
      'Sergey Lavrov and Hillary Clinton met on grain exports. Velmar Foods said it would cut prices, ' +
      'according to Brennholt Research, and Ostrel Holdings told reporters it agreed.';
    expect(introduced(text)).toEqual([]);
  });
});

describe('people in a list of titled names', () => {
  it('takes each name with its own title, not the name before it as a role', () => {
    const found = introduced(
      'The talks drew Grain Board Chair Ilse Brandvold, Harbour Secretary Oskar Lunde, and others.',
    );
    expect(found).toEqual([
      ['Ilse Brandvold', 'unlisted-ilse-brandvold', 'Chair'],
      ['Oskar Lunde', 'unlisted-oskar-lunde', 'Secretary'],
    ]);
  });
});

describe('the next name in a list is no role', () => {
  it('does not read ", Harbour Secretary Oskar Lunde" as the role of the name before it', () => {
    const found = introduced('Guests included Ilse Brandvold, Harbour Secretary Oskar Lunde, and others.');
    expect(found.find((f) => f[0] === 'Ilse Brandvold')).toBeUndefined();
    expect(found.find((f) => f[0] === 'Oskar Lunde')?.[2]).toBe('Secretary');
  });
});

describe('a lower-case role with a complement ending in a known actor', () => {
  it('starts the name after the known actor: "the chair of the panel on Chile Jane Roe"', () => {
    expect(
      introduced('It was led by the chair of the fisheries panel on Chile Marta Ilvesco, who arrived late.'),
    ).toEqual([['Marta Ilvesco', 'unlisted-marta-ilvesco', 'chair of the fisheries panel on Chile']]);
  });
});

describe('a role whose complement holds a verb', () => {
  it('is no role: "the envoy of the king told reporters in Chile Marta Ilvesco ..."', () => {
    expect(introduced('The envoy of the king told reporters in Chile Marta Ilvesco would come.')).toEqual([]);
  });
});
