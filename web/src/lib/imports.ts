// The import's mapping step: which column of the file feeds which field, prefilled from what the server
// recognised, adjustable, checked before the import starts, and saved mappings applied to a new file. Pure.
import type { z } from 'zod';
import type { SavedMapping as SavedMappingSchema, UploadPreview } from '../../../src/suppliers/api-schema.ts';
import { LINE_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type LineField } from '../../../src/suppliers/line.ts';

export { LINE_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type LineField };

/** What POST /api/v1/uploads answers. */
export type UploadResult = z.infer<typeof UploadPreview>;
export type SavedMapping = z.infer<typeof SavedMappingSchema>;

export interface FieldInfo {
  label: string;
  hint: string;
}

export const FIELD_INFO: Readonly<Record<LineField, FieldInfo>> = {
  supplier: { label: 'Supplier name', hint: 'Legal name of the supplier' },
  supplier_ref: { label: 'Your supplier number', hint: 'Vendor number in your own system' },
  aliases: { label: 'Other names', hint: 'Trading names, separated by | or ;' },
  lei: { label: 'LEI', hint: 'Legal Entity Identifier (20 characters)' },
  company_number: { label: 'Company number', hint: 'Registration number in the company register' },
  vat: { label: 'VAT number', hint: 'Tax identification number' },
  duns: { label: 'D-U-N-S number', hint: 'Dun & Bradstreet number' },
  os_id: { label: 'Open Supply Hub ID', hint: 'OS ID of the facility' },
  country: { label: 'Country', hint: 'Country of the site or of origin: name or ISO code' },
  region: { label: 'Region', hint: 'State, province or region' },
  address: { label: 'Address', hint: 'Street address of the site' },
  site: { label: 'Site name', hint: 'Factory, farm or facility' },
  latitude: { label: 'Latitude', hint: 'Decimal degrees' },
  longitude: { label: 'Longitude', hint: 'Decimal degrees' },
  description: { label: 'Goods or services', hint: 'What is bought, in words' },
  hs: { label: 'HS code', hint: 'Harmonized System code, 2 to 10 digits' },
  cpv: { label: 'CPV code', hint: 'Common Procurement Vocabulary code' },
  unspsc: { label: 'UNSPSC code', hint: 'United Nations product and service code' },
  spend: { label: 'Spend', hint: 'Amount spent, in figures' },
  currency: { label: 'Currency', hint: 'ISO 4217 code such as EUR' },
  period: { label: 'Period', hint: 'Year, quarter or month of the spend' },
  tier: { label: 'Tier', hint: '1 for a direct supplier, 2 for its supplier, …' },
  parent: { label: 'Supplies to', hint: 'The supplier this one supplies, by name or number' },
};

/** The fields offered in the mapping, grouped as the select shows them. */
export const FIELD_GROUPS: readonly { label: string; fields: readonly LineField[] }[] = [
  { label: 'Supplier', fields: ['supplier', 'supplier_ref', 'aliases', 'lei', 'company_number', 'vat', 'duns', 'os_id'] },
  { label: 'Site and origin', fields: ['country', 'region', 'address', 'site', 'latitude', 'longitude'] },
  { label: 'Goods and services', fields: ['description', 'hs', 'cpv', 'unspsc'] },
  { label: 'Spend', fields: ['spend', 'currency', 'period'] },
  { label: 'Supply chain', fields: ['tier', 'parent'] },
];

export function requiredFields(upload: Pick<UploadResult, 'missingRequired'>): LineField[] {
  return LINE_FIELDS.filter((f) => REQUIRED_FIELDS.includes(f) || upload.missingRequired.includes(f));
}

/** For each column of the file, the field it feeds ('' = not used). */
export type Choices = (LineField | '')[];

/** Choices from a mapping; the mapping's headers the file does not have are returned apart. */
export function choicesFrom(headers: readonly string[], mapping: ColumnMapping): { choices: Choices; missingHeaders: { field: LineField; header: string }[] } {
  const choices: Choices = headers.map(() => '');
  const missingHeaders: { field: LineField; header: string }[] = [];
  for (const field of LINE_FIELDS) {
    const header = mapping[field];
    if (header === undefined) continue;
    // The exact header first; a saved mapping also finds a header that differs only in case or spaces.
    let i = headers.findIndex((h, j) => h === header && choices[j] === '');
    if (i < 0) i = headers.findIndex((h, j) => normaliseHeader(h) === normaliseHeader(header) && choices[j] === '');
    if (i < 0) missingHeaders.push({ field, header });
    else choices[i] = field;
  }
  return { choices, missingHeaders };
}

function normaliseHeader(h: string): string {
  return h.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function mappingFrom(headers: readonly string[], choices: Choices): ColumnMapping {
  const mapping: ColumnMapping = {};
  choices.forEach((field, i) => {
    if (field && mapping[field] === undefined) mapping[field] = headers[i]!;
  });
  return mapping;
}

export interface MappingProblem {
  /** Index of the column the problem is about (for focus), or null for a field no column feeds. */
  column: number | null;
  message: string;
}

export function mappingProblems(headers: readonly string[], choices: Choices, required: readonly LineField[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<LineField, number>();
  choices.forEach((field, i) => {
    if (!field) return;
    const first = seen.get(field);
    if (first === undefined) seen.set(field, i);
    else problems.push({ column: i, message: `${FIELD_INFO[field].label} is chosen for two columns, “${headers[first]}” and “${headers[i]}”: keep one.` });
  });
  for (const field of required) {
    if (!seen.has(field)) problems.push({ column: null, message: `Choose the column that holds the ${FIELD_INFO[field].label.toLowerCase()}: it is required.` });
  }
  return problems;
}

/** Up to `n` different non-empty values of a column in the sample rows. */
export function sampleValues(sample: readonly (readonly string[])[], column: number, n = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = (row[column] ?? '').trim();
    if (v && !out.includes(v)) out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

/** Why the server matched a column to its field, if it did. */
export function recognitionOf(upload: Pick<UploadResult, 'recognised'>, header: string, field: LineField | ''): string | null {
  return upload.recognised.find((r) => r.header === header && r.field === field)?.why ?? null;
}

/** The file types the upload takes, by extension, for the file picker and the drop zone. */
export const ACCEPTED_FILES = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a chosen file cannot be sent, or null. Mirrors the server's 200 MB limit to spare a long upload. */
export function fileProblem(file: { name: string; size: number }, limit = 200 * 1024 * 1024): string | null {
  if (!/\.(csv|txt|xlsx)$/i.test(file.name)) return `“${file.name}” is not a CSV or Excel (.xlsx) file.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > limit) return `“${file.name}” is larger than ${Math.round(limit / 1024 / 1024)} MB, the most Vigil takes in one file.`;
  return null;
}

/** The content type sent with the raw upload. */
export function uploadContentType(name: string): string {
  return /\.xlsx$/i.test(name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : /\.(csv|txt)$/i.test(name) ? 'text/csv' : 'application/octet-stream';
}
