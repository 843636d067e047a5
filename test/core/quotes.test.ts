import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { QuoteAnnotation } from '../../src/core/types';

const quotes = (text: string, published = '2012-03-12') =>
  annotate(text, { published })
    .filter((a): a is QuoteAnnotation => a.kind === 'quote')
    .map((q) => ({ text: q.text, speaker: q.speaker, partial: q.partial }));

describe('quotes and their speakers', () => {
  it('reads straight and curly quotes with the attribution after them', () => {
    expect(quotes('"We will not accept this," said Sergey Lavrov.')).toEqual([
      { text: 'We will not accept this,', speaker: 'Sergey Lavrov', partial: false },
    ]);
    expect(quotes('“We will not accept this,” Lavrov told reporters after Sergey Lavrov arrived.')).toEqual([
      { text: 'We will not accept this,', speaker: 'Sergey Lavrov', partial: false },
    ]);
    expect(quotes('“It was firm,” a State Department spokeswoman told AFP.')[0]).toMatchObject({
      speaker: 'a State Department spokeswoman',
    });
  });

  it('finds the speaker of a fragment inside the reporter’s sentence', () => {
    expect(
      quotes(
        'Hillary Clinton rejected the "premeditated murders" carried out by Bashar al-Assad’s "military machine."',
      ),
    ).toEqual([
      { text: 'premeditated murders', speaker: 'Hillary Clinton', partial: true },
      { text: 'military machine.', speaker: 'Hillary Clinton', partial: true },
    ]);
  });

  it('takes capitalised words for names, not verbs, and reads participles ("with Clinton blaming")', () => {
    const text =
      'Russia and the United States clashed at the UN, with Hillary Clinton blaming Bashar al-Assad\'s "military machine" for the bloodshed.';
    expect(quotes(text)).toEqual([{ text: 'military machine', speaker: 'Hillary Clinton', partial: true }]);
  });

  it('resolves a pronoun to the last person who was the subject', () => {
    const text =
      'British Foreign Secretary William Hague met Kofi Annan on Monday.\n\n"It is encouraging," he said. "So there are now many common elements."';
    expect(quotes(text).map((q) => q.speaker)).toEqual(['William Hague', 'William Hague']);
  });

  it('ends a quotation that runs over paragraphs at each paragraph, the continuation with the same speaker', () => {
    const text =
      'Ban Ki-moon spoke first.\n\n"The world is watching. We cannot fail.\n\n"History will judge us," Ban said.';
    const found = quotes(text);
    expect(found.map((q) => q.text)).toEqual(['The world is watching. We cannot fail.', 'History will judge us,']);
    expect(found.map((q) => q.speaker)).toEqual(['Ban Ki-moon', 'Ban Ki-moon']);
  });

  it('reads single-quoted subheads but not apostrophes', () => {
    expect(
      quotes("Hillary Clinton spoke at the UN.\n\nSecurity Council cannot 'stand silent,' Clinton says\n\nShe left."),
    ).toEqual([{ text: 'stand silent,', speaker: 'Hillary Clinton', partial: true }]);
    expect(quotes('Russia’s and Syria’s positions, the minister’s view, rock ’n’ roll.')).toEqual([]);
  });

  it('leaves the speaker unknown rather than guessing', () => {
    expect(quotes('The sign read "no entry" in three languages.')[0]!.speaker).toBeNull();
  });
});
