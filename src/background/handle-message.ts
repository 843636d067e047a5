import type { AnnotateOptions, Annotation } from '../core/types';
import type { Reply, RequestType } from '../messages';
import { parseRequest } from '../messages';

/** What the handler needs from the outside world; the entry point passes the real ones. */
export interface HandlerContext {
  /** Our own extension id (runtime.id). */
  extensionId: string;
  /** The running manifest's version. */
  version: string;
  annotate: (text: string, options: AnnotateOptions) => Annotation[];
}

/**
 * Answers one runtime message, or returns undefined for a message that is not ours to
 * answer. Pure apart from what `context` does, so it is tested without a browser.
 */
export function handleMessage(
  message: unknown,
  sender: { id?: string },
  context: HandlerContext,
): Reply<RequestType> | undefined {
  // Only our popup and content scripts may ask. onMessage should deliver nothing else,
  // but a check costs nothing and keeps a mistake elsewhere from opening the background.
  if (sender.id !== context.extensionId) return undefined;

  const parsed = parseRequest(message);
  if (!parsed.ok) return parsed;
  const request = parsed.value;

  try {
    switch (request.type) {
      case 'ping':
        return { ok: true, value: { version: context.version } };
      case 'annotate-text': {
        const options = request.published === undefined ? {} : { published: request.published };
        return { ok: true, value: context.annotate(request.text, options) };
      }
    }
  } catch (error) {
    // A failing annotator must come back as an answer; a throw would leave the caller
    // with only "message port closed".
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
