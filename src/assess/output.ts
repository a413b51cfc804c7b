// One entry of `vigil assess` output per data row, as JSON objects or CSV rows. Pure.
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../audit/csv.ts';
import type { CountryResolver } from '../knowledge/countries.ts';
import type { Level } from '../risk/types.ts';
import type { RowIssue, SupplierLine } from '../suppliers/line.ts';
import type { RawRecord } from '../suppliers/read.ts';
import type { AssessedLine } from './pipeline.ts';

export interface AssessSignal {
  kind: string;
  dataset: string;
  edition: string;
  key: string;
  row: number | null;
  contribution: number;
  explanation: string;
}

export interface AssessEntry {
  /** 1-based number of the data row. */
  row: number;
  /** Line of the file (worksheet row for XLSX) the row starts on. */
  line: number;
  supplier: string | null;
  country: { input: string | null; code: string | null; name: string | null } | null;
  goods: { good: string; confidence: number; reason: string }[];
  score: number | null;
  level: Level | null;
  summary: string | null;
  signals: AssessSignal[];
  /** Entity-list hits (screening): never part of the score. */
  hard: AssessSignal[];
  issues: { severity: 'error' | 'warning'; column: string | null; message: string }[];
  rejected?: true;
}

const signal = (s: AssessedLine['risk']['signals'][number]): AssessSignal => ({
  kind: s.kind,
  dataset: s.dataset,
  edition: s.edition,
  key: s.key,
  row: s.row,
  contribution: s.contribution,
  explanation: s.explanation,
});
const issue = (i: RowIssue) => ({ severity: i.severity, column: i.column, message: i.message });

export function assessedEntry(line: SupplierLine, assessed: AssessedLine, countries: CountryResolver, issues: readonly RowIssue[]): AssessEntry {
  const { risk, classification } = assessed;
  const code = line.site.countryCode;
  return {
    row: line.row,
    line: line.line,
    supplier: line.supplier.name,
    country: line.site.countryInput || code ? { input: line.site.countryInput, code, name: code ? (countries.get(code)?.name ?? null) : null } : null,
    goods: classification.goods.map((g) => ({ good: g.good, confidence: g.confidence, reason: g.reason })),
    score: risk.score,
    level: risk.level,
    summary: risk.summary,
    signals: risk.signals.map(signal),
    hard: risk.hard.map(signal),
    issues: issues.map(issue),
  };
}

export function rejectedEntry(rec: RawRecord, issues: readonly RowIssue[]): AssessEntry {
  return { row: rec.row, line: rec.line, supplier: null, country: null, goods: [], score: null, level: null, summary: null, signals: [], hard: [], issues: issues.map(issue), rejected: true };
}

export const CSV_COLUMNS = ['row', 'line', 'supplier', 'country_input', 'country', 'goods', 'score', 'level', 'signals', 'summary', 'issues'] as const;

/** Signals as "dataset edition key (row N) +points", so a spreadsheet user can filter on them. */
export function csvRow(e: AssessEntry): string {
  const signals = e.signals.filter((s) => s.contribution > 0).map((s) => `${s.dataset} ${s.edition} ${s.key}${s.row !== null ? ` (row ${s.row})` : ''} +${s.contribution}`);
  const cells = [
    e.row,
    e.line,
    e.supplier ?? '',
    e.country?.input ?? '',
    e.country?.code ?? '',
    e.goods.map((g) => g.good).join('; '),
    e.score ?? '',
    e.level ?? (e.rejected ? 'rejected' : ''),
    signals.join('; '),
    e.summary ?? '',
    e.issues.map((i) => `${i.severity}${i.column ? ` (${i.column})` : ''}: ${i.message}`).join('; '),
  ];
  return stringify([cells.map(spreadsheetSafe)]);
}
