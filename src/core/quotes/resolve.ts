import { unlistedId } from '../actors/unlisted';
import type { OffsetIndex } from '../text/offset-index';
import type { ActorAnnotation } from '../types';
import { capitalRuns, expandAcronym, fullNameBefore, lookback, longerNameBefore, personalName } from './names';
import { titleClass, titleHolder } from './titles';
import { DOCUMENT, PERSON_PRONOUN, THING_PRONOUN } from './verbs';

export interface Speaker {
  id: string | null;
  label: string | null;
}

export const UNKNOWN: Speaker = { id: null, label: null };

const DEFINITE = /^(?:(?:the|le|la|les)\s+|l['’])/iu;
const INDEFINITE = /^(?:a|an|one|un|une)\s/i;

/**
 * Who a speaker phrase names, read against the article so far: an actor mention, a surname or
 * title of someone already named, an acronym or short form of a name given earlier, or a
 * description kept as text. Pronouns are left to the caller, which knows the sentence subjects.
 */
export class SpeakerResolver {
  constructor(
    private readonly text: string,
    private readonly actors: OffsetIndex<ActorAnnotation>,
  ) {}

  /** The speaker a phrase at `at` names; null for pronouns and empty phrases. */
  resolve(at: number, phrase: string): Speaker | null {
    const text = phrase.replace(/[\s,.;:]+$/u, '');
    if (!text || PERSON_PRONOUN.test(text) || THING_PRONOUN.test(text)) return null;
    const document = DOCUMENT.exec(text);
    if (document) return this.resolve(at + text.lastIndexOf(document[1]!), document[1]!);
    return this.mentioned(at, text) ?? this.named(at, text) ?? this.tailOfName(at, text) ?? described(text);
  }

  /** An actor mention that ends the phrase: "said Foreign Minister Jane Roe". */
  private mentioned(at: number, phrase: string): Speaker | null {
    const end = at + phrase.length;
    const mention = this.actors.within(at, end).find((a) => /^(?:\s*\([^)]*\))?$/.test(this.text.slice(a.end, end)));
    if (!mention) return null;
    if (mention.via === 'role') return this.titled(at, phrase) ?? (INDEFINITE.test(phrase) ? null : asSpeaker(mention));
    // "представитель Кремля", "the ministry's spokesman": the title is the speaker, not the body named after it.
    if (mention.actorType !== 'person' && mention.start > at && titleClass(this.text.slice(at, mention.start)))
      return this.titled(at, phrase);
    // "a spokesman for the Obama administration" describes someone else.
    if (INDEFINITE.test(phrase)) return null;
    const bare = mention.via === 'surname' || !mention.actorId || !/\s/.test(mention.text);
    if (mention.actorType === 'person' && bare)
      return this.personNamed(mention.start, mention.text) ?? asSpeaker(mention);
    return asSpeaker(mention);
  }

  /** A phrase with no mention: a title, an acronym, a surname, a short or full name. */
  private named(at: number, phrase: string): Speaker | null {
    if (INDEFINITE.test(phrase)) return null;
    if (titleClass(phrase)) return this.titled(at, phrase) ?? this.described(at, phrase);
    const bare = phrase.replace(DEFINITE, '').replace(/\s*\([^)]*\)$/, '');
    if (/^\p{Lu}{2,6}$/u.test(bare)) {
      const full = expandAcronym(this.text, bare, at);
      return full ? this.byName(full.start, full.words.join(' ')) : null;
    }
    if (/^\p{Lu}[\p{L}'’-]+$/u.test(bare)) return this.personNamed(at, bare);
    const run = capitalRuns(bare, 0, bare.length, true).at(-1);
    if (!run || run.end !== bare.length) return this.described(at, phrase);
    const person = personalName(run.words);
    // Words before the name ("Rebel official Jane Roe", "Police Chief Jane Roe") make it a person's.
    if (person.length > 0 && (run.start > 0 || person.length < run.words.length)) {
      if (person.length === 1) return this.personNamed(at, person[0]!);
      return person.length >= 2 ? this.byName(at, person.join(' ')) : null;
    }
    const longer = longerNameBefore(this.text, run.words, at);
    return this.byName(at, (longer?.words ?? run.words).join(' '));
  }

  /** A name's last words in any script ("عبد العاطي"): the person named in full before. */
  private tailOfName(at: number, phrase: string): Speaker | null {
    if (phrase.split(/\s+/).length > 3) return null;
    const earlier = this.actors
      .within(lookback(at), at)
      .reverse()
      .find((a) => a.start < at && a.actorType === 'person' && a.actorId && a.text.endsWith(` ${phrase}`));
    return earlier ? asSpeaker(earlier) : null;
  }

  /** Someone named by surname alone: the person the article named in full before. */
  private personNamed(at: number, bare: string): Speaker | null {
    const key = bare.toLowerCase();
    const earlier = this.actors
      .within(lookback(at), at)
      .reverse()
      .find(
        (a) =>
          a.start < at &&
          a.actorType === 'person' &&
          a.actorId &&
          /\s/.test(a.text) &&
          a.text.toLowerCase().split(/\s+/).includes(key),
      );
    if (earlier) return asSpeaker(earlier);
    const full = fullNameBefore(this.text, bare, at);
    return full ? this.byName(at, full) : null;
  }

  /** A title ("the secretary general", "представитель Кремля"): the last person named with it. */
  private titled(at: number, phrase: string): Speaker | null {
    const cls = titleClass(phrase);
    const holder = cls ? titleHolder(this.text, this.actors.within(lookback(at), at), cls, at) : undefined;
    return holder ? asSpeaker(holder) : null;
  }

  /** "the statement" is the joint statement the article mentioned before. */
  private described(at: number, phrase: string): Speaker | null {
    const noun = /^(?:the)\s+(\p{L}+)$/iu.exec(phrase)?.[1];
    if (!noun) return null;
    const fuller = [
      ...this.text
        .slice(lookback(at), at)
        .matchAll(new RegExp(`\\b(?:a|an)\\s+((?:[\\p{L}-]+\\s+){1,2}${noun})\\b`, 'giu')),
    ];
    const last = fuller.at(-1)?.[1];
    return last ? { id: null, label: last } : null;
  }

  /** A name found in the text: the actor mention over it if there is one, else its unlisted id. */
  private byName(at: number, name: string): Speaker {
    const known = this.actors.within(lookback(at), at + name.length).find((a) => a.actorId && a.text === name);
    return known ? asSpeaker(known) : { id: unlistedId(name), label: name };
  }
}

const asSpeaker = (a: ActorAnnotation): Speaker => ({ id: a.actorId, label: a.label });

/**
 * A description kept as the speaker's label, if it reads as one: it starts with a capital or a
 * determiner ("a State Department spokeswoman"), or is in a script without capitals, and holds
 * no comma. Anything else is a clause caught by mistake ("that he hoped"), so no speaker.
 */
function described(text: string): Speaker | null {
  if (/[,،]/.test(text) || text.split(/\s+/).length > 10) return null;
  const latin = /^\p{Script=Latin}/u.test(text);
  const reads =
    !latin || /^\p{Lu}/u.test(text) || /^(?:(?:the|a|an|one|his|her|its|their|le|la|les|un|une)\s|l['’])/i.test(text);
  return reads ? { id: null, label: text } : null;
}
