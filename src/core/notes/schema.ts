/**
 * The one Note schema: the shape of a reader's note and every limit on it. The message
 * contracts check notes on receipt with it, the store keeps what it accepts, and the
 * importers check each note they build from a file with it, so a note that one of them
 * takes is taken by all (a longer prefix than the popup writes, say, from a Hypothesis file).
 */
import * as v from 'valibot';
import { checkNote } from './validate';

const STANCE = ['verified', 'disputed', 'follow-up'] as const;
const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** The note's types, field by field (unknown fields are refused). */
export const NoteShape = v.strictObject({
  /** Stable id ("n-" and 16 hex digits, or "hypothesis:" and Hypothesis's id): importing twice stores once. */
  id: v.string(),
  /** The article's id in the corpus: the same article reached through another URL shows the note too. */
  articleId: v.string(),
  canonicalUrl: v.nullable(v.string()),
  /** The URL the note was made on. */
  url: v.string(),
  /** The article's headline or the page title then. */
  title: v.nullable(v.string()),
  /**
   * Where the note is attached, in the article text as the page was read (blocks separated by
   * blank lines): the quoted text, some context either side, and UTF-16 offsets.
   */
  target: v.strictObject({ exact: v.string(), prefix: v.string(), suffix: v.string(), start: offset, end: offset }),
  /** fnv1a64 of `target.exact`, and of the whole article text when the note was made ('' when unknown). */
  quoteHash: v.string(),
  textHash: v.string(),
  /** The detected highlight the note was made on: its kind and id (actor id, or the annotation id). */
  highlight: v.nullable(v.strictObject({ kind: v.picklist(['actor', 'figure', 'quote']), id: v.string() })),
  /** The note's text (may be empty for a bare highlight or tags only). */
  note: v.string(),
  tags: v.array(v.string()),
  stance: v.nullable(v.picklist(STANCE, (issue) => `must be ${STANCE.join(', ')} or null, not ${issue.received}`)),
  /** W3C Web Annotation motivation. */
  motivation: v.picklist(['commenting', 'tagging', 'highlighting']),
  /** ISO 8601 timestamps. */
  created: v.string(),
  modified: v.string(),
});

/** A note: its shape, then its limits and invariants (sizes, URLs, dates, hashes, offsets). */
export const NoteSchema = v.pipe(
  NoteShape,
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed) checkNote(dataset.value, (message) => addIssue({ message }));
  }),
);

export type Note = v.InferOutput<typeof NoteShape>;

/** What is wrong with a value as a note, one line each (empty when it is a valid note). */
export function noteProblems(value: unknown): string[] {
  const result = v.safeParse(NoteSchema, value);
  if (result.success) return [];
  return result.issues.map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.');
    if (!path) return issue.message;
    // Valibot's own wording ("Invalid type: Expected …") becomes ours: "tags must be …, not …".
    const message = issue.message.startsWith('must')
      ? issue.message
      : `must be ${issue.expected}, not ${issue.received}`;
    return `${path} ${message}`;
  });
}
