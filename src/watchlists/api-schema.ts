// Contracts of the watchlists API, shared by the routes (validation and OpenAPI), screening's routes (a hit
// shows its list, version and entity) and tests.
import { z } from 'zod';
import { ENTITY_TYPES, IDENTIFIER_SCHEMES } from '../match/types.ts';
import { SIGNAL_STRENGTHS, WATCHLIST_FORMATS, type TableMapping as TableMappingType } from './types.ts';

export const EntityTypeSchema = z.enum(ENTITY_TYPES).meta({ id: 'EntityType', description: 'person, company, or unknown' });

export const MatchIdentifier = z
  .object({
    scheme: z.enum(IDENTIFIER_SCHEMES),
    value: z.string().min(1).max(200),
    country: z.string().regex(/^[A-Z]{2}$/).nullable().optional().describe('ISO 3166-1 alpha-2 of the issuing country'),
  })
  .meta({ id: 'MatchIdentifier', description: 'An identifier as matching compares it (LEI, company number, tax id, IMO, …)' });

export const WatchlistVersionInfo = z
  .object({
    id: z.number().int(),
    edition: z.string(),
    publishedOn: z.string().nullable().describe('YYYY-MM-DD'),
    importedAt: z.string(),
    importedBy: z.string().describe('An e-mail address, or cli:<user> for the operator'),
    fileName: z.string(),
    sha256: z.string(),
    entities: z.number().int(),
    warnings: z.number().int().describe('Rows the importer skipped or read with a correction'),
    format: z.enum(WATCHLIST_FORMATS),
  })
  .meta({ id: 'WatchlistVersion', description: 'One imported edition of a list, with its provenance' });

export const Watchlist = z
  .object({
    id: z.number().int(),
    scope: z.enum(['shared', 'organisation']).describe('shared: defined by the operator for every organisation; organisation: your own'),
    slug: z.string(),
    name: z.string(),
    publisher: z.string(),
    sourceUrl: z.string().nullable(),
    licence: z.string().nullable(),
    signal: z.enum(SIGNAL_STRENGTHS).describe('hard: a legal bar or presumption; soft: a warning to weigh'),
    basis: z.string().describe('Why a hit counts (the law or guidance); shown with every hit'),
    threshold: z.number().describe('Match threshold in effect for your organisation (your override of a shared list, if any)'),
    listThreshold: z.number().describe('The list\'s own threshold'),
    activeVersion: WatchlistVersionInfo.nullable(),
    entities: z.number().int().describe('Entities in the active version'),
  })
  .meta({ id: 'Watchlist' });

export const WatchlistEntity = z
  .object({
    id: z.string().describe('"<versionId>:<n>": the version and the entity\'s place in it'),
    key: z.string().describe('Stable within the list across editions'),
    type: EntityTypeSchema,
    name: z.string(),
    aliases: z.array(z.string()),
    countries: z.array(z.string()),
    identifiers: z.array(MatchIdentifier),
    birthDate: z.string().nullable(),
    properties: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('What the list says about the entity (reason, dates, programme, workers involved, …)'),
    sourceRow: z.number().int().describe('Line (JSON lines) or row (tables) of the source file'),
  })
  .meta({ id: 'WatchlistEntity' });

export const WatchlistIssue = z
  .object({
    file: z.string(),
    line: z.number().int(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'WatchlistIssue', description: 'A problem in a list file, named by file, line, field and value' });

export const WatchlistImport = WatchlistVersionInfo.extend({
  warningIssues: z.array(WatchlistIssue).describe('The first 1,000 warnings'),
}).meta({ id: 'WatchlistImport' });

const Threshold = z.number().min(0.5).max(1).describe('0.5–1: below one half nearly every company name matches another');

export const WatchlistCreate = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, '3 to 64 lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  signal: z.enum(SIGNAL_STRENGTHS),
  basis: z.string().trim().min(3).max(4000),
  threshold: Threshold,
  publisher: z.string().trim().min(1).max(300).optional(),
  sourceUrl: z.url().max(2000).optional(),
  licence: z.string().trim().min(1).max(500).optional(),
});

export const ThresholdBody = z.object({ threshold: Threshold });

export const TableMapping = z
  .object({
    name: z.string().min(1).max(300),
    aliases: z.string().min(1).max(300).optional(),
    type: z.string().min(1).max(300).optional(),
    country: z.string().min(1).max(300).optional(),
    identifiers: z.array(z.object({ column: z.string().min(1).max(300), scheme: z.enum(IDENTIFIER_SCHEMES), country: z.string().regex(/^[A-Za-z]{2}$/).optional() })).max(20).optional(),
    birthDate: z.string().min(1).max(300).optional(),
    id: z.string().min(1).max(300).optional(),
    properties: z.array(z.string().min(1).max(300)).max(200).optional(),
    defaultType: EntityTypeSchema.optional(),
  })
  .strict()
  .meta({ id: 'TableMapping', description: 'Which header of the table (as written there) feeds each field; only name is required' }) as unknown as z.ZodType<TableMappingType>;

export const EntityQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of a name, alias, key or identifier'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const VersionQuery = z.object({
  format: z.enum(WATCHLIST_FORMATS).describe('ftm: FollowTheMoney JSON lines; br-mte: the Brazil register\'s official CSV; table: CSV or XLSX with a mapping'),
  edition: z.string().trim().min(1).max(100).optional().describe('Default: the publication date, else today'),
  published: z.iso.date().optional().describe('Publication date, YYYY-MM-DD'),
  mapping: z.string().max(20_000).optional().describe('The TableMapping as JSON (format table)'),
});
