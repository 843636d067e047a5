import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, DictionaryError, loadDictionary } from '../../src/core/actors/load';
import type { ActorEntry, PersonEntry } from '../../src/core/actors/schema';
// @ts-expect-error: a plain ESM script without types
import { buildStates } from '../../scripts/gen-states.mjs';
// @ts-expect-error: a plain ESM script without types
import { arabicNisba } from '../../scripts/gen-states-foreign.mjs';
import { Dictionary, surfaceWords, usePrebuiltWords, wordsOfBuild } from '../../src/core/actors/dictionary';
import { bundledWords } from '../../src/core/actors/bundled-words';
import { tokenize } from '../../src/core/text/tokenize';
import { foreignSurnames } from '../../src/core/actors/foreign-forms';

const dict = loadDictionary();
const all = [...dict.byId.values()];
const ofType = (...types: ActorEntry['type'][]) => all.filter((a) => types.includes(a.type));

describe('the actor dictionary', () => {
  it('validates and covers what the issue asks for', () => {
    const states = ofType('state');
    expect(states.length).toBeGreaterThanOrEqual(197); // 193 UN members + Palestine, Holy See, Kosovo, Taiwan
    for (const iso of ['PS', 'VA', 'XK', 'TW', 'US', 'GB', 'SY', 'SS']) expect(dict.byIso.has(iso), iso).toBe(true);
    expect(ofType('organization', 'government_body').length).toBeGreaterThanOrEqual(80);
    expect(ofType('person').length).toBeGreaterThanOrEqual(250);
    expect(ofType('group').length).toBeGreaterThanOrEqual(20);
    const multilingual = ofType('person').filter(
      (p) => p.names?.fr?.length && p.names.ru?.length && p.names.ar?.length,
    );
    expect(multilingual.length).toBeGreaterThanOrEqual(100);
    for (const s of states)
      expect(s.names?.fr?.length && s.names.ru?.length && s.names.ar?.length, s.name).toBeTruthy();
  });

  it('has abbreviations, demonyms and seats of government for states', () => {
    const us = dict.byIso.get('US')!;
    expect(us.aliases).toEqual(expect.arrayContaining(['U.S.', 'US', 'USA']));
    expect(us.seats).toEqual(expect.arrayContaining(['Washington', 'White House']));
    expect(dict.byIso.get('RU')!.seats).toEqual(expect.arrayContaining(['Moscow', 'Kremlin']));
    expect(dict.byIso.get('GB')!.aliases).toEqual(expect.arrayContaining(['U.K.', 'UK', 'Britain']));
    expect(dict.byIso.get('SY')!.demonyms).toContain('Syrian');
  });

  it('lists no news agency as an actor', () => {
    const names = all.flatMap((a) => [a.name, ...a.aliases]);
    for (const agency of ['AP', 'AFP', 'Reuters', 'SANA', 'TASS', 'Xinhua', 'Associated Press', 'Agence France-Presse'])
      expect(names, agency).not.toContain(agency);
  });

  it('gives roles with dates, so each office has one holder at a time', () => {
    const holders = (date: string) =>
      dict.holders('foreign_minister', 'Q30', date, /Secretary of State/).map((p) => p.name);
    expect(holders('2012-03-12')).toEqual(['Hillary Clinton']);
    expect(holders('2014-06-01')).toEqual(['John Kerry']);
    expect(dict.holders('foreign_minister', 'Q159', '2012-03-12').map((p) => p.name)).toEqual(['Sergey Lavrov']);
    expect(dict.holders('un_secretary_general', null, '2012-03-12').map((p) => p.name)).toEqual(['Ban Ki-moon']);
    const lavrov = dict.byId.get('sergey-lavrov') as PersonEntry;
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov']));
  });

  it('keeps the committed states.json equal to what the generator makes from the packages', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../src/core/actors/data/states.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(buildStates());
  });

  it('rejects malformed entries with a message naming the file and the entry', () => {
    const bad = {
      ...DATA_FILES,
      'people-extra.json': [
        { id: 'Bad Id', type: 'person', name: 'X', aliases: [], surnames: [], roles: [], actsFor: 'US' },
        {
          id: 'someone',
          type: 'person',
          name: 'Someone',
          aliases: ['President Someone'],
          surnames: ['Someone'],
          actsFor: 'US',
          roles: [{ kind: 'emperor', title: 'Emperor', of: 'US', from: '2012-13', to: null }],
        },
      ],
      'groups-extra.json': { not: 'an array' },
    };
    let error: DictionaryError | null = null;
    try {
      loadDictionary(bad);
    } catch (e) {
      error = e as DictionaryError;
    }
    expect(error).toBeInstanceOf(DictionaryError);
    const text = error!.problems.join('\n');
    expect(text).toContain('people-extra.json[0] (Bad Id): id must be a Wikidata QID or a lower-case slug');
    expect(text).toContain('people-extra.json[0] (Bad Id): roles must list at least one role');
    expect(text).toContain(
      'people-extra.json[1] (someone): aliases must not start with an office title: President Someone',
    );
    expect(text).toContain('roles[0].kind must be one of');
    expect(text).toContain('groups-extra.json: expected a JSON array of actors');
  });

  it('rejects duplicate ids and references to actors that do not exist', () => {
    const dup = {
      'a.json': [
        { id: 'x-group', type: 'group', name: 'X', aliases: [] },
        { id: 'x-group', type: 'group', name: 'Y', aliases: [], parent: 'nowhere' },
      ],
    };
    expect(() => loadDictionary(dup)).toThrow(/duplicate id x-group[\s\S]*parent "nowhere" is not in the dictionary/);
  });
});

