// The board report as one self-contained HTML page (inline styles and SVG charts, no external requests).
import { reportCharts } from './charts.ts';
import type { PortfolioReport } from './model.ts';
import { formatInteger, formatMoney, headline, LEVEL_TEXT, METHOD } from './text.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const level = (l: keyof typeof LEVEL_TEXT) => `<span class="level level-${l}">${LEVEL_TEXT[l]}</span>`;

export function renderReportHtml(r: PortfolioReport): string {
  const charts = reportCharts(r);
  const worklist = table(
    ['#', 'Supplier', 'Countries', 'Level', 'Score', 'Spend', 'Why'],
    r.worklist.map((s, i) => [
      String(i + 1),
      esc(s.name),
      esc(s.countries.join(', ')),
      level(s.level),
      String(s.score),
      esc(formatMoney(s.spend, s.currency)),
      `<ul>${s.why.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`,
    ]),
  );
  const hotspots = table(
    ['Good', 'Country', 'Level', 'Suppliers', 'Spend', 'Listed for', 'Source'],
    r.hotspots.map((h) => [esc(h.good), esc(h.countryName), level(h.level), formatInteger(h.suppliers), esc(formatMoney(h.spend, r.currency)), esc(h.kinds.join(', ')), esc(h.source)]),
  );
  const sources = table(
    ['Dataset', 'Edition', 'Publisher', 'Licence'],
    r.sources.map((s) => [`<a href="${esc(s.sourceUrl)}">${esc(s.title)}</a>`, esc(s.edition), esc(s.publisher), esc(s.licence)]),
  );
  const weights = table(['Weight', 'Value', 'Why'], r.weights.map((w) => [esc(w.label), String(w.value), esc(w.why)]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trafficking and forced-labour risk — ${esc(r.organisation)}</title>
<style>
body{font-family:Roboto,Helvetica,Arial,sans-serif;color:#1b2430;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5dbe2;padding-bottom:.3rem}
.meta{color:#56606b}.charts{display:flex;flex-wrap:wrap;gap:1rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e4e8ed}th{background:#f3f5f7}
td ul{margin:0;padding-left:1rem}.level{font-weight:600;padding:0 .35rem;border-radius:3px;color:#fff}
.level-low{background:#5b8c5a}.level-medium{background:#8a6a00}.level-high{background:#b5541a}.level-severe{background:#a4161a}
.note{background:#f3f5f7;border-left:4px solid #1f4e79;padding:.6rem 1rem}
@media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
</style></head><body>
<h1>Trafficking and forced-labour risk in the supply base</h1>
<p class="meta">${esc(r.organisation)} · ${esc(r.subject)} · generated ${esc(r.generatedAt)} by Vigil</p>
<h2>Summary</h2>
${headline(r).map((p) => `<p>${esc(p)}</p>`).join('\n')}
<div class="charts">${charts.suppliersByLevel}${charts.spendByLevel}</div>
${r.countries.length ? charts.countries : ''}
<h2>Where to act first</h2>
<p>Suppliers ranked by priority (severity × likelihood, with spend share as leverage).</p>
${worklist}
<h2>Hotspots: goods and countries</h2>
${hotspots}
<h2>Method</h2>
${METHOD.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${weights}
<h2>Sources</h2>
<p>Every signal cites its dataset, edition and row; these are the editions this report used.</p>
${sources}
<p class="note">${esc(METHOD[METHOD.length - 1]!)}</p>
</body></html>
`;
}
