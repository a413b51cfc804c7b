// TIP Report tiers: labels, order and colours. Tiers rate a government's efforts against trafficking,
// not how much trafficking a country has; the colours are categories of effort, with "no placement
// recorded" shown apart and never filled in by guesswork. Pure.

export type TierCode = '1' | '2' | '2WL' | '3' | 'special_case';

export const TIER_CODES: readonly TierCode[] = ['1', '2', '2WL', '3', 'special_case'];

export interface TierInfo {
  code: TierCode;
  label: string;
  short: string;
  /** One line on what the placement means. */
  meaning: string;
  colour: string;
  /** Position on the effort scale, 4 = Tier 1; 0 for special cases, which are off the scale. */
  rank: number;
}

export const NO_PLACEMENT_LABEL = 'No placement recorded';

export const TIERS: Readonly<Record<TierCode, TierInfo>> = {
  '1': {
    code: '1',
    label: 'Tier 1',
    short: 'Tier 1',
    meaning: 'Government fully meets the minimum standards for eliminating trafficking',
    colour: '#2f5d87',
    rank: 4,
  },
  '2': {
    code: '2',
    label: 'Tier 2',
    short: 'Tier 2',
    meaning: 'Does not fully meet the minimum standards but is making significant efforts',
    colour: '#93b7d3',
    rank: 3,
  },
  '2WL': {
    code: '2WL',
    label: 'Tier 2 Watch List',
    short: 'Tier 2 WL',
    meaning: 'Tier 2 efforts, with concerns such as a significant or rising number of victims',
    colour: '#e2a84b',
    rank: 2,
  },
  '3': {
    code: '3',
    label: 'Tier 3',
    short: 'Tier 3',
    meaning: 'Does not fully meet the minimum standards and is not making significant efforts',
    colour: '#a8432c',
    rank: 1,
  },
  special_case: {
    code: 'special_case',
    label: 'Special case',
    short: 'Special case',
    meaning: 'Not ranked, e.g. because of conflict or the absence of a functioning government',
    colour: '#8b80a6',
    rank: 0,
  },
};

export function isTierCode(value: unknown): value is TierCode {
  return typeof value === 'string' && (TIER_CODES as readonly string[]).includes(value);
}

/** "Tier 2 Watch List", or "No placement recorded" for null/undefined/unknown codes. */
export function tierLabel(tier: string | null | undefined): string {
  return isTierCode(tier) ? TIERS[tier].label : NO_PLACEMENT_LABEL;
}

export function tierColour(tier: string | null | undefined): string | null {
  return isTierCode(tier) ? TIERS[tier].colour : null;
}

/** The latest year in which the country has a placement, with that tier; null if none. */
export function latestPlacement(tiers: Record<string, string | null>): { year: number; tier: TierCode } | null {
  let best: { year: number; tier: TierCode } | null = null;
  for (const [y, t] of Object.entries(tiers)) {
    const year = Number(y);
    if (!Number.isInteger(year) || !isTierCode(t)) continue;
    if (!best || year > best.year) best = { year, tier: t };
  }
  return best;
}

/** Counts placements per tier for one year, plus the countries with none recorded. */
export function countTiers(
  rows: readonly { tiers: Record<string, string | null> }[],
  year: number,
): Record<TierCode | 'none', number> {
  const out: Record<TierCode | 'none', number> = { '1': 0, '2': 0, '2WL': 0, '3': 0, special_case: 0, none: 0 };
  for (const r of rows) {
    const t = r.tiers[String(year)];
    if (isTierCode(t)) out[t]++;
    else out.none++;
  }
  return out;
}
