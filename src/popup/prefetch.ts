import type { Reply, Request } from '../messages';
import type { Ask } from '../shared/ask';
import { readPage } from './page-state';

/**
 * An `ask` that can be asked ahead: `ahead` sends a request now, and the first component
 * to ask the same request (the same JSON) takes that answer instead of sending it again.
 * Each answer is handed over once, so a request asked again later (after the reader
 * highlighted the page, or fetched an entry in full) goes to the background.
 */
export function askingAhead(ask: Ask): { ask: Ask; ahead: Ask } {
  const asked = new Map<string, Promise<unknown>>();
  const ahead: Ask = (request) => {
    const answer = ask(request);
    asked.set(JSON.stringify(request), answer);
    return answer;
  };
  const taking = <R extends Request>(request: R): Promise<Reply<R['type']>> => {
    const key = JSON.stringify(request);
    const answer = asked.get(key) as Promise<Reply<R['type']>> | undefined;
    asked.delete(key);
    return answer ?? ask(request);
  };
  return { ask: taking, ahead };
}

/**
 * What the popup shows first, asked before it renders: the tab's page, then its story as
 * soon as the page's id is known (the background has usually worked it out already). The
 * popup's first frame and the page's answer overlap, instead of following each other.
 */
export async function askFirstAhead(ahead: Ask, tabId: number | null, url?: string): Promise<void> {
  const page = await readPage(ahead, tabId, url);
  if (page.ok) await ahead({ type: 'story-match', articleId: page.value.articleId });
}
