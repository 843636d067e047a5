import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { engineWarmer, WARM_SAMPLE } from '../../src/background/warm';

describe('getting the engine ready as a page starts loading', () => {
  it('runs the engine once per worker, in a task of its own, and says whether it was ready', () => {
    const tasks: (() => void)[] = [];
    const warm = engineWarmer((work) => tasks.push(work));
    expect(warm()).toBe(false);
    expect(tasks).toHaveLength(1);
    expect(warm()).toBe(true);
    expect(tasks).toHaveLength(1);
    expect(() => tasks[0]!()).not.toThrow();
  });

  it('takes the engine through an actor, a figure and a quote with its speaker', () => {
    const found = annotate(WARM_SAMPLE);
    expect(new Set(found.map((a) => a.kind))).toEqual(new Set(['actor', 'figure', 'quote']));
    expect(found.find((a) => a.kind === 'quote')).toMatchObject({ speakerId: expect.any(String) });
  });
});
