import { AUXILIARIES, REPORTING_VERBS } from '../detect/words';
import type { Span } from '../text/sentences';
import type { Attribution } from '../types';
import type { FigureContext } from './classify';
import type { RawFigure } from './scan';

/** Who gives the figure: the speaker of the quote it is in, "according to X", or the subject of a verb of saying. */
export function attribute(f: RawFigure, s: Span, ctx: FigureContext): Attribution | undefined {
  const quote = ctx.quotes.containing(f.start, f.end);
  if (quote)
    return quote.speaker ? { label: quote.speaker, ...(quote.speakerId && { actorId: quote.speakerId }) } : undefined;
  const sentence = ctx.text.slice(s.start, s.end);
  // Dots inside and at the end of abbreviations belong to the name: "according to the U.N."
  const according = /according to ((?:[^,.;]|\.(?!\s)|(?<=\b\p{Lu})\.)+)/iu.exec(sentence);
  if (according) return phrase(ctx, s.start + according.index + 'according to '.length, according[1]!);
  const agent =
    /\b(?:confirmed|reported|counted|recorded|announced|estimated|given)\s+by\s+((?:the\s+)?[^,.;]{2,60}?)(?=\s+(?:on|in|at|to|as|\p{Ll}+day)\b|[,.;]|$)/u.exec(
      sentence,
    );
  if (agent) return phrase(ctx, s.start + agent.index + agent[0].indexOf(agent[1]!), agent[1]!);
  const head = sentence.slice(0, f.start - s.start);
  for (const verb of [...head.matchAll(/\p{L}+/gu)].reverse()) {
    if (!REPORTING_VERBS.has(verb[0]) || verb[0] === 'according') continue;
    const lead = head
      .slice(0, verb.index)
      .replace(/^[^,]{0,25},\s*/, '')
      .replace(AUXILIARIES, '')
      .trim();
    if (/^(?:he|she|they)$/i.test(lead)) {
      const who = ctx.pronoun(s.start + head.indexOf(lead));
      return who.label ? { label: who.label, ...(who.id && { actorId: who.id }) } : undefined;
    }
    if (lead && lead.split(/\s+/).length <= 7 && !/[,"“”]/.test(lead))
      return phrase(ctx, s.start + head.indexOf(lead), lead);
  }
  // "..., the agency said", also "said Monday" or "said in a statement".
  const tail = /,\s*([^,]{3,60}?)\s+(?:said|says|reported|reports|estimated)(?:\s+[^,"“”]{0,30})?\.?\s*$/.exec(
    sentence,
  );
  return tail ? phrase(ctx, s.start + tail.index + tail[0].indexOf(tail[1]!), tail[1]!) : undefined;
}

/** Who gives money when no one is said to announce it: the actor the sentence opens with ("Canada to give $6M"). */
export function donor(s: Span, ctx: FigureContext): Attribution | undefined {
  const first = ctx.actors
    .within(s.start, s.start + 60)
    .find((a) => a.start - s.start <= 12 && a.actorId && a.via !== 'demonym');
  return first ? { label: first.label, actorId: first.actorId! } : undefined;
}

/** An attribution phrase that holds one actor is that actor ("U.N. officials" = United Nations). */
function phrase(ctx: FigureContext, at: number, text: string): Attribution {
  const inside = ctx.actors.within(at, at + text.length).filter((a) => a.via !== 'demonym' && a.actorId);
  const ids = new Set(inside.map((a) => a.actorId));
  if (ids.size === 1) return { label: inside[0]!.label, actorId: inside[0]!.actorId! };
  return { label: text.trim().replace(/^the\s+/i, (m) => m.toLowerCase()) };
}
