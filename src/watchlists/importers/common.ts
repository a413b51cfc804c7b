// What every list importer shares: its context, its output, and how it names problems. Pure.
import type { CountryResolver } from '../../knowledge/countries.ts';
import type { TableMapping, WatchlistEntity, WatchlistIssue } from '../types.ts';

export interface ParseContext {
  /** The file's name as the user knows it, for messages. */
  file: string;
  countries: CountryResolver;
  /** Format 'table' only. */
  mapping?: TableMapping;
}

/** What an importer read so far: entities, and the problems that reject the file (errors) or do not (warnings). */
export interface Parsed {
  entities: WatchlistEntity[];
  errors: WatchlistIssue[];
  warnings: WatchlistIssue[];
}

/** Collects a file's problems; every message names file, line, field and value. */
export class IssueLog {
  errors: WatchlistIssue[] = [];
  warnings: WatchlistIssue[] = [];

  constructor(readonly file: string) {}

  error(line: number, field: string | null, value: string | null, message: string): void {
    this.errors.push({ file: this.file, line, field, value: value === null ? null : clip(value, 200), message });
  }

  warn(line: number, field: string | null, value: string | null, message: string): void {
    this.warnings.push({ file: this.file, line, field, value: value === null ? null : clip(value, 200), message });
  }

  /** The problems logged since the last call. */
  drain(): Pick<Parsed, 'errors' | 'warnings'> {
    const out = { errors: this.errors, warnings: this.warnings };
    this.errors = [];
    this.warnings = [];
    return out;
  }
}

/** Whitespace collapsed, trimmed. */
export const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A long text cut to n characters with an ellipsis, so one cell cannot bloat every hit that shows it. */
export function clip(s: string, n = 4_000): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Birth dates as the engine compares them: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a time after the date is dropped). */
export function partialDate(s: string): string | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?(?:T.*)?$/.exec(s.trim());
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}
