// Contracts of the supplier portfolio API (imports, suppliers, portfolio, hotspots, worklist, risk weights),
// shared by the routes (validation and OpenAPI), the web app (types) and tests. /work/notes/api-contract.md
// describes the same shapes in words.
import { z } from 'zod';
import type { Classification as ClassificationType } from '../classify/index.ts';
import { riskWeightsSchema } from '../risk/index.ts';
import { HitRowSchema, OwnerSchema } from '../screening/api-schema.ts';
import { LEVELS, SIGNAL_KINDS } from '../risk/types.ts';
import { IDENTIFIER_SCHEMES, LINE_FIELDS, type ColumnMapping as ColumnMappingType } from './line.ts';

const Id = z.number().int();
const Editions = z.record(z.string(), z.string()).describe('Dataset id → edition the results were computed from');

export const LevelSchema = z.enum(LEVELS).meta({ id: 'Level', description: 'Risk level, from the 0–100 score' });
export const SignalKindSchema = z.enum(SIGNAL_KINDS).meta({ id: 'SignalKind' });
export const LineFieldSchema = z.enum(LINE_FIELDS).meta({ id: 'LineField' });

export const ColumnMapping = z
  .object(Object.fromEntries(LINE_FIELDS.map((f) => [f, z.string().min(1).max(300).optional()])) as Record<(typeof LINE_FIELDS)[number], z.ZodOptional<z.ZodString>>)
  .strict()
  .meta({ id: 'ColumnMapping', description: 'Which header of the file (as written there) feeds each field' }) as unknown as z.ZodType<ColumnMappingType>;

export const RowIssue = z
  .object({
    row: z.number().int().nullable().describe('Data row, 1 = first row after the header; null for the file as a whole'),
    line: z.number().int().nullable().describe('Line of the file (CSV) or worksheet row (XLSX)'),
    column: z.string().nullable(),
    field: LineFieldSchema.nullable(),
    value: z.string().nullable(),
    message: z.string(),
    severity: z.enum(['error', 'warning']).describe('error: the row was rejected; warning: kept, with the remark'),
  })
  .meta({ id: 'RowIssue' });

// ── Uploads and imports ────────────────────────────────────────────────────────────────────────────────

export const UploadPreview = z
  .object({
    uploadId: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    format: z.enum(['csv', 'xlsx']),
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())).describe('The first data rows, as text'),
    suggested: ColumnMapping,
    recognised: z.array(z.object({ field: LineFieldSchema, header: z.string(), why: z.string() })),
    unmapped: z.array(z.string()),
    missingRequired: z.array(LineFieldSchema),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'UploadPreview' });

export const ImportStart = z.object({
  uploadId: z.string().min(1).max(100),
  mapping: ColumnMapping,
  saveMappingAs: z.string().trim().min(1).max(100).optional().describe('Also save the mapping under this name'),
});

export const ImportSummary = z
  .object({
    id: Id,
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    status: z.enum(['running', 'committed', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: z
      .object({ rows: z.number().int(), bytes: z.number().int(), totalBytes: z.number().int() })
      .describe('Rows read and bytes read of totalBytes, for a progress bar'),
    rows: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
    suppliersCreated: z.number().int(),
    suppliersMatched: z.number().int(),
    linesReplaced: z.number().int().describe('Stored lines that a line of this import replaced (same supplier, goods, spend and period)'),
    error: z.string().nullable(),
    editions: Editions,
    mapping: ColumnMapping,
    startedBy: z.string(),
  })
  .meta({ id: 'ImportSummary' });

export const IssuesQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  severity: z.enum(['error', 'warning']).optional(),
});

export const SavedMapping = z
  .object({ id: Id, name: z.string(), mapping: ColumnMapping, createdAt: z.string() })
  .meta({ id: 'SavedMapping' });
export const MappingCreate = z.object({ name: z.string().trim().min(1).max(100), mapping: ColumnMapping });

// ── Risk ───────────────────────────────────────────────────────────────────────────────────────────────

const Facts = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export const SignalSchema = z
  .object({
    kind: SignalKindSchema,
    hard: z.boolean(),
    dataset: z.string(),
    edition: z.string(),
    key: z.string(),
    row: z.number().int().nullable(),
    strength: z.number(),
    contribution: z.number(),
    explanation: z.string(),
    facts: Facts,
  })
  .meta({ id: 'Signal', description: 'One fact that raises risk, with the dataset, edition and row it comes from' });

export const RiskResultSchema = z
  .object({
    score: z.number().int(),
    level: LevelSchema,
    signals: z.array(SignalSchema),
    hard: z.array(SignalSchema).describe('Hard signals (legal bar or presumption), never folded into the score'),
    severity: z.number(),
    likelihood: z.number(),
    editions: Editions,
    weights: z.string().describe('Which weights scored it (sha256 of the weights)'),
    summary: z.string(),
  })
  .meta({ id: 'RiskResult' });

export const Classification = z
  .looseObject({ goods: z.array(z.looseObject({ good: z.string(), confidence: z.number(), reason: z.string() })), reason: z.string(), notes: z.array(z.string()) })
  .meta({ id: 'Classification', description: 'How the line\'s text and codes were read as goods (src/classify), with evidence per good' }) as unknown as z.ZodType<ClassificationType>;

export const WeightsBody = z.object({ weights: riskWeightsSchema });
export const WeightsView = z
  .object({
    weights: riskWeightsSchema,
    defaults: riskWeightsSchema,
    explanation: z.array(z.object({ key: z.string(), label: z.string(), why: z.string() })),
  })
  .meta({ id: 'RiskWeightsView' });

