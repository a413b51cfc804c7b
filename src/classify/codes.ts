// HS and CPV codes as lines write them: cleaned, resolved to their description and level, and explained
// when they cannot be used as given. Pure; the tables are built once from the compiled reference rows.

/** The HS row fields the classifier needs (reference/hs/<edition>.json). */
export interface HsRowLike {
  row: number;
  code: string;
  level: number;
  description: string;
}

/** The CPV row fields the classifier needs (reference/cpv/<edition>.json). */
export interface CpvRowLike {
  row: number;
  code: string;
  check_digit: string;
  description: string;
  level: number;
}

export type CodeSystem = 'hs' | 'cpv';

/** One level of a code's hierarchy, e.g. chapter 18 → heading 1801 → subheading 180100. */
export interface CodeLevel {
  code: string;
  level: number;
  levelName: string;
  description: string;
  row: number;
}

/** A line's code, resolved: what was given, the code used, its description, level and ancestors, and why it differs from the input. */
export interface CodeResolution {
  system: CodeSystem;
  edition: string;
  /** As written in the line. */
  input: string;
  /** The code the classifier used (HS 2/4/6 digits, CPV 8 digits), or null when none could be used. */
  code: string | null;
  level: number | null;
  levelName: string | null;
  description: string | null;
  /** Row of the code in the compiled reference file. */
  row: number | null;
  /** From the broadest level down to the code itself. */
  path: CodeLevel[];
  /** Adjustments made to read the code (dots removed, national digits dropped, check digit checked, …). */
  notes: string[];
  /** Why the code could not be used at all. */
  error: string | null;
}

export interface CodeTable {
  system: CodeSystem;
  edition: string;
  /** Code → entry; CPV codes are 8 digits. */
  byCode: Map<string, CodeEntry>;
}

export interface CodeEntry {
  code: string;
  level: number;
  description: string;
  row: number;
  /** CPV only. */
  checkDigit?: string;
  /** HS: the code itself; CPV: its significant digits (the first `level` digits). */
  key: string;
}

export function hsLevelName(level: number): string {
  return level === 2 ? 'chapter' : level === 4 ? 'heading' : level === 6 ? 'subheading' : 'section';
}

export function cpvLevelName(level: number): string {
  return level === 2 ? 'division' : level === 3 ? 'group' : level === 4 ? 'class' : level === 5 ? 'category' : 'subcategory';
}

export function buildHsTable(edition: string, rows: readonly HsRowLike[]): CodeTable {
  const byCode = new Map<string, CodeEntry>();
  for (const r of rows) {
    if (r.level !== 2 && r.level !== 4 && r.level !== 6) continue; // sections are not codes a line carries
    byCode.set(r.code, { code: r.code, level: r.level, description: r.description, row: r.row, key: r.code });
  }
  return { system: 'hs', edition, byCode };
}

export function buildCpvTable(edition: string, rows: readonly CpvRowLike[]): CodeTable {
  const byCode = new Map<string, CodeEntry>();
  for (const r of rows) {
    byCode.set(r.code, { code: r.code, level: r.level, description: r.description, row: r.row, checkDigit: r.check_digit, key: r.code.slice(0, r.level) });
  }
  return { system: 'cpv', edition, byCode };
}

