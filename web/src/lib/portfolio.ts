// The supplier portfolio as the API answers it (docs: notes/api-contract.md), and what the overview draws from
// it: the map's classes and bubbles, the bars per level, spend in words. Pure.
import type { z } from 'zod';
import type { Classification } from '../../../src/classify/index.ts';
import type {
  ImportSummary as ImportSummarySchema,
  Portfolio as PortfolioSchema,
  SupplierDetail as SupplierDetailSchema,
  SupplierRow as SupplierRowSchema,
} from '../../../src/suppliers/api-schema.ts';
import type { RowIssue } from '../../../src/suppliers/line.ts';
import { formatCompact } from './format.ts';
import { AT_RISK, LEVELS, LEVEL_INFO, isLevel, levelLabel, type Level } from './risk.ts';
import type { Classified, LegendClass } from './indicators.ts';

export type Portfolio = z.infer<typeof PortfolioSchema>;
export type LevelCount = Portfolio['levels'][number];
export type PortfolioCountry = Portfolio['countries'][number];
export type SupplierRow = z.infer<typeof SupplierRowSchema>;
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

type DetailAnswer = z.infer<typeof SupplierDetailSchema>;
/** A supplier's line; its classification typed in full (the API schema leaves its inside open). */
export type SupplierLineView = Omit<DetailAnswer['lines'][number], 'classification'> & { classification: Classification };
export type SupplierDetail = Omit<DetailAnswer, 'lines'> & { lines: SupplierLineView[] };

export interface IssuePage {
  total: number;
  items: RowIssue[];
}

/** Amounts as a reader takes them in: "EUR 1.2 million"; several currencies are never added together. */
export function formatSpend(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  const n = formatCompact(amount);
  return currency ? `${currency} ${n}` : n;
}

/** Spend on high and severe lines and its share, in the portfolio's main currency (null without spend). */
export function spendAtRisk(p: Pick<Portfolio, 'currency' | 'spendByCurrency'>): { currency: string; spend: number; atRisk: number; share: number } | null {
  const main = p.spendByCurrency.find((c) => c.currency === p.currency) ?? p.spendByCurrency[0];
  if (!main || !(main.spend > 0)) return null;
  return { currency: main.currency, spend: main.spend, atRisk: main.spendAtRisk, share: main.spendAtRisk / main.spend };
}

/** All four levels, low to severe, whatever the answer left out. */
export function levelRows(levels: readonly LevelCount[]): LevelCount[] {
  return LEVELS.map((level) => levels.find((l) => l.level === level) ?? { level, suppliers: 0, lines: 0, spend: 0 });
}

export function suppliersAtRisk(levels: readonly LevelCount[]): number {
  return levels.filter((l) => AT_RISK.includes(l.level)).reduce((n, l) => n + l.suppliers, 0);
}

// ── Map: colour by the worst level of a country's lines, a bubble sized by its spend ─────────────────────

/** Fill of a country where the portfolio has no supplier: plain, not hatched (nothing is missing there). */
export const NO_SUPPLIERS_COLOUR = '#eeefec';
export const NO_SUPPLIERS = 'no-suppliers';

export function mapLegendClasses(): LegendClass[] {
  return [
    ...LEVELS.map((l) => ({ key: l, label: LEVEL_INFO[l].label, colour: LEVEL_INFO[l].colour, description: LEVEL_INFO[l].meaning })),
    { key: NO_SUPPLIERS, label: 'No suppliers', colour: NO_SUPPLIERS_COLOUR },
  ];
}

export function classifyPortfolioCountry(c: PortfolioCountry | undefined, currency: string | null): Classified {
  if (!c || !isLevel(c.level)) return { key: NO_SUPPLIERS, colour: NO_SUPPLIERS_COLOUR, valueLabel: 'No suppliers in the portfolio' };
  const who = `${c.suppliers} ${c.suppliers === 1 ? 'supplier' : 'suppliers'}`;
  return {
    key: c.level,
    colour: LEVEL_INFO[c.level].colour,
    valueLabel: `${levelLabel(c.level)} risk at worst · ${who} · ${formatSpend(c.spend, currency)}`,
  };
}

/** Countries per map class, for the legend's counts. */
export function countByLevel(countries: readonly PortfolioCountry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of countries) out[c.level] = (out[c.level] ?? 0) + 1;
  return out;
}

export const MAX_BUBBLE = 22;
const MIN_BUBBLE = 2.5;

/** Bubble radius per country code: area proportional to spend, the largest MAX_BUBBLE (map units). */
export function spendBubbles(countries: readonly PortfolioCountry[], max = MAX_BUBBLE): Map<string, number> {
  const top = Math.max(0, ...countries.map((c) => c.spend));
  const out = new Map<string, number>();
  if (!(top > 0)) return out;
  for (const c of countries) {
    if (c.spend > 0) out.set(c.countryCode, Math.max(MIN_BUBBLE, max * Math.sqrt(c.spend / top)));
  }
  return out;
}

// ── Bars per level ──────────────────────────────────────────────────────────────────────────────────

export interface LevelBar {
  level: Level;
  label: string;
  value: number;
  colour: string;
}

export function levelBars(levels: readonly LevelCount[], measure: 'suppliers' | 'spend' | 'lines'): LevelBar[] {
  return levelRows(levels).map((l) => ({ level: l.level, label: LEVEL_INFO[l.level].label, value: l[measure], colour: LEVEL_INFO[l.level].colour }));
}

/** A sentence with the same figures as a chart, for screen readers: "Low 12, Medium 4, High 3, Severe 1". */
export function barsSummary(bars: readonly LevelBar[], format: (n: number) => string): string {
  return bars.map((b) => `${b.label} ${format(b.value)}`).join(', ');
}

// ── Imports ─────────────────────────────────────────────────────────────────────────────────────────

/** 0–100 from bytes read; 100 once the import is over, whatever the byte count says. */
export function importPercent(i: Pick<ImportSummary, 'status' | 'progress'>): number {
  if (i.status !== 'running') return 100;
  const { bytes, totalBytes } = i.progress;
  if (!(totalBytes > 0)) return 0;
  return Math.max(0, Math.min(99, Math.floor((bytes / totalBytes) * 100)));
}

export function importStatusLabel(status: ImportSummary['status']): string {
  return status === 'running' ? 'Running' : status === 'committed' ? 'Done' : 'Failed';
}

/** "12.4 MB" for a file size. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${units[u]}`;
}

export function issueSeverityLabel(severity: RowIssue['severity']): string {
  return severity === 'error' ? 'Rejected' : 'Kept, with a warning';
}
