// Generates src/core/actors/data/states.json from two maintained packages:
// i18n-iso-countries (names in English, French, Russian, Arabic) and world-countries
// (UN membership, capitals, demonyms, translations). Only what news copy needs and the
// packages lack is curated below: abbreviations, seats of government used as metonyms,
// Wikidata QIDs we are sure of, and names that are also common words. French, Russian and
// Arabic adjectives and seats are made in gen-states-foreign.mjs.
// Run: npm run gen:states   (a test checks the committed file matches this output)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXTRA_NAMES, FOREIGN_SEATS, foreignDemonyms } from './gen-states-foreign.mjs';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const world = require('world-countries/countries.json');
for (const lang of ['en', 'fr', 'ru', 'ar']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** UN members plus the observers and partially recognised states the issue names. */
const EXTRA = ['PS', 'VA', 'XK', 'TW'];

/** QIDs checked by hand; every other state gets a slug of its name. */
const QID = {
  US: 'Q30',
  RU: 'Q159',
  CN: 'Q148',
  GB: 'Q145',
  FR: 'Q142',
  SY: 'Q858',
  IL: 'Q801',
  PS: 'Q219060',
  CA: 'Q16',
  TR: 'Q43',
  DE: 'Q183',
  JP: 'Q17',
  IN: 'Q668',
  IR: 'Q794',
  IQ: 'Q796',
  EG: 'Q79',
  SA: 'Q851',
  LY: 'Q1016',
  LB: 'Q822',
  JO: 'Q810',
  QA: 'Q846',
  AE: 'Q878',
  IT: 'Q38',
  ES: 'Q29',
  BR: 'Q155',
  ZA: 'Q258',
  UA: 'Q212',
  AF: 'Q889',
  PK: 'Q843',
  YE: 'Q805',
  KW: 'Q817',
  BH: 'Q398',
  OM: 'Q842',
  TN: 'Q948',
  DZ: 'Q262',
  MA: 'Q1028',
  SD: 'Q1049',
  AU: 'Q408',
  MX: 'Q96',
  VA: 'Q237',
  XK: 'Q1246',
  TW: 'Q865',
  PL: 'Q36',
  NL: 'Q55',
  BE: 'Q31',
  GR: 'Q41',
  CH: 'Q39',
  AT: 'Q40',
  SE: 'Q34',
  NO: 'Q20',
  DK: 'Q35',
  FI: 'Q33',
  PT: 'Q45',
  IE: 'Q27',
  KR: 'Q884',
  KP: 'Q423',
  ID: 'Q252',
  VN: 'Q881',
  CU: 'Q241',
  AZ: 'Q227',
  AM: 'Q399',
  GE: 'Q230',
  BY: 'Q184',
  HU: 'Q28',
};

/** Forms news copy uses that the packages lack or spell differently. */
const EXTRA_ALIASES = {
  US: ['U.S.', 'US', 'USA', 'U.S.A.', 'United States', 'United States of America'],
  GB: ['U.K.', 'UK', 'Britain', 'Great Britain', 'United Kingdom'],
  RU: ['Russia', 'Russian Federation'],
  CN: ['China', "People's Republic of China", 'PRC'],
  AE: ['UAE', 'U.A.E.'],
  KR: ['South Korea', 'ROK'],
  KP: ['North Korea', 'DPRK'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of Congo'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  SY: ['Syria'],
  IR: ['Iran'],
  VA: ['Holy See', 'Vatican'],
  TW: ['Taiwan'],
  PS: ['Palestine', 'State of Palestine'],
  MM: ['Myanmar', 'Burma'],
  CI: ['Ivory Coast'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  CZ: ['Czech Republic', 'Czechia'],
  MK: ['North Macedonia'],
  VN: ['Vietnam'],
  LA: ['Laos'],
  MD: ['Moldova'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  FM: ['Micronesia'],
  SZ: ['Eswatini', 'Swaziland'],
  CV: ['Cape Verde', 'Cabo Verde'],
  TL: ['East Timor', 'Timor-Leste'],
  BS: ['The Bahamas'],
  GM: ['The Gambia'],
};

/** Aliases that are also common words, given names or other places: matched only in context. */
const AMBIGUOUS = {
  TD: ['Chad'],
  JO: ['Jordan'],
  GE: ['Georgia'],
  TR: ['Turkey'],
  US: ['America'],
  AE: ['Emirates'],
  IL: ['Israel'],
  GN: ['Guinea'],
  PA: ['Panama'],
  DM: ['Dominica'],
  MK: ['Macedonia'],
  NL: ['Holland'],
  TG: ['Togo'],
};
const EXTRA_AMBIGUOUS_ALIASES = { US: ['America'], NL: ['Holland'], MK: ['Macedonia'] };

/** Seats of government used as metonyms, beyond the capital itself. */
const SEATS = {
  US: ['Washington', 'White House'],
  RU: ['Kremlin'],
  GB: ['Downing Street', 'Whitehall'],
  FR: ['Elysee', 'Élysée'],
  CN: ['Zhongnanhai'],
  IN: ['Delhi'],
  UA: ['Kiev'],
  IL: ['Jerusalem'],
  CH: ['Bern'],
  BO: ['La Paz'],
};
/** Capitals that are also given names, common words or places elsewhere: never metonyms. */
const NOT_SEATS = new Set([
  'Washington D.C.',
  'Male',
  'Victoria',
  'Kingston',
  'Georgetown',
  'Santiago',
  'San José',
  "Saint John's",
  'Lima',
  'Vatican City',
  'Kuwait City',
  'Mexico City',
  'Panama City',
  'Guatemala City',
  'Luxembourg',
  'Monaco',
  'Singapore',
  'San Marino',
  'Djibouti',
  'Andorra la Vella',
  'Sucre',
  'Ramallah',
  'Tel Aviv',
  'Bern',
  'Amsterdam',
  'Palikir',
  'Melekeok',
  'Port Louis',
  'Castries',
  'Roseau',
  'Apia',
  'Praia',
  'Moroni',
  'Victoria',
  'Basseterre',
  'Nassau',
  'Avarua',
]);

const ASCII = /^[A-Za-z\s.'-]+$/;
/** Canonical names where the package's common name is not what English news copy uses. */
const NAME = {
  US: 'United States',
  GB: 'United Kingdom',
  TR: 'Turkey',
  VA: 'Holy See',
  CG: 'Republic of the Congo',
  CZ: 'Czech Republic',
};
const usable = (s) => s && !s.includes(',') && !s.includes('(') && s.length > 1;
const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const uniq = (xs) => [...new Set(xs.filter(usable))];

/** Build the state entries, sorted by ISO code. */
export function buildStates() {
  const codes = [...new Set([...world.filter((c) => c.unMember).map((c) => c.cca2), ...EXTRA])].sort();
  const entries = codes.map((iso) => {
    const w = world.find((c) => c.cca2 === iso);
    const all = (lang) => [countries.getNames(lang, { select: 'all' })[iso] ?? []].flat();
    const english = uniq([
      w.name.common,
      w.name.official,
      ...all('en'),
      ...w.altSpellings.filter((s) => ASCII.test(s) && s.length > 3),
      ...(EXTRA_ALIASES[iso] ?? []),
    ]);
    const name = NAME[iso] ?? w.name.common;
    const tr = (code) => [w.translations[code]?.common, w.translations[code]?.official];
    const demonyms = uniq(w.demonyms.eng.m.split(/,\s*/));
    const arabic = uniq([...all('ar'), ...tr('ara')]);
    return {
      id: QID[iso] ?? slug(name),
      type: 'state',
      iso,
      name,
      aliases: english.filter((a) => a !== name),
      ambiguous: AMBIGUOUS[iso] ?? [],
      names: {
        fr: uniq([...all('fr'), ...tr('fra')]),
        ru: uniq([...all('ru'), ...tr('rus'), ...(EXTRA_NAMES[iso]?.ru ?? [])]),
        ar: uniq([...all('ar'), ...tr('ara'), ...(EXTRA_NAMES[iso]?.ar ?? [])]),
      },
      demonyms: uniq([...demonyms, ...foreignDemonyms(iso, w, arabic)]),
      plurals: demonyms.filter((d) => /(an|i)$/.test(d) && !english.includes(d)).map((d) => `${d}s`),
      seats: uniq([
        ...w.capital.filter((c) => !NOT_SEATS.has(c)),
        ...(SEATS[iso] ?? []),
        ...(FOREIGN_SEATS[iso] ?? []),
      ]),
    };
  });
  for (const [iso, extra] of Object.entries(EXTRA_AMBIGUOUS_ALIASES)) {
    const e = entries.find((x) => x.iso === iso);
    e.aliases = uniq([...e.aliases, ...extra]);
  }
  return dropShared(entries);
}

/** A form two states share ("Congo", "Congolese", "Dominican") identifies neither: drop it from both. */
function dropShared(entries) {
  for (const field of ['aliases', 'demonyms', 'plurals', 'seats']) {
    const count = new Map();
    for (const e of entries) for (const a of new Set(e[field])) count.set(a, (count.get(a) ?? 0) + 1);
    for (const e of entries) e[field] = e[field].filter((a) => count.get(a) === 1 || a === e.name);
  }
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) e.seats = e.seats.filter((s) => !names.has(s));
  return entries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../src/core/actors/data/states.json', import.meta.url);
  const states = buildStates();
  writeFileSync(out, `${JSON.stringify(states, null, 1)}\n`);
  console.log(`wrote ${states.length} states to ${fileURLToPath(out)}`);
}
