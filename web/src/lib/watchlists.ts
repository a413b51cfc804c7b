// Watchlists as the pages show and edit them: what a list is and means, its threshold as typed by a person,
// a new organisation list's form, the file of a new version (its format, and for a table which column holds
// what) and a rejected file's issues. Pure.
import { DEFAULT_THRESHOLD, ENTITY_TYPES, IDENTIFIER_SCHEMES, type EntityType, type IdentifierScheme } from '../../../src/match/types.ts';
import type { z } from 'zod';
import type {
  Watchlist as WatchlistSchema,
  WatchlistEntity as WatchlistEntitySchema,
  WatchlistImport as WatchlistImportSchema,
  WatchlistVersionInfo as WatchlistVersionSchema,
} from '../../../src/watchlists/api-schema.ts';
import { WATCHLIST_FORMATS, type SignalStrength, type TableMapping, type WatchlistFormat, type WatchlistIssue } from '../../../src/watchlists/types.ts';
import { formatDate, fold } from './format.ts';
import type { FieldErrors } from './forms.ts';

export { WATCHLIST_FORMATS, type SignalStrength, type TableMapping, type WatchlistFormat, type WatchlistIssue };

/** A list as GET /watchlists answers it: threshold is the organisation's own for a shared list when it set one. */
export type Watchlist = z.infer<typeof WatchlistSchema>;
export type WatchlistVersionInfo = z.infer<typeof WatchlistVersionSchema>;
/** A listed entity as the API sends it, with its id in the version ("<versionId>:<n>"). */
export type WatchlistEntity = z.infer<typeof WatchlistEntitySchema>;
/** What loading a version answers: the version, and the first warnings of its file. */
export type WatchlistImport = z.infer<typeof WatchlistImportSchema>;

export interface WatchlistDetail {
  watchlist: Watchlist;
  versions: WatchlistVersionInfo[];
}

export interface EntityPage {
  total: number;
  items: WatchlistEntity[];
}

// ── What a hit on a list means ──────────────────────────────────────────────────────────────────────

export const SIGNAL_INFO: Readonly<Record<SignalStrength, { label: string; meaning: string }>> = {
  hard: {
    label: 'Hard signal',
    meaning:
      'The list carries legal weight (a bar or a presumption, such as the UFLPA Entity List, a withhold release order or a sanctions list). A hit is a possible match until a person confirms it; only then is it a finding.',
  },
  soft: {
    label: 'Soft signal',
    meaning: 'The list is a warning to weigh in due diligence, not a legal bar. A hit adds to the supplier’s risk until it is dismissed.',
  },
};

export function scopeLabel(scope: Watchlist['scope']): string {
  return scope === 'shared' ? 'Shared with every organisation' : 'Your organisation’s own';
}

/** "2025-06 (published 3 June 2025)", or a sentence when no version has been loaded yet. */
export function editionLabel(v: Pick<WatchlistVersionInfo, 'edition' | 'publishedOn'> | null): string {
  if (!v) return 'No version loaded yet';
  return v.publishedOn ? `${v.edition} (published ${formatDate(v.publishedOn)})` : v.edition;
}

/** A threshold as the pages write it: two decimals, "0.85". */
export function formatThreshold(t: number): string {
  return Number.isFinite(t) ? t.toFixed(2) : '—';
}

/** A threshold typed by a person ("0.85", "0,85", or "85%"), or the reason it cannot be one. */
export function parseThreshold(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(',', '.');
  if (!t) return { error: 'Enter a threshold between 0.5 and 1, such as 0.85.' };
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1).trim() : t);
  if (!Number.isFinite(n)) return { error: `“${text.trim()}” is not a number: enter a threshold such as 0.85.` };
  const value = percent || n > 1 ? n / 100 : n;
  // Below one half nearly every company name "matches" another; the engine is not meant for that.
  if (value < 0.5 || value > 1) return { error: 'The threshold must be between 0.5 and 1: lower matches nearly every name, higher matches nothing.' };
  return { value: Math.round(value * 1000) / 1000 };
}

// ── A new organisation list ─────────────────────────────────────────────────────────────────────────

export interface NewListDraft {
  name: string;
  slug: string;
  signal: SignalStrength;
  basis: string;
  threshold: string;
  publisher: string;
  sourceUrl: string;
  licence: string;
}

