import { describe, expect, it } from 'vitest';
import { arabicKeys, tokenKey } from '../../src/core/text/fold';

const keys = (...words: string[]) => new Set(words.map(tokenKey));

describe('folding words of other languages into lookup keys', () => {
  it('Russian: every case of a surname, a state and an adjective shares one stem', () => {
    expect(keys('Туманов', 'Туманова', 'Туманову', 'Тумановым', 'Тумановом')).toEqual(keys('Туманов'));
    expect(keys('Россия', 'России', 'Россию', 'Россией')).toEqual(keys('Россия'));
    expect(keys('Ботвиния', 'Ботвинии', 'Ботвинией')).toEqual(keys('Ботвиния'));
    const adjective = ['российский', 'российского', 'российских', 'российской', 'российскими', 'российская'];
    expect(keys(...adjective)).toEqual(keys('российский'));
  });

  it('Russian: "й" is a letter, not "и" with an accent, and a name ending in "-й" meets its cases', () => {
    expect(keys('Андрей', 'Андрея', 'Андреем')).toEqual(keys('Андрей'));
    expect(keys('Китай', 'Китая', 'Китаем')).toEqual(keys('Китай'));
    expect(keys('Дмитрий', 'Дмитрия', 'Дмитрием')).toEqual(keys('Дмитрий'));
    // "ё" is written "е" as often as not.
    expect(tokenKey('Объединённые')).toBe(tokenKey('Объединенные'));
  });

  it('Arabic: hamza seats, taa marbuta and the article fold away', () => {
    expect(tokenKey('الأمريكية')).toBe(tokenKey('امريكيه'));
    expect(tokenKey('الروسي')).toBe(tokenKey('روسي'));
    // A short word keeps its "ال": it is part of the word, not the article.
    expect(tokenKey('الله')).not.toBe(tokenKey('له'));
  });

  it('Arabic: attached conjunctions and prepositions are word boundaries', () => {
    expect(arabicKeys('وزنوبيا')).toContain(tokenKey('زنوبيا'));
    expect(arabicKeys('بالزنوبية')).toContain(tokenKey('الزنوبية'));
    expect(arabicKeys('فلزنوبيا')).toContain(tokenKey('زنوبيا'));
    // "لل" is "ل" and the article: "للمجلس" is "to the council".
    expect(arabicKeys('للمجلس')).toContain(tokenKey('المجلس'));
    // The word's own reading comes first, so a name starting with one of those letters is kept.
    expect(arabicKeys('بيروت')[0]).toBe(tokenKey('بيروت'));
  });
});
