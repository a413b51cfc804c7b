// How much each signal counts, where the levels start, and how grave each kind of signal is for
// prioritisation. The defaults are Vigil's, each justified in WEIGHT_EXPLANATIONS (shown in README.md and on
// the web page); an organisation may set its own, checked by riskWeightsSchema, and every result records
// which weights scored it. Pure and free of Node built-ins, so the web app can show the same defaults.
import { z } from 'zod';
import type { Tier } from '../knowledge/datasets/tip-tiers.ts';
import { SECTOR_KEYS, type SectorKey } from './sectors.ts';
import type { Level } from './types.ts';

export interface RiskWeights {
  /** Points of the 100 each part of the score can give at most; whole numbers adding up to 100. */
  points: { ilab: number; tip: number; gsi: number; sector: number };
  /** Strength (0–1) of an ILAB listing of the line's good, before the classifier's confidence scales it. */
  ilab: {
    forcedChildLabour: number;
    forcedLabour: number;
    childLabour: number;
    /** Share of the input's own strength that a downstream good (made from a listed input) carries. */
    downstream: number;
    /** The good is listed, but for other countries than the line's. */
    listedElsewhere: number;
    /** The good is listed and the line's country is unknown. */
    countryUnknown: number;
  };
  /** Strength (0–1) of the country's latest TIP tier. */
  tiers: Record<Tier, number>;
  /** Added per tier step down since the previous placement (taken off per step up). */
  trendStep: number;
  /** GSI prevalence per 1,000 at which the GSI part counts in full; below it, in proportion. */
  gsiFullAt: number;
  /** Strength (0–1) of each sector's exposure. */
  sectors: Record<SectorKey, number>;
  /** Lowest score of each level above low. */
  levels: { medium: number; high: number; severe: number };
  /** How grave (0–1) the abuse a kind of signal points to is, for prioritisation (severity × likelihood). */
  severity: {
    forcedChildLabour: number;
    forcedLabour: number;
    childLabour: number;
    downstream: number;
    listedElsewhere: number;
    sector: number;
    country: number;
  };
  /** Leverage at (almost) no spend: a supplier's priority is scaled by floor + (1 − floor) × √(spend share). */
  leverageFloor: number;
  /**
   * Soft watchlist hits on the supplier, a site or an owner (screening): points added to the supplier's score at
   * the match score (in full once confirmed), and the severity they point to. Hard hits are never scored.
   */
  listHit: { points: number; severity: number };
}

export const DEFAULT_WEIGHTS: RiskWeights = deepFreeze({
  points: { ilab: 45, tip: 15, gsi: 15, sector: 25 },
  ilab: { forcedChildLabour: 1, forcedLabour: 1, childLabour: 0.8, downstream: 0.6, listedElsewhere: 0.2, countryUnknown: 0.4 },
  tiers: { '1': 0, '2': 0.33, '2WL': 0.67, '3': 1, special_case: 0.67 },
  trendStep: 0.1,
  gsiFullAt: 20,
  sectors: {
    fishing: 1,
    'domestic-work': 1,
    agriculture: 0.8,
    mining: 0.8,
    construction: 0.8,
    cleaning: 0.8,
    security: 0.8,
    hospitality: 0.8,
    'labour-services': 0.8,
    logistics: 0.6,
    manufacturing: 0.6,
  },
  levels: { medium: 20, high: 40, severe: 60 },
  severity: { forcedChildLabour: 1, forcedLabour: 1, childLabour: 0.8, downstream: 0.6, listedElsewhere: 0.5, sector: 0.5, country: 0.3 },
  leverageFloor: 0.3,
  listHit: { points: 25, severity: 0.8 },
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** The level a score falls in. */
export function levelOf(score: number, weights: RiskWeights = DEFAULT_WEIGHTS): Level {
  const { medium, high, severe } = weights.levels;
  return score >= severe ? 'severe' : score >= high ? 'high' : score >= medium ? 'medium' : 'low';
}

const share = z.number().min(0).max(1);
const points = z.int().min(0).max(100);
const level = z.int().min(1).max(100);

/** Checks an organisation's weights: every key present, strengths 0–1, whole points adding up to 100, levels rising. */
export const riskWeightsSchema = z
  .object({
    points: z.object({ ilab: points, tip: points, gsi: points, sector: points }).strict(),
    ilab: z.object({ forcedChildLabour: share, forcedLabour: share, childLabour: share, downstream: share, listedElsewhere: share, countryUnknown: share }).strict(),
    tiers: z.object({ '1': share, '2': share, '2WL': share, '3': share, special_case: share }).strict(),
    trendStep: z.number().min(0).max(0.5),
    gsiFullAt: z.number().positive().max(1000),
    sectors: z.object(Object.fromEntries(SECTOR_KEYS.map((k) => [k, share])) as Record<SectorKey, typeof share>).strict(),
    levels: z.object({ medium: level, high: level, severe: level }).strict(),
    severity: z.object({ forcedChildLabour: share, forcedLabour: share, childLabour: share, downstream: share, listedElsewhere: share, sector: share, country: share }).strict(),
    leverageFloor: share,
    // Weights an organisation saved before list hits were scored have none: they get the defaults, not a refusal.
    listHit: z.object({ points, severity: share }).strict().default(() => ({ ...DEFAULT_WEIGHTS.listHit })),
  })
  .strict()
  .superRefine((w, ctx) => {
    const sum = w.points.ilab + w.points.tip + w.points.gsi + w.points.sector;
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['points'], message: `the points must add up to 100 (they add up to ${sum})` });
    if (!(w.levels.medium < w.levels.high && w.levels.high < w.levels.severe)) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels must rise: medium < high < severe' });
  }) satisfies z.ZodType<RiskWeights>;

