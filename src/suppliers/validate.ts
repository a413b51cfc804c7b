// One raw record to a SupplierLine, or to the reasons it cannot be one. Errors reject the row (no supplier
// name, spend or tier or coordinates that cannot be read); warnings keep it (an unknown country is kept with no
// country, an unknown currency with none, a goods code that is not one, an identifier that fails its check is
// dropped). Every issue names the row, line, column and value, so the user can fix the file. Pure.
import { parseCpv, parseHs } from '../classify/codes.ts';
import type { CountryResolver, Resolution } from '../knowledge/countries.ts';
import { currencyCode, parseAmount, type DecimalSeparator } from './amount.ts';
import type { ColumnMapping, Identifier, LineField, RawRecord, RowIssue, SupplierLine } from './line.ts';

export interface ValidateOptions {
  /** Resolves amounts such as "1,234" that read either way (SupplierFile.decimalSeparator). */
  decimalSeparator?: DecimalSeparator | null;
  /** Currency of lines whose spend names none and that have no currency column (e.g. the buyer's own). */
  defaultCurrency?: string | null;
}

export interface Validated {
  /** Absent when an error rejected the row. */
  line?: SupplierLine;
  issues: RowIssue[];
}

/** Cell values that stand for "no name" and must not become a supplier called "N/A". */
const NO_NAME = new Set(['n/a', 'na', 'n.a.', 'null', 'none', 'nil', 'unknown', '#n/a', 'tbd', '-', '--', '?', '0']);

/** The cells of one record and the issues found in them so far. */
class RowCheck {
  readonly issues: RowIssue[];
  constructor(
    readonly rec: RawRecord,
    readonly mapping: ColumnMapping,
  ) {
    this.issues = [...rec.issues];
  }

  raw(field: LineField): string {
    const header = this.mapping[field];
    return header === undefined ? '' : (this.rec.cells[header] ?? '');
  }

  /** The trimmed cell, or null when the field is unmapped or the cell blank. */
  text(field: LineField): string | null {
    return this.raw(field).trim() || null;
  }

  report(field: LineField, message: string, severity: RowIssue['severity']): void {
    const { row, line } = this.rec;
    this.issues.push({ row, line, column: this.mapping[field] ?? null, field, value: this.text(field), message, severity });
  }

  error(field: LineField, message: string): void {
    this.report(field, message, 'error');
  }

  warn(field: LineField, message: string): void {
    this.report(field, message, 'warning');
  }

