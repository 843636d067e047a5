// The French, Russian and Arabic forms of states that gen-states.mjs adds to what the packages
// give: names news copy uses, adjectives (derived where a rule makes them, listed where the
// language makes them irregularly) and seats of government as those languages write them.

/** Names in other languages that news copy uses and the packages lack. */
export const EXTRA_NAMES = {
  RU: { ru: ['РФ', 'Российская Федерация'] },
  GB: { ru: ['Британия'], ar: ['بريطانيا'] },
  US: { ar: ['أمريكا', 'أميركا'] },
};

/**
 * Russian adjectives of the states news copy names most, in the masculine nominative; the
 * matcher's stemmer meets their other cases ("российских", "американским"). Russian makes them
 * irregularly from the names, so they are listed rather than derived.
 */
const RUSSIAN_ADJECTIVES = {
  RU: ['российский'],
  US: ['американский'],
  UA: ['украинский'],
  CN: ['китайский'],
  FR: ['французский'],
  GB: ['британский'],
  DE: ['германский', 'немецкий'],
  JP: ['японский'],
  IN: ['индийский'],
  IR: ['иранский'],
  IL: ['израильский'],
  SY: ['сирийский'],
  TR: ['турецкий'],
  EG: ['египетский'],
  SA: ['саудовский'],
  JO: ['иорданский'],
  LB: ['ливанский'],
  IQ: ['иракский'],
  QA: ['катарский'],
  PK: ['пакистанский'],
  AF: ['афганский'],
  BY: ['белорусский'],
  KZ: ['казахстанский'],
  GE: ['грузинский'],
  AM: ['армянский'],
  AZ: ['азербайджанский'],
  PL: ['польский'],
  IT: ['итальянский'],
  ES: ['испанский'],
  CA: ['канадский'],
  BR: ['бразильский'],
  KR: ['южнокорейский'],
  KP: ['северокорейский'],
  PS: ['палестинский'],
  LY: ['ливийский'],
  SD: ['суданский'],
  YE: ['йеменский'],
  CU: ['кубинский'],
  VE: ['венесуэльский'],
  FI: ['финский', 'финляндский'],
  SE: ['шведский'],
  NO: ['норвежский'],
  HU: ['венгерский'],
  RS: ['сербский'],
  MD: ['молдавский'],
  LT: ['литовский'],
  LV: ['латвийский'],
  EE: ['эстонский'],
  VN: ['вьетнамский'],
  ZA: ['южноафриканский'],
  DZ: ['алжирский'],
};

/** Arabic adjectives the name rule below would get wrong. */
const ARABIC_ADJECTIVES = { US: ['أمريكي', 'أميركي'], GB: ['بريطاني'] };

/**
 * The Arabic adjective (nisba) of a one-word state name, masculine and feminine: the article
 * and a final "ـيا", "ـية" or "ـا" give way to "ـي" ("روسيا" -> "روسي", "السعودية" ->
 * "سعودي", "فرنسا" -> "فرنسي"); other names take "ـي" ("مصر" -> "مصري").
 */
export function arabicNisba(name) {
  if (/\s/.test(name)) return [];
  const base = name.replace(/^ال/, '');
  if (base.endsWith('ي')) return [];
  const stem = base.replace(/(يا|ية|ا)$/, '');
  return stem.length >= 2 ? [`${stem}ي`, `${stem}ية`] : [];
}

/** The French adjective in its four forms, lower case as written after the noun: "russe", "japonaises". */
function frenchAdjectives(fra) {
  const plural = (s) => (/[sx]$/.test(s) ? s : `${s}s`);
  const forms = [fra?.m, fra?.f].filter(Boolean).map((s) => s.toLowerCase());
  return forms.flatMap((s) => [s, plural(s)]);
}

/** Seats of government as French, Russian and Arabic copy write them, for the states most named. */
export const FOREIGN_SEATS = {
  US: ['Maison Blanche', 'Вашингтон', 'Белый дом', 'واشنطن', 'البيت الأبيض'],
  RU: ['Moscou', 'Москва', 'Кремль', 'موسكو', 'الكرملين'],
  CN: ['Pékin', 'Пекин', 'بكين'],
  GB: ['Londres', 'Лондон', 'لندن'],
  FR: ['Élysée', 'Париж', 'Елисейский дворец', 'باريس', 'الإليزيه'],
  DE: ['Берлин', 'برلين'],
  JP: ['Токио', 'طوكيو'],
  UA: ['Kiev', 'Kyiv', 'Киев', 'كييف'],
  IR: ['Téhéran', 'Тегеран', 'طهران'],
  SA: ['Riyad', 'Эр-Рияд', 'الرياض'],
  SY: ['Damas', 'Дамаск', 'دمشق'],
  IL: ['Иерусалим', 'القدس'],
  TR: ['Анкара', 'أنقرة'],
  KR: ['Séoul', 'Сеул', 'سول'],
  KP: ['Pyongyang', 'Пхеньян', 'بيونغ يانغ'],
  IN: ['New Delhi', 'Нью-Дели', 'نيودلهي'],
  QA: ['Доха', 'الدوحة'],
  BY: ['Минск'],
};

/** Demonyms in French, Russian and Arabic: adjectives that name the state before or after a government word. */
export function foreignDemonyms(iso, w, arabicNames) {
  return [
    ...frenchAdjectives(w.demonyms.fra),
    ...(RUSSIAN_ADJECTIVES[iso] ?? []),
    ...(ARABIC_ADJECTIVES[iso] ?? arabicNames.flatMap(arabicNisba)).flatMap((a) =>
      a.endsWith('ي') ? [a, `${a}ة`] : [a],
    ),
  ];
}