export const EMPTY_LIST: NewListDraft = { name: '', slug: '', signal: 'soft', basis: '', threshold: DEFAULT_THRESHOLD.toFixed(2), publisher: '', sourceUrl: '', licence: '' };

/** The fields of the form, in screen order. */
export const NEW_LIST_FIELDS = ['name', 'slug', 'signal', 'basis', 'threshold', 'publisher', 'sourceUrl', 'licence'] as const;

/** "Our own high-risk list (2025)" → "our-own-high-risk-list-2025": a short id people can read. */
export function slugFrom(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export interface NewListBody {
  slug: string;
  name: string;
  signal: SignalStrength;
  basis: string;
  threshold: number;
  publisher?: string;
  sourceUrl?: string;
  licence?: string;
}

/** The request body for POST /watchlists, or the problems to show next to each field. */
export function newListBody(d: NewListDraft): { body: NewListBody; errors: FieldErrors } | { body: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Enter the name of the list.';
  else if (d.name.trim().length > 200) errors.name = 'Use at most 200 characters.';
  const slug = d.slug.trim() || slugFrom(d.name);
  if (!/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/.test(slug)) errors.slug = 'Use 3 to 64 lower-case letters, digits and hyphens, not starting or ending with a hyphen, such as “our-own-list”.';
  if (d.basis.trim().length < 3) errors.basis = 'Say why a hit on this list counts: it is shown with every hit.';
  else if (d.basis.trim().length > 4000) errors.basis = 'Use at most 4,000 characters.';
  const threshold = parseThreshold(d.threshold);
  if ('error' in threshold) errors.threshold = threshold.error;
  const url = d.sourceUrl.trim();
  if (url && (!/^https?:\/\/\S+$/i.test(url) || url.length > 2000)) errors.sourceUrl = 'Enter an address starting with https:// or http://, or leave it empty.';
  if (Object.keys(errors).length > 0 || 'error' in threshold) return { body: null, errors };
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  const body: NewListBody = { slug, name: d.name.trim(), signal: d.signal, basis: d.basis.trim(), threshold: threshold.value };
  const publisher = optional(d.publisher);
  const licence = optional(d.licence);
  if (publisher) body.publisher = publisher;
  if (url) body.sourceUrl = url;
  if (licence) body.licence = licence;
  return { body, errors };
}

// ── The file of a new version ───────────────────────────────────────────────────────────────────────

export const FORMAT_INFO: Readonly<Record<WatchlistFormat, { label: string; short: string; hint: string }>> = {
  table: { label: 'Table (CSV or Excel) with a column mapping', short: 'table', hint: 'One row per listed entity, a header row, and you say which column holds what.' },
  ftm: { label: 'FollowTheMoney entities, one JSON object a line', short: 'FtM JSON lines', hint: 'The format OpenSanctions exports (UFLPA, CBP, Brazil, sanctions lists).' },
  'br-mte': { label: 'Brazil MTE register of employers (official CSV)', short: 'MTE register', hint: 'The Ministry of Labour’s “Cadastro de Empregadores” as published.' },
};

export const ACCEPTED_LIST_FILES = '.csv,.txt,.xlsx,.json,.jsonl,.ndjson,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a file name suggests (the person can change it): JSON lines are FtM, anything tabular a table. */
export function formatOfFile(name: string): WatchlistFormat | null {
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'ftm';
  if (/\.(csv|txt|xlsx)$/i.test(name)) return 'table';
  return null;
}

/** Why a chosen list file cannot be sent, or null (the server checks its content). */
export function listFileProblem(file: { name: string; size: number }, limit = 200 * 1024 * 1024): string | null {
  if (!formatOfFile(file.name)) return `“${file.name}” is neither a table (CSV, Excel .xlsx) nor JSON lines (.json, .jsonl).`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > limit) return `“${file.name}” is larger than ${Math.round(limit / 1024 / 1024)} MB, the most Vigil takes in one file.`;
  return null;
}

