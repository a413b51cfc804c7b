// Tier history as a step of points by year (ECharts, SVG renderer). Years without a recorded placement are
// drawn as hatched columns labelled "No placement recorded" and break the line, so gaps stay visible.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { NO_PLACEMENT_LABEL, TIERS, isTierCode, tierLabel } from '../lib/tiers.ts';

echarts.use([LineChart, ScatterChart, BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface TierPoint {
  year: number;
  tier: string | null;
}

// Positions on the y axis: Tier 1 at the top; special cases (off the scale) below Tier 3 when present.
const Y: Record<string, number> = { '1': 5, '2': 4, '2WL': 3, '3': 2, special_case: 1 };
const Y_LABEL: Record<number, string> = { 5: 'Tier 1', 4: 'Tier 2', 3: 'Tier 2 WL', 2: 'Tier 3', 1: 'Special case' };
const TOP = 6;

function buildOption(points: readonly TierPoint[], narrow: boolean): echarts.EChartsCoreOption {
  const years = points.map((p) => String(p.year));
  const hasSpecial = points.some((p) => p.tier === 'special_case');
  const bottom = hasSpecial ? 0 : 1;
  const line = points.map((p) => {
    if (!isTierCode(p.tier) || p.tier === 'special_case') return null;
    return { value: Y[p.tier]!, itemStyle: { color: TIERS[p.tier].colour } };
  });
  const special = points.map((p) => (p.tier === 'special_case' ? { value: Y.special_case!, itemStyle: { color: TIERS.special_case.colour } } : null));
  const gaps = points.map((p) => (isTierCode(p.tier) ? null : TOP));
  return {
    animation: false,
    grid: { left: narrow ? 70 : 88, right: 12, top: 8, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(31,78,121,0.06)' } },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex: number } | undefined) : undefined;
        const p = first ? points[first.dataIndex] : undefined;
        return p ? `<strong>${p.year}</strong><br/>${tierLabel(p.tier)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      data: years,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#9aa5b1' } },
      axisLabel: { color: '#3e4c59', fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      min: bottom,
      max: TOP,
      interval: 1,
      splitLine: { lineStyle: { color: '#eceff2' } },
      axisLabel: { color: '#3e4c59', fontSize: 12, formatter: (v: number) => (v >= 2 || (hasSpecial && v === 1) ? (Y_LABEL[v] ?? '') : '') },
    },
    series: [
      {
        name: NO_PLACEMENT_LABEL,
        type: 'bar',
        data: gaps,
        barWidth: '70%',
        itemStyle: {
          color: '#f1f0ec',
          borderColor: '#c9c6bf',
          borderType: 'dashed',
          borderWidth: 1,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: 'rgba(120,115,105,0.28)' },
        },
        label: {
          show: true,
          position: 'inside',
          rotate: 90,
          formatter: narrow ? 'No placement' : NO_PLACEMENT_LABEL,
          color: '#3e4c59',
          fontSize: 11,
        },
        emphasis: { disabled: true },
        z: 1,
      },
      {
        name: 'Tier',
        type: 'line',
        data: line,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 13,
        lineStyle: { color: '#9aa5b1', width: 2 },
        z: 3,
      },
      {
        name: 'Special case',
        type: 'scatter',
        data: special,
        symbol: 'diamond',
        symbolSize: 16,
        z: 3,
      },
    ],
  };
}

export function TierChart({ points, countryName }: { points: readonly TierPoint[]; countryName: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    let narrow: boolean | null = null;
    const draw = () => {
      const n = el.clientWidth < 480;
      if (n !== narrow) chart.setOption(buildOption(points, n), { notMerge: true });
      narrow = n;
    };
    draw();
    const ro = new ResizeObserver(() => {
      chart.resize();
      draw();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [points]);

  const summary = `Tier history for ${countryName}: ${points.map((p) => `${p.year} ${tierLabel(p.tier)}`).join('; ')}. The same data is in the table below.`;
  return <div ref={ref} className="tier-chart" role="img" aria-label={summary} data-years={points.length} />;
}
