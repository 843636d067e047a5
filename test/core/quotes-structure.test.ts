import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { QuoteAnnotation } from '../../src/core/types';

// Invented articles: the people, bodies and places here are made up, except well-known
// office holders from the dictionary.
const quotes = (text: string, published = '2012-03-12') =>
  annotate(text, { published }).filter((a): a is QuoteAnnotation => a.kind === 'quote');
const speakers = (text: string) => quotes(text).map((q) => q.speaker);
const ids = (text: string) => quotes(text).map((q) => q.speakerId);

describe('speakers from the structure of the sentence', () => {
  it('reads "X said", "said X", "X says", "X told reporters", "X added" and "according to X"', () => {
    expect(speakers('“We will wait,” Sergey Lavrov said.')).toEqual(['Sergey Lavrov']);
    expect(speakers('“We will wait,” said Sergey Lavrov in Geneva.')).toEqual(['Sergey Lavrov']);
    expect(speakers('“We will wait,” Sergey Lavrov says.')).toEqual(['Sergey Lavrov']);
    expect(speakers('Sergey Lavrov told reporters: “We will wait.”')).toEqual(['Sergey Lavrov']);
    expect(speakers('Sergey Lavrov spoke. “We will wait,” he added.')).toEqual(['Sergey Lavrov']);
    expect(speakers('“We will wait,” according to Sergey Lavrov.')).toEqual(['Sergey Lavrov']);
  });

  it('takes the subject, not a name inside its apposition: "X, the envoy to Y, said"', () => {
    const text =
      'Talia Brennholt, the Velmarian envoy to the United Nations, told the council that “the vote is premature.”';
    expect(ids(text)).toEqual(['unlisted-talia-brennholt']);
    expect(speakers('“It is late,” Talia Brennholt, the spokeswoman, said.')).toEqual(['Talia Brennholt']);
    expect(speakers('“It is late,” said Talia Brennholt, the foreign minister of Velmaria.')).toEqual([
      'Talia Brennholt',
    ]);
  });

  it('takes the name in apposition to a role: "the envoy, X, said"', () => {
    const text = 'The Russian envoy to the talks, Sergey Lavrov, said the draft “ignores the facts.”';
    expect(speakers(text)).toEqual(['Sergey Lavrov']);
  });

  it('skips a relative clause: "the federation, which backs the plan, said"', () => {
    const text = 'The Orland Rowing Federation, which backs the plan, said the races were “a great success.”';
    expect(ids(text)).toEqual(['unlisted-orland-rowing-federation']);
  });

  it('gives "X\'s spokesman said" to the spokesman, and "a statement by the ministry" to the ministry', () => {
    expect(speakers('“No talks are planned,” Sergey Lavrov’s spokesman said.')).toEqual(['Sergey Lavrov’s spokesman']);
    expect(ids('“No talks are planned,” Sergey Lavrov’s spokesman, Piotr Galchenko, said.')).toEqual([
      'unlisted-piotr-galchenko',
    ]);
    expect(speakers('“The border stays shut,” a statement by the interior ministry said.')).toEqual([
      'the interior ministry',
    ]);
  });

  it('does not take a name from the next clause: “…,” while X said', () => {
    const text = 'Hillary Clinton called the plan a “dead end,” while Sergey Lavrov said the “talks must go on.”';
    expect(speakers(text)).toEqual(['Hillary Clinton', 'Sergey Lavrov']);
  });

  it('reads a short phrase between the quote and its attribution: “…” in 2020, he said', () => {
    const text = 'Sergey Lavrov spoke on Monday.\n\n“This began long before the war” in 2020, he said.';
    expect(speakers(text)).toEqual(['Sergey Lavrov']);
  });

  it('reads the attribution that closes the sentence of a fragment', () => {
    const text = 'The two delegations held “frank” talks in Velm on Sunday, a joint statement said, as ties improve.';
    expect(speakers(text)).toEqual(['a joint statement']);
  });
});

