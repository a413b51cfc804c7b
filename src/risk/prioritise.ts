// Prioritisation: what to look at first. Priority = severity × likelihood × leverage, where severity is how
// grave the abuse a line's signals point to, likelihood its inherent score / 100, and leverage grows with the
// share of spend (influence over the supplier, and the size of the exposure). Two worklists: suppliers (a
// supplier's risk is its worst line, its spend the sum of its lines) and goods-and-country hotspots across
// all suppliers. Pure.
import { signalSeverity } from './engine.ts';
import type { SectorKey } from './sectors.ts';
import { LEVELS, type Level, type RiskResult, type Signal, type SignalKind } from './types.ts';
import { DEFAULT_WEIGHTS, levelOf, type RiskWeights } from './weights.ts';

/** One assessed line of a buyer's file, as the worklists need it. */
export interface WorklistLine {
  /** The supplier the line belongs to (its id, or its name as the file gives it): lines are grouped by it. */
  supplier: string;
  /** What identifies the line to the user: its row in the file, or its id. */
  line: string | number;
  countryCode: string | null;
  /** Spend on the line in the file's currency; null when the file gives none. */
  spend: number | null;
  result: RiskResult;
}

/** Leverage (floor–1) of a spend share: floor + (1 − floor) × √share; the floor when the share is unknown. */
export function leverage(spendShare: number | null, weights: RiskWeights = DEFAULT_WEIGHTS): number {
  const floor = weights.leverageFloor;
  if (spendShare === null || !(spendShare > 0)) return floor;
  return floor + (1 - floor) * Math.sqrt(Math.min(1, spendShare));
}

/** Priority, 0–100 (two decimals): 100 × severity × likelihood × leverage(spend share). */
export function priority(result: Pick<RiskResult, 'severity' | 'likelihood'>, spendShare: number | null, weights: RiskWeights = DEFAULT_WEIGHTS): number {
  return Math.round(10_000 * result.severity * result.likelihood * leverage(spendShare, weights)) / 100;
}

function spendTotal(lines: readonly WorklistLine[]): number {
  let total = 0;
  for (const l of lines) if (l.spend !== null && Number.isFinite(l.spend) && l.spend > 0) total += l.spend;
  return total;
}

/** Adds spend, keeping null when nothing was known. Credit notes (negative spend) reduce it. */
function addSpend(sum: number | null, spend: number | null): number | null {
  return spend === null || !Number.isFinite(spend) ? sum : (sum ?? 0) + spend;
}

function shareOf(spend: number | null, total: number): number | null {
  return spend === null || total <= 0 ? null : Math.max(0, spend) / total;
}

function emptyLevels(): Record<Level, number> {
  return Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
}

export interface SupplierPriority {
  supplier: string;
  lines: number;
  /** Sum of the lines' spend; null when no line gives one. */
  spend: number | null;
  spendShare: number | null;
  /** The supplier's worst line (highest score; then severity; then the first in the file): its risk is the supplier's. */
  worst: WorklistLine;
  score: number;
  level: Level;
  severity: number;
  likelihood: number;
  priority: number;
  /** Hard signals (entity-list hits) over all its lines: a supplier with any comes first, whatever its score. */
  hard: number;
  /** Lines per level. */
  levels: Record<Level, number>;
}

function worse(a: RiskResult, b: RiskResult): boolean {
  return a.score > b.score || (a.score === b.score && a.severity > b.severity);
}

/** Suppliers, most urgent first: any hard signal first, then priority, score, spend and name. */
export function rankSuppliers(lines: readonly WorklistLine[], weights: RiskWeights = DEFAULT_WEIGHTS): SupplierPriority[] {
  const total = spendTotal(lines);
  const groups = new Map<string, { worst: WorklistLine; lines: number; spend: number | null; hard: number; levels: Record<Level, number> }>();
  for (const l of lines) {
    let g = groups.get(l.supplier);
    if (!g) {
      g = { worst: l, lines: 0, spend: null, hard: 0, levels: emptyLevels() };
      groups.set(l.supplier, g);
    } else if (worse(l.result, g.worst.result)) g.worst = l;
    g.lines++;
    g.spend = addSpend(g.spend, l.spend);
    g.hard += l.result.hard.length;
    g.levels[l.result.level]++;
  }
  const out: SupplierPriority[] = [];
  for (const [supplier, g] of groups) {
    const r = g.worst.result;
    const spendShare = shareOf(g.spend, total);
    out.push({ supplier, lines: g.lines, spend: g.spend, spendShare, worst: g.worst, score: r.score, level: r.level, severity: r.severity, likelihood: r.likelihood, priority: priority(r, spendShare, weights), hard: g.hard, levels: g.levels });
  }
  return out.sort((a, b) => Number(b.hard > 0) - Number(a.hard > 0) || b.priority - a.priority || b.score - a.score || (b.spend ?? 0) - (a.spend ?? 0) || (a.supplier < b.supplier ? -1 : a.supplier > b.supplier ? 1 : 0));
}

