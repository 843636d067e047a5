import { isUnlisted } from '../actors/unlisted';
import { isArabic } from '../text/fold';
import { OffsetIndex } from '../text/offset-index';
import type { Span } from '../text/sentences';
import { spanIndexAt } from '../text/sentences';
import type { ActorAnnotation } from '../types';
import { accordingTo, attributionAfter, closingAttribution, namingQuote } from './attribution';
import { type Phrase, subjectAfter, subjectBefore } from './clause';
import { isQuotation } from './not-quotes';
import { type Speaker, SpeakerResolver, UNKNOWN } from './resolve';
import type { QuoteSpan } from './spans';
import { IN_DOCUMENT, PERSON_PRONOUN, SAYING, THING_PRONOUN } from './verbs';

export type { Speaker } from './resolve';

const WORD = /\p{L}+/gu;

interface Said {
  q: QuoteSpan;
  speaker: Speaker;
}

/**
 * Finds who said each quotation, from the structure of its sentence and paragraph: the
 * attribution after it, then the subject of a verb of saying before it, then a closing "…,
 * X said", then the speaker it continues. Where none applies the speaker is unknown.
 */
export class SpeakerFinder {
  readonly quotes: readonly QuoteSpan[];
  private readonly subjects: OffsetIndex<ActorAnnotation>;
  private readonly names: SpeakerResolver;
  private readonly said: Said[] = [];
  /** Each quotation from its opening mark to its closing one. */
  private readonly marks: OffsetIndex<{ start: number; end: number }>;

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Span[],
    private readonly paragraphs: readonly Span[],
    private readonly actors: OffsetIndex<ActorAnnotation>,
    quotes: readonly QuoteSpan[],
  ) {
    this.quotes = quotes.filter((q) => isQuotation(text, q, paragraphs, sentences));
    this.names = new SpeakerResolver(text, actors);
    this.subjects = sentenceSubjects(sentences, actors, new OffsetIndex(this.quotes));
    this.marks = new OffsetIndex(this.quotes.map((q) => ({ start: q.open, end: q.close })));
  }

  /** Whether the quotation is a fragment inside the reporter's sentence. */
  partial(q: QuoteSpan): boolean {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    const before = s ? this.text.slice(s.start, q.open).trim() : '';
    return before.length > 0 && !before.endsWith(':');
  }

  /** The speaker of every quotation, in order. */
  speakers(): Speaker[] {
    const out = this.quotes.map((q, i) => {
      const speaker = this.naming(q) ?? this.attributed(q) ?? this.continued(q, this.said[i - 1]) ?? UNKNOWN;
      this.said.push({ q, speaker });
      return speaker;
    });
    // A quotation left open at a paragraph's end is spoken by whoever its continuation names.
    for (let i = out.length - 2; i >= 0; i--)
      if (!out[i]!.label && this.quotes[i + 1]!.continues && !this.quotes[i]!.closed) out[i] = out[i + 1]!;
    return out;
  }

  /** A so-called term, or a passive "described as": the agent after it, else nobody (never the subject before it). */
  private naming(q: QuoteSpan): Speaker | null {
    const naming = namingQuote(this.text, q);
    if (!naming) return null;
    return (naming.agent && this.speakerOf(naming.agent)) ?? UNKNOWN;
  }

  private attributed(q: QuoteSpan): Speaker | null {
    return this.after(q) ?? this.before(q) ?? this.according(q) ?? this.closing(q) ?? this.inDocument(q);
  }

  /** `In a communiqué after the meeting, “strongly condemns …”`: the body the article was reporting on. */
  private inDocument(q: QuoteSpan): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    if (!s || !IN_DOCUMENT.test(this.text.slice(s.start, q.open))) return null;
    const body = this.bodySubjectBefore(s.start);
    return body ? { id: body.actorId, label: body.label } : null;
  }

  /**
   * The last organisation or government body that was a clause's subject before `at`, in the
   * same or the previous paragraph: named first in its sentence or right after a comma
   * ("At its meeting on Friday, the council proposed").
   */
  private bodySubjectBefore(at: number): ActorAnnotation | undefined {
    const para = spanIndexAt(this.paragraphs, Math.max(0, at - 1));
    const from = this.paragraphs[Math.max(0, para - 1)]?.start ?? 0;
    return this.actors
      .within(from, at)
      .filter((a) => a.actorType !== 'person' && a.actorType !== 'state' && !this.insideQuote(a.start))
      .reverse()
      .find((a) => this.opensClause(a));
  }

  /** Whether a mention opens its sentence or a clause after a comma, with at most "the" before it. */
  private opensClause(a: ActorAnnotation): boolean {
    const s = this.sentences[spanIndexAt(this.sentences, a.start)];
    if (!s) return false;
    const lead = this.text.slice(s.start, a.start);
    const clause = lead.slice(lead.lastIndexOf(',') + 1).trim();
    return clause === '' || /^(?:the|le|la|les|l['’])$/iu.test(clause);
  }

  /** `"...," said Roe.` / `'...,' Roe says` / `“...,” a spokesman told AFP.` / `», — сказал Петров.` */
  private after(q: QuoteSpan): Speaker | null {
    const found = attributionAfter(this.text, q);
    if (!found) return null;
    return 'pronounAt' in found ? this.pronoun(found.pronounAt) : this.speakerOf(found.phrase, found.subject);
  }

  /** The subject of the nearest verb of saying before the quotation, in its sentence. */
  private before(q: QuoteSpan): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    if (!s || s.start >= q.open) return null;
    const segment = this.text.slice(s.start, q.open);
    const verbs = [...segment.matchAll(WORD)].filter((m) => SAYING.has(m[0]) && m[0] !== 'according').reverse();
    for (const v of verbs) {
      const found = this.subjectOf(s.start, s.start + v.index!, v[0], q.open);
      if (found) return found;
    }
    return null;
  }

  /**
   * The speaker a verb of saying at `verbAt` attributes: a person named in apposition just
   * before it ("the envoy, Jane Roe, said"), its subject before it, or in Arabic (and in
   * Russian inversion) the subject after it.
   */
  private subjectOf(from: number, verbAt: number, verb: string, limit: number): Speaker | null {
    if (this.insideQuote(verbAt)) return null;
    const appositive = /,\s*([^,]{2,60}?)\s*,\s*$/u.exec(this.text.slice(from, verbAt));
    if (appositive) {
      const at = from + appositive.index + appositive[0].indexOf(appositive[1]!);
      const person = this.actors.within(at, at + appositive[1]!.length).find((a) => a.actorType === 'person');
      if (person?.actorId && person.start === at && person.end === at + appositive[1]!.length)
        return { id: person.actorId, label: person.label };
    }
    const inverted = isArabic(verb) || /\p{Script=Cyrillic}/u.test(verb);
    const after = () => {
      const phrase = inverted ? subjectAfter(this.text, verbAt + verb.length, limit) : null;
      return phrase && this.speakerOf(phrase, true);
    };
    const before = () => {
      const phrase = subjectBefore(this.text, from, verbAt);
      return phrase && this.speakerOf(phrase, true);
    };
    const found = isArabic(verb) ? (after() ?? before()) : (before() ?? after());
    return found?.label ? found : null;
  }

  /** `“...,” according to Roe.` / `According to Roe, “...”` / `по словам Петрова, «...»`. */
  private according(q: QuoteSpan): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    const phrase = s ? accordingTo(this.text, s.start, q) : null;
    return phrase && this.speakerOf(phrase);
  }

  /** A fragment whose sentence ends with its attribution: `held “cordial” talks, a joint statement said.` */
  private closing(q: QuoteSpan): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    const phrase = s && this.partial(q) ? closingAttribution(this.text, s.end, q) : null;
    return phrase && this.speakerOf(phrase);
  }

  /**
   * A quotation with no attribution continues the previous one's speaker: in the same
   * paragraph when no one else is named between them, or in the next paragraph when it opens
   * that paragraph and the previous paragraph ended with the previous quotation's sentence.
   */
  private continued(q: QuoteSpan, previous: Said | undefined): Speaker | null {
    if (!previous?.speaker.label) return null;
    if (q.continues) return previous.speaker;
    const para = spanIndexAt(this.paragraphs, q.open);
    const prevPara = spanIndexAt(this.paragraphs, previous.q.open);
    const between = this.actors
      .within(previous.q.close, q.open)
      .filter((a) => a.actorType === 'person' && a.actorId !== previous.speaker.id && !this.insideQuote(a.start));
    if (between.length) return null;
    if (para === prevPara) return previous.speaker;
    const opensParagraph = this.paragraphs[para]?.start === q.open;
    return opensParagraph && prevPara === para - 1 && this.endsParagraph(previous.q) ? previous.speaker : null;
  }

  /** Whether the quotation's sentence is the last of its paragraph. */
  private endsParagraph(q: QuoteSpan): boolean {
    const para = this.paragraphs[spanIndexAt(this.paragraphs, q.open)];
    const s = this.sentences[spanIndexAt(this.sentences, Math.max(q.open, Math.min(q.close, this.text.length - 1)))];
    return !!para && !!s && s.end >= para.end;
  }

  /** Who a phrase names; pronouns refer back to a sentence subject or to the last speaker. */
  private speakerOf(phrase: Phrase, subject = false): Speaker | null {
    const word = phrase.text.trim();
    if (PERSON_PRONOUN.test(word)) return this.pronoun(phrase.at);
    if (THING_PRONOUN.test(word))
      return (
        this.lastSpeaker(phrase.at) ??
        this.sentenceBody(phrase.at) ??
        this.previousSubject(phrase.at) ??
        (subject ? null : UNKNOWN)
      );
    return this.names.resolve(phrase.at, phrase.text);
  }

  /** "it said": the last speaker quoted in the same paragraph. */
  private lastSpeaker(at: number): Speaker | null {
    const para = spanIndexAt(this.paragraphs, at);
    const last = this.said.at(-1);
    return last?.speaker.label && spanIndexAt(this.paragraphs, last.q.open) === para ? last.speaker : null;
  }

  /** "The council approved a text in which it resolves": the body that opens the sentence. */
  private sentenceBody(at: number): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, at)];
    const body = s && this.actors.within(s.start, at).find((a) => a.actorType !== 'person' && this.opensClause(a));
    return body && body.start - s.start < 5 ? { id: body.actorId, label: body.label } : null;
  }

  /** "it said": the body that spoke in the sentence before, in the same paragraph ("the Bureau noted …"). */
  private previousSubject(at: number): Speaker | null {
    const i = spanIndexAt(this.sentences, at);
    const prev = this.sentences[i - 1];
    if (!prev || spanIndexAt(this.paragraphs, prev.start) !== spanIndexAt(this.paragraphs, at)) return null;
    const verbs = [...this.text.slice(prev.start, prev.end).matchAll(WORD)].filter((m) => SAYING.has(m[0]));
    for (const v of verbs) {
      const found = this.subjectOf(prev.start, prev.start + v.index!, v[0], prev.end);
      if (found) return found;
    }
    return null;
  }

  /** A pronoun refers to the last person who was the subject of a sentence, or who was last quoted. */
  pronoun(at: number): Speaker {
    const subject = this.subjects.lastBefore(at);
    let quoted: Said | undefined;
    for (let i = this.said.length - 1; i >= 0 && !quoted; i--) {
      const s = this.said[i]!;
      if (s.q.close < at && isUnlisted(s.speaker.id)) quoted = s;
      if (subject && s.q.close < subject.start) break;
    }
    if (quoted && (!subject || subject.start < quoted.q.close)) return quoted.speaker;
    return subject ? { id: subject.actorId, label: subject.label } : UNKNOWN;
  }

  private insideQuote(at: number): boolean {
    const q = this.marks.containing(at, at + 1);
    return !!q && at > q.start && at < q.end;
  }
}

/** Sentence subjects: the first person named in each sentence, outside quotations. */
function sentenceSubjects(
  sentences: readonly Span[],
  actors: OffsetIndex<ActorAnnotation>,
  quotes: OffsetIndex<QuoteSpan>,
): OffsetIndex<ActorAnnotation> {
  const seen = new Set<number>();
  return new OffsetIndex(
    actors.items.filter((a) => {
      if (a.actorType !== 'person' || !a.actorId || quotes.containing(a.start, a.end)) return false;
      const s = spanIndexAt(sentences, a.start);
      if (seen.has(s)) return false;
      seen.add(s);
      return true;
    }),
  );
}
