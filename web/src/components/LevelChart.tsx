// A bar per risk level (ECharts, SVG renderer): suppliers or spend. Each bar is labelled with its figure and
// the level's name sits under it, so the colour is never the only cue; the same figures are in the
// chart's accessible name and in the table next to it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { barsSummary, type LevelBar } from '../lib/portfolio.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

function buildOption(bars: readonly LevelBar[], format: (n: number) => string, short: (n: number) => string, axisName: string): echarts.EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 12, top: 26, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        const b = bars[i];
        return b ? `<strong>${b.label}</strong><br/>${format(b.value)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#9aa5b1' } },
      // Every level's name under its bar, even when the chart is narrow.
      axisLabel: { color: '#1c2530', fontSize: 13, fontWeight: 600, interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: axisName,
      nameTextStyle: { color: '#3e4c59', fontSize: 12, align: 'left' },
      splitLine: { lineStyle: { color: '#eceff2' } },
      axisLabel: { color: '#3e4c59', fontSize: 12, formatter: (v: number) => short(v) },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 64,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour, borderColor: 'rgba(0,0,0,0.25)', borderWidth: 1 } })),
        label: { show: true, position: 'top', color: '#1c2530', fontSize: 11, formatter: (p: { value: number }) => short(p.value) },
      },
    ],
  };
}

/** `format` writes a figure in full (tooltip, accessible name); `short`, on the axis and above the bars, may leave out what the axis name says (the currency). */
export function LevelChart({
  bars,
  format,
  short = format,
  axisName,
  title,
  testId,
}: {
  bars: readonly LevelBar[];
  format: (n: number) => string;
  short?: (n: number) => string;
  axisName: string;
  title: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(buildOption(bars, format, short, axisName), { notMerge: true });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [bars, format, short, axisName]);

  return <div ref={ref} className="level-chart" role="img" aria-label={`${title}: ${barsSummary(bars, format)}.`} {...(testId ? { 'data-testid': testId } : {})} />;
}
