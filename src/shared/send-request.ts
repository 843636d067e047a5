import type { Reply, Request } from '../messages';
// Not through messages.ts: see there.
import { parseReply } from '../contracts/replies';

/**
 * Sends a request to the background and returns its checked reply; never throws. `checking`
 * runs the check: the content script passes one that counts it as its own time on the page's
 * thread (a long article's reply holds thousands of annotations).
 */
export async function sendRequest<R extends Request>(
  runtime: { sendMessage(message: unknown): Promise<unknown> },
  request: R,
  checking: <T>(check: () => T) => T = (check) => check(),
): Promise<Reply<R['type']>> {
  try {
    const reply = await runtime.sendMessage(request);
    return checking(() => parseReply<R['type']>(request.type, reply));
  } catch (error) {
    // Rejections here mean the background never answered: it failed to start, or the
    // extension was reloaded under us ("Extension context invalidated").
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
