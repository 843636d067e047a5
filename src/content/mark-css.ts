import { ACTOR_RGB, FIGURE_RGB, NOTE_RGB, QUOTE_RGB } from '../shared/palette';
import { FOCUS_HIGHLIGHT, highlightName } from './painter';

// The highlights' stylesheet, written to dist/*/marks.css by the build and injected with the
// content script (manifest, or scripting.insertCSS on request). Highlights are painted with
// the CSS Custom Highlight API (painter.ts): `::highlight(name)` may set only colours and
// text decorations, none of which changes a box, so the page's layout cannot move. Every
// declaration is !important, and each selector is raised to three ids' specificity (by
// `:not(#\#)`, which every element matches): our sheet is an author sheet that loads before
// the page's, so a page's own `::highlight(crosswire-…) { … !important }` would otherwise win.

const tint = (rgb: string, alpha: number) => `background-color: rgba(${rgb}, ${alpha}) !important;`;
const underline = (rgb: string, style = 'solid') =>
  `text-decoration: underline ${style} rgb(${rgb}) !important; text-decoration-thickness: 2px !important; ` +
  'text-underline-offset: 2px !important;';
const STRONG = ':not(#\\#):not(#\\#):not(#\\#)';
const rule = (name: string, declarations: string) => `${STRONG}::highlight(${name}) { ${declarations} }`;

const rules = [
  // An actor the engine could not tell apart (no id): the person colour, as before.
  rule(highlightName('actor'), `${tint(ACTOR_RGB.person, 0.16)} ${underline(ACTOR_RGB.person, 'dotted')}`),
  ...Object.entries(ACTOR_RGB).map(([type, rgb]) =>
    rule(highlightName('actor', type), `${tint(rgb, 0.16)} ${underline(rgb)}`),
  ),
  rule(highlightName('figure'), `${tint(FIGURE_RGB, 0.16)} ${underline(FIGURE_RGB)}`),
  rule(highlightName('quote'), tint(QUOTE_RGB, 0.22)),
  // The reader's own notes: a dashed underline over a light tint.
  rule(highlightName('note'), `${tint(NOTE_RGB, 0.14)} ${underline(NOTE_RGB, 'dashed')}`),
  // The keyboard's current highlight: dark on light, whatever it covers, like a selection.
  rule(FOCUS_HIGHLIGHT, 'background-color: #1b1b1b !important; color: #ffffff !important;'),
];

export const MARK_CSS = `${rules.join('\n')}\n`;
