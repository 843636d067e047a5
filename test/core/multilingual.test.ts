import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../../src/core/types';

// Short articles in Russian, Arabic, French and German, written for these tests. The engine
// reads English best; in other languages it finds dictionary names (with Russian case
// endings), European number formats, and the commonest verbs of saying.
const run = (name: string) =>
  annotate(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'), { published: '2012-03-12' });
const labels = (anns: Annotation[]) => anns.flatMap((a) => (a.kind === 'actor' ? [`${a.text}=${a.label}`] : []));
const figures = (anns: Annotation[]) =>
  anns.filter((a): a is FigureAnnotation => a.kind === 'figure').map((f) => [f.text, f.value, f.qualifier, f.counts]);
const speakers = (anns: Annotation[]) =>
  anns.filter((a): a is QuoteAnnotation => a.kind === 'quote').map((q) => q.speaker);

describe('articles in other languages', () => {
  it('Russian: names in any grammatical case, ООН, "более 7500 человек"', () => {
    const anns = run('ru-lavrov.txt');
    expect(labels(anns)).toEqual(
      expect.arrayContaining([
        'России=Russia',
        'Сергей Лавров=Sergey Lavrov',
        'США=United States',
        'Хиллари Клинтон=Hillary Clinton',
        'Сирии=Syria',
        'Башар Асад=Bashar al-Assad',
        'Лиги арабских государств=Arab League',
        'ООН=United Nations',
      ]),
    );
    expect(figures(anns)).toEqual([['более 7500 человек', 7500, 'over', 'deaths']]);
  });

  it('Arabic: Lavrov, Clinton, Ban Ki-moon and the Security Council, with prefixes, surnames and adjectives', () => {
    expect(labels(run('ar-lavrov.txt'))).toEqual([
      'الروسي=Russia',
      'سيرغي لافروف=Sergey Lavrov',
      'موسكو=Russia',
      'سوريا=Syria',
      'لافروف=Sergey Lavrov',
      'الأمريكية=United States',
      'هيلاري كلينتون=Hillary Clinton',
      'للأمم المتحدة=United Nations',
      'بان كي مون=Ban Ki-moon',
      'مجلس الأمن=UN Security Council',
    ]);
  });

  it('French: guillemets with their inner spaces, "a déclaré", thousands grouped with a space', () => {
    const anns = run('fr-lavrov.txt');
    expect(labels(anns)).toEqual(
      expect.arrayContaining([
        'Sergueï Lavrov=Sergey Lavrov',
        'ONU=United Nations',
        'Syrie=Syria',
        'Laurent Fabius=Laurent Fabius',
        'Conseil de sécurité des Nations unies=UN Security Council',
      ]),
    );
    expect(figures(anns)).toEqual([['plus de 7 500 morts', 7500, 'over', 'deaths']]);
    const quote = anns.find((a): a is QuoteAnnotation => a.kind === 'quote')!;
    expect([quote.text, quote.speaker]).toEqual(['Nous ne pouvons pas rester silencieux', 'Laurent Fabius']);
  });

  it('German: decimal commas and dotted thousands, „…“ quotes, "sagte"', () => {
    const anns = run('de-baerbock.txt');
    expect(figures(anns)).toEqual([
      ['1,5 Millionen', 1.5e6, null, 'money'],
      ['3.700.000 Menschen', 3.7e6, null, 'displaced'],
    ]);
    expect(speakers(anns)).toEqual(['Annalena Baerbock']);
    expect(labels(anns)).toEqual(
      expect.arrayContaining([
        'Annalena Baerbock=Annalena Baerbock',
        'Dmytro Kuleba=Dmytro Kuleba',
        'Baerbock=Annalena Baerbock',
      ]),
    );
  });
});
