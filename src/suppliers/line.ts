// One supplier line as Vigil understands it after an import file's columns are mapped and its cells checked.
// The shared shape between reading (read.ts, columns.ts, validate.ts), assessing (src/assess) and storing
// (repo.ts). Pure types and constants.

/** The fields a column of a supplier or spend file can be mapped to. */
export const LINE_FIELDS = [
  'supplier', // legal name of the supplier (required)
  'supplier_ref', // the buyer's own vendor number
  'aliases', // other names, separated by | or ;
  'lei',
  'company_number',
  'vat',
  'duns',
  'os_id', // Open Supply Hub OS ID
  'country', // of the site / origin
  'region',
  'address',
  'site', // site or facility name
  'latitude',
  'longitude',
  'description', // goods or services, free text
  'hs',
  'cpv',
  'unspsc',
  'spend',
  'currency',
  'period', // e.g. 2025, 2025-Q3, 2025-01
  'tier', // 1 = direct supplier
  'parent', // the supplier (or buyer) this one supplies, by name or supplier_ref
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** Fields a file cannot be imported without. */
export const REQUIRED_FIELDS: readonly LineField[] = ['supplier'];

/** Column mapping: which header (exactly as the file writes it) feeds each field. */
export type ColumnMapping = Partial<Record<LineField, string>>;

export const IDENTIFIER_SCHEMES = ['lei', 'company_number', 'vat', 'duns', 'os_id', 'supplier_ref'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export interface Identifier {
  scheme: IdentifierScheme;
  value: string;
}

/** A data row that passed validation. */
export interface SupplierLine {
  /** 1-based number of the data row (the first row after the header is 1). */
  row: number;
  /** Physical line of the file (CSV) or worksheet row (XLSX) the data row starts on. */
  line: number;
  supplier: { name: string; aliases: string[]; identifiers: Identifier[] };
  site: {
    name: string | null;
    countryCode: string | null;
    /** The country exactly as the file wrote it, for the explanation ("Burma" → MM). */
    countryInput: string | null;
    region: string | null;
    address: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  description: string | null;
  hsCode: string | null;
  cpvCode: string | null;
  unspscCode: string | null;
  spend: number | null;
  currency: string | null;
  period: string | null;
  tier: number | null;
  parent: string | null;
}

/** Why a data row, or the file itself, was rejected or flagged. */
export interface RowIssue {
  row: number | null;
  line: number | null;
  column: string | null;
  field: LineField | null;
  value: string | null;
  message: string;
  /** 'error' rejects the row; 'warning' keeps it (an unknown country keeps the row with no country). */
  severity: 'error' | 'warning';
}

/** One data row as the file wrote it, before its cells are checked (read.ts gives these, validate.ts reads them). */
export interface RawRecord {
  /** Physical line (CSV) or worksheet row (XLSX) the row starts on. */
  line: number;
  /** 1-based number of the data row (blank rows are skipped and not counted). */
  row: number;
  /** Cell text by header (every header present; '' for a missing cell). */
  cells: Record<string, string>;
  /** What was wrong with how the row was written (bytes that are not UTF-8, a cell too many); an error rejects the row. */
  issues: readonly RowIssue[];
}
