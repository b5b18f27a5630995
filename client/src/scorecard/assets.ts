/**
 * The scorecard page's one style sheet and one script (render.ts puts them in the page under
 * its nonce), kept apart from the markup: constant text, the same for every scorecard.
 */

/**
 * Only theme variables: VS Code sets them on the page for the current theme (and the
 * `vscode-light` / `vscode-dark` / `vscode-high-contrast` body classes).
 */
export const STYLE = `
body { overflow-wrap: anywhere; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); line-height: 1.45; padding: 0 20px 24px; }
main { max-width: 960px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 18px 0 2px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 26px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
h2 .summary { font-weight: normal; color: var(--vscode-descriptionForeground); margin-left: 8px; }
p { margin: 4px 0; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
a:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.muted { color: var(--vscode-descriptionForeground); }
.file { margin-top: 0; }
.warn { color: var(--vscode-editorWarning-foreground); }
.missing { list-style: none; padding: 0; margin: 4px 0 0; display: grid; gap: 2px; }
.missing-item::before { content: '○'; color: var(--vscode-errorForeground); margin-right: 6px; }
h3 { font-size: 1em; font-weight: 600; margin: 12px 0 4px; }
.rule { font-size: 0.9em; max-width: 60em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.meter-row { display: flex; align-items: center; gap: 12px; max-width: 480px; }
.meter .track { fill: var(--vscode-editorWidget-border, var(--vscode-descriptionForeground)); fill-opacity: 0.35; }
.meter .fill { fill: var(--vscode-charts-green); }
.big { font-size: 1.4em; font-weight: 600; min-width: 3.5em; }
.table-wrap { overflow-x: auto; }
table.criteria { border-collapse: collapse; margin-top: 4px; }
table.criteria th, table.criteria td { padding: 5px 9px; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, transparent)); }
table.criteria thead th { font-weight: 600; color: var(--vscode-descriptionForeground); text-align: center; font-size: 0.88em; }
table.criteria thead th:first-child, table.criteria tbody th { text-align: left; }
table.criteria tbody th { font-weight: normal; }
td.ok, td.no { text-align: center; font-size: 1.15em; font-weight: 700; }
td.ok { color: var(--vscode-charts-green); }
td.no { color: var(--vscode-errorForeground); }
td.met { text-align: center; font-variant-numeric: tabular-nums; }
td.met.all { font-weight: 700; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 10px 0 6px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.chart { margin: 4px 0 8px; display: grid; grid-template-columns: fit-content(16em) minmax(160px, 1fr) max-content; column-gap: 14px; align-items: center; }
.chart-row { display: contents; }
.chart-row .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 16em; }
/* One line per row, so that every bar has the same height and the bands run on unbroken. */
.chart-row .value { font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart-row svg { display: block; overflow: visible; }
.band { stroke: none; }
.band-1 { fill: var(--vscode-charts-green); fill-opacity: 0.13; }
.band-2 { fill: var(--vscode-charts-yellow); fill-opacity: 0.11; }
.band-3 { fill: var(--vscode-foreground); fill-opacity: 0.04; }
.band-label { font-size: 11px; font-weight: 600; fill: var(--vscode-descriptionForeground); }
.tick { font-size: 10px; fill: var(--vscode-descriptionForeground); }
.threshold { stroke: var(--vscode-descriptionForeground); stroke-width: 1; stroke-dasharray: 3 3; stroke-opacity: 0.8; }
.seg { stroke: var(--vscode-editor-background); stroke-width: 1; }
.d-attractiveness { fill: var(--vscode-charts-blue); }
.d-fit { fill: var(--vscode-charts-purple); }
.d-accessibility { fill: var(--vscode-charts-orange); }
.d-strategic { fill: var(--vscode-charts-green); }
.total { font-weight: 700; font-size: 1.05em; margin-right: 6px; }
.total.unknown { font-weight: normal; color: var(--vscode-descriptionForeground); }
.total.mismatch { color: var(--vscode-errorForeground); }
.tier { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 0.9em; font-weight: 600; border: 1px solid currentColor; }
.tier-1 { color: var(--vscode-charts-green); }
.tier-2 { color: var(--vscode-charts-yellow); }
.tier-3 { color: var(--vscode-descriptionForeground); }
.tiers { list-style: none; padding: 0; margin: 8px 0 0; display: grid; gap: 4px; }
.lists { list-style: none; padding: 0; margin: 0; display: grid; gap: 4px; }
.lists li { display: flex; align-items: center; gap: 10px; }
/* A narrow panel (a side panel of 500 px): the criteria table becomes one card per segment, */
/* the chart puts each name over its bar, and nothing needs horizontal scrolling. */
@media (max-width: 560px) {
  body { padding: 0 12px 16px; }
  table.criteria, table.criteria tbody, table.criteria tr { display: block; width: 100%; }
  table.criteria thead { display: none; }
  table.criteria tr { padding: 6px 0; border-bottom: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, transparent)); }
  table.criteria tbody th { display: block; padding: 0 0 4px; border: none; font-weight: 600; }
  table.criteria td { display: inline-flex; align-items: center; gap: 4px; padding: 2px 10px 2px 0; border: none; font-size: 1em; }
  table.criteria td::before { content: attr(data-label); font-weight: normal; font-size: 0.88em; color: var(--vscode-descriptionForeground); }
  .chart { grid-template-columns: minmax(0, 1fr); row-gap: 2px; }
  .chart-row .name { max-width: none; margin-top: 8px; }
  .chart-row.axis-row > span { display: none; }
  .chart-row .value { white-space: normal; }
}
body.vscode-high-contrast .seg, body.vscode-high-contrast-light .seg { stroke: var(--vscode-contrastBorder); }
body.vscode-high-contrast .band, body.vscode-high-contrast-light .band { fill-opacity: 0; }
body.vscode-high-contrast .meter .track, body.vscode-high-contrast-light .meter .track { fill-opacity: 0; stroke: var(--vscode-contrastBorder); }
body.vscode-high-contrast .threshold, body.vscode-high-contrast-light .threshold { stroke: var(--vscode-contrastBorder); stroke-opacity: 1; }
`;

/**
 * Clicks on a name post "reveal" with its place; an "update" message from the extension
 * swaps in a new body (rendered by renderScorecardBody, hence already escaped).
 */
export const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  document.addEventListener('click', function (e) {
    const a = e.target instanceof Element ? e.target.closest('[data-line]') : null;
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(a.getAttribute('data-line')), character: Number(a.getAttribute('data-character')) });
  });
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (m && m.type === 'update' && typeof m.html === 'string') root.innerHTML = m.html;
  });
})();
`;
