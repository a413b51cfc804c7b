// Classed colour scales for choropleth maps and their legends. Pure.

export interface ClassedScale {
  /** Ascending thresholds; class i holds values v with breaks[i-1] <= v < breaks[i]. */
  breaks: readonly number[];
  /** One colour per class: breaks.length + 1 of them, light to dark. */
  colours: readonly string[];
  /** Lowest possible value (e.g. 0 for counts); labels the first class "0" or "0–x" instead of "Under x". */
  min?: number;
  /** The smallest difference between two values (1 for counts, 0.1 for one decimal); used in labels. */
  step: number;
}

export function validateScale(scale: ClassedScale): void {
  if (scale.colours.length !== scale.breaks.length + 1) {
    throw new Error(`scale needs ${scale.breaks.length + 1} colours, has ${scale.colours.length}`);
  }
  for (let i = 1; i < scale.breaks.length; i++) {
    if (!(scale.breaks[i]! > scale.breaks[i - 1]!)) throw new Error('scale breaks must ascend');
  }
}

/** The class of a value, 0 … breaks.length; null for missing or non-finite values. */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

export function classColour(value: number | null | undefined, scale: ClassedScale): string | null {
  const i = classIndex(value, scale.breaks);
  return i === null ? null : (scale.colours[i] ?? null);
}

function decimalsOf(step: number): number {
  const s = String(step);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Legend labels, one per class: "Under 2", "2.0–3.9", …, "20.0 or more" with step 0.1;
 * "0", "1", "2–3", …, "11 or more" for counts (min 0, step 1).
 */
export function classLabels(scale: ClassedScale): string[] {
  const d = decimalsOf(scale.step);
  const fmt = (v: number) => v.toFixed(d);
  const { breaks, step } = scale;
  const labels: string[] = [];
  for (let i = 0; i <= breaks.length; i++) {
    const lo = i === 0 ? scale.min : breaks[i - 1]!;
    const hi = i < breaks.length ? breaks[i]! - step : undefined;
    if (hi === undefined) labels.push(`${fmt(lo!)} or more`);
    else if (lo === undefined) labels.push(`Under ${fmt(breaks[i]!)}`);
    else if (Math.abs(hi - lo) < step / 2) labels.push(fmt(lo));
    else labels.push(`${fmt(lo)}–${fmt(hi)}`);
  }
  return labels;
}

/** GSI 2023 estimated prevalence per 1,000 people: most countries lie between 1 and 15. */
export const GSI_SCALE: ClassedScale = {
  breaks: [2, 4, 6, 10, 20],
  colours: ['#f6e7d6', '#efc9a2', '#e3a06d', '#cc7445', '#a64b2a', '#6e2a17'],
  step: 0.1,
};

/** Number of goods a country has on the ILAB list. */
export const GOODS_SCALE: ClassedScale = {
  breaks: [1, 2, 4, 7, 11],
  colours: ['#eef0f2', '#d3dfec', '#a7c0dc', '#6f95c2', '#3f679f', '#213f6b'],
  min: 0,
  step: 1,
};
