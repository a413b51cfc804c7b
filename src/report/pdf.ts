// The board report as PDF (pdfmake, with the Roboto fonts pdfmake ships so names such as Côte d’Ivoire and
// Türkiye print correctly). Same words and charts as the HTML.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { reportCharts, LEVEL_COLOURS } from './charts.ts';
import type { PortfolioReport } from './model.ts';
import { formatInteger, formatMoney, headline, LEVEL_TEXT, METHOD } from './text.ts';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let configured = false;

function configure(): void {
  if (configured) return;
  const f = (name: string) => join(FONT_DIR, name);
  pdfmake.addFonts({ Roboto: { normal: f('Roboto-Regular.ttf'), bold: f('Roboto-Medium.ttf'), italics: f('Roboto-Italic.ttf'), bolditalics: f('Roboto-MediumItalic.ttf') } });
  // The report embeds nothing from outside: only the bundled fonts may be read, and no URL fetched.
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

const header = (cells: string[]) => cells.map((text) => ({ text, style: 'th' }));
const levelCell = (l: keyof typeof LEVEL_TEXT) => ({ text: LEVEL_TEXT[l], color: '#ffffff', fillColor: LEVEL_COLOURS[l], bold: true });

export async function renderReportPdf(r: PortfolioReport): Promise<Buffer> {
  configure();
  const charts = reportCharts(r);
  const layout = 'lightHorizontalLines';
  const doc = {
    info: { title: `Trafficking and forced-labour risk — ${r.organisation}`, creator: 'Vigil' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] }, meta: { color: '#56606b', margin: [0, 0, 0, 8] }, th: { bold: true, fillColor: '#f3f5f7' } },
    footer: (page: number, pages: number) => ({ text: `Vigil — ${r.organisation} — page ${page} of ${pages}`, alignment: 'center', fontSize: 8, color: '#56606b', margin: [0, 20, 0, 0] }),
    content: [
      { text: 'Trafficking and forced-labour risk in the supply base', style: 'h1' },
      { text: `${r.organisation} · ${r.subject} · generated ${r.generatedAt}`, style: 'meta' },
      { text: 'Summary', style: 'h2' },
      ...headline(r).map((text) => ({ text, margin: [0, 0, 0, 4] })),
      { columns: [{ svg: charts.suppliersByLevel, width: 250 }, { svg: charts.spendByLevel, width: 250 }], columnGap: 10, margin: [0, 8, 0, 0] },
      ...(r.countries.length ? [{ svg: charts.countries, width: 515 }] : []),
      { text: 'Where to act first', style: 'h2', pageBreak: 'before' },
      { text: 'Suppliers ranked by priority (severity × likelihood, with spend share as leverage).', margin: [0, 0, 0, 6] },
      {
        layout,
        table: {
          headerRows: 1,
          widths: [14, '*', 50, 42, 26, 60, 190],
          body: [
            header(['#', 'Supplier', 'Countries', 'Level', 'Score', 'Spend', 'Why']),
            ...r.worklist.map((s, i) => [String(i + 1), s.name, s.countries.join(', '), levelCell(s.level), String(s.score), formatMoney(s.spend, s.currency), { ul: s.why, fontSize: 8 }]),
          ],
        },
      },
      { text: 'Hotspots: goods and countries', style: 'h2' },
      {
        layout,
        table: {
          headerRows: 1,
          widths: ['*', 80, 42, 45, 60, 80, 80],
          body: [
            header(['Good', 'Country', 'Level', 'Suppliers', 'Spend', 'Listed for', 'Source']),
            ...r.hotspots.map((h) => [h.good, h.countryName, levelCell(h.level), formatInteger(h.suppliers), formatMoney(h.spend, r.currency), h.kinds.join(', '), h.source]),
          ],
        },
      },
      { text: 'Method', style: 'h2' },
      ...METHOD.map((text) => ({ text, margin: [0, 0, 0, 4] })),
      { layout, table: { headerRows: 1, widths: [110, 35, '*'], body: [header(['Weight', 'Value', 'Why']), ...r.weights.map((w) => [w.label, String(w.value), w.why])] }, margin: [0, 6, 0, 0] },
      { text: 'Sources', style: 'h2' },
      { text: 'Every signal cites its dataset, edition and row; these are the editions this report used.', margin: [0, 0, 0, 6] },
      {
        layout,
        table: {
          headerRows: 1,
          widths: ['*', 50, 120, 90],
          body: [header(['Dataset', 'Edition', 'Publisher', 'Licence']), ...r.sources.map((s) => [{ text: s.title, link: s.sourceUrl, color: '#1f4e79' }, s.edition, s.publisher, s.licence])],
        },
      },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
