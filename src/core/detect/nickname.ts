import type { PersonEntry } from '../actors/schema';
import type { Doc } from '../text/doc';
import { gapAfter, keyAt } from '../text/doc';
import { tokenKey } from '../text/fold';
import type { Coverage, Mention } from './mention';

const OPENS = /^\s*['‘"“]$/;
const CLOSES = /^['’"”]\s+$/;

/**
 * A known nickname quoted inside a full name is one mention of the whole name:
 * "Mohamed ‘Hemedti’ Dagalo" when "Hemedti" is listed. The given name before and the surname
 * after must be the person's own, so a nickname quoted in a sentence is left alone.
 */
export function widenQuotedNicknames(doc: Doc, mentions: Mention[], covered: Coverage): void {
  for (const m of mentions) {
    if (m.actor?.type !== 'person' || m.first < 1 || m.last + 1 >= doc.tokens.length) continue;
    if (!OPENS.test(gapAfter(doc, m.first - 1)) || !CLOSES.test(gapAfter(doc, m.last))) continue;
    const person = m.actor as PersonEntry;
    const given = [person.name, ...person.aliases].map((n) => tokenKey(n.split(' ')[0]!));
    const surnames = person.surnames.map(tokenKey);
    if (!given.includes(keyAt(doc, m.first - 1)) || !surnames.includes(keyAt(doc, m.last + 1))) continue;
    if (covered.has(m.first - 1) || covered.has(m.last + 1)) continue;
    m.first -= 1;
    m.last += 1;
    covered.claim(m);
  }
}
