import type { Reply, Request } from '../messages';
import { parseReply } from '../messages';

/** Sends a request to the background and returns its checked reply; never throws. */
export async function sendRequest<R extends Request>(
  runtime: { sendMessage(message: unknown): Promise<unknown> },
  request: R,
): Promise<Reply<R['type']>> {
  try {
    return parseReply<R['type']>(request.type, await runtime.sendMessage(request));
  } catch (error) {
    // Rejections here mean the background never answered: it failed to start, or the
    // extension was reloaded under us ("Extension context invalidated").
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
