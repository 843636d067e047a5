/**
 * The contract from the background (and the popup) to a content script: commands about its
 * page. The content script checks each on receipt like any message.
 */
import * as v from 'valibot';
import { parseWith, type Result, request, typesOf } from './check';

export const ContentCommandSchema = v.variant('type', [
  /** Show the highlights (read the page first if it was not read), or remove them all. */
  request('crosswire-highlights', { on: v.boolean('must be true or false') }),
  /** Open the note form on the reader's selection (context menu, keyboard shortcut); answers true when it opened. */
  request('crosswire-note-selection', {}),
  /**
   * Take the reader to a highlight (the popup's lists): an actor by its id, a figure or a quote
   * by its annotation's id. Answers true when the page shows it.
   */
  request('crosswire-reveal', {
    kind: v.picklist(['actor', 'figure', 'quote'], 'must be one of actor, figure, quote'),
    id: v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'), v.maxLength(300, 'is too long')),
  }),
]);

export type ContentCommand = v.InferOutput<typeof ContentCommandSchema>;
export const CONTENT_COMMAND_TYPES = typesOf(ContentCommandSchema) as ContentCommand['type'][];

/** Checks a command sent to a content script. */
export const parseContentCommand = (message: unknown): Result<ContentCommand> =>
  parseWith(ContentCommandSchema, CONTENT_COMMAND_TYPES, message);