export const AssessmentReport = z
  .object({
    lines: z.number().int(),
    changed: z.number().int().describe('Lines whose level changed'),
    editionsBefore: Editions,
    editionsAfter: Editions,
    levelChanges: z.array(z.object({ from: LevelSchema, to: LevelSchema, lines: z.number().int() })),
  })
  .meta({ id: 'AssessmentReport' });

// ── Suppliers and portfolio ───────────────────────────────────────────────────────────────────────────

const CsvList = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

export const SupplierQuery = z.object({
  q: z.string().trim().max(200).optional(),
  level: CsvList(LevelSchema).optional().describe('Comma-separated levels, e.g. high,severe'),
  country: CsvList(z.string().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase())).optional().describe('Comma-separated ISO alpha-2 codes'),
  sort: z.enum(['priority', 'score', 'name', 'spend', 'country', 'lines']).default('priority'),
  dir: z.enum(['asc', 'desc']).optional().describe('Default: ascending for name and country, descending otherwise'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const SupplierRow = z
  .object({
    id: Id,
    name: z.string(),
    countries: z.array(z.string()),
    score: z.number().int(),
    level: LevelSchema,
    spend: z.number(),
    currency: z.string().nullable(),
    lines: z.number().int(),
    priority: z.number(),
    topSignal: z.string().nullable(),
    goods: z.array(z.string()),
  })
  .meta({ id: 'SupplierRow' });

export const IdentifierSchema = z.object({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string() }).meta({ id: 'Identifier' });

export const GoodRef = z.object({ good: z.string(), slug: z.string(), confidence: z.number(), reason: z.string() });

export const SupplierDetail = z
  .object({
    supplier: z.object({ id: Id, name: z.string(), aliases: z.array(z.string()), identifiers: z.array(IdentifierSchema), createdAt: z.string() }),
    sites: z.array(
      z.object({
        id: Id,
        name: z.string().nullable(),
        countryCode: z.string().nullable(),
        countryName: z.string().nullable(),
        region: z.string().nullable(),
        address: z.string().nullable(),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
      }),
    ),
    lines: z.array(
      z.object({
        id: Id,
        importId: Id,
        row: z.number().int(),
        description: z.string().nullable(),
        hsCode: z.string().nullable(),
        cpvCode: z.string().nullable(),
        unspscCode: z.string().nullable(),
        spend: z.number().nullable(),
        currency: z.string().nullable(),
        period: z.string().nullable(),
        tier: z.number().int().nullable(),
        countryCode: z.string().nullable(),
        goods: z.array(GoodRef),
        classification: Classification,
        risk: RiskResultSchema,
      }),
    ),
    lineCount: z.number().int().describe('All lines of the supplier; `lines` holds the riskiest 500'),
    relationships: z.array(z.object({ supplierId: Id, name: z.string(), direction: z.enum(['supplies', 'supplied-by']), tier: z.number().int().nullable() })),
    risk: z.object({
      score: z.number().int().describe('The worst line\'s score, plus points for soft watchlist hits'),
      level: LevelSchema,
      priority: z.number(),
      severity: z.number(),
      likelihood: z.number(),
      spendShare: z.number(),
      hardSignals: z.number().int().describe('Hard signals: open or confirmed hits on hard watchlists, apart from the score'),
      listHits: z.number().int().describe('Open or confirmed hits on soft watchlists'),
      listSignals: z.array(SignalSchema).describe('A list-hit signal per open or confirmed hit, with the points a soft one adds'),
    }),
    listHits: z.array(HitRowSchema).describe('Screening hits on the supplier, its sites and owners (empty without screening.read)'),
    owners: z.array(OwnerSchema),
  })
  .meta({ id: 'SupplierDetail' });

export const Hotspot = z
  .object({
    good: z.string().describe('The ILAB good, or for a sector hotspot (services with no listed good) the sector'),
    slug: z.string().nullable().describe('The good\'s page, /goods/<slug>; null for a sector hotspot'),
    sector: z.string().nullable().describe('Sector key (cleaning, security, …) of a sector hotspot; null for a good'),
    countryCode: z.string().nullable().describe('Null when the lines do not say where the good comes from'),
    countryName: z.string().nullable(),
    suppliers: z.number().int(),
    lines: z.number().int(),
    spend: z.number().describe('In the portfolio currency'),
    score: z.number().int(),
    level: LevelSchema,
    kinds: z.array(SignalKindSchema),
    row: z.number().int().nullable().describe('Row of the ILAB list edition; null when the good is not listed for the country'),
    edition: z.string().nullable(),
    priority: z.number(),
  })
  .meta({ id: 'Hotspot' });

export const WorklistItem = z
  .object({
    supplierId: Id,
    name: z.string(),
    score: z.number().int(),
    level: LevelSchema,
    severity: z.number(),
    likelihood: z.number(),
    spendShare: z.number(),
    priority: z.number(),
    why: z.string(),
  })
  .meta({ id: 'WorklistItem' });

export const Portfolio = z
  .object({
    suppliers: z.number().int(),
    lines: z.number().int(),
    assessedAt: z.string().nullable(),
    editions: Editions,
    currency: z.string().nullable().describe('The currency most spend is in; spend figures are in it, others are listed apart'),
    levels: z.array(z.object({ level: LevelSchema, suppliers: z.number().int(), lines: z.number().int(), spend: z.number() })),
    spendByCurrency: z.array(z.object({ currency: z.string(), spend: z.number(), spendAtRisk: z.number().describe('Spend on high and severe lines') })),
    countries: z.array(
      z.object({ countryCode: z.string(), countryName: z.string(), suppliers: z.number().int(), lines: z.number().int(), spend: z.number(), maxScore: z.number().int(), level: LevelSchema }),
    ),
    hotspots: z.array(Hotspot),
    worklist: z.array(WorklistItem),
    hardSignals: z.number().int(),
  })
  .meta({ id: 'Portfolio' });

export const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