describe('speakers from the paragraph', () => {
  it('continues a quote in the next paragraph that opens with a quote mark', () => {
    const text =
      'Sergey Lavrov spoke after the vote.\n\n“We are ready to talk,” Lavrov said.\n\n“But not under pressure.”';
    expect(speakers(text)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
  });

  it('does not give a quote to the person the previous paragraph was about', () => {
    const text =
      'Sergey Lavrov met the envoy on Monday and left for Moscow.\n\n“Nothing was agreed.”\n\nThe talks resume in May.';
    expect(speakers(text)).toEqual([null]);
  });

  it('keeps the speaker named sentences back in the same paragraph, when no one else is named between', () => {
    const text = '“We want calm,” Sergey Lavrov said. The ministry had warned of delays. “Calm comes first.”';
    expect(speakers(text)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
    const other = '“We want calm,” Sergey Lavrov said. Hillary Clinton left early. “Calm comes first.”';
    expect(speakers(other)[1]).toBeNull();
  });

  it('splits a quotation over paragraphs at the paragraph end, with one speaker for both parts', () => {
    const text =
      'Sergey Lavrov spoke first.\n\n“The world is watching. We cannot fail.\n\n“History will judge us,” Lavrov said.';
    const found = quotes(text);
    expect(found.map((q) => q.text)).toEqual(['The world is watching. We cannot fail.', 'History will judge us,']);
    expect(found.map((q) => q.speaker)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
  });

  it('gives "it added" to the body quoted before, and to the body that spoke in the sentence before', () => {
    const text =
      '“Prices rose,” the Orland Grain Council said. “Demand fell,” it added.\n\nThe Orland Grain Council noted a drop. “Stocks are low,” it said.';
    expect(ids(text)).toEqual(Array(3).fill('unlisted-orland-grain-council'));
  });
});

describe('speakers resolved against the article', () => {
  it('resolves a bare surname to the full name given before', () => {
    const text = 'Coach Dario Pellwick watched from the bench.\n\n“We were lucky,” Pellwick said.';
    expect(quotes(text).map((q) => [q.speakerId, q.speaker])).toEqual([['unlisted-dario-pellwick', 'Dario Pellwick']]);
  });

  it('resolves a family name written first ("Wen" after "Wen Haolin")', () => {
    const text = 'Ministry Spokesperson Wen Haolin spoke on Monday.\n\n“We object,” Wen told a briefing.';
    expect(ids(text)).toEqual(['unlisted-wen-haolin']);
  });

  it('resolves a title to the person named with it before', () => {
    const text =
      'NATO Secretary General Anders Fogh Rasmussen opened the summit.\n\n“We agreed,” the Secretary General said.';
    expect(ids(text)).toEqual(['anders-fogh-rasmussen']);
  });

  it('resolves an acronym and a short form to the full name given before', () => {
    const text =
      'The Orland Weather Service counted six storms.\n\n“More are coming,” the OWS said.\n\n' +
      'The Velmar Farm Bureau Federation priced the meal.\n\n“Turkey costs more,” said the Farm Bureau.';
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Orland Weather Service', 'Velmar Farm Bureau Federation']);
  });

  it('resolves "the statement" to the statement the article named before', () => {
    const text = 'A joint statement was issued on Sunday. “Talks were useful,” the statement said.';
    expect(speakers(text)).toEqual(['joint statement']);
  });

  it("gives a quote opening a document's sentence to the body that issued it", () => {
    const text =
      'At its meeting on Friday, the UN Security Council proposed new rules for Velmaria.\n\nIn a communiqué after the meeting, “strongly regrets the delays.”';
    expect(speakers(text)).toEqual(['UN Security Council']);
  });

  it('leaves the speaker unknown rather than taking a nearby name', () => {
    expect(speakers('The banner near Sergey Lavrov read “peace now” in red letters.')).toEqual([null]);
    expect(speakers('Sergey Lavrov confirmed the deal, adding that he hoped it would be “smooth”.')).toEqual([
      'Sergey Lavrov',
    ]);
  });
});

describe('quotes in French, Russian and Arabic', () => {
  it('reads « », a-t-il dit, a déclaré and selon', () => {
    const text =
      'Le ministre Sergueï Lavrov est arrivé jeudi. « Nous sommes prêts », a déclaré Sergueï Lavrov.\n\n« Rien ne change », a-t-il ajouté.';
    expect(speakers(text)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
    expect(speakers('« La porte reste ouverte », selon Sergueï Lavrov.')).toEqual(['Sergey Lavrov']);
  });

  it('reads „ “, заявил, сказал and the title of someone named before', () => {
    const text =
      'Об этом заявил министр иностранных дел России Сергей Лавров.\n\n„Мы готовы к диалогу“, — сказал Сергей Лавров.\n\n«Нет, речи не идет», — сказал министр.';
    expect(speakers(text)).toEqual(['Sergey Lavrov', 'Sergey Lavrov']);
    expect(speakers('По словам Сергея Лаврова, «переговоры продолжатся».')).toEqual(['Sergey Lavrov']);
  });

  it('reads Arabic verb-first attribution: قال, شدد', () => {
    expect(speakers('وقال سيرغي لافروف إن «الحوار ممكن» في الوقت الحالي.')).toEqual(['Sergey Lavrov']);
    expect(speakers('وخلال اللقاء شدد سيرغي لافروف «على أهمية الحوار».')).toEqual(['Sergey Lavrov']);
  });
});

describe('what is not a quotation', () => {
  it('skips a phrase in quotation marks in the headline', () => {
    const text = 'Velmaria warns of a ‘red line’ on the border\n\nThe government of Velmaria spoke on Monday.';
    expect(quotes(text)).toEqual([]);
  });

  it('skips marks around punctuation alone, titles, nicknames and newspapers', () => {
    const text =
      'Critics hated “Grey Harbour Nights” and “Loom” at the box office. He said “...” and left. ' +
      'The striker, known as “Hawk”, read the newspaper “Velmar Courier” daily. “Loom” opened in May.';
    expect(quotes(text)).toEqual([]);
  });

  it('keeps a short reply and a lower-case fragment', () => {
    expect(quotes('“No,” Sergey Lavrov said.').map((q) => q.text)).toEqual(['No,']);
    expect(quotes('Sergey Lavrov urged them to “negotiate” first.').map((q) => q.text)).toEqual(['negotiate']);
  });

  it('gives a so-called term, or a thing "described as" something, to nobody, or to the agent after it', () => {
    expect(speakers('The Velmar Grain Board will store so-called “forward stocks” for two years.')).toEqual([null]);
    expect(speakers('Last spring a flood that was described as “historic” left the valley cut off.')).toEqual([null]);
    expect(speakers('The recent spate of floods has been described as “alarming” by the Velmar Water Office.')).toEqual(
      ['Velmar Water Office'],
    );
  });

  it('names a body by its whole name, not by the words after "Department" or "Committee"', () => {
    expect(speakers('“Rivers are rising,” according to the Velmar Department of Water.')).toEqual([
      'Velmar Department of Water',
    ]);
    expect(
      speakers('As the Velmar Committee on Rivers and Lakes has pointed out, it would be used “to move the border”.'),
    ).toEqual(['Velmar Committee on Rivers and Lakes']);
  });
});
