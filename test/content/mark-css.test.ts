import { describe, expect, it } from 'vitest';
import { ACTOR_RGB, FIGURE_RGB, QUOTE_RGB } from '../../src/shared/palette';
import { MARK_CSS } from '../../src/content/mark-css';

/** The declarations of the rule whose selector is exactly `selector`. */
const rule = (selector: string) => MARK_CSS.split('\n').find((line) => line.startsWith(`${selector} {`)) ?? '';

describe('the highlights stylesheet', () => {
  it('gives each actor type its palette colour', () => {
    for (const [type, rgb] of Object.entries(ACTOR_RGB)) {
      expect(
        rule(
          `crosswire-mark[data-crosswire-kind][data-crosswire-id][data-crosswire-kind="actor"][data-crosswire-type="${type}"]`,
        ),
      ).toContain(`rgba(${rgb}, 0.16)`);
    }
  });

  it('underlines figures and tints quotes without an underline', () => {
    expect(rule('crosswire-mark[data-crosswire-kind][data-crosswire-id][data-crosswire-kind="figure"]')).toContain(
      `inset 0 -2px 0 rgb(${FIGURE_RGB})`,
    );
    expect(rule('crosswire-mark[data-crosswire-kind][data-crosswire-id][data-crosswire-kind="quote"]')).toContain(
      `rgba(${QUOTE_RGB}, 0.22)`,
    );
    expect(rule('crosswire-mark[data-crosswire-kind][data-crosswire-id][data-crosswire-kind="quote"]')).toContain(
      'box-shadow: none !important',
    );
  });

  it('marks every declaration important, so page rules cannot restyle a highlight', () => {
    const declarations = MARK_CSS.match(/[a-z-]+:[^;{}]+;/g) ?? [];
    expect(declarations.length).toBeGreaterThan(10);
    expect(declarations.filter((d) => !d.includes('!important'))).toEqual([]);
  });

  it('changes no box: no size, and margin, padding and border only set to zero', () => {
    const declarations = (MARK_CSS.match(/[a-z-]+:[^;{}]+;/g) ?? []).map((d) =>
      d.split(':').map((part) => part.trim()),
    );
    const boxy = declarations.filter(
      ([property]) =>
        /^(?:width|height|min-|max-|margin|padding|border|line-height|letter-spacing|word-spacing|position|float)/.test(
          property!,
        ) && property !== 'border-radius',
    );
    expect(boxy.length).toBe(3);
    expect(boxy.filter(([, value]) => value !== '0 !important;')).toEqual([]);
  });
});
