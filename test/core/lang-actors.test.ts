import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/core/actors/dictionary';
import { defaultDictionary } from '../../src/core/actors/load';
import type { PersonEntry } from '../../src/core/actors/schema';
import { annotate } from '../../src/core/annotate';
import type { ActorAnnotation } from '../../src/core/types';

// Invented people, added to the bundled dictionary, so that no real article is needed.
const tumanov: PersonEntry = {
  id: 'arkady-tumanov',
  type: 'person',
  name: 'Arkady Tumanov',
  aliases: ['Arkady Tumanov', 'Arkadi Tumanov'],
  surnames: ['Tumanov'],
  roles: [{ kind: 'foreign_minister', title: 'Foreign Minister', of: 'RU', from: '2031-01-01', to: null }],
  actsFor: 'RU',
  names: { fr: ['Arkadi Toumanov'], ru: ['Аркадий Туманов'], ar: ['أركادي تومانوف'] },
};
const nour: PersonEntry = {
  id: 'karim-abdel-nour',
  type: 'person',
  name: 'Karim Abdel Nour',
  aliases: ['Karim Abdel Nour'],
  surnames: ['Abdel Nour'],
  roles: [{ kind: 'foreign_minister', title: 'Foreign Minister', of: 'EG', from: '2031-01-01', to: null }],
  actsFor: 'EG',
  names: { ar: ['كريم عبد النور'] },
};
const salmy: PersonEntry = {
  id: 'hadi-salmy',
  type: 'person',
  name: 'Hadi Salmy',
  aliases: ['Hadi Salmy'],
  surnames: ['Salmy'],
  roles: [{ kind: 'head_of_government', title: 'Prime Minister', of: 'LB', from: '2031-01-01', to: null }],
  actsFor: 'LB',
  // The surname is also the Arabic word for "peaceful".
  names: { ar: ['هادي السلمي'], ru: ['Хади Салми'] },
};
const dictionary = new Dictionary([...defaultDictionary().byId.values(), tumanov, nour, salmy]);

const pairs = (text: string) =>
  annotate(text, { published: '2032-05-01', dictionary })
    .filter((a): a is ActorAnnotation => a.kind === 'actor')
    .map((a) => `${a.text}=${a.label}`);

describe('Russian: inflected names, adjectives and seats', () => {
  it('finds a state and a person in any case, by a stem and its ending', () => {
    const found = pairs('Переговоры с Россией и Украиной. Аркадий Туманов прибыл в Минск. Встреча с Тумановым прошла.');
    expect(found).toEqual([
      'Россией=Russia',
      'Украиной=Ukraine',
      'Аркадий Туманов=Arkady Tumanov',
      'Тумановым=Arkady Tumanov',
    ]);
  });

  it('counts an adjective before a government word as the state, not before other nouns', () => {
    expect(pairs('Делегация обсудила позицию российских министерств и американским председательством.')).toEqual([
      'российских=Russia',
      'американским=United States',
    ]);
    expect(pairs('Группа российских туристов посетила американскую выставку.')).toEqual([]);
  });

  it('reads the Kremlin as the government, but a capital after "в" as a place', () => {
    expect(pairs('Представитель Кремля ответил журналистам.')).toEqual(['Кремля=Russia']);
    expect(pairs('Туристы гуляли в Москве всю неделю, сообщил представитель Кремля.')).toEqual(['Кремля=Russia']);
  });

  it('does not take a surname in Latin letters in Russian copy for the person (a hotel, a brand)', () => {
    const found = pairs('Аркадий Туманов остановился в отеле The Tumanov у реки. Позже Туманов уехал.');
    expect(found).toEqual(['Аркадий Туманов=Arkady Tumanov', 'Туманов=Arkady Tumanov']);
  });
});

