import type { Reply, Request } from '../messages';
// Not through messages.ts: see there.
import { parseReply } from '../contracts/replies';

/**
 * Runs one stretch of the work of a request: sending it (the browser copies the message then,
 * on the caller's thread) or checking its reply.
 */
export type RequestTiming = <T>(what: 'send' | 'reply check', work: () => T) => T;

/**
 * Sends a request to the background and returns its checked reply; never throws. `timing`
 * runs the send and the check: the content script passes one that counts both as its own
 * time on the page's thread (a page's text is copied into the message, and a long article's
 * reply holds thousands of annotations).
 */
export async function sendRequest<R extends Request>(
  runtime: { sendMessage(message: unknown): Promise<unknown> },
  request: R,
  timing: RequestTiming = (_, work) => work(),
): Promise<Reply<R['type']>> {
  try {
    const reply = await timing('send', () => runtime.sendMessage(request));
    return timing('reply check', () => parseReply<R['type']>(request.type, reply));
  } catch (error) {
    // Rejections here mean the background never answered: it failed to start, or the
    // extension was reloaded under us ("Extension context invalidated").
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
