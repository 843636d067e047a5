/**
 * A fake web for the feed tests: `fetch` answered from a table of addresses, recording every
 * request (its address, headers and options) so a test can check what was sent.
 */

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  init: RequestInit;
}

/** What an address answers: a Response, or a function of the request (to answer 304, hang, or change). */
export type Answer = Response | ((request: SentRequest) => Response | Promise<Response>);

/** A Response that reports `url` as where it came from (as a browser's does after redirects). */
export function answer(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): Response {
  const response = new Response(body, init);
  if (init.url) Object.defineProperty(response, 'url', { value: init.url });
  return response;
}

export function fakeWeb(routes: Record<string, Answer> = {}) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request = { url, headers, init };
    sent.push(request);
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    // A fixed answer is cloned, so every request reads a fresh body (a clone forgets its url).
    const response = typeof route === 'function' ? await route(request) : route.clone();
    const from = typeof route === 'function' ? response.url : route.url;
    Object.defineProperty(response, 'url', { value: from || url });
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, routes };
}

/** A request that never answers until it is aborted (a dead server): rejects as fetch does then. */
export function hanging(request: SentRequest): Promise<Response> {
  return new Promise((_, reject) => {
    request.init.signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    );
  });
}

/** A body that sends its first bytes and then stalls (a slow server), ending only when cancelled. */
export function stallingBody(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
  });
}

/** A body of `bytes` bytes, sent in 64 KB chunks, that counts how many chunks were pulled. */
export function bigBody(bytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
  return { stream, pulled: () => pulls };
}
