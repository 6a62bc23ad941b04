/**
 * The panel's CSS, adopted inside its shadow root. Theme it from outside with the custom properties below or
 * with `::part(...)` selectors.
 * @module
 */
export const PANEL_CSS = `
:host {
  --opencti-font: system-ui, sans-serif;
  --opencti-bg: #ffffff;
  --opencti-fg: #1d2330;
  --opencti-muted: #5b6475;
  --opencti-accent: #0b63ce;
  --opencti-accent-fg: #ffffff;
  --opencti-danger: #b3261e;
  --opencti-ringing: #fff4ce;
  --opencti-border: #c9ced8;
  --opencti-radius: 6px;
  --opencti-gap: 0.5rem;
  display: block;
  font: 14px/1.4 var(--opencti-font);
  color: var(--opencti-fg);
  background: var(--opencti-bg);
  border: 1px solid var(--opencti-border);
  border-radius: var(--opencti-radius);
  padding: var(--opencti-gap);
}
section { display: grid; gap: var(--opencti-gap); margin-block-end: var(--opencti-gap); }
.row { display: flex; flex-wrap: wrap; gap: var(--opencti-gap); align-items: center; }
h2, h3 { font-size: 1em; margin: 0; }
button {
  font: inherit; padding: 0.3em 0.8em; border-radius: var(--opencti-radius);
  border: 1px solid var(--opencti-accent); background: var(--opencti-accent); color: var(--opencti-accent-fg);
  cursor: pointer;
}
button:disabled { background: transparent; color: var(--opencti-muted); border-color: var(--opencti-border); cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible {
  outline: 3px solid var(--opencti-accent); outline-offset: 2px;
}
input, select, textarea { font: inherit; padding: 0.25em; border: 1px solid var(--opencti-border); border-radius: var(--opencti-radius); }
[part~="ringing"] { background: var(--opencti-ringing); border-radius: var(--opencti-radius); padding: var(--opencti-gap); }
[part~="ringing"]:empty { display: none; }
[part~="call"] { border: 1px solid var(--opencti-border); border-radius: var(--opencti-radius); padding: var(--opencti-gap); }
[part~="errors"]:empty, [part~="link-banner"]:empty { display: none; }
[part~="errors"] { color: var(--opencti-danger); }
[part~="link-banner"] { background: var(--opencti-danger); color: #fff; padding: var(--opencti-gap); border-radius: var(--opencti-radius); }
.muted, [part~="timer"], [part~="pending"] { color: var(--opencti-muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0 var(--opencti-gap); margin: 0; }
dt { color: var(--opencti-muted); }
dd { margin: 0; }
`;
