import type { Doc } from '../text/doc';
import { capitalised, gapAfter, keyAt, spaced } from '../text/doc';
import { endsClause } from './person-name';
import { NOT_NAME } from './words';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Verbs that only a person (or a body, excluded by its words) does: "Jane Doe said", "Doe told reporters". */
export const SPEECH_AFTER = set(
  'said says told tells added adds insisted insists stated explained warned warns wrote tweeted recalled',
);

/** Verbs that put the speaker after them: "said Jane Doe.", "according to Jane Doe,". */
const SPEECH_BEFORE = set('said says added asked');

/**
 * Whether the name at first..last stands where only a speaker can: before a verb of speaking
 * ("Jane Doe told reporters") or after one at the end of a clause ("..., said Jane Doe.").
 * The name must start a phrase, not continue a longer capitalised one.
 */
export function speakerPosition(doc: Doc, first: number, last: number): boolean {
  if (first > 0 && spaced(doc, first - 1) && capitalised(doc, first - 1) && !NOT_NAME.has(keyAt(doc, first - 1)))
    return false;
  if (spaced(doc, last) && SPEECH_AFTER.has(keyAt(doc, last + 1))) return true;
  if (!endsClause(doc, last)) return false;
  const before = keyAt(doc, first - 1);
  const said = SPEECH_BEFORE.has(before) && /^[ \u00a0]+$/.test(gapAfter(doc, first - 1));
  return said || (before === 'to' && keyAt(doc, first - 2) === 'according');
}