describe('forms of a name the dictionary reads rather than lists', () => {
  // Invented people: the rules, not the entries, are under test.
  const person = (name: string, surnames: string[], names: PersonEntry['names']): PersonEntry => ({
    id: name.toLowerCase().replace(/\W+/g, '-'),
    type: 'person',
    name,
    aliases: [name],
    surnames,
    roles: [{ kind: 'foreign_minister', title: 'Foreign Minister', of: 'RU', from: '2031', to: null }],
    actsFor: 'RU',
    names,
  });
  const tumanov = person('Arkady Tumanov', ['Tumanov'], {
    fr: ['Arkadi Toumanov'],
    ru: ['Аркадий Туманов'],
    ar: ['أركادي تومانوف'],
  });

  it('reads surnames in other scripts from the names there, with Arabic particles and surname-first names', () => {
    expect(foreignSurnames(tumanov)).toEqual(['Toumanov', 'Туманов', 'تومانوف']);
    expect(foreignSurnames(person('Karim Abdel Nour', ['Abdel Nour'], { ar: ['كريم عبد النور'] }))).toEqual([
      'عبد النور',
    ]);
    expect(foreignSurnames(person('Wen Dalong', ['Wen'], { ru: ['Вэнь Далун'] }))).toEqual(['Вэнь']);
    expect(foreignSurnames(person('Maximus', [], { ru: ['Максимус Великий'] }))).toEqual([]);
  });

  it('makes the Arabic adjective of a one-word state name', () => {
    expect(arabicNisba('زنوبيا')).toEqual(['زنوبي', 'زنوبية']);
    expect(arabicNisba('الزنوبية')).toEqual(['زنوبي', 'زنوبية']);
    expect(arabicNisba('برانسا')).toEqual(['برانسي', 'برانسية']);
    expect(arabicNisba('السنداد')).toEqual(['سندادي', 'سندادية']);
    expect(arabicNisba('جمهورية زنوبيا')).toEqual([]);
  });

  it('gives states adjectives and seats in French, Russian and Arabic', () => {
    const russia = dict.byId.get('Q159') as ActorEntry & { demonyms: string[]; seats: string[] };
    expect(russia.demonyms).toEqual(expect.arrayContaining(['russe', 'российский', 'روسي', 'روسية']));
    expect(russia.seats).toEqual(expect.arrayContaining(['Moscou', 'Кремль', 'موسكو']));
  });

  it('finds an actor by any spelling or script the engine resolves (the options page search)', () => {
    const d = new Dictionary([...dict.byId.values(), tumanov]);
    const ids = (q: string) => d.lookup(q).map((a) => a.id);
    for (const q of ['Arkady Tumanov', 'Arkadiy Tumanov', 'arkadi tumanov', "Tumanov's", 'Туманов', 'Туманова'])
      expect(ids(q), q).toEqual([tumanov.id]);
    for (const q of ['Аркадием Тумановым', 'تومانوف', 'وتومانوف', 'Toumanov']) expect(ids(q), q).toEqual([tumanov.id]);
    // A given name alone, or a near spelling of someone else's surname, finds nobody.
    expect(ids('Arkady')).toEqual([]);
    expect(ids('Arkady Tumanova')).toEqual([]);
    // An unknown hyphenated word is one name of two tokens: looked up once, found nowhere.
    expect(ids('Zorbo-Quux')).toEqual([]);
    // The issue's own examples, against the bundled dictionary.
    expect(ids('Sergei Lavrov')).toEqual(['sergey-lavrov']);
    expect(ids('Лавров')).toEqual(['sergey-lavrov']);
  });
});

describe('the dictionary built with the words worked out at build time', () => {
  it('is the dictionary that tokenizing each name builds', () => {
    const words = bundledWords();
    const tokenized = loadDictionary();
    usePrebuiltWords(() => words);
    try {
      const prebuilt = loadDictionary();
      expect(prebuilt.surfaces).toEqual(tokenized.surfaces);
      expect(prebuilt.root).toEqual(tokenized.root);
    } finally {
      usePrebuiltWords(null);
    }
  });

  it('gives each surface, plain or not, the words tokenize gives it, from the build’s words too', () => {
    const asTokenized = (s: string) => {
      const w = tokenize(s).word;
      return { keys: w.map((x) => x.key), shapes: w.map((x) => x.shape) };
    };
    const surfaces = [...loadDictionary().surfaces, 'U.N.', 'Ban Ki-moon', 'Лаврова', 'وموسكو', 'G20', '—'];
    for (const s of surfaces) expect(surfaceWords(s), s).toEqual(asTokenized(s));
    const recorded = wordsOfBuild(() => surfaces.forEach(surfaceWords));
    usePrebuiltWords(() => recorded);
    try {
      for (const s of surfaces) expect(surfaceWords(s), s).toEqual(asTokenized(s));
    } finally {
      usePrebuiltWords(null);
    }
  });
});
