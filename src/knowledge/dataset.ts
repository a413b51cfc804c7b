// The shape every reference dataset shares: provenance, typed rows, a checksum over those rows, and the
// errors a publisher's file can earn. Pure: no IO here, so parsers and the compile script can share it.
import { createHash } from 'node:crypto';

export const DATASET_IDS = ['countries', 'tip-tiers', 'ilab-tvpra', 'gsi', 'hs', 'cpv', 'ilo-indicators'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export function isDatasetId(value: string): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value);
}

export type ColumnType = 'text' | 'int' | 'bigint' | 'float' | 'bool' | 'text[]';
export interface Column {
  name: string;
  type: ColumnType;
}

export type Cell = string | number | boolean | null | string[];
/** One row of a dataset. `row` is the line (or record number) in the publisher's file it came from. */
export type Row = { row: number } & Record<string, Cell>;

export interface Provenance {
  title: string;
  publisher: string;
  edition: string;
  /** Publication date of the edition, YYYY-MM-DD (or null when the publisher gives none). */
  publishedOn: string | null;
  sourceUrl: string;
  licence: string;
  /** What a user must know before relying on the figures (gaps, transcriptions, unverified parts). */
  caveats: string;
}

/** A compiled edition as stored in `reference/<dataset>/<edition>.json` and in the database. */
export interface CompiledEdition {
  dataset: DatasetId;
  provenance: Provenance;
  compiledOn: string;
  rowCount: number;
  checksum: string;
  /** Headline figures a user can check against the publisher (e.g. goods: 159, countries: 78). */
  stats: Record<string, number>;
  rows: Row[];
}

/** One problem in a publisher's file, named by file, line and field so the user can fix it. */
export interface FormatIssue {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export class ImportRejected extends Error {
  constructor(readonly issues: FormatIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the file:\n${issues.slice(0, 50).map(formatIssue).join('\n')}${issues.length > 50 ? `\n… and ${issues.length - 50} more` : ''}`);
    this.name = 'ImportRejected';
  }
}

export function formatIssue(i: FormatIssue): string {
  const where = [i.file, i.line != null ? `line ${i.line}` : null, i.field != null ? `field "${i.field}"` : null].filter(Boolean).join(', ');
  return `${where}: ${i.message}`;
}

/** Collects issues while a parser walks a file; parsers report every bad row, not just the first. */
export class IssueLog {
  readonly issues: FormatIssue[] = [];
  constructor(readonly file: string) {}
  add(line: number | null, field: string | null, message: string): void {
    this.issues.push({ file: this.file, line, field, message });
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ImportRejected(this.issues);
  }
}

/**
 * Checksum over the rows in a canonical form (each row as a JSON array in the dataset's column order, the
 * lines sorted), so the same facts give the same checksum whether read from the compiled file or back from
 * either database, in whatever order they come.
 */
export function checksumRows(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = rows.map((r) => JSON.stringify([r.row, ...columns.map((c) => canonicalCell(c.type, r[c.name]))])).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return `sha256:${hash.digest('hex')}`;
}

function canonicalCell(type: ColumnType, value: Cell | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (type === 'float' || type === 'int' || type === 'bigint') return Number(value);
  return value;
}
