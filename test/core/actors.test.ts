import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { ActorAnnotation } from '../../src/core/types';

const actors = (text: string, published?: string) =>
  annotate(text, published ? { published } : {}).filter((a): a is ActorAnnotation => a.kind === 'actor');
const pairs = (text: string, published?: string) => actors(text, published).map((a) => `${a.text}=${a.label}`);

describe('actor detection beyond the seed articles', () => {
  it('reads wire copy with datelines, titles and second references', () => {
    const text = [
      'BEIRUT (AP) — Iran’s Foreign Minister Mohammad Javad Zarif met his Turkish counterpart Mevlut Cavusoglu on Tuesday.',
      'Zarif told reporters the talks were useful. Cavusoglu said Ankara would host the next round.',
    ].join('\n\n');
    const found = pairs(text, '2016-05-10');
    expect(found).toEqual(
      expect.arrayContaining([
        'Iran=Iran',
        'Mohammad Javad Zarif=Mohammad Javad Zarif',
        'Turkish=Turkey',
        'Mevlut Cavusoglu=Mevlüt Çavuşoğlu',
        'Zarif=Mohammad Javad Zarif',
        'Cavusoglu=Mevlüt Çavuşoğlu',
        'Ankara=Turkey',
      ]),
    );
    // News agencies cited as sources are not actors; "Beirut" is a dateline, not a government.
    expect(found.some((p) => /^(AP|BEIRUT|Beirut)=/.test(p))).toBe(false);
  });

  it('folds case only where safe: "US" and "us", "Turkey" and "turkey"', () => {
    expect(pairs('The US and the UK told us they would not roast a turkey in Turkey this year, Syria said.')).toEqual([
      'US=United States',
      'UK=United Kingdom',
      'Turkey=Turkey',
      'Syria=Syria',
    ]);
  });

  it('folds diacritics, dots, hyphens and possessives', () => {
    const found = pairs(
      'Erdoğan met U.N. envoys; al Qaeda and Al-Qaida were discussed, and so was Russia’s and the E.U.’s stance. Recep Tayyip Erdogan agreed.',
      '2015-01-01',
    );
    expect(found).toContain('U.N.=United Nations');
    expect(found).toContain('Russia=Russia');
    expect(found.filter((p) => p.endsWith('=al-Qaeda'))).toHaveLength(2);
    expect(found).toContain('Erdoğan=Recep Tayyip Erdoğan');
    expect(found).toContain('E.U.=European Union');
  });

  it('resolves common-word names by case and context, never blindly', () => {
    expect(
      pairs('Michael Jordan scored 30 points and Chad Johnson caught two passes in Georgia Tech’s stadium.'),
    ).toEqual([]);
    expect(pairs('Jordan and Turkey urged the Security Council to act; Chad abstained.')).toEqual(
      expect.arrayContaining(['Jordan=Jordan', 'Turkey=Turkey', 'Chad=Chad', 'Security Council=UN Security Council']),
    );
    // "Ban" with no earlier "Ban Ki-moon" and no title is a word, not the Secretary-General.
    expect(pairs('Ban on chemical weapons backed by Russia and France.').some((p) => p.includes('Ban Ki-moon'))).toBe(
      false,
    );
    expect(pairs('Secretary-General Ban said on Monday that Russia must act.', '2012-03-12')).toContain(
      'Ban=Ban Ki-moon',
    );
  });

  it('resolves role mentions by the article date', () => {
    const text = 'The U.S. Secretary of State met the Russian foreign minister in Geneva.';
    const in2012 = actors(text, '2012-06-01')
      .filter((a) => a.via === 'role')
      .map((a) => a.label);
    const in2014 = actors(text, '2014-06-01')
      .filter((a) => a.via === 'role')
      .map((a) => a.label);
    expect(in2012).toEqual(['Hillary Clinton', 'Sergey Lavrov']);
    expect(in2014).toEqual(['John Kerry', 'Sergey Lavrov']);
  });

  it('resolves surnames and titles to the person named in full earlier in the article', () => {
    const text =
      'Foreign Minister Sergey Lavrov arrived in Cairo. Hillary Rodham Clinton stayed in Washington. Later the foreign minister said Clinton was wrong.';
    const found = actors(text, '2012-03-12');
    expect(found.find((a) => a.text === 'foreign minister')?.label).toBe('Sergey Lavrov');
    expect(found.find((a) => a.text === 'Clinton')?.label).toBe('Hillary Clinton');
  });

  it('leaves a name ambiguous rather than guessing between people who share it', () => {
    // Two kings called Abdullah reigned in 2012 (Saudi Arabia, Jordan).
    const king = actors('King Abdullah met Benjamin Netanyahu.', '2012-03-12').find((a) => a.text === 'King Abdullah')!;
    expect(king.actorId).toBeNull();
    expect(king.candidates).toEqual(expect.arrayContaining(['abdullah-of-saudi-arabia', 'abdullah-ii-of-jordan']));
    // The co-occurring state decides.
    expect(
      actors('Jordan’s King Abdullah met Benjamin Netanyahu.', '2012-03-12').find((a) => a.text === 'King Abdullah')
        ?.actorId,
    ).toBe('abdullah-ii-of-jordan');
    // A bare given name shared by several people, with no title or full mention, is not tagged.
    expect(actors('Abdullah said the talks would continue.', '2012-03-12')).toEqual([]);
  });

  it('treats a capital as the government only where it stands for one', () => {
    expect(pairs('Washington and Beijing traded accusations, while Moscow stayed silent.')).toEqual([
      'Washington=United States',
      'Beijing=China',
      'Moscow=Russia',
    ]);
    expect(
      pairs(
        'The talks in Cairo and Damascus were held near a Washington think tank, George Washington University said.',
      ),
    ).toEqual([]);
    expect(pairs('The Kremlin rejected the plan, and the White House said it was disappointed.')).toEqual([
      'Kremlin=Russia',
      'White House=United States',
    ]);
  });

  it('highlights people the dictionary lacks when the article introduces them with a role', () => {
    const found = actors(
      'Canada’s Foreign Minister Jean-Pierre Blackburnish spoke first. Marie-Claude Tremblayne, the minister of international trade, agreed. Blackburnish then left.',
    );
    const intro = found.filter((a) => a.via === 'introduced').map((a) => [a.text, a.role]);
    expect(intro).toEqual([
      ['Jean-Pierre Blackburnish', 'Foreign Minister'],
      ['Marie-Claude Tremblayne', 'minister of international trade'],
    ]);
    expect(found.find((a) => a.text === 'Blackburnish')?.label).toBe('Jean-Pierre Blackburnish');
  });

  it('counts a demonym only when it names a government', () => {
    const found = pairs(
      'Syrian activists said Syrian troops fired on Syrian people, and Israeli-Palestinian talks stalled while Russian officials and the British and French envoys waited.',
    );
    expect(found).toEqual(['Syrian=Syria', 'Russian=Russia', 'British=United Kingdom', 'French=France']);
  });

  it('finds Lavrov and Clinton in Russian, Arabic and French sentences', () => {
    expect(
      pairs('Министр иностранных дел России Сергей Лавров встретился с Хиллари Клинтон в Нью-Йорке.', '2012-03-12'),
    ).toEqual(
      expect.arrayContaining(['России=Russia', 'Сергей Лавров=Sergey Lavrov', 'Хиллари Клинтон=Hillary Clinton']),
    );
    expect(pairs('Вашингтон критикует Сергея Лаврова.', '2012-03-12')).toContain('Сергея Лаврова=Sergey Lavrov');
    expect(pairs('التقى وزير الخارجية الروسي سيرغي لافروف مع هيلاري كلينتون في نيويورك', '2012-03-12')).toEqual(
      expect.arrayContaining(['سيرغي لافروف=Sergey Lavrov', 'هيلاري كلينتون=Hillary Clinton']),
    );
    expect(
      pairs('Le ministre russe Sergueï Lavrov a rencontré Hillary Clinton au Conseil de sécurité.', '2012-03-12'),
    ).toEqual(expect.arrayContaining(['Hillary Clinton=Hillary Clinton']));
  });

  it('finds no diplomatic actors in a sports story or a business story', () => {
    const sports =
      'Chad Ochocinco caught two touchdown passes as Georgia beat Jordan High 35-14 on Saturday. Coach Amos Brown said the defence was outstanding, and the crowd of 82,000 cheered. Turkey sandwiches were sold out by halftime.';
    const business =
      'Shares of Apple rose 3% after the company reported record iPhone sales. Analysts at Goldman Sachs said margins would improve, while Microsoft and Amazon slipped. The Dow closed up 120 points and the S&P 500 gained 0.8%.';
    expect(pairs(sports)).toEqual([]);
    expect(pairs(business)).toEqual([]);
  });
});