/** Characters a code may be written with besides its digits. */
function stripCode(raw: string, prefix: 'hs' | 'cpv'): string {
  let s = raw.trim();
  const lower = s.slice(0, prefix.length).toLowerCase();
  if (lower === prefix) s = s.slice(prefix.length).replace(/^[\s:#-]+/, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 46 || c === 9 || c === 0xa0) continue; // space, dot, tab, no-break space
    out += s[i];
  }
  return out;
}

function isDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function resolution(table: CodeTable, input: string, entry: CodeEntry | null, notes: string[], error: string | null): CodeResolution {
  const levelName = table.system === 'hs' ? hsLevelName : cpvLevelName;
  return {
    system: table.system,
    edition: table.edition,
    input,
    code: entry?.code ?? null,
    level: entry?.level ?? null,
    levelName: entry ? levelName(entry.level) : null,
    description: entry?.description ?? null,
    row: entry?.row ?? null,
    path: entry ? pathOf(table, entry) : [],
    notes,
    error,
  };
}

function pathOf(table: CodeTable, entry: CodeEntry): CodeLevel[] {
  const levelName = table.system === 'hs' ? hsLevelName : cpvLevelName;
  const out: CodeLevel[] = [];
  const lengths = table.system === 'hs' ? [2, 4, 6] : [2, 3, 4, 5, 6, 7, 8];
  for (const len of lengths) {
    if (len > entry.key.length) break;
    const code = table.system === 'hs' ? entry.key.slice(0, len) : entry.key.slice(0, len).padEnd(8, '0');
    const e = table.byCode.get(code);
    if (e && e.key.length === len) out.push({ code: e.code, level: e.level, levelName: levelName(e.level), description: e.description, row: e.row });
  }
  return out;
}

/**
 * Reads an HS code as lines write it: "1801", "1801.00", "18 01 00", "HS 180100", 8- and 10-digit national
 * tariff codes (cut to the 6-digit subheading), and codes that lost their leading zero in a spreadsheet
 * ("30617" → 030617). A code missing from HS 2022 (e.g. from an older edition) falls back to its nearest
 * ancestor that exists, with a note.
 */
export function resolveHs(table: CodeTable, input: string): CodeResolution {
  const parsed = parseHs(input);
  if (parsed.digits === null) return resolution(table, input, null, parsed.notes, parsed.error);
  const base = lookupHs(table, parsed.digits);
  return withInput(base, input, parsed.notes);
}

/** A line's HS code cleaned to 2, 4 or 6 digits, with what was done to it; no table needed. */
export interface ParsedCode {
  digits: string | null;
  notes: string[];
  error: string | null;
}

export function parseHs(input: string): ParsedCode {
  const notes: string[] = [];
  const cleaned = stripCode(input, 'hs').replace(/-/g, '');
  if (!isDigits(cleaned)) return { digits: null, notes, error: `"${input}" is not an HS code (digits, optionally with dots or spaces)` };
  let digits = cleaned;
  if (digits.length > 12) return { digits: null, notes, error: `"${input}" has ${digits.length} digits; HS codes have 2 to 6, national tariff codes up to 10 or 12` };
  if (digits.length % 2 === 1) {
    digits = `0${digits}`;
    notes.push(`a leading zero was restored (${digits}): spreadsheets drop it from chapters 01-09`);
  }
  if (digits.length > 6) {
    notes.push(`national digits ${digits.slice(6)} ignored: HS is harmonised to 6 digits`);
    digits = digits.slice(0, 6);
  }
  return { digits, notes, error: null };
}

/** Resolves clean HS digits (2, 4 or 6), falling back to the nearest existing ancestor. */
export function lookupHs(table: CodeTable, digits: string): CodeResolution {
  const notes: string[] = [];
  const exact = table.byCode.get(digits);
  if (exact) return resolution(table, digits, exact, notes, null);
  for (let len = digits.length - 2; len >= 2; len -= 2) {
    const parent = table.byCode.get(digits.slice(0, len));
    if (parent) {
      notes.push(`${digits} is not in HS ${table.edition}; its ${hsLevelName(len)} ${parent.code} is used`);
      return resolution(table, digits, parent, notes, null);
    }
  }
  return resolution(table, digits, null, notes, `${digits} is not an HS ${table.edition} code`);
}

/** The same resolution as read from the line's own writing of the code (shares everything else). */
export function withInput(base: CodeResolution, input: string, notes: string[]): CodeResolution {
  if (input === base.input && notes.length === 0) return base;
  return { ...base, input, notes: notes.length === 0 ? base.notes : [...notes, ...base.notes] };
}

/**
 * Reads a CPV code: "15841000-5", "158410005", "15841000" (the check digit is optional and, when given, is
 * compared with the one CPV publishes), and shortened codes such as "1584" (padded with zeros). A code
 * missing from CPV 2008 falls back to its nearest existing ancestor, with a note.
 */
export function resolveCpv(table: CodeTable, input: string): CodeResolution {
  const parsed = parseCpv(input);
  if (parsed.digits === null) return resolution(table, input, null, parsed.notes, parsed.error);
  const base = lookupCpv(table, parsed.digits);
  const notes = parsed.notes;
  const check = checkDigitNote(table, parsed.digits, parsed.check);
  if (check) notes.push(check);
  return withInput(base, input, notes);
}

/** A note when a written check digit is not the one CPV publishes for the code (the code is still used). */
export function checkDigitNote(table: CodeTable, digits: string, check: string | null): string | null {
  const entry = check === null ? undefined : table.byCode.get(digits);
  if (!entry || entry.checkDigit === check) return null;
  return `check digit ${check} does not match CPV's ${entry.code}-${entry.checkDigit}; the code was used anyway`;
}

/** The resolution of a code that could not be read at all. */
export function unreadable(table: CodeTable, input: string, notes: string[], error: string): CodeResolution {
  return resolution(table, input, null, notes, error);
}

/** A line's CPV code cleaned to 8 digits, with its check digit when one was written. */
export function parseCpv(input: string): ParsedCode & { check: string | null } {
  const notes: string[] = [];
  const cleaned = stripCode(input, 'cpv');
  let digits = cleaned;
  let check: string | null = null;
  const fail = (error: string) => ({ digits: null, notes, error, check: null });
  const dash = cleaned.indexOf('-');
  if (dash >= 0) {
    digits = cleaned.slice(0, dash);
    check = cleaned.slice(dash + 1);
    if (!isDigits(check) || check.length !== 1) return fail(`"${input}" is not a CPV code (NNNNNNNN-N)`);
  }
  if (!isDigits(digits)) return fail(`"${input}" is not a CPV code (8 digits, optionally -check digit)`);
  if (dash < 0 && digits.length === 9) {
    check = digits.slice(8);
    digits = digits.slice(0, 8);
  }
  if (digits.length > 8) return fail(`"${input}" has ${digits.length} digits; CPV codes have 8 and a check digit`);
  if (digits.length === 7) {
    // A spreadsheet dropped the leading zero of divisions 03 and 09.
    digits = `0${digits}`;
    notes.push(`a leading zero was restored (${digits})`);
  } else if (digits.length < 8) {
    if (digits.length < 2) return fail(`"${input}" is too short to be a CPV code`);
    digits = digits.padEnd(8, '0');
    notes.push(`padded to ${digits}`);
  }
  return { digits, notes, error: null, check };
}

/** Resolves 8 CPV digits, falling back to the nearest existing ancestor. */
export function lookupCpv(table: CodeTable, digits: string): CodeResolution {
  const notes: string[] = [];
  let entry = table.byCode.get(digits);
  if (!entry) {
    for (let len = 7; len >= 2 && !entry; len--) {
      const ancestor = table.byCode.get(digits.slice(0, len).padEnd(8, '0'));
      if (ancestor && ancestor.key.length <= len) entry = ancestor;
    }
    if (!entry) return resolution(table, digits, null, notes, `${digits} is not a CPV ${table.edition} code`);
    notes.push(`${digits} is not in CPV ${table.edition}; its ${cpvLevelName(entry.level)} ${entry.code} is used`);
  }
  return resolution(table, digits, entry, notes, null);
}
