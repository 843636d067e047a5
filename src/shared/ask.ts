import type { Reply, Request } from '../messages';

/**
 * Sends a request to the background and resolves with its checked reply. The popup, the
 * options page and the content script each get one (sendRequest over the real runtime, or a
 * fake in tests), so their components never touch the extension API.
 */
export type Ask = <R extends Request>(request: R) => Promise<Reply<R['type']>>;
