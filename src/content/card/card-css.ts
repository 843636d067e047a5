/** The card's styles; they live in its shadow root, so the page can neither see nor override them. */
export const CARD_CSS = `
.card { position: absolute; box-sizing: border-box; width: 380px; max-height: 380px; overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 13px/1.45 system-ui, sans-serif; padding: 10px 12px; text-align: left; }
.card p { margin: 0 0 4px; }
.title { font-weight: 700; font-size: 14px; }
.sub, .muted { color: #555; }
.list { list-style: none; margin: 6px 0 0; padding: 0; }
.list > li { border-top: 1px solid #ddd; padding: 6px 0; }
.outlet { font-weight: 600; }
.quote { border-left: 3px solid #f0e442; padding-left: 6px; }
.item { margin-top: 4px; }
a { color: #0b5cad; }
ins { background: #d8f5d0; text-decoration: none; }
del { background: #f8d7d5; }
.verdict { padding: 4px 6px; border-radius: 4px; }
.verdict.ok { background: #e5f4ea; }
.verdict.differ { background: #fdf0d5; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e1f22; color: #eee; border-color: #666; }
  .sub, .muted { color: #b5b5b5; }
  .list > li { border-color: #444; }
  a { color: #8cc4ff; }
  ins { background: #24482a; } del { background: #5a2a27; }
  .verdict.ok { background: #1f3a28; } .verdict.differ { background: #4a3b17; }
}`;
