/**
 * Our UI's styles; they live in its shadow root, so the page can neither see nor override them.
 * The card's are parsed when a card first opens (the browser parses a style sheet as it is
 * connected: about half a millisecond of the page's thread for these), the control's at once.
 */
export const CARD_CSS = `
.card { position: absolute; box-sizing: border-box; width: 380px; max-height: 380px; overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 13px/1.45 system-ui, sans-serif; padding: 10px 12px; text-align: left; }
.card p { margin: 0 0 4px; }
.title { font-weight: 700; font-size: 14px; }
.sub, .muted { color: #555; }
.list, .mentions { list-style: none; margin: 6px 0 0; padding: 0; }
.list > li, .mentions > li { border-top: 1px solid #ddd; padding: 6px 0; }
.outlet { font-weight: 600; }
.quote, .sentence { border-left: 3px solid #f0e442; padding-left: 6px; }
.item { margin-top: 4px; }
a { color: #0b5cad; }
ins { background: #d8f5d0; text-decoration: none; }
del { background: #f8d7d5; }
.verdict { padding: 4px 6px; border-radius: 4px; }
.verdict.ok { background: #e5f4ea; }
.verdict.differ { background: #fdf0d5; }
.notes { border-top: 1px solid #ddd; margin-top: 8px; padding-top: 6px; }
.note { margin-bottom: 6px; }
.stance { display: inline-block; font-size: 12px; font-weight: 600; border: 1px solid currentColor; border-radius: 3px;
  padding: 0 4px; margin-bottom: 2px; }
.stance-verified { color: #1a7f37; } .stance-disputed { color: #b3261e; } .stance-follow-up { color: #8a5a00; }
.changed { background: #fdf0d5; padding: 4px 6px; border-radius: 4px; }
.error { color: #b3261e; }
button.link { background: none; border: 0; padding: 0; color: #0b5cad; text-decoration: underline; }
button.danger { color: #b3261e; }
.confirm { margin-top: 6px; padding-left: 6px; border-left: 3px solid #b3261e; }
.note-form { position: absolute; box-sizing: border-box; width: 380px;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 13px/1.45 system-ui, sans-serif; padding: 10px 12px; text-align: left; }
.note-form label { display: block; margin-top: 6px; }
.note-form textarea, .note-form input[type="text"] { display: block; box-sizing: border-box; width: 100%; font: inherit;
  margin-top: 2px; }
.note-form select { font: inherit; }
.note-button { position: absolute; white-space: nowrap; font: 12px system-ui, sans-serif;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); }
@media (prefers-color-scheme: dark) {
  .card { background: #1e1f22; color: #eee; border-color: #666; }
  .sub, .muted { color: #b5b5b5; }
  .list > li, .mentions > li { border-color: #444; }
  a { color: #8cc4ff; }
  ins { background: #24482a; } del { background: #5a2a27; }
  .verdict.ok { background: #1f3a28; } .verdict.differ { background: #4a3b17; }
  .notes { border-color: #444; }
  .stance-verified { color: #6fdd8b; } .stance-disputed { color: #ff8a80; } .stance-follow-up { color: #f0c674; }
  .changed { background: #4a3b17; } .error, button.danger { color: #ff8a80; }
  .confirm { border-color: #ff8a80; }
  button.link { color: #8cc4ff; }
  .note-form, .note-button { background: #1e1f22; color: #eee; border-color: #666; }
}`;

/** The keyboard list control's styles, and what it shares with the card. */
export const CONTROL_CSS = `
button { font: inherit; padding: 2px 8px; margin: 4px 6px 0 0; cursor: pointer; }
/* The keyboard's way in: out of sight until it has the focus (like a skip link), then in the corner. */
.control { position: fixed; right: 12px; bottom: 12px; font: 13px/1.45 system-ui, sans-serif; color: #1b1b1b; }
.control-button { background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 4px; padding: 4px 10px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); white-space: nowrap; }
.control:not(.open) .control-button:not(:focus) { position: fixed; width: 1px; height: 1px; padding: 0; margin: 0;
  overflow: hidden; clip-path: inset(50%); border: 0; }
.control-button:focus-visible, .option:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
.list-panel { position: fixed; right: 12px; bottom: 48px; box-sizing: border-box; width: 360px; max-height: 50vh;
  overflow: auto; background: #fff; border: 1px solid #8a8a8a; border-radius: 8px; padding: 6px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.group-name { font-weight: 700; margin: 6px 4px 2px; }
.option { padding: 3px 6px; border-radius: 4px; cursor: pointer; overflow-wrap: anywhere; }
.option[aria-selected="true"] { background: #dbe9fb; }
@media (prefers-color-scheme: dark) {
  .control { color: #eee; }
  .control-button, .list-panel { background: #1e1f22; color: #eee; border-color: #666; }
  .option[aria-selected="true"] { background: #23395b; }
  .control-button:focus-visible, .option:focus-visible { outline-color: #8cc4ff; }
}`;
