// A synthetic corpus for the scale benchmark: diplomacy-news-shaped articles built from
// sentence templates, with actors drawn from the dictionary, figures and quotes, spread
// over outlets and fifteen years. Deterministic (seeded), so runs compare.
import type { ImportRecord } from '../../src/core/corpus/import-format';

const OUTLETS = [
  'apnews.com',
  'reuters.com',
  'bbc.com',
  'aljazeera.com',
  'france24.com',
  'dw.com',
  'theguardian.com',
  'nytimes.com',
  'voanews.com',
  'rt.com',
  'tass.com',
  'cbc.ca',
];
const STATES = [
  'Syria',
  'Russia',
  'the United States',
  'China',
  'France',
  'Britain',
  'Turkey',
  'Iran',
  'Israel',
  'Egypt',
  'Saudi Arabia',
  'Ukraine',
  'Germany',
  'Qatar',
  'Lebanon',
  'Iraq',
  'Jordan',
  'Yemen',
  'Libya',
  'Sudan',
];
const PEOPLE = [
  'Sergey Lavrov',
  'Hillary Clinton',
  'John Kerry',
  'Ban Ki-moon',
  'Kofi Annan',
  'Bashar al-Assad',
  'Recep Tayyip Erdogan',
  'Benjamin Netanyahu',
  'Mahmoud Abbas',
  'William Hague',
  'Laurent Fabius',
  'Wang Yi',
  'Antony Blinken',
  'Staffan de Mistura',
  'Antonio Guterres',
  'Vladimir Putin',
  'Barack Obama',
  'Angela Merkel',
  'Javad Zarif',
  'Lakhdar Brahimi',
];
const BODIES = [
  'the UN Security Council',
  'the Arab League',
  'the European Union',
  'NATO',
  'the UN General Assembly',
  'the African Union',
  'UNHCR',
  'the IAEA',
  'the OPCW',
  'the Red Cross',
];
const TOPICS = [
  'a ceasefire',
  'humanitarian access',
  'new sanctions',
  'a draft resolution',
  'peace talks',
  'the refugee crisis',
  'chemical weapons',
  'a nuclear deal',
  'prisoner exchanges',
  'border security',
];
const QUOTES = [
  'We will not accept any solution imposed from outside',
  'The violence must stop immediately',
  'This is a decisive moment for the region',
  'There can be no military solution',
  'We are ready to talk without preconditions',
  'The world is watching',
  'History will judge us',
  'The humanitarian situation is catastrophic',
];
const COUNTS = [
  'people have been killed',
  'people have fled their homes',
  'civilians were wounded',
  'refugees crossed the border',
];

/** Mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` synthetic articles, numbered from `from` (so batches can be generated separately). */
export function syntheticArticles(count: number, from = 0): ImportRecord[] {
  const out: ImportRecord[] = [];
  for (let n = from; n < from + count; n++) {
    const r = random(n + 1);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const [a, b, c] = [pick(PEOPLE), pick(PEOPLE), pick(PEOPLE)];
    const [s1, s2] = [pick(STATES), pick(STATES)];
    const body = pick(BODIES);
    const topic = pick(TOPICS);
    const year = 2010 + Math.floor(r() * 15);
    const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const figure = Math.floor(r() * 9000) + 100;
    const paragraphs = [
      `${a} met ${b} on Monday to discuss ${topic} in ${s1}, as ${body} prepared to meet again.`,
      `"${pick(QUOTES)}," ${a} told reporters after the talks. ${b} said ${s2} would study the proposal.`,
      `More than ${figure.toLocaleString('en-US')} ${pick(COUNTS)} since the crisis began, according to ${body}.`,
      `${c} urged ${s1} and ${s2} to "${pick(QUOTES).toLowerCase()}" and called for ${topic}.`,
      `Diplomats said the meeting of ${body} was expected to focus on ${pick(TOPICS)} and ${pick(TOPICS)}.`,
    ];
    const outlet = pick(OUTLETS);
    out.push({
      text: paragraphs.join('\n\n'),
      url: `https://www.${outlet}/world/synthetic-${n}`,
      outlet,
      published: date,
      headline: `${a} and ${b} discuss ${topic}`,
    });
  }
  return out;
}
