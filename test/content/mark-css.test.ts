// The highlights' stylesheet: one ::highlight() rule per name the painter registers. A
// ::highlight() rule may set only colours and text decorations (CSS Pseudo-Elements 4), so
// a painted highlight can never change a box; a property outside that set would be ignored
// by the browser, and a page's own rule for our names must lose to ours.
import { describe, expect, it } from 'vitest';
import { MARK_CSS } from '../../src/content/mark-css';
import { FOCUS_HIGHLIGHT, highlightName } from '../../src/content/painter';
import { ACTOR_RGB, FIGURE_RGB, NOTE_RGB, QUOTE_RGB } from '../../src/shared/palette';

interface Rule {
  selector: string;
  declarations: { property: string; value: string }[];
}

/** The sheet's rules, each with its declarations split into property and value. */
function rules(css: string): Rule[] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector!.trim(),
    declarations: body!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const colon = d.indexOf(':');
        return { property: d.slice(0, colon).trim(), value: d.slice(colon + 1).trim() };
      }),
  }));
}

const RULES = rules(MARK_CSS);
/** Three ids' specificity, matching every element: what makes our rules beat a page's for our names. */
const STRONG = ':not(#\\#):not(#\\#):not(#\\#)';

/** The declarations of the rule for highlight `name`, as one string ('' when there is none). */
const ruleFor = (name: string) =>
  (RULES.find((r) => r.selector === `${STRONG}::highlight(${name})`)?.declarations ?? [])
    .map((d) => `${d.property}: ${d.value}`)
    .join('; ');

/** What ::highlight() may set; anything else the browser ignores there. */
const ALLOWED =
  /^(?:color|background-color|text-decoration(?:-line|-color|-style|-thickness)?|text-underline-offset|text-shadow)$/;

describe('the highlights stylesheet', () => {
  it('is only ::highlight() rules for our names: nothing styles the page’s own elements', () => {
    expect(RULES.length).toBeGreaterThan(5);
    const ours = (s: string) =>
      s.startsWith(STRONG) && /^::highlight\(crosswire-[a-z_-]+\)$/.test(s.slice(STRONG.length));
    expect(RULES.map((r) => r.selector).filter((s) => !ours(s))).toEqual([]);
  });

  it('gives each actor type its palette colour, tinted and underlined', () => {
    for (const [type, rgb] of Object.entries(ACTOR_RGB)) {
      const actor = ruleFor(highlightName('actor', type));
      expect(actor, type).toContain(`background-color: rgba(${rgb}, 0.16)`);
      expect(actor, type).toContain(`underline solid rgb(${rgb})`);
    }
    // An actor the engine could not tell apart: dotted, so it reads as uncertain.
    expect(ruleFor(highlightName('actor'))).toContain(`underline dotted rgb(${ACTOR_RGB.person})`);
  });

  it('underlines figures, tints quotes without an underline, dashes notes, and inverts the focused one', () => {
    expect(ruleFor(highlightName('figure'))).toContain(`underline solid rgb(${FIGURE_RGB})`);
    const quote = ruleFor(highlightName('quote'));
    expect(quote).toContain(`background-color: rgba(${QUOTE_RGB}, 0.22)`);
    expect(quote).not.toContain('text-decoration');
    expect(ruleFor(highlightName('note'))).toContain(`underline dashed rgb(${NOTE_RGB})`);
    const focus = ruleFor(FOCUS_HIGHLIGHT);
    expect(focus).toContain('background-color: #1b1b1b');
    expect(focus).toContain('color: #ffffff');
  });

  it('marks every declaration important, so a page’s rules for our names cannot restyle a highlight', () => {
    const declarations = RULES.flatMap((r) => r.declarations);
    expect(declarations.length).toBeGreaterThan(10);
    expect(declarations.filter((d) => !d.value.endsWith('!important'))).toEqual([]);
  });

  it('sets only properties ::highlight() allows, none of which changes a box', () => {
    const properties = new Set(RULES.flatMap((r) => r.declarations.map((d) => d.property)));
    expect([...properties].filter((p) => !ALLOWED.test(p))).toEqual([]);
  });
});
