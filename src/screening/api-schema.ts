// Contracts of the screening API (hits, reviews, alerts, runs, screening and comparing names, owners), shared by
// the routes (validation and OpenAPI), the supplier page and tests. /work/notes/screening-contract.md describes
// the same shapes in words.
import { z } from 'zod';
import { EntityTypeSchema, MatchIdentifier, Watchlist, WatchlistEntity, WatchlistVersionInfo } from '../watchlists/api-schema.ts';
import { DECISIONS, HIT_STATUSES, RUN_REASONS, SUBJECT_KINDS } from './types.ts';

const Id = z.number().int();
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. CN');

/** Comma-separated values of a query string, each checked. */
const csv = <T>(item: z.ZodType<T, string>) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

// ── Matching ───────────────────────────────────────────────────────────────────────────────────────────

export const MatchEntitySchema = z
  .object({
    name: z.string().trim().min(1).max(500),
    aliases: z.array(z.string().trim().min(1).max(500)).max(50).readonly().optional(),
    type: EntityTypeSchema.optional().describe('Default unknown; a person never matches a company on name likeness alone'),
    countries: z.array(Country).max(30).readonly().optional(),
    identifiers: z.array(MatchIdentifier).max(30).readonly().optional(),
    birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD').nullable().optional(),
  })
  .meta({ id: 'MatchEntity', description: 'A supplier, site, owner or listed entity as matching reads it' });

export const MatchResultSchema = z
  .object({
    score: z.number().describe('0–1; the features\' contributions add up to it'),
    match: z.boolean().describe('score ≥ threshold'),
    threshold: z.number(),
    names: z.object({ query: z.string(), candidate: z.string() }).describe('The names (of all names and aliases) that scored best'),
    features: z.array(z.object({ feature: z.string(), contribution: z.number(), explanation: z.string() })).describe('Why the score is what it is, one feature at a time'),
  })
  .meta({ id: 'MatchResult' });

const Threshold = z.number().gt(0).max(1).optional().describe('Overrides the lists\' thresholds (0–1)');
const Slugs = z.array(z.string().min(1).max(64)).max(50).optional().describe('Slugs of the lists to screen against (default: every active list)');

export const ScreenBody = z.object({ entity: MatchEntitySchema, lists: Slugs, threshold: Threshold });
export const BatchBody = z.object({ entities: z.array(MatchEntitySchema).min(1).max(1000), lists: Slugs, threshold: Threshold });
export const CompareBody = z.object({ a: MatchEntitySchema, b: MatchEntitySchema, threshold: Threshold });

export const ScreenHitSchema = z
  .object({ watchlist: Watchlist, entity: WatchlistEntity, result: MatchResultSchema })
  .meta({ id: 'ScreenHit', description: 'A listed entity that matched, with its list and the explained result' });

// ── Hits ───────────────────────────────────────────────────────────────────────────────────────────────

export const HitStatusSchema = z.enum(HIT_STATUSES).meta({ id: 'HitStatus', description: 'open: awaiting review (a hard hit is "possible" until confirmed)' });

export const HitRowSchema = z
  .object({
    id: Id,
    status: HitStatusSchema,
    hard: z.boolean().describe('On a hard list (legal bar or presumption)'),
    score: z.number(),
    alert: z.enum(['new', 'changed']).nullable().describe('The kind of the hit\'s latest unseen alert'),
    subject: z.object({
      kind: z.enum(SUBJECT_KINDS),
      id: Id,
      supplierId: Id,
      supplierName: z.string(),
      name: z.string(),
      countries: z.array(z.string()),
    }),
    entity: z.object({ watchlistId: Id, list: z.string(), listName: z.string(), key: z.string(), name: z.string(), type: EntityTypeSchema }),
    firstSeenAt: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: 'HitRow' });

export const ReviewSchema = z
  .object({ decision: z.enum(DECISIONS), reason: z.string(), by: z.string().describe('An e-mail address, cli:<user>, or system for an automatic reopening'), at: z.string() })
  .meta({ id: 'HitReview' });

export const HitDetailSchema = HitRowSchema.extend({
  subjectEntity: MatchEntitySchema.describe('The subject as it was screened'),
  listEntity: WatchlistEntity.describe('The listed entity, in the version the hit was last found in'),
  result: MatchResultSchema,
  watchlist: Watchlist,
  version: WatchlistVersionInfo,
  reviews: z.array(ReviewSchema).describe('Every decision, oldest first'),
  goneAt: z.string().nullable().describe('When the entity left the list or stopped matching; the hit is kept'),
  lastSeenAt: z.string(),
}).meta({ id: 'HitDetail' });

export const HitQuerySchema = z.object({
  status: csv(HitStatusSchema).default(['open']).describe('Comma-separated statuses (default open)'),
  list: csv(z.string().regex(/^[1-9]\d{0,15}$/, 'a watchlist id').transform(Number)).optional().describe('Comma-separated watchlist ids'),
  signal: z.enum(['hard', 'soft']).optional(),
  q: z.string().trim().max(200).optional().describe('Part of the subject\'s, supplier\'s or entity\'s name'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const ReviewBody = z.object({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(3).max(2000).describe('Why: kept with the decision and in the audit trail'),
});

// ── Alerts, runs, summary ──────────────────────────────────────────────────────────────────────────────

export const AlertSchema = z
  .object({ id: Id, hitId: Id, kind: z.enum(['new', 'changed']), at: z.string(), seen: z.boolean(), hit: HitRowSchema })
  .meta({ id: 'ScreeningAlert' });

export const AlertQuery = z.object({
  unseen: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Only alerts not yet marked seen'),
});

export const SeenBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) });

export const RunSchema = z
  .object({
    id: Id,
    reason: z.enum(RUN_REASONS),
    status: z.enum(['running', 'done', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    startedBy: z.string(),
    subjects: z.number().int().describe('Suppliers, sites and owners screened'),
    hits: z.number().int(),
    newHits: z.number().int(),
    changedHits: z.number().int(),
    goneHits: z.number().int(),
    lists: z.record(z.string(), z.string()).describe('List slug → edition screened against'),
    error: z.string().nullable(),
  })
  .meta({ id: 'ScreeningRun' });

export const SummarySchema = z
  .object({
    open: z.number().int(),
    openHard: z.number().int().describe('Possible hits on hard lists, awaiting confirmation'),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
    unseenAlerts: z.number().int(),
    lastRun: RunSchema.nullable(),
  })
  .meta({ id: 'ScreeningSummary' });

// ── Owners ─────────────────────────────────────────────────────────────────────────────────────────────

export const OwnerSchema = z
  .object({
    id: Id,
    supplierId: Id,
    name: z.string(),
    type: EntityTypeSchema,
    countries: z.array(z.string()),
    identifiers: z.array(MatchIdentifier),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Owner', description: 'A known owner of a supplier (a person or a parent company), screened like the supplier' });

export const OwnerCreate = z.object({
  name: z.string().trim().min(1).max(500),
  type: EntityTypeSchema,
  countries: z.array(Country).max(30).optional(),
  identifiers: z.array(MatchIdentifier).max(30).optional(),
});
