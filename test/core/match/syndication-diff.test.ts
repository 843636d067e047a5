import { describe, expect, it } from 'vitest';
import { syndicationDiff, type WordDiff } from '../../../src/core/match';
import { stories } from './stories';

const text = (diff: WordDiff[], op: WordDiff['op']) =>
  diff
    .filter((d) => d.op === op)
    .map((d) => d.text)
    .join(' ');

describe('syndicationDiff', () => {
  it('marks words only the first text has as removed, only the second as added', () => {
    expect(
      syndicationDiff('Russia and China vetoed the draft.', 'Russia and China blocked the draft on Tuesday.'),
    ).toEqual([
      { op: 'same', text: 'Russia and China ' },
      { op: 'removed', text: 'vetoed' },
      { op: 'added', text: 'blocked' },
      { op: 'same', text: ' the draft ' },
      { op: 'added', text: 'on Tuesday' },
      { op: 'same', text: '.' },
    ]);
  });

  it('ignores re-flowed whitespace', () => {
    expect(syndicationDiff('The Quartet met\n\nbehind closed doors.', 'The Quartet met behind  closed doors.')).toEqual(
      [{ op: 'same', text: 'The Quartet met behind  closed doors.' }],
    );
    expect(syndicationDiff('', 'New text')).toEqual([{ op: 'added', text: 'New text' }]);
  });

  it("shows another outlet's edits to the AP story CBC ran", () => {
    const { cbc, reprint } = stories();
    const diff = syndicationDiff(cbc.text, reprint.text);
    const removed = text(diff, 'removed');
    const added = text(diff, 'added');
    expect(added).toContain('U.S., Russia spar over Syria as UN council stays divided'); // the new headline
    expect(added).toContain('UNITED NATIONS (AP)'); // the new lede
    expect(added).toContain('traded blame');
    expect(removed).toContain('Lavrov flew to New York from Cairo'); // the cut paragraph
    expect(removed).toContain('Bev Oda'); // CBC's Canadian section
    expect(removed).toContain('defence');
    expect(added).toContain('defense');
    // Most of the story is shared word for word.
    const same = diff.filter((d) => d.op === 'same').reduce((n, d) => n + d.text.length, 0);
    expect(same / reprint.text.length).toBeGreaterThan(0.8);
  });
});
