// Helpers every parser shares: CSV records that know their line (so a bad row can be named), and file checks.
import { parse } from 'csv-parse/sync';
import { ImportRejected, type IssueLog } from '../dataset.ts';
import type { CountryResolver } from '../countries.ts';
import type { SourceFile } from '../definition.ts';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** The header row of a CSV (BOM and padding removed), for telling which of several files is which. */
export function csvHeader(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/**
 * Parses the whole file; logs an empty file, a quote left open (the usual sign of a file cut off mid-line)
 * and every record whose field count differs from the header's, and leaves those records out. Blank lines
 * are skipped. Returns null when nothing usable could be read.
 */
export function readCsv(file: SourceFile, log: IssueLog): CsvTable | null {
  if (file.text.replace(/^\uFEFF/, '').trim() === '') {
    log.add(1, null, 'the file is empty');
    return null;
  }
  const raw: { fields: string[]; endLine: number }[] = [];
  let lastEnd = 0;
  try {
    parse(file.text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (fields: string[], ctx: { lines: number }) => {
        raw.push({ fields, endLine: ctx.lines });
        lastEnd = ctx.lines;
        return null;
      },
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      log.add(lastEnd + 1, null, 'a quoted field is never closed: the file looks cut off or has a stray quote');
    } else {
      const line = (err as { lines?: number }).lines ?? lastEnd + 1;
      log.add(line, null, `not readable as CSV: ${(err as Error).message}`);
    }
  }
  const records: CsvRecord[] = [];
  let prevEnd = 0;
  for (const r of raw) {
    const line = prevEnd + 1;
    prevEnd = r.endLine;
    if (r.fields.length === 1 && r.fields[0]!.trim() === '') continue;
    records.push({ line, fields: r.fields });
  }
  const [headerRecord, ...rows] = records;
  if (!headerRecord) {
    if (log.issues.length === 0) log.add(1, null, 'the file is empty');
    return null;
  }
  const header = headerRecord.fields.map((h) => h.trim());
  const kept: CsvRecord[] = [];
  for (const r of rows) {
    if (r.fields.length !== header.length) {
      log.add(r.line, null, `${r.fields.length} field${r.fields.length === 1 ? '' : 's'} where the header has ${header.length}: the line is cut off or has a stray comma`);
      continue;
    }
    kept.push(r);
  }
  if (rows.length === 0 && log.issues.length === 0) log.add(headerRecord.line + 1, null, 'the file has a header but no rows');
  return { header, records: kept };
}

/**
 * Reads a CSV whose header must be exactly `expected`; a different header means a different kind of file, and
 * that is the only thing reported then (its rows would only add noise).
 */
export function readCsvWithHeader(file: SourceFile, expected: readonly string[], kind: string, log: IssueLog): CsvTable {
  const table = readCsv(file, log);
  if (!table) throw new ImportRejected(log.issues);
  const got = table.header.map((h) => h.toLowerCase());
  if (got.length === expected.length && expected.every((e, i) => got[i] === e)) return table;
  throw new ImportRejected([{ file: file.name, line: 1, field: null, message: `expected ${kind} with the header "${expected.join(',')}", found "${table.header.join(',')}"` }]);
}

/** The single file a one-file dataset takes; two or none is a usage mistake worth naming. */
export function onlyFile(files: SourceFile[], dataset: string): SourceFile {
  if (files.length === 1) return files[0]!;
  throw new ImportRejected([{ file: files.map((f) => f.name).join(', ') || '(no file)', line: null, field: null, message: `${dataset} takes exactly one file, got ${files.length}` }]);
}

/** A country name resolved to its code, or null with the miss (and any near names) logged against the line. */
export function resolveCountry(countries: CountryResolver, log: IssueLog, line: number, field: string, name: string): string | null {
  const r = countries.resolve(name);
  if (r.ok) return r.code;
  const hint = r.suggestions.length > 0 ? ` (did you mean ${r.suggestions.map((s) => `${s.name} [${s.code}]`).join(', ')}?)` : '';
  log.add(line, field, `${r.reason}${hint}`);
  return null;
}
