import type { ActorAnnotation } from '../types';
import type { Span } from '../text/sentences';
import { spanIndexAt } from '../text/sentences';
import { AUXILIARIES, REPORTING_VERBS } from '../detect/words';
import type { QuoteSpan } from './spans';
import { OffsetIndex } from '../text/offset-index';

export interface Speaker {
  id: string | null;
  label: string | null;
}

const PRONOUN = /^(he|she|they)$/i;
const VERB = /\p{L}+/gu;
const ADVERB_GAP = /^(?:\s*,)?\s+(?:(?:also|earlier|later|then|again|directly|\p{L}+ly)\s+)?$/u;
const VERBS = [...REPORTING_VERBS].join('|');
// Words that end a speaker's name and start what follows: "said Annan in Geneva", "said Lavrov, who".
const AFTER_SPEAKER = 'in|on|at|to|after|before|during|as|from|when|while|who|which';
// "," said Annan' / ', a déclaré Laurent Fabius' / ' — заявил Лавров': an auxiliary may come first.
const AFTER_VERB_FIRST = new RegExp(
  `^\\s*[,—–-]?\\s*(?:(?:a|ont|hat|has)\\s+)?(?:${VERBS})\\s+(.{1,80}?)(?=[,.;:!?]|\\s+(?:${AFTER_SPEAKER})\\s|$)`,
  'u',
);
const AFTER_LOWER = new RegExp(`^\\s+(?:he|she|they|${VERBS})\\b`, 'u');
// The subject may hold abbreviations ("U.S. Ambassador ... Kelly Craft told"), not a sentence end.
const AFTER_SUBJECT_FIRST = new RegExp(
  `^\\s*,?\\s*((?:[^,.;:!?"“”]|\\.(?!\\s))(?:[^,;:!?"“”]|\\.(?!\\s+\\p{Lu}\\p{Ll})){0,100}?)\\s+(?:${VERBS})\\b`,
  'u',
);

/** Finds who said each quotation: attribution after it, then before it, then the paragraph's last speaker. */
export class SpeakerFinder {
  private readonly subjects: OffsetIndex<ActorAnnotation>;

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Span[],
    private readonly paragraphs: readonly Span[],
    private readonly actors: OffsetIndex<ActorAnnotation>,
    readonly quotes: readonly QuoteSpan[],
  ) {
    const inQuote = new OffsetIndex(quotes);
    // Sentence subjects: the first person named in each sentence, outside quotations.
    const seen = new Set<number>();
    this.subjects = new OffsetIndex(
      actors.items.filter((a) => {
        if (a.actorType !== 'person' || !a.actorId || inQuote.containing(a.start, a.end)) return false;
        const s = spanIndexAt(sentences, a.start);
        if (seen.has(s)) return false;
        seen.add(s);
        return true;
      }),
    );
  }

  /** Whether the quotation is a fragment inside the reporter's sentence. */
  partial(q: QuoteSpan): boolean {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    const before = s ? this.text.slice(s.start, q.open).trim() : '';
    return before.length > 0 && !before.endsWith(':');
  }

  speaker(q: QuoteSpan, previous: { q: QuoteSpan; speaker: Speaker } | null): Speaker {
    return this.after(q) ?? this.before(q) ?? this.sameParagraph(q, previous) ?? { id: null, label: null };
  }

  /** `"...," said Annan.` / `'...,' Clinton says` / `“...,” a spokesman told AFP.` */
  private after(q: QuoteSpan): Speaker | null {
    if (!q.closed) return null;
    const inner = this.text[q.close - 1] ?? '';
    const rest = this.text.slice(q.close + 1, q.close + 160).split('\n')[0]!;
    if (!/[,?!—–-]/.test(inner) && !/^\s*[,—–]/.test(rest) && !AFTER_LOWER.test(rest)) return null;
    const at = q.close + 1;
    const verbFirst = AFTER_VERB_FIRST.exec(rest);
    if (verbFirst)
      return this.phrase(at + rest.indexOf(verbFirst[1]!, verbFirst[0].length - verbFirst[1]!.length), verbFirst[1]!);
    const subjectFirst = AFTER_SUBJECT_FIRST.exec(rest);
    if (subjectFirst && subjectFirst[1]!.split(/\s+/).length <= 12)
      return this.phrase(at + rest.indexOf(subjectFirst[1]!), subjectFirst[1]!);
    return null;
  }

  /** The subject of the nearest verb of saying before the quotation, in its sentence. */
  private before(q: QuoteSpan): Speaker | null {
    const s = this.sentences[spanIndexAt(this.sentences, q.open)];
    if (!s || s.start === q.open) return null;
    const segment = this.text.slice(s.start, q.open);
    // Verbs are lower case in running text: "States" in "the United States" is a name.
    const verbs = [...segment.matchAll(VERB)].filter((m) => REPORTING_VERBS.has(m[0])).reverse();
    for (const v of verbs) {
      const verbAt = s.start + v.index!;
      const nearest = this.actors.lastBefore(verbAt, s.start);
      const mention = nearest && ADVERB_GAP.test(this.text.slice(nearest.end, verbAt)) ? nearest : undefined;
      if (mention && (mention.actorType === 'person' || mention.via !== 'demonym'))
        return { id: mention.actorId, label: mention.label };
      const word =
        /(\p{L}+)\s+(?:(?:also|then|\p{L}+ly)\s+)?$/u.exec(
          this.text.slice(Math.max(s.start, verbAt - 40), verbAt),
        )?.[1] ?? '';
      if (PRONOUN.test(word)) return this.pronoun(verbAt);
      const lead = this.text
        .slice(s.start, verbAt)
        .replace(/^(?:[^,]{0,30},\s*)/, '')
        .replace(AUXILIARIES, '')
        .trim();
      if (/^\p{Lu}/u.test(lead) && lead.split(/\s+/).length <= 6 && !/[,"“”]/.test(lead))
        return { id: null, label: lead };
    }
    return null;
  }

  /** A quotation with no attribution continues the previous speaker in the paragraph. */
  private sameParagraph(q: QuoteSpan, previous: { q: QuoteSpan; speaker: Speaker } | null): Speaker | null {
    if (!previous?.speaker.label) return null;
    return spanIndexAt(this.paragraphs, previous.q.open) === spanIndexAt(this.paragraphs, q.open)
      ? previous.speaker
      : null;
  }

  /** Who a phrase names: an actor mention, a pronoun, or a description kept as text. */
  private phrase(at: number, phrase: string): Speaker {
    const trimmed = phrase.trim();
    if (PRONOUN.test(trimmed)) return this.pronoun(at);
    const end = at + phrase.length;
    const mention = this.actors.within(at, end).find((a) => this.text.slice(a.end, end).trim() === '');
    // "a spokesman for the Obama administration" describes someone else; "the president" may be resolved by role.
    const described = /^(?:a|an|the|one)\s/i.test(trimmed) && mention?.via !== 'role';
    if (mention && !described) return { id: mention.actorId, label: mention.label };
    return { id: null, label: trimmed };
  }

  /** A pronoun refers to the last person who was the subject of a sentence. */
  pronoun(at: number): Speaker {
    const subject = this.subjects.lastBefore(at);
    return subject ? { id: subject.actorId, label: subject.label } : { id: null, label: null };
  }
}
