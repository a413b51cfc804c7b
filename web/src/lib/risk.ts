// How risk levels, signals, datasets and editions read on the portfolio pages. The level is always written
// in words next to its colour, so nothing depends on seeing the colour. Pure.
import { LEVELS, type Level, type Signal, type SignalKind } from '../../../src/risk/types.ts';
import { formatInteger } from './format.ts';

export { LEVELS, type Level, type Signal, type SignalKind };

export interface LevelInfo {
  level: Level;
  label: string;
  /** Fill on the map and charts: light to dark as the level rises, so it also reads in greyscale. */
  colour: string;
  /** What the level means, for legends and tooltips. */
  meaning: string;
}

export const LEVEL_INFO: Readonly<Record<Level, LevelInfo>> = {
  low: { level: 'low', label: 'Low', colour: '#c5d3de', meaning: 'Few or weak public signals for this good and country' },
  medium: { level: 'medium', label: 'Medium', colour: '#f0c04f', meaning: 'Some public signals: worth knowing, rarely urgent' },
  high: { level: 'high', label: 'High', colour: '#dc7633', meaning: 'Strong public signals: due diligence expected' },
  severe: { level: 'severe', label: 'Severe', colour: '#9b2226', meaning: 'The strongest public signals, often forced labour: act first' },
};

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export function levelLabel(level: string | null | undefined): string {
  return isLevel(level) ? LEVEL_INFO[level].label : 'Not assessed';
}

/** Levels worth acting on first: what "at risk" means in "spend at risk". */
export const AT_RISK: readonly Level[] = ['high', 'severe'];

/** The sentence every risk page carries: what the score is, and what it is not. */
export const INHERENT_RISK_NOTE =
  'The score is inherent risk from public data about goods and countries, not a finding about the company. The ILAB list names goods and countries, not companies; a TIP tier measures a government’s effort against trafficking, not how much trafficking there is.';

export const SIGNAL_KIND_LABELS: Readonly<Record<SignalKind, string>> = {
  'ilab-forced-labour': 'Forced labour listing (ILAB)',
  'ilab-child-labour': 'Child labour listing (ILAB)',
  'ilab-forced-child-labour': 'Forced child labour listing (ILAB)',
  'ilab-downstream': 'Made from a listed input (ILAB)',
  'ilab-listed-elsewhere': 'Listed for other countries (ILAB)',
  'tip-tier': 'Government effort (TIP Report tier)',
  'gsi-prevalence': 'Modern slavery prevalence (GSI)',
  sector: 'Sector exposure',
  'list-hit': 'Entity list match',
};

export function signalKindLabel(kind: string): string {
  return (SIGNAL_KIND_LABELS as Record<string, string | undefined>)[kind] ?? kind.replace(/[-_]+/g, ' ');
}

/** Short names of the datasets a score or classification cites, in the order they are listed. */
const DATASET_SHORT: readonly [string, string][] = [
  ['ilab-tvpra', 'ILAB'],
  ['tip-tiers', 'TIP'],
  ['gsi', 'GSI'],
  ['hs', 'HS'],
  ['cpv', 'CPV'],
  ['ilab-goods-map', 'Goods map'],
  ['vigil-sectors', 'Vigil sector rules'],
];

export function datasetShort(dataset: string): string {
  return DATASET_SHORT.find(([id]) => id === dataset)?.[1] ?? dataset;
}

/** Where a dataset's provenance is explained: its entry on the Sources page. */
export function sourceHref(dataset: string): string {
  return `/sources#dataset-${encodeURIComponent(dataset)}`;
}

export interface EditionRef {
  dataset: string;
  short: string;
  edition: string;
  /** "ILAB 2022"; a checksum edition (the goods map) is shortened. */
  label: string;
  to: string;
}

/**
 * The editions a result was computed from, known datasets first in a fixed order: "ILAB 2022, TIP 2025,
 * GSI 2023, HS 2022, CPV 2008", then any other by name.
 */
export function editionRefs(editions: Readonly<Record<string, string>>): EditionRef[] {
  const order = (d: string) => {
    const i = DATASET_SHORT.findIndex(([id]) => id === d);
    return i < 0 ? DATASET_SHORT.length : i;
  };
  return Object.entries(editions)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([dataset, edition]) => {
      const short = datasetShort(dataset);
      const shown = /^(sha256:)?[0-9a-f]{16,}$/i.test(edition) ? edition.replace(/^sha256:/, '').slice(0, 8) : edition;
      return { dataset, short, edition, label: `${short} ${shown}`, to: sourceHref(dataset) };
    });
}

/** The risk datasets alone, for a headline: "ILAB 2022, TIP 2025, GSI 2023". */
export function headlineEditions(editions: Readonly<Record<string, string>>): string {
  return editionRefs(editions)
    .filter((e) => ['ilab-tvpra', 'tip-tiers', 'gsi'].includes(e.dataset))
    .map((e) => e.label)
    .join(', ');
}

/** Datasets whose edition differs between two results, e.g. a reassessment after a new TIP Report. */
export function editionChanges(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): { dataset: string; from: string | null; to: string | null }[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids.filter((d) => before[d] !== after[d]).map((d) => ({ dataset: d, from: before[d] ?? null, to: after[d] ?? null }));
}

/** A signal's contribution as a share of the largest one on the same line, for a small bar (0–100). */
export function contributionWidth(contribution: number, largest: number): number {
  if (!(largest > 0) || !(contribution > 0)) return 0;
  return Math.max(2, Math.min(100, Math.round((contribution / largest) * 100)));
}

/** "+32 points" / "+0.5 points". */
export function formatPoints(points: number): string {
  const n = Math.round(points * 10) / 10;
  return `${n >= 0 ? '+' : ''}${n} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

/** 0.126 → "12.6%"; 0.5 → "50%" (one decimal at most). */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(share * 100)}%`;
}

/** Priority as the worklist ranks it: whole numbers stay whole, small ones keep two decimals. */
export function formatPriority(priority: number): string {
  if (!Number.isFinite(priority)) return '—';
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: Math.abs(priority) < 10 ? 2 : 0 }).format(priority);
}

/** Severity, likelihood and confidence (0–1) in words and figures: "0.85 (high)". */
export function formatFactor(value: number): string {
  const word = value >= 0.75 ? 'high' : value >= 0.4 ? 'moderate' : 'low';
  return `${value.toFixed(2)} (${word})`;
}

/** The first sentence of an explanation, for a table cell (the full text stays on the supplier's page). */
export function firstSentence(text: string, max = 160): string {
  const t = text.trim();
  const end = t.search(/[.;](\s|$)/);
  const sentence = end >= 0 ? t.slice(0, end + 1) : t;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Where the fact behind a signal sits: "ILAB 2022, row 97" or "Sector rules 1, no row". */
export function signalSource(s: Pick<Signal, 'dataset' | 'edition' | 'row'>): string {
  return `${datasetShort(s.dataset)} ${s.edition}${s.row !== null ? `, row ${formatInteger(s.row)}` : ''}`;
}

/** How a hard signal is labelled: a possible match is never presented as a confirmed one. */
export function hardSignalStatus(s: Pick<Signal, 'facts'>): string {
  return s.facts.confirmed === true ? 'Confirmed' : 'Possible — awaiting confirmation';
}
