import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/core/actors/dictionary';
import type { ActorEntry, PersonEntry, Role } from '../../src/core/actors/schema';
import { annotate } from '../../src/core/annotate';
import type { ActorAnnotation } from '../../src/core/types';

// An invented state and its invented office holders, so each rule is tested on its own.
const RURITANIA: ActorEntry = {
  id: 'ruritania',
  type: 'state',
  name: 'Ruritania',
  aliases: [],
  iso: 'XR',
  demonyms: ['Ruritanian'],
  plurals: [],
  seats: [],
};
const minister = (id: string, name: string, surname: string, from: string, to: string | null): PersonEntry => {
  const role: Role = { kind: 'foreign_minister', title: 'Foreign Minister', of: 'XR', from, to };
  return { id, type: 'person', name, aliases: [], surnames: [surname], roles: [role], actsFor: 'XR' };
};
const dictionary = new Dictionary([
  RURITANIA,
  minister('otto-brenz', 'Otto Brenz', 'Brenz', '2001-01-01', '2005-12-31'),
  minister('ida-brenz', 'Ida Brenz', 'Brenz', '2010-01-01', '2014-12-31'),
  minister('karl-halmos', 'Karl Halmos', 'Halmos', '2020-03-01', null),
  minister('anna-morvelle', 'Anna Morvelle', 'Morvelle', '2015-01-01', null),
]);
const actors = (text: string, published: string) =>
  annotate(text, { published, dictionary }).filter((a): a is ActorAnnotation => a.kind === 'actor');
const at = (text: string, published: string, surface: string) =>
  actors(text, published).filter((a) => a.text === surface);

describe('who a surname is, from the article and its date', () => {
  it('takes the person the article has just named, even one outside the dictionary', () => {
    const text = 'Trade Minister Lotte Brenz of Ruritania arrived first. Brenz said the tariffs would stay.';
    expect(at(text, '2012-05-01', 'Brenz').map((a) => a.actorId)).toEqual(['unlisted-lotte-brenz']);
  });

  it('prefers the later of two people named with the surname', () => {
    const text = 'Ida Brenz spoke. Then Trade Minister Lotte Brenz spoke. Brenz left.';
    expect(at(text, '2012-05-01', 'Brenz').map((a) => a.actorId)).toEqual(['unlisted-lotte-brenz']);
  });

  it('failing that, takes the dictionary person in office on the article’s date', () => {
    const text = 'Brenz said Ruritania would not sign the treaty.';
    expect(at(text, '2003-06-01', 'Brenz')[0]?.actorId).toBe('otto-brenz');
    expect(at(text, '2012-06-01', 'Brenz')[0]?.actorId).toBe('ida-brenz');
  });

  it('otherwise resolves to nobody, listing the candidates', () => {
    const found = at('Brenz said Ruritania would not sign the treaty.', '2008-06-01', 'Brenz')[0];
    expect(found?.actorId).toBeNull();
    // Ida Brenz took office only in 2010, so she is no candidate in 2008.
    expect(found?.candidates).toEqual(['otto-brenz']);
  });

  it('never resolves to someone whose term starts after the article’s date', () => {
    const text = 'Halmos said Ruritania would not sign the treaty.';
    expect(at(text, '2017-06-01', 'Halmos').some((a) => a.actorId === 'karl-halmos')).toBe(false);
    expect(at(text, '2021-06-01', 'Halmos')[0]?.actorId).toBe('karl-halmos');
  });
});

describe('a known person introduced with a role keeps one id', () => {
  it('gives the titled span one annotation, with the dictionary id', () => {
    const found = actors('Foreign Minister Anna Morvelle of Ruritania arrived. Morvelle said little.', '2016-01-01');
    const spans = found.filter((a) => a.text.includes('Anna Morvelle'));
    expect(spans.map((a) => a.actorId)).toEqual(['anna-morvelle']);
    expect(found.find((a) => a.text === 'Morvelle')?.actorId).toBe('anna-morvelle');
  });

  it('takes a near spelling of a listed name for that person, not an unlisted one', () => {
    const found = actors('Foreign Minister Ana Morvelle arrived, and Morvelle spoke.', '2016-01-01');
    expect(found.filter((a) => a.text.endsWith('Morvelle')).map((a) => a.actorId)).toEqual([
      'anna-morvelle',
      'anna-morvelle',
    ]);
    expect(found.some((a) => a.actorId?.startsWith('unlisted-'))).toBe(false);
    // A different given name is a different person.
    expect(actors('Foreign Minister Rosa Morvelle arrived.', '2016-01-01')[0]?.actorId).toBe('unlisted-rosa-morvelle');
  });
});

describe('a listed nickname quoted inside a name', () => {
  const withNickname = new Dictionary([
    RURITANIA,
    { ...minister('lars-tovik', 'Lars Tovik', 'Tovik', '2019-01-01', null), aliases: ['Lasko'] },
  ]);
  const spans = (text: string) =>
    annotate(text, { published: '2020-01-01', dictionary: withNickname })
      .filter((a): a is ActorAnnotation => a.kind === 'actor')
      .map((a) => [a.text, a.actorId]);

  it('is one mention of the whole name', () => {
    expect(spans('General Lars ‘Lasko’ Tovik refused to attend.')).toEqual([['Lars ‘Lasko’ Tovik', 'lars-tovik']]);
  });

  it('is left alone when the words around it are not the person’s names', () => {
    expect(spans('Crowds chanted “Lasko” Tuesday.')).toEqual([['Lasko', 'lars-tovik']]);
  });
});
