import { annotate } from '../core/annotate';

/**
 * Invented copy (not any outlet's) that takes the engine through an actor of each kind, a
 * figure and a quote with its speaker.
 */
export const WARM_SAMPLE =
  'The United Nations Security Council met in New York on Monday. "We need a ceasefire now," ' +
  'Secretary-General Antonio Guterres told reporters, as the Red Cross said 1,200 people had fled.';

/**
 * What gets the engine ready in a background that has just started: the dictionary built
 * (from the words the build worked out: see dictionary.ts) and the engine's code run once, on
 * a short sample. A news page asks for it as it starts loading (the `wake` request), so that a worker
 * Chrome stopped after 30 s without events has done this before the page's article arrives.
 * The returned function answers whether the engine was ready already; the work itself runs
 * once per worker, in a task of its own (`schedule`), after the answer.
 */
export function engineWarmer(schedule: (work: () => void) => void = (work) => setTimeout(work, 0)): () => boolean {
  let warm = false;
  return () => {
    if (warm) return true;
    warm = true;
    schedule(() => {
      try {
        annotate(WARM_SAMPLE);
      } catch (error) {
        // The page's own reading builds the engine again and reports what fails.
        console.error('Crosswire: getting the engine ready failed', error);
      }
    });
    return false;
  };
}
