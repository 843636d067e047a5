import { ACTOR_RGB, FIGURE_RGB, NOTE_RGB, QUOTE_RGB } from '../shared/palette';

// The highlights' stylesheet, written to dist/*/marks.css by the build and injected with the
// content script (manifest, or scripting.insertCSS on request). One sheet instead of an
// inline style per highlight: a page of 10,000 highlights parses it once, not 10,000 times.
// Every declaration is !important and the selectors name our element and attributes, so a
// page's own !important rules on `*`, `span` or `mark` lose to ours. A translucent background
// and an underline drawn with an inset shadow change no box's size, so layout does not move.

// Every rule names our element and both of its attributes (specificity 0,2,1 and up): a
// page rule on `crosswire-mark` itself, even !important and later in the cascade, loses.
const MARK = 'crosswire-mark[data-crosswire-kind][data-crosswire-id]';
const tint = (rgb: string, alpha: number, underline: boolean) =>
  `background-color: rgba(${rgb}, ${alpha}) !important; ` +
  `box-shadow: ${underline ? `inset 0 -2px 0 rgb(${rgb})` : 'none'} !important;`;

const rules = [
  `${MARK} { color: inherit !important; font: inherit !important; margin: 0 !important; padding: 0 !important; ` +
    'border: 0 !important; display: inline !important; border-radius: 2px !important; cursor: help !important; ' +
    `${tint(ACTOR_RGB.person, 0.16, true)} }`,
  ...Object.entries(ACTOR_RGB).map(
    ([type, rgb]) => `${MARK}[data-crosswire-kind="actor"][data-crosswire-type="${type}"] { ${tint(rgb, 0.16, true)} }`,
  ),
  `${MARK}[data-crosswire-kind="figure"] { ${tint(FIGURE_RGB, 0.16, true)} }`,
  `${MARK}[data-crosswire-kind="quote"] { ${tint(QUOTE_RGB, 0.22, false)} }`,
  // The reader's own notes: a dashed outline (outlines take no space) over a light tint.
  `${MARK}[data-crosswire-kind="note"] { ${tint(NOTE_RGB, 0.14, false)} ` +
    `outline: 1px dashed rgb(${NOTE_RGB}) !important; outline-offset: 0 !important; }`,
];

export const MARK_CSS = `${rules.join('\n')}\n`;
