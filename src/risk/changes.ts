// What changed between two assessments of the same line: after a new edition of a dataset (a new TIP report,
// the next ILAB list), new weights, or a corrected line. Every result records its editions and weights, so a
// rerun can be set beside the stored result and each difference named down to the signal and its row. Pure.
import type { Level, RiskResult, Signal } from './types.ts';

export interface EditionChange {
  dataset: string;
  before: string | null;
  after: string | null;
}

export interface SignalChange {
  /** Same fact on both sides: 'tip|MY', 'gsi|MY', 'ilab|Cocoa|CI', 'elsewhere|Cotton', 'sector|cleaning'. */
  identity: string;
  change: 'added' | 'removed' | 'changed';
  before: Signal | null;
  after: Signal | null;
  /** "tip-tier MY|2025 row 812, 5 points → tip-tier MY|2026 row 1001, 11 points". */
  description: string;
}

export interface RiskChange {
  /** True when nothing a user would see differs (score, level, signals, editions, weights). */
  same: boolean;
  editions: EditionChange[];
  weightsChanged: boolean;
  score: { before: number; after: number };
  level: { before: Level; after: Level };
  signals: SignalChange[];
  summary: string;
}

/** A fact keeps its identity across editions even when its key moves (a TIP key carries the year). */
function identity(s: Signal): string {
  switch (s.kind) {
    case 'tip-tier':
      return `tip|${String(s.facts.countryCode)}`;
    case 'gsi-prevalence':
      return `gsi|${s.key}`;
    case 'sector':
      return `sector|${s.key}`;
    case 'ilab-listed-elsewhere':
      return `elsewhere|${s.key}`;
    case 'list-hit':
      return `hit|${s.dataset}|${s.key}`;
    default:
      return `ilab|${s.key}`;
  }
}

function describe(s: Signal): string {
  return `${s.kind} ${s.key} (${s.dataset} ${s.edition}${s.row !== null ? `, row ${s.row}` : ''}), ${s.contribution} point${s.contribution === 1 ? '' : 's'}`;
}

function differs(a: Signal, b: Signal): boolean {
  return a.kind !== b.kind || a.key !== b.key || a.row !== b.row || a.edition !== b.edition || a.contribution !== b.contribution || a.strength !== b.strength;
}

export function compareResults(before: RiskResult, after: RiskResult): RiskChange {
  const editions: EditionChange[] = [];
  for (const dataset of [...new Set([...Object.keys(before.editions), ...Object.keys(after.editions)])].sort()) {
    const b = before.editions[dataset] ?? null;
    const a = after.editions[dataset] ?? null;
    if (a !== b) editions.push({ dataset, before: b, after: a });
  }
  const signals: SignalChange[] = [];
  const all = (r: RiskResult) => [...r.signals, ...r.hard];
  const afterBy = new Map(all(after).map((s) => [identity(s), s]));
  const seen = new Set<string>();
  for (const b of all(before)) {
    const id = identity(b);
    seen.add(id);
    const a = afterBy.get(id);
    if (!a) signals.push({ identity: id, change: 'removed', before: b, after: null, description: `removed: ${describe(b)}` });
    else if (differs(b, a)) signals.push({ identity: id, change: 'changed', before: b, after: a, description: `${describe(b)} → ${describe(a)}` });
  }
  for (const a of all(after)) {
    const id = identity(a);
    if (!seen.has(id)) signals.push({ identity: id, change: 'added', before: null, after: a, description: `added: ${describe(a)}` });
  }
  const weightsChanged = before.weights !== after.weights;
  const same = editions.length === 0 && !weightsChanged && signals.length === 0 && before.score === after.score && before.level === after.level;
  const parts: string[] = [
    before.score === after.score && before.level === after.level ? `Score unchanged (${after.score}, ${after.level})` : `Score ${before.score} → ${after.score} (${before.level} → ${after.level})`,
  ];
  if (editions.length > 0) parts.push(`editions: ${editions.map((e) => `${e.dataset} ${e.before ?? 'none'} → ${e.after ?? 'none'}`).join(', ')}`);
  if (weightsChanged) parts.push('different weights');
  if (signals.length > 0) parts.push(signals.map((s) => s.description).join('; '));
  return { same, editions, weightsChanged, score: { before: before.score, after: after.score }, level: { before: before.level, after: after.level }, signals, summary: `${parts.join('. ')}.` };
}