export interface WeightExplanation {
  /** Path in RiskWeights, e.g. 'points.ilab', 'tiers.2WL', 'sectors.fishing'. */
  key: string;
  label: string;
  why: string;
}

/** Every default, with why it is what it is. A test checks that each weight has exactly one. */
export const WEIGHT_EXPLANATIONS: readonly WeightExplanation[] = [
  { key: 'points.ilab', label: 'ILAB listing: points', why: 'The ILAB list is the only source here that ties a good to a country and a kind of abuse, from research into that production ("reason to believe", a significant incidence, not isolated cases). It is the most specific signal, so it carries the largest share: a forced-labour listing matched with confidence 0.8 or more, plus the work the good comes from, reaches High on its own.' },
  { key: 'points.tip', label: 'TIP tier: points', why: 'A TIP tier rates how much a government does against trafficking, not how much trafficking there is. Weak effort leaves workers less protected, so it counts, but as context: with the GSI it can make a line Medium, never High, because a country says nothing about a particular good or supplier.' },
  { key: 'points.gsi', label: 'GSI prevalence: points', why: "Walk Free's estimate of how many people live in modern slavery is the only prevalence figure per country. It is a modelled estimate (national surveys plus a vulnerability model), so it weighs the same as the TIP tier and, like it, is context." },
  { key: 'points.sector', label: 'Sector exposure: points', why: 'The kind of work matters wherever it is done: cleaning, security, construction, agriculture, fishing and domestic work carry risk in every country. 25 points let one high-exposure sector (0.8) alone reach Medium (20), so such contracts are never silently Low, while a sector without a listing or a weak country stays below High.' },
  { key: 'ilab.forcedChildLabour', label: 'ILAB: forced child labour', why: 'The gravest finding on the list: children in forced labour. Full strength.' },
  { key: 'ilab.forcedLabour', label: 'ILAB: forced labour', why: 'The list has reason to believe the good is produced with forced labour in that country: the abuse Vigil exists to keep out. Full strength.' },
  { key: 'ilab.childLabour', label: 'ILAB: child labour', why: 'Child labour is grave and often goes with forced labour, but it is not forced labour itself: a little below full strength.' },
  { key: 'ilab.downstream', label: 'ILAB: made from a listed input', why: "A downstream good (solar modules from Chinese polysilicon, batteries from Congolese cobalt, Indonesian palm oil products) carries its input's risk one step removed: 0.6 of the input's own strength." },
  { key: 'ilab.listedElsewhere', label: 'ILAB: listed for other countries', why: 'The good is listed, but not for the line\'s country. The country given may be where it was traded or processed, not where it was grown or mined, so some risk remains until the origin is known: a small share.' },
  { key: 'ilab.countryUnknown', label: 'ILAB: country unknown', why: "The good is listed and the line does not say where it comes from, so it may come from a listed country. Twice the weight of 'listed elsewhere', because nothing points away from the listed origins." },
  { key: 'tiers.1', label: 'TIP Tier 1', why: 'The government fully meets the minimum standards. That does not mean there is no trafficking, only that the government effort adds no risk.' },
  { key: 'tiers.2', label: 'TIP Tier 2', why: 'Significant efforts, standards not fully met: one third, the tiers being three equal steps.' },
  { key: 'tiers.2WL', label: 'TIP Tier 2 Watch List', why: 'As Tier 2, with many or rising victims or no evidence of increasing efforts: two thirds.' },
  { key: 'tiers.3', label: 'TIP Tier 3', why: 'Standards not met and no significant efforts: full strength.' },
  { key: 'tiers.special_case', label: 'TIP Special Case', why: 'Not ranked, usually because of conflict or collapse (Libya, Somalia, Yemen): effort cannot be assessed and protection is weak, counted as the Watch List.' },
  { key: 'trendStep', label: 'TIP trend, per tier step', why: 'A downgrade since the previous available placement means efforts fell; an upgrade that they rose. One step (e.g. Tier 2 to Watch List) moves the strength by 0.1, so the trend nudges, and never outweighs, the tier itself.' },
  { key: 'gsiFullAt', label: 'GSI prevalence counted in full at (per 1,000)', why: 'Prevalence counts in proportion up to 20 per 1,000, where it counts in full. In the 2023 edition only the four highest countries reach it (North Korea, Eritrea, Mauritania, Saudi Arabia); the median country (5.5) counts a little over a quarter.' },
  { key: 'sectors.fishing', label: 'Sector: fishing', why: 'Crews at sea for months, often recruited through brokers, beyond any inspection: the most isolated work, full strength.' },
  { key: 'sectors.domestic-work', label: 'Sector: domestic work', why: 'Work hidden in private households, live-in workers depending on the employer for housing and papers: full strength.' },
  { key: 'sectors.agriculture', label: 'Sector: agriculture', why: 'Seasonal, informal and remote work, piece rates and family labour: high exposure.' },
  { key: 'sectors.mining', label: 'Sector: mining', why: 'Remote and artisanal sites, dangerous work, debt bondage: high exposure.' },
  { key: 'sectors.construction', label: 'Sector: construction', why: 'Subcontracting chains, migrant workers tied to recruiters, bonded labour in brick kilns: high exposure.' },
  { key: 'sectors.cleaning', label: 'Sector: cleaning', why: 'Low-wage outsourced work, at night or out of sight, through agencies: high exposure, named by procurement guidance.' },
  { key: 'sectors.security', label: 'Sector: security', why: 'Long shifts, subcontracted guards, recruitment fees paid by migrant workers: high exposure, named by procurement guidance.' },
  { key: 'sectors.hospitality', label: 'Sector: hospitality and catering', why: 'Kitchen, housekeeping and catering staff through agencies, with housing and hours used to control them: high exposure.' },
  { key: 'sectors.labour-services', label: 'Sector: labour-intensive services', why: 'Agency labour, call centres, car washes, waste and meat processing: workers supplied by labour providers, often paying recruitment fees. High exposure.' },
  { key: 'sectors.logistics', label: 'Sector: logistics', why: 'Agency warehouse staff and drivers in long subcontracting chains: real but more regulated and visible exposure.' },
  { key: 'sectors.manufacturing', label: 'Sector: manufacturing of a listed good', why: 'Factory work on a listed good (garments, electronics, gloves, footwear…). The listing itself is scored by the ILAB part; this adds the exposure of the work, below the field and household work above.' },
  { key: 'levels.medium', label: 'Medium from', why: 'One high-exposure sector, or a weak-effort, high-prevalence country, is worth knowing about.' },
  { key: 'levels.high', label: 'High from', why: 'A listing of the good for the country, matched with confidence 0.8 or more, reaches it together with the work the good comes from. Without a listing it takes an exposed sector in a country with weak effort and high prevalence (construction in a Tier 3 country, domestic work in the Gulf).' },
  { key: 'levels.severe', label: 'Severe from', why: 'A forced-labour listing matched by name reaches it once the country adds a little (any tier below 1, or a high prevalence); a child-labour listing needs a weaker country or an exposed sector. Country and sector alone never reach it (55 at most): Severe always needs the good on the ILAB list.' },
  { key: 'severity.forcedChildLabour', label: 'Severity: forced child labour', why: 'The gravest abuse the list names.' },
  { key: 'severity.forcedLabour', label: 'Severity: forced labour', why: 'Forced labour of adults is as grave for prioritisation: both are the reason the laws exist.' },
  { key: 'severity.childLabour', label: 'Severity: child labour', why: 'Grave, and harm to children is often irreversible, but below forced labour.' },
  { key: 'severity.downstream', label: 'Severity: made from a listed input', why: 'The abuse is real but one step up the chain, where the buyer has less reach.' },
  { key: 'severity.listedElsewhere', label: 'Severity: listed for other countries', why: 'The abuse is documented for the good, but only possibly in this line.' },
  { key: 'severity.sector', label: 'Severity: sector exposure', why: 'The kind of work is exposed, with nothing specific to the good.' },
  { key: 'severity.country', label: 'Severity: country only', why: 'Only the country context points to a risk.' },
  { key: 'leverageFloor', label: 'Leverage at no spend', why: 'Spend share is leverage: a large share means influence and a large exposure. The square root and the 0.3 floor keep a severe supplier with a small share on the list instead of burying it under large, harmless ones.' },
  { key: 'listHit.points', label: 'Soft list hit: points', why: 'A soft watchlist (a warning list, or the organisation\'s own) names the supplier, one of its sites or an owner, with no legal bar attached. Unlike country and sector context it is about this supplier, so it adds to the lines\' score: once per supplier, counted at the match score until a person confirms the hit (then in full), capped at 100. 25 points make a confirmed hit alone Medium (20) and High together with a listed good or an exposed sector, while a name match alone never reaches High. Hard lists (legal bars) are never scored: their hits put the supplier first on the worklist instead.' },
  { key: 'listHit.severity', label: 'Severity: soft list hit', why: 'A list naming the company itself is specific to the supplier, but a warning list is not a finding of forced labour in its production: below a forced-labour listing, as grave as child labour.' },
];

/** The number at a WEIGHT_EXPLANATIONS key ('tiers.2WL'), or undefined when the path does not lead to one. */
export function weightAt(weights: RiskWeights, key: string): number | undefined {
  let v: unknown = weights;
  for (const part of key.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}