/** The columns of a table the mapping can name. */
export const LIST_COLUMNS = ['name', 'aliases', 'country', 'identifier', 'type'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

export const LIST_COLUMN_INFO: Readonly<Record<ListColumn, { label: string; hint: string; pattern: RegExp }>> = {
  name: { label: 'Name', hint: 'The listed company’s or person’s name (required)', pattern: /^(name|entity( name)?|company( name)?|full name|legal name|nome|raz[aã]o social|empregador|nom)$/ },
  aliases: { label: 'Other names', hint: 'Aliases, separated by | or ;', pattern: /alias|other names?|aka|also known|trading name/ },
  country: { label: 'Country', hint: 'Name or ISO code; several separated by | or ;', pattern: /country|countries|pa[ií]s|nation|jurisdiction|\buf\b/ },
  identifier: { label: 'Identifier', hint: 'A registration or tax number', pattern: /\b(id|identifier|number|no|cnpj|cpf|registration|lei|vat|tax|duns)\b/ },
  type: { label: 'Type', hint: 'Person or company', pattern: /^(type|kind|schema|entity type)$/ },
};

/** For each column of the mapping, the file's header that feeds it ('' = none); rows without a type are `defaultType`. */
export type ListMappingDraft = Record<ListColumn, string> & { identifierScheme: IdentifierScheme; defaultType: EntityType };

export const EMPTY_LIST_MAPPING: ListMappingDraft = { name: '', aliases: '', country: '', identifier: '', type: '', identifierScheme: 'company_number', defaultType: 'unknown' };
export { ENTITY_TYPES, IDENTIFIER_SCHEMES };

/**
 * The header row of a CSV file's first lines: comma, semicolon or tab separated (whichever the line has most
 * of). The CSV parser is loaded only when a table is chosen, which keeps it out of the app's first download.
 */
export async function csvHeaders(text: string): Promise<string[]> {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!first.trim()) return [];
  const outside = first.replace(/"[^"]*"/g, '');
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: outside.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const { parse } = await import('csv-parse/browser/esm/sync');
  const rows = parse(first, { delimiter, relax_quotes: true, relax_column_count: true, trim: true }) as string[][];
  return (rows[0] ?? []).filter((h) => h !== '');
}

/** A first guess at which header holds what, from the header words; each header feeds one column at most. */
export function guessListMapping(headers: readonly string[]): ListMappingDraft {
  const out: ListMappingDraft = { ...EMPTY_LIST_MAPPING };
  const used = new Set<string>();
  for (const column of LIST_COLUMNS) {
    const found = headers.find((h) => !used.has(h) && LIST_COLUMN_INFO[column].pattern.test(fold(h).trim()));
    if (found) {
      out[column] = found;
      used.add(found);
    }
  }
  return out;
}

/** The mapping a table needs (sent as JSON with the file), or why it is not complete. */
export function tableMappingOf(d: ListMappingDraft): { mapping: TableMapping } | { error: string } {
  if (!d.name.trim()) return { error: 'Say which column holds the name: it is required.' };
  const chosen = LIST_COLUMNS.map((c) => d[c].trim()).filter(Boolean);
  const twice = chosen.find((h, i) => chosen.indexOf(h) !== i);
  if (twice) return { error: `The column “${twice}” is chosen twice: each column feeds one field.` };
  const mapping: TableMapping = { name: d.name.trim() };
  if (d.aliases.trim()) mapping.aliases = d.aliases.trim();
  if (d.country.trim()) mapping.country = d.country.trim();
  if (d.type.trim()) mapping.type = d.type.trim();
  if (d.identifier.trim()) mapping.identifiers = [{ column: d.identifier.trim(), scheme: d.identifierScheme }];
  if (d.defaultType !== 'unknown') mapping.defaultType = d.defaultType;
  return { mapping };
}

/** The query string of POST /watchlists/:id/versions. */
export function versionQuery(format: WatchlistFormat, edition: string, mapping: TableMapping | null, published = ''): string {
  const q = new URLSearchParams({ format });
  if (edition.trim()) q.set('edition', edition.trim());
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) q.set('published', published);
  if (format === 'table' && mapping) q.set('mapping', JSON.stringify(mapping));
  return `?${q.toString()}`;
}

/** The content type a list file is sent with. */
export function listContentType(name: string): string {
  if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.(csv|txt)$/i.test(name)) return 'text/csv';
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return 'application/x-ndjson';
  return 'application/octet-stream';
}

/** The issues of a rejected list file, from the problem's `issues` member (anything malformed is left out). */
export function issuesOf(extensions: Readonly<Record<string, unknown>>): WatchlistIssue[] {
  const raw = extensions.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown) => {
    if (!i || typeof i !== 'object') return [];
    const x = i as Record<string, unknown>;
    if (typeof x.message !== 'string') return [];
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
    return [{ file: text(x.file) ?? '', line: typeof x.line === 'number' ? x.line : 0, field: text(x.field), value: text(x.value), message: x.message }];
  });
}