  get rejected(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}

export function validateRecord(rec: RawRecord, mapping: ColumnMapping, resolver: CountryResolver, opts: ValidateOptions = {}): Validated {
  if (rec.issues.some((i) => i.severity === 'error')) return { issues: [...rec.issues] };
  const c = new RowCheck(rec, mapping);

  const name = (c.text('supplier') ?? '').replace(/\s+/g, ' ');
  if (name === '') c.error('supplier', 'no supplier name');
  else if (NO_NAME.has(name.toLowerCase()) || !/[\p{L}\p{N}]/u.test(name)) c.error('supplier', `"${name}" is not a supplier name`);

  const identifiers = readIdentifiers(c);
  const aliases = splitAliases(c.text('aliases'), name);

  let countryCode: string | null = null;
  const countryInput = c.text('country');
  if (countryInput !== null) {
    const r = resolveCountry(resolver, countryInput);
    if (r.ok) countryCode = r.code;
    else {
      const hint = r.suggestions.length > 0 ? ` (did you mean ${r.suggestions.map((s) => `${s.name} [${s.code}]`).join(', ')}?)` : '';
      c.warn('country', `${r.reason}${hint}: the line is kept without a country, so country risk cannot be assessed`);
    }
  }

  const latitude = coordinate(c, 'latitude', 90);
  const longitude = coordinate(c, 'longitude', 180);
  if ((c.text('latitude') === null) !== (c.text('longitude') === null)) {
    const [given, missing] = c.text('latitude') === null ? (['longitude', 'latitude'] as const) : (['latitude', 'longitude'] as const);
    c.warn(given, `${given} without ${missing}: the coordinates are ignored`);
  }
  const hasPoint = latitude !== null && longitude !== null;

  const hsCode = goodsCode(c, 'hs');
  const cpvCode = goodsCode(c, 'cpv');
  const unspscCode = goodsCode(c, 'unspsc');

  let spend: number | null = null;
  let spendCurrency: string | null = null;
  const spendText = c.text('spend');
  if (spendText !== null) {
    const a = parseAmount(spendText, opts.decimalSeparator ?? undefined);
    if (!a.ok) c.error('spend', a.error);
    else {
      spend = a.value;
      spendCurrency = a.currency;
      if (a.value < 0) c.warn('spend', `negative spend ${a.value} kept (a credit note or refund?); it lowers the supplier's total`);
    }
  }
  let currency: string | null = null;
  const currencyText = c.text('currency');
  if (currencyText !== null) {
    currency = currencyCode(currencyText);
    if (currency === null) c.warn('currency', `"${currencyText}" is not an ISO 4217 currency code (e.g. EUR, USD): the line is kept without a currency`);
    else if (spendCurrency !== null && spendCurrency !== currency) c.error('spend', `the amount is in ${spendCurrency} but the currency column says ${currency}`);
  } else currency = spendCurrency ?? opts.defaultCurrency ?? null;

  const tier = readTier(c);

  if (c.rejected) return { issues: c.issues };
  return {
    issues: c.issues,
    line: {
      row: rec.row,
      line: rec.line,
      supplier: { name, aliases, identifiers },
      site: {
        name: c.text('site'),
        countryCode,
        countryInput,
        region: c.text('region'),
        address: c.text('address'),
        latitude: hasPoint ? latitude : null,
        longitude: hasPoint ? longitude : null,
      },
      description: c.text('description'),
      hsCode,
      cpvCode,
      unspscCode,
      spend,
      currency,
      period: c.text('period'),
      tier,
      parent: c.text('parent'),
    },
  };
}

const COUNTRY_CACHE_LIMIT = 10_000;
const countryCache = new WeakMap<CountryResolver, Map<string, Resolution>>();

/** resolver.resolve, remembered per resolver: a file names the same few countries on every line. */
export function resolveCountry(resolver: CountryResolver, input: string): Resolution {
  let cache = countryCache.get(resolver);
  if (!cache) countryCache.set(resolver, (cache = new Map()));
  let r = cache.get(input);
  if (r === undefined) {
    r = resolver.resolve(input);
    if (cache.size < COUNTRY_CACHE_LIMIT) cache.set(input, r);
  }
  return r;
}

/** "A | B; C" → ["A", "B", "C"], without repeats or the supplier's own name. */
export function splitAliases(value: string | null, name: string): string[] {
  if (value === null) return [];
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const part of value.split(/[|;]/)) {
    const alias = part.replace(/\s+/g, ' ').trim();
    if (alias === '' || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}

function coordinate(c: RowCheck, field: 'latitude' | 'longitude', limit: number): number | null {
  const t = c.text(field);
  if (t === null) return null;
  const n = /^[-+]?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
  if (Number.isNaN(n)) c.error(field, `"${t}" is not a ${field} in decimal degrees (e.g. ${field === 'latitude' ? '23.81' : '90.41'})`);
  else if (Math.abs(n) > limit) c.error(field, `${field} ${t} is outside -${limit} to ${limit}`);
  else return n;
  return null;
}

/** A goods code as written when it reads as one; a warning and null when it cannot (the line is kept). */
function goodsCode(c: RowCheck, field: 'hs' | 'cpv' | 'unspsc'): string | null {
  const t = c.text(field);
  if (t === null) return null;
  const problem = field === 'hs' ? parseHs(t).error : field === 'cpv' ? parseCpv(t).error : unspscProblem(t);
  if (problem === null) return field === 'unspsc' ? t.replace(/[\s.-]/g, '') : t;
  c.warn(field, `${problem}: the code is ignored and the goods are classified from the description`);
  return null;
}

function unspscProblem(t: string): string | null {
  const digits = t.replace(/[\s.-]/g, '');
  return /^\d{8}(\d{2})?$/.test(digits) ? null : `"${t}" is not a UNSPSC code (8 digits, e.g. 43211503)`;
}

function readTier(c: RowCheck): number | null {
  const t = c.text('tier');
  if (t === null) return null;
  const m = /^(?:(?:tier|t|niveau|nivel|stufe|rang)\s*[-:]?\s*)?(-?\d+)(?:\.0+)?$/i.exec(t);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(n) || n < 1) {
    c.error('tier', `"${t}" is not a tier: write a whole number, 1 for a direct supplier, 2 for its suppliers, and so on`);
    return null;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// Identifiers

function readIdentifiers(c: RowCheck): Identifier[] {
  const out: Identifier[] = [];
  const add = (scheme: Identifier['scheme'], value: string | null) => {
    if (value !== null) out.push({ scheme, value });
  };
  add('lei', checked(c, 'lei', cleanLei));
  add('duns', checked(c, 'duns', cleanDuns));
  add('vat', checked(c, 'vat', cleanVat));
  add('company_number', checked(c, 'company_number', compact));
  add('os_id', checked(c, 'os_id', compact));
  add('supplier_ref', c.text('supplier_ref'));
  return out;
}

type Cleaned = { value: string } | { problem: string };

/** Company numbers and OS IDs: capitals, no spaces (their formats differ by country, so nothing more is checked). */
function compact(input: string): Cleaned {
  return { value: input.toUpperCase().replace(/\s+/g, '') };
}

function checked(c: RowCheck, field: LineField, clean: (v: string) => Cleaned): string | null {
  const t = c.text(field);
  if (t === null) return null;
  const r = clean(t);
  if ('value' in r) return r.value;
  c.warn(field, `${r.problem}: the identifier is ignored (the supplier is still imported, matched by name)`);
  return null;
}

/** ISO 17442: 20 letters and digits, the last two check digits (ISO 7064 MOD 97-10 over the whole code is 1). */
export function cleanLei(input: string): Cleaned {
  const v = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z0-9]{18}\d{2}$/.test(v)) return { problem: `"${input}" is not a LEI (20 letters and digits, the last two digits)` };
  let rem = 0;
  for (const ch of v) {
    const d = ch <= '9' ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of d) rem = (rem * 10 + digit.charCodeAt(0) - 48) % 97;
  }
  return rem === 1 ? { value: v } : { problem: `"${input}" fails the LEI check digits (mistyped?)` };
}

/** D-U-N-S: nine digits, written with or without dashes and spaces. */
export function cleanDuns(input: string): Cleaned {
  const v = input.replace(/[\s.-]/g, '');
  if (/^\d{9}$/.test(v)) return { value: v };
  if (/^\d{8}$/.test(v)) return { problem: `"${input}" has 8 digits where a D-U-N-S number has 9 (did a spreadsheet drop a leading zero? format the column as text)` };
  return { problem: `"${input}" is not a D-U-N-S number (9 digits)` };
}

/** VAT numbers compared as written without spaces, dots, dashes or slashes, in capitals ("de 123 456 789" = "DE123456789"). */
export function cleanVat(input: string): Cleaned {
  const v = input.toUpperCase().replace(/[\s./-]/g, '');
  if (/^[A-Z0-9]{4,20}$/.test(v) && /\d/.test(v)) return { value: v };
  return { problem: `"${input}" is not a VAT or tax number (4 to 20 letters and digits)` };
}
