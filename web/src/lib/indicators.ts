// What the home map can show, and how each country is classed for it. Pure.
import { GOODS_SCALE, GSI_SCALE, classIndex, classLabels, type ClassedScale } from './scales.ts';
import { NO_PLACEMENT_LABEL, TIERS, TIER_CODES, isTierCode } from './tiers.ts';
import { formatInteger, formatPer1000, plural } from './format.ts';

export type IndicatorId = 'tip' | 'gsi' | 'ilab';

export interface IndicatorInfo {
  id: IndicatorId;
  /** Name in the selector. */
  label: string;
  /** Legend heading. */
  legendTitle: string;
  /** The "what this indicator measures" line under the map. */
  measures: string;
  /** Which `sources` entry of the country list backs it. */
  source: 'tip' | 'gsi' | 'ilab';
}

export const INDICATORS: readonly IndicatorInfo[] = [
  {
    id: 'tip',
    label: 'TIP Report tier',
    legendTitle: 'Trafficking in Persons Report tier',
    measures:
      'The tier rates a government’s efforts to meet the US minimum standards for eliminating trafficking in persons. It measures government effort, not how much trafficking a country has.',
    source: 'tip',
  },
  {
    id: 'gsi',
    label: 'Modern slavery prevalence',
    legendTitle: 'Estimated people in modern slavery per 1,000 population',
    measures:
      'Walk Free’s modelled estimate of people living in modern slavery (forced labour and forced marriage) per 1,000 population. These are survey-based estimates, not counts.',
    source: 'gsi',
  },
  {
    id: 'ilab',
    label: 'Goods on the ILAB list',
    legendTitle: 'Goods listed as produced with child or forced labour',
    measures:
      'How many goods the US Department of Labor lists as produced with child labour or forced labour in the country. The list is not exhaustive: no listed goods does not mean no risk.',
    source: 'ilab',
  },
];

export function indicatorInfo(id: IndicatorId): IndicatorInfo {
  return INDICATORS.find((i) => i.id === id)!;
}

export function isIndicatorId(value: unknown): value is IndicatorId {
  return value === 'tip' || value === 'gsi' || value === 'ilab';
}

/** The parts of a CountrySummary the map needs. */
export interface MapCountry {
  code: string;
  name: string;
  tiers: Record<string, string | null>;
  gsi: { prevalencePer1000: number | null; estimatedNumber: number | null } | null;
  ilabGoods: number;
}

/** Class key "none" is the hatched "no data / no placement" class. */
export const NONE = 'none';

export interface LegendClass {
  key: string;
  label: string;
  /** Null for the hatched "none" class. */
  colour: string | null;
  /** Longer explanation for a tooltip or screen readers. */
  description?: string;
}

export interface Classified {
  key: string;
  colour: string | null;
  /** What the tooltip says, e.g. "Tier 2 Watch List (2024)" or "22.1 per 1,000". */
  valueLabel: string;
}

function scaleClasses(scale: ClassedScale, prefix: string): LegendClass[] {
  return classLabels(scale).map((label, i) => ({ key: `${prefix}${i}`, label, colour: scale.colours[i]! }));
}

export function legendClasses(indicator: IndicatorId): LegendClass[] {
  switch (indicator) {
    case 'tip':
      return [
        ...TIER_CODES.map((c) => ({ key: c, label: TIERS[c].label, colour: TIERS[c].colour, description: TIERS[c].meaning })),
        { key: NONE, label: NO_PLACEMENT_LABEL, colour: null, description: 'The edition records no placement for this country and year' },
      ];
    case 'gsi':
      return [...scaleClasses(GSI_SCALE, 'gsi'), { key: NONE, label: 'No estimate', colour: null }];
    case 'ilab':
      return scaleClasses(GOODS_SCALE, 'ilab');
  }
}

export function classifyCountry(c: MapCountry, indicator: IndicatorId, year: number): Classified {
  switch (indicator) {
    case 'tip': {
      const t = c.tiers[String(year)];
      if (isTierCode(t)) return { key: t, colour: TIERS[t].colour, valueLabel: `${TIERS[t].label} (${year})` };
      return { key: NONE, colour: null, valueLabel: `${NO_PLACEMENT_LABEL} for ${year}` };
    }
    case 'gsi': {
      const v = c.gsi?.prevalencePer1000 ?? null;
      const i = classIndex(v, GSI_SCALE.breaks);
      if (i === null) return { key: NONE, colour: null, valueLabel: 'No estimate' };
      const n = c.gsi?.estimatedNumber;
      return {
        key: `gsi${i}`,
        colour: GSI_SCALE.colours[i]!,
        valueLabel: `${formatPer1000(v)} per 1,000${n !== null && n !== undefined ? ` (about ${formatInteger(n)} people)` : ''}`,
      };
    }
    case 'ilab': {
      const i = classIndex(c.ilabGoods, GOODS_SCALE.breaks)!;
      return {
        key: `ilab${i}`,
        colour: GOODS_SCALE.colours[i]!,
        valueLabel: c.ilabGoods === 0 ? 'No goods listed' : `${plural(c.ilabGoods, 'good')} listed`,
      };
    }
  }
}

/** How many countries fall in each legend class. */
export function countByClass(countries: readonly MapCountry[], indicator: IndicatorId, year: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of countries) {
    const k = classifyCountry(c, indicator, year).key;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
