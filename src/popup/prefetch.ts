import type { Reply, Request } from '../messages';
import type { Ask } from '../shared/ask';
import { readPage } from './page-state';

/**
 * An `ask` that can be asked ahead: `ahead` sends a request now, and the first component
 * to ask the same request (the same JSON) takes that answer instead of sending it again.
 * Each answer is handed over once, so a request asked again later (after the reader
 * highlighted the page, or fetched an entry in full) goes to the background.
 */
export function askingAhead(ask: Ask): AskingAhead {
  const asked = new Map<string, Promise<unknown>>();
  const ahead: Ask = (request) => {
    const answer = ask(request);
    asked.set(JSON.stringify(request), answer);
    return answer;
  };
  const answered: AskingAhead['answered'] = (request, reply) =>
    void asked.set(JSON.stringify(request), Promise.resolve(reply));
  const taking = <R extends Request>(request: R): Promise<Reply<R['type']>> => {
    const key = JSON.stringify(request);
    const answer = asked.get(key) as Promise<Reply<R['type']>> | undefined;
    asked.delete(key);
    return answer ?? ask(request);
  };
  return { ask: taking, ahead, answered };
}

export interface AskingAhead {
  /** What the popup's components ask with. */
  ask: Ask;
  /** Ask now, for a component to take later. */
  ahead: Ask;
  /** Hand a component an answer that came with another (the page's story, with the page). */
  answered<R extends Request>(request: R, reply: Reply<R['type']>): void;
}

/**
 * What the popup shows first, asked before it renders: the tab's page, then its story. The
 * background sends the story along with the page when it has it worked out (it does once the
 * page is read), so the popup asks again only for a page read just now. The popup's first
 * frame and the answers overlap, instead of following each other.
 */
export async function askFirstAhead(
  asking: Pick<AskingAhead, 'ahead' | 'answered'>,
  tabId: number | null,
  url?: string,
): Promise<void> {
  const page = await readPage(asking.ahead, tabId, url);
  if (!page.ok) return;
  const story = { type: 'story-match', articleId: page.value.articleId } as const;
  if (page.value.story) asking.answered(story, { ok: true, value: page.value.story });
  else await asking.ahead(story);
}
