import { useLayoutEffect, useState } from 'preact/hooks';
import type { Result } from '../messages';

/** What a view shows while it waits for the background, once it answered, or when it failed. */
export type Answer<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ok'; value: T };

/**
 * Ask once per change of `deps` and keep the latest answer; an answer that arrives after the
 * inputs changed (or the view went away) is dropped, so a slow reply never overwrites a newer one.
 * Asked as the view is committed (a layout effect), not after the browser paints it: the
 * popup's first answers are asked ahead and often there already, and waiting a frame before
 * each step showed the story a frame or two later.
 */
export function useAnswer<T>(ask: () => Promise<Result<T>>, deps: unknown[]): Answer<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ state: 'loading' });
  useLayoutEffect(() => {
    let current = true;
    setAnswer({ state: 'loading' });
    ask()
      .then((r) => current && setAnswer(r.ok ? { state: 'ok', value: r.value } : { state: 'error', error: r.error }))
      .catch(
        (error: unknown) =>
          current && setAnswer({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, deps);
  return answer;
}