export interface Hotspot {
  /** 'Cocoa|CI' for a good; 'sector:cleaning|GB' for a sector with no listed good; '?' for an unknown country. */
  key: string;
  good: string | null;
  sector: SectorKey | null;
  countryCode: string | null;
  /** The kind of signal behind it. */
  kind: SignalKind;
  /** ILAB lists the good for this country (itself or through its input). */
  listed: boolean;
  /** The ILAB row when listed. */
  ilabRow: number | null;
  lines: number;
  suppliers: number;
  /** Spend of its lines; null when no line gives one. */
  spend: number | null;
  spendShare: number | null;
  /** The worst of its lines. */
  score: number;
  level: Level;
  /** How grave the abuse its signal points to is. */
  severity: number;
  likelihood: number;
  priority: number;
}

interface HotspotDraft {
  key: string;
  good: string | null;
  sector: SectorKey | null;
  countryCode: string | null;
  kind: SignalKind;
  listed: boolean;
  ilabRow: number | null;
  lines: number;
  suppliers: Set<string>;
  spend: number | null;
  score: number;
  severity: number;
  likelihood: number;
}

const ILAB_KINDS: ReadonlySet<SignalKind> = new Set(['ilab-forced-child-labour', 'ilab-forced-labour', 'ilab-child-labour', 'ilab-downstream', 'ilab-listed-elsewhere']);

/**
 * Goods-and-country hotspots over all lines, most urgent first. Each line counts once: for the good whose ILAB
 * signal scored its ILAB part (in the line's country), or, when it has none, for the sector that scored its
 * sector part, so that services such as cleaning in one country are hotspots too and no spend is counted
 * twice. Lines with neither (only country signals) are not hotspots; the supplier list still has them.
 */
export function rankHotspots(lines: readonly WorklistLine[], weights: RiskWeights = DEFAULT_WEIGHTS): Hotspot[] {
  const total = spendTotal(lines);
  const drafts = new Map<string, HotspotDraft>();
  const where = (l: WorklistLine) => l.countryCode ?? '?';
  for (const l of lines) {
    let good: Signal | null = null;
    let sector: Signal | null = null;
    for (const s of l.result.signals) {
      if (!(s.strength > 0)) continue;
      if (ILAB_KINDS.has(s.kind)) { if (!good || s.strength > good.strength) good = s; }
      else if (s.kind === 'sector' && (!sector || s.strength > sector.strength)) sector = s;
    }
    const s = good ?? sector;
    if (!s) continue;
    const key = good ? `${String(good.facts.good)}|${where(l)}` : `sector:${s.key}|${where(l)}`;
    let d = drafts.get(key);
    if (!d) {
      const listed = s.kind !== 'ilab-listed-elsewhere' && s.kind !== 'sector';
      d = { key, good: good ? String(good.facts.good) : null, sector: good ? null : (s.key as SectorKey), countryCode: l.countryCode, kind: s.kind, listed, ilabRow: listed ? s.row : null, lines: 0, suppliers: new Set(), spend: null, score: 0, severity: signalSeverity(s, weights), likelihood: 0 };
      drafts.set(key, d);
    }
    d.lines++;
    d.suppliers.add(l.supplier);
    d.spend = addSpend(d.spend, l.spend);
    d.score = Math.max(d.score, l.result.score);
    d.likelihood = Math.max(d.likelihood, l.result.likelihood);
  }
  const out: Hotspot[] = [];
  for (const d of drafts.values()) {
    const spendShare = shareOf(d.spend, total);
    out.push({
      key: d.key,
      good: d.good,
      sector: d.sector,
      countryCode: d.countryCode,
      kind: d.kind,
      listed: d.listed,
      ilabRow: d.ilabRow,
      lines: d.lines,
      suppliers: d.suppliers.size,
      spend: d.spend,
      spendShare,
      score: d.score,
      level: levelOf(d.score, weights),
      severity: d.severity,
      likelihood: d.likelihood,
      priority: priority(d, spendShare, weights),
    });
  }
  return out.sort((a, b) => b.priority - a.priority || b.score - a.score || (b.spend ?? 0) - (a.spend ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
