// The report's charts as SVG, rendered with ECharts' server-side renderer so the HTML and the PDF show the
// same pictures without a browser.
import * as echarts from 'echarts';
import { LEVELS, type Level } from '../risk/types.ts';
import type { PortfolioReport } from './model.ts';

export const LEVEL_COLOURS: Record<Level, string> = { low: '#5b8c5a', medium: '#d9a400', high: '#d9661f', severe: '#a4161a' };
const LEVEL_LABELS: Record<Level, string> = { low: 'Low', medium: 'Medium', high: 'High', severe: 'Severe' };

function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'Roboto, Helvetica, Arial, sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function levelBars(title: string, values: number[], format: (v: number) => string): string {
  return render(
    {
      title: { text: title, left: 0, textStyle: { fontSize: 13, fontWeight: 'bold' } },
      grid: { left: 70, right: 20, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: LEVELS.map((l) => LEVEL_LABELS[l]) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
      series: [
        {
          type: 'bar',
          data: values.map((v, i) => ({ value: v, itemStyle: { color: LEVEL_COLOURS[LEVELS[i]!] } })),
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => format(Number(p.value)) },
        },
      ],
    },
    360,
    220,
  );
}

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

export function reportCharts(report: PortfolioReport): { suppliersByLevel: string; spendByLevel: string; countries: string } {
  const byLevel = (f: (l: PortfolioReport['levels'][number]) => number) => LEVELS.map((l) => f(report.levels.find((x) => x.level === l) ?? { level: l, suppliers: 0, lines: 0, spend: 0 }));
  const top = report.countries.slice(0, 10).reverse();
  return {
    suppliersByLevel: levelBars('Suppliers by risk level', byLevel((l) => l.suppliers), (v) => compact.format(v)),
    spendByLevel: levelBars(`Spend by risk level${report.currency ? ` (${report.currency})` : ''}`, byLevel((l) => l.spend), (v) => compact.format(v)),
    countries: render(
      {
        title: { text: 'Top countries by spend, coloured by worst risk level', left: 0, textStyle: { fontSize: 13, fontWeight: 'bold' } },
        grid: { left: 130, right: 40, top: 44, bottom: 20 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact.format(v) } },
        yAxis: { type: 'category', data: top.map((c) => c.countryName) },
        series: [{ type: 'bar', data: top.map((c) => ({ value: c.spend, itemStyle: { color: LEVEL_COLOURS[c.level] } })) }],
      },
      740,
      Math.max(140, 50 + top.length * 24),
    ),
  };
}