describe('French: elided articles, demonyms after the noun, seats', () => {
  it('finds names after an elided article and demonyms naming a government', () => {
    const found = pairs(
      "Le ministre des Affaires étrangères d'Israël a écrit à l'ONU. Le gouvernement français et le président sud-coréen ont répondu.",
    );
    expect(found).toEqual(['Israël=Israel', 'ONU=United Nations', 'français=France', 'sud-coréen=South Korea']);
  });

  it('walks back over a coordinated demonym to the government word, and ignores other nouns', () => {
    expect(pairs('Les ministres chinois et japonais se sont rencontrés.')).toEqual(['chinois=China', 'japonais=Japan']);
    expect(pairs('Les vins français et les touristes japonais étaient nombreux.')).toEqual([]);
  });

  it('reads Pékin as the government, but not after "à"', () => {
    expect(pairs('Pékin a protesté contre la visite.')).toEqual(['Pékin=China']);
    expect(pairs('Les délégués sont arrivés à Pékin lundi.')).toEqual([]);
  });
});

describe('Arabic: attached prefixes, adjectives and surnames', () => {
  it('treats و ب ل ف ك as word boundaries before a name', () => {
    expect(pairs('رحبت مصر وروسيا بالاتفاق، وقال بيان للأمم المتحدة إن المحادثات في السودان ستستمر.')).toEqual([
      'مصر=Egypt',
      'وروسيا=Russia',
      'للأمم المتحدة=United Nations',
      'السودان=Sudan',
    ]);
  });

  it('counts an adjective after a government word as the state, not after other nouns', () => {
    expect(pairs('التقى الرئيس الروسي بوزير الخارجية المصري.')).toEqual(['الروسي=Russia', 'المصري=Egypt']);
    expect(pairs('زار الشعب الروسي المتحف المصري.')).toEqual([]);
  });

  it('reads a capital as the government, but not after "في"', () => {
    expect(pairs('أعلنت موسكو رفضها للخطة.')).toEqual(['موسكو=Russia']);
    expect(pairs('عقد الاجتماع في موسكو أمس.')).toEqual([]);
  });

  it('resolves a bare surname, with its particle, to the person named in full', () => {
    const found = pairs('استقبل كريم عبد النور الوفد. وقال عبد النور إن الحوار مفيد.');
    expect(found).toEqual(['كريم عبد النور=Karim Abdel Nour', 'عبد النور=Karim Abdel Nour']);
  });

  it('leaves an Arabic surname that is also a word alone when the person is not named', () => {
    expect(pairs('دعا المتظاهرون إلى حل السلمي للأزمة.')).toEqual([]);
    expect(pairs('قال هادي السلمي إن الحل السلمي ممكن.')).toEqual(['هادي السلمي=Hadi Salmy', 'السلمي=Hadi Salmy']);
  });

  it('reads "المجلس" (the council) as a council the article has named, and only then', () => {
    expect(pairs('اجتمع مجلس الأمن أمس. وقال المجلس في بيان إنه قلق.')).toEqual([
      'مجلس الأمن=UN Security Council',
      'المجلس=UN Security Council',
    ]);
    expect(pairs('وقال المجلس البلدي في بيان إنه قلق.')).toEqual([]);
  });
});

describe('English demonyms before an office with a modifier', () => {
  it('counts demonyms before UN, permanent or national offices, mediators and allies', () => {
    const found = pairs(
      'The Turkish permanent representative met the French UN Ambassador, while Omani mediators and its Syrian ally waited. A Syrian national was hurt.',
    );
    // "UN" counts on its own in a title phrase (gold rule 3).
    expect(found).toEqual(['Turkish=Turkey', 'French=France', 'UN=United Nations', 'Omani=Oman', 'Syrian=Syria']);
  });
});

describe('what makes an article diplomatic enough for a common-word state name', () => {
  it('does not count national agencies as parties: "Turkey" stays a bird beside two of them', () => {
    const text = 'The National Weather Service and the USDA issued holiday advice. Turkey sales rose all week.';
    expect(pairs(text)).toEqual([
      'National Weather Service=National Weather Service',
      'USDA=United States Department of Agriculture',
    ]);
    // Two states named make it diplomatic, and the name is the state again.
    expect(pairs('France and Chile met. Turkey said it would join.')).toContain('Turkey=Turkey');
  });
});
