import { describe, expect, it } from 'vitest';
import { quotesLike, type QuoteCandidate } from '../../../src/core/match';
import { quoteCandidates, stories } from './stories';

const candidate = (text: string, over: Partial<QuoteCandidate> = {}): QuoteCandidate => ({
  articleId: 'a',
  outlet: 'example.org',
  published: '2012-03-12',
  quote: { text, speakerId: null, speaker: null },
  ...over,
});
const kinds = (text: string, candidates: QuoteCandidate[]) =>
  quotesLike(text, candidates).map((m) => [m.quote.text, m.kind]);

describe('quotesLike on the seeds', () => {
  const others = () => {
    const { cbc, voa, rt, brief } = stories();
    return [cbc, voa, rt, brief].flatMap(quoteCandidates);
  };

  it('finds Lavrov\'s "bear a huge share of responsibility" in CBC and VOA, and its fragment in the brief', () => {
    const matches = quotesLike('bear a huge share of responsibility', others());
    expect(matches.map((m) => [m.outlet, m.kind, m.score])).toEqual([
      ['cbc.ca', 'exact', 1],
      ['voanews.com', 'exact', 1], // VOA keeps the sentence's full stop inside the marks
      ['brief.example', 'partial', 0.833],
    ]);
    expect(matches[1]!.quote).toEqual({
      text: 'bear a huge share of responsibility.',
      speakerId: 'sergey-lavrov',
      speaker: 'Sergey Lavrov',
    });
    expect(matches[1]!.diff).toEqual([
      { op: 'same', text: 'bear a huge share of responsibility' },
      { op: 'added', text: '.' },
    ]);
    expect(matches[2]!.diff).toEqual([
      { op: 'removed', text: 'bear ' },
      { op: 'same', text: 'a huge share of responsibility' },
    ]);
  });

  it('finds Clinton\'s "military machine" in both', () => {
    const matches = quotesLike('military machine', others());
    expect(matches.map((m) => [m.outlet, m.kind, m.quote.text])).toEqual([
      ['cbc.ca', 'exact', 'military machine'],
      ['voanews.com', 'exact', 'military machine.'],
      ['brief.example', 'exact', 'military machine'],
    ]);
    expect(matches.slice(0, 2).map((m) => m.quote.speaker)).toEqual(['Hillary Clinton', 'Hillary Clinton']);
  });

  it('a fragment finds the full quote it was cut from (partial), after the exact ones', () => {
    const matches = quotesLike('stand silent', others());
    expect(matches.map((m) => [m.outlet, m.kind])).toEqual([
      ['cbc.ca', 'exact'], // the subhead's "stand silent,"
      ['brief.example', 'exact'],
      ['cbc.ca', 'partial'], // "stand silent when governments massacre their own people, ..."
    ]);
    expect(matches[2]!.score).toBeLessThan(0.2);
  });

  it('drops quotes that are not the same', () => {
    expect(
      quotesLike('we will be prepared in the Security Council to chart a way forward', quoteCandidates(stories().voa)),
    ).toEqual([]);
  });
});

describe('quotesLike', () => {
  it('exact ignores case, quote marks, spacing and punctuation at the edges', () => {
    expect(
      kinds('“It’s a very complex situation,”', [
        candidate('"it\'s a  very complex situation."'),
        candidate('It is a very complex situation'),
      ]),
    ).toEqual([
      ['"it\'s a  very complex situation."', 'exact'],
      ['It is a very complex situation', 'near'],
    ]);
  });

  it('near: a word or two changed; translations with the same content words in another order', () => {
    const voa =
      'Cease-fire is an absolute must and we sincerely hope that the mission headed by Kofi Annan would succeed';
    const other = 'A ceasefire is an absolute must, and we sincerely hope the mission led by Kofi Annan will succeed';
    const translated =
      'We sincerely hope the mission of Kofi Annan succeeds; a ceasefire is absolutely a must, headed as it is';
    const matches = quotesLike(voa, [
      candidate(other, { articleId: 'reworded' }),
      candidate(translated, { articleId: 'translated' }),
      candidate('Kofi Annan will visit Moscow next week', { articleId: 'unrelated' }),
    ]);
    expect(matches.map((m) => [m.articleId, m.kind])).toEqual([
      ['reworded', 'near'],
      ['translated', 'near'],
    ]);
    expect(matches[0]!.score).toBeGreaterThan(0.6);
  });

  it('partial: a truncation, but not a lone word or a run of function words', () => {
    const full = 'There must be a cessation of violence by the Syrian regime first and foremost';
    expect(
      kinds(full, [
        candidate('a cessation of violence by the Syrian regime'),
        candidate('regime'),
        candidate('by the'),
      ]),
    ).toEqual([['a cessation of violence by the Syrian regime', 'partial']]);
  });

  it('sorts exact, near, partial, then by score, then the oldest first', () => {
    const matches = quotesLike('failed in its responsibilities to the Syrian people', [
      candidate('failed in its responsibilities', { articleId: 'partial' }),
      candidate('failed in its responsibilities to the Syrian people.', {
        articleId: 'exact-new',
        published: '2012-03-13',
      }),
      candidate('failed in its responsibility to the Syrian people', { articleId: 'near' }),
      candidate('Failed in its responsibilities to the Syrian people', {
        articleId: 'exact-old',
        published: '2012-03-11',
      }),
    ]);
    expect(matches.map((m) => m.articleId)).toEqual(['exact-old', 'exact-new', 'near', 'partial']);
  });
});
