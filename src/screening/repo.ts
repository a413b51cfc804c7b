// SQL for screening: the subjects of an organisation, hits and their reviews, alerts, runs and owners. Every
// function takes the caller's transaction, bound to the organisation (db/tenant.ts), and filters by org_id
// itself as well.
import type { Db } from '../db/client.ts';
import { insertColumns } from '../db/bulk.ts';
import type { EntityType, Identifier, MatchEntity, MatchResult } from '../match/types.ts';
import type { Identifier as SupplierIdentifier } from '../suppliers/line.ts';
import type { WatchlistEntity } from '../watchlists/types.ts';
import type { ChangedPair, FoundPair, StoredPair } from './reconcile.ts';
import type { SupplierFacts } from './subjects.ts';
import type { Alert, HitRow, HitStatus, Owner, Review, Run, RunReason, SubjectKind } from './types.ts';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
/** A score as stored: real columns come back as float4 (0.93 → 0.9300000071525574), so to four decimals. */
export const storedScore = (s: number) => Math.round(s * 1e4) / 1e4;

// ── Subjects ───────────────────────────────────────────────────────────────────────────────────────────

/** Every supplier of the organisation with its identifiers, sites and owners. */
export async function loadSuppliers(tx: Db, orgId: number): Promise<SupplierFacts[]> {
  const suppliers = await tx.query<{ id: number; name: string; aliases: string[] }>('SELECT id, name, aliases FROM suppliers WHERE org_id = $1 ORDER BY id', [orgId]);
  const byId = new Map<number, SupplierFacts>(suppliers.map((s) => [s.id, { ...s, identifiers: [], sites: [], owners: [] }]));
  const ids = await tx.query<SupplierIdentifier & { supplierId: number }>(
    'SELECT supplier_id AS "supplierId", scheme, value FROM supplier_identifiers WHERE org_id = $1 ORDER BY supplier_id, scheme, value',
    [orgId],
  );
  for (const { supplierId, ...i } of ids) byId.get(supplierId)?.identifiers.push(i);
  const sites = await tx.query<{ supplierId: number; id: number; name: string | null; countryCode: string | null }>(
    'SELECT supplier_id AS "supplierId", id, name, country_code AS "countryCode" FROM sites WHERE org_id = $1 ORDER BY id',
    [orgId],
  );
  for (const { supplierId, ...s } of sites) byId.get(supplierId)?.sites.push(s);
  for (const o of await listOwners(tx, orgId)) byId.get(o.supplierId)?.owners.push(o);
  return [...byId.values()];
}

// ── Owners ─────────────────────────────────────────────────────────────────────────────────────────────

const OWNER_COLUMNS = `id, supplier_id AS "supplierId", name, type, countries, identifiers, created_at AS "createdAt", created_by AS "createdBy"`;
const ownerOf = (o: Owner): Owner => ({ ...o, createdAt: iso(o.createdAt)! });

export async function listOwners(tx: Db, orgId: number, supplierId?: number): Promise<Owner[]> {
  const rows = await tx.query<Owner>(
    `SELECT ${OWNER_COLUMNS} FROM supplier_owners WHERE org_id = $1 AND ($2::bigint IS NULL OR supplier_id = $2) ORDER BY id`,
    [orgId, supplierId ?? null],
  );
  return rows.map(ownerOf);
}

export async function insertOwner(
  tx: Db,
  orgId: number,
  o: { supplierId: number; name: string; type: EntityType; countries: readonly string[]; identifiers: readonly Identifier[]; createdBy: string },
): Promise<Owner> {
  const [row] = await tx.query<Owner>(
    `INSERT INTO supplier_owners (org_id, supplier_id, name, type, countries, identifiers, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${OWNER_COLUMNS}`,
    [orgId, o.supplierId, o.name, o.type, o.countries, JSON.stringify(o.identifiers), o.createdBy],
  );
  return ownerOf(row!);
}

export async function deleteOwner(tx: Db, orgId: number, supplierId: number, id: number): Promise<Owner | null> {
  const [row] = await tx.query<Owner>(`DELETE FROM supplier_owners WHERE org_id = $1 AND supplier_id = $2 AND id = $3 RETURNING ${OWNER_COLUMNS}`, [orgId, supplierId, id]);
  return row ? ownerOf(row) : null;
}

export async function supplierExists(tx: Db, orgId: number, id: number): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM suppliers WHERE org_id = $1 AND id = $2', [orgId, id])).length > 0;
}

// ── Runs ───────────────────────────────────────────────────────────────────────────────────────────────

export interface RunCounts {
  subjects: number;
  hits: number;
  newHits: number;
  changedHits: number;
  goneHits: number;
  lists: Record<string, string>;
}

const RUN_COLUMNS = `id, reason, status, started_at AS "startedAt", finished_at AS "finishedAt", started_by AS "startedBy", subjects, hits,
  new_hits AS "newHits", changed_hits AS "changedHits", gone_hits AS "goneHits", lists, error`;
const runOf = (r: Run): Run => ({ ...r, startedAt: iso(r.startedAt)!, finishedAt: iso(r.finishedAt) });

export async function insertRun(tx: Db, orgId: number, reason: RunReason, startedBy: string): Promise<Run> {
  const [row] = await tx.query<Run>(`INSERT INTO screening_runs (org_id, reason, started_by) VALUES ($1, $2, $3) RETURNING ${RUN_COLUMNS}`, [orgId, reason, startedBy]);
  return runOf(row!);
}

export async function finishRun(tx: Db, orgId: number, id: number, status: 'done' | 'failed', c: RunCounts | null, error: string | null): Promise<Run> {
  const [row] = await tx.query<Run>(
    `UPDATE screening_runs SET status = $3, finished_at = clock_timestamp(), error = $4,
       subjects = coalesce($5, subjects), hits = coalesce($6, hits), new_hits = coalesce($7, new_hits), changed_hits = coalesce($8, changed_hits),
       gone_hits = coalesce($9, gone_hits), lists = coalesce($10::jsonb, lists)
     WHERE org_id = $1 AND id = $2 RETURNING ${RUN_COLUMNS}`,
    [orgId, id, status, error, c?.subjects ?? null, c?.hits ?? null, c?.newHits ?? null, c?.changedHits ?? null, c?.goneHits ?? null, c ? JSON.stringify(c.lists) : null],
  );
  return runOf(row!);
}

export async function findRun(tx: Db, orgId: number, id: number): Promise<Run | null> {
  const [row] = await tx.query<Run>(`SELECT ${RUN_COLUMNS} FROM screening_runs WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return row ? runOf(row) : null;
}

export async function listRuns(tx: Db, orgId: number, limit: number): Promise<Run[]> {
  const rows = await tx.query<Run>(`SELECT ${RUN_COLUMNS} FROM screening_runs WHERE org_id = $1 ORDER BY id DESC LIMIT $2`, [orgId, limit]);
  return rows.map(runOf);
}

/** Runs left 'running', across organisations (start-up, with the owner's connection). */
export async function runningRuns(db: Db): Promise<{ orgId: number; id: number }[]> {
  return db.query(`SELECT org_id AS "orgId", id FROM screening_runs WHERE status = 'running' ORDER BY org_id, id`);
}

export async function markRunsInterrupted(tx: Db, orgId: number, ids: readonly number[], error: string): Promise<void> {
  await tx.query(`UPDATE screening_runs SET status = 'failed', error = $3, finished_at = clock_timestamp() WHERE org_id = $1 AND id = ANY($2::bigint[]) AND status = 'running'`, [orgId, ids, error]);
}

/** Organisations with at least one supplier: those a shared list's change re-screens (owner's connection). */
export async function organisationsWithSuppliers(db: Db): Promise<number[]> {
  const rows = await db.query<{ orgId: number }>('SELECT DISTINCT org_id AS "orgId" FROM suppliers ORDER BY org_id');
  return rows.map((r) => r.orgId);
}

// ── Writing a run's hits ───────────────────────────────────────────────────────────────────────────────

export async function storedPairs(tx: Db, orgId: number): Promise<(StoredPair & { supplierId: number; versionId: number; score: number })[]> {
  const rows = await tx.query<StoredPair & { supplierId: number; versionId: number; score: number }>(
    `SELECT id, subject_kind AS kind, subject_id AS "subjectId", supplier_id AS "supplierId", watchlist_id AS "watchlistId", entity_key AS "entityKey",
            subject_fingerprint AS "subjectFingerprint", entity_fingerprint AS "entityFingerprint", status, gone_at IS NOT NULL AS gone,
            version_id AS "versionId", score
       FROM screening_hits WHERE org_id = $1`,
    [orgId],
  );
  return rows.map((r) => ({ ...r, score: storedScore(r.score) }));
}

/** Inserts new hits, open; returns their ids in the order given. */
export async function insertHits(tx: Db, orgId: number, created: readonly FoundPair[]): Promise<number[]> {
  const rows = await insertColumns<{ id: number }>(
    tx,
    'screening_hits',
    [
      ['org_id', 'bigint'], ['subject_kind', 'text'], ['subject_id', 'bigint'], ['supplier_id', 'bigint'], ['subject_name', 'text'], ['subject_entity', 'text', 'subject_entity::jsonb'],
      ['subject_fingerprint', 'text'], ['watchlist_id', 'bigint'], ['version_id', 'bigint'], ['entity_key', 'text'], ['entity_id', 'text'], ['entity_name', 'text'],
      ['entity_fingerprint', 'text'], ['score', 'real'], ['result', 'text', 'result::jsonb'], ['hard', 'boolean'],
    ],
    created.map((f) => [
      orgId, f.subject.kind, f.subject.id, f.subject.supplierId, f.subject.entity.name, JSON.stringify(f.subject.entity), f.subject.fingerprint, f.watchlistId, f.versionId,
      f.entityKey, f.entityId, f.entityName, f.entityFingerprint, f.result.score, JSON.stringify(f.result), f.hard,
    ]),
    'RETURNING id',
  );
  return rows.map((r) => r.id);
}

/**
 * Known pairs found again: the match as found now (version, entity id, score, result), last seen now. Changed
 * pairs also take the new fingerprints, change time and status, and are no longer gone.
 */
export async function updateFound(tx: Db, orgId: number, pairs: readonly { id: number; found: FoundPair; status?: HitStatus }[], changed: boolean): Promise<void> {
  if (pairs.length === 0) return;
  const col = <T>(f: (p: (typeof pairs)[number]) => T) => pairs.map(f);
  await tx.query(
    `UPDATE screening_hits h SET version_id = u.version_id, entity_id = u.entity_id, entity_name = u.entity_name, score = u.score, result = u.result::jsonb,
            hard = u.hard, subject_name = u.subject_name, subject_entity = u.subject_entity::jsonb, last_seen_at = now()
            ${changed ? ', subject_fingerprint = u.subject_fp, entity_fingerprint = u.entity_fp, status = u.status, changed_at = now(), gone_at = NULL' : ''}
       FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::real[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
            AS u(id, version_id, entity_id, entity_name, score, result, hard, subject_name, subject_entity, subject_fp, entity_fp, status)
      WHERE h.org_id = $1 AND h.id = u.id`,
    [
      orgId, col((p) => p.id), col((p) => p.found.versionId), col((p) => p.found.entityId), col((p) => p.found.entityName), col((p) => p.found.result.score),
      col((p) => JSON.stringify(p.found.result)), col((p) => p.found.hard), col((p) => p.found.subject.entity.name), col((p) => JSON.stringify(p.found.subject.entity)),
      col((p) => p.found.subject.fingerprint), col((p) => p.found.entityFingerprint), col((p) => p.status ?? null),
    ],
  );
}

export async function markGone(tx: Db, orgId: number, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await tx.query('UPDATE screening_hits SET gone_at = now() WHERE org_id = $1 AND id = ANY($2::bigint[]) AND gone_at IS NULL', [orgId, ids]);
}

/** Marks an owner's hits gone when the owner is removed: the subject is no more, its reviews stay. */
export async function markSubjectGone(tx: Db, orgId: number, kind: SubjectKind, subjectId: number): Promise<void> {
  await tx.query('UPDATE screening_hits SET gone_at = now() WHERE org_id = $1 AND subject_kind = $2 AND subject_id = $3 AND gone_at IS NULL', [orgId, kind, subjectId]);
}

export async function insertAlerts(tx: Db, orgId: number, runId: number, alerts: readonly { hitId: number; kind: 'new' | 'changed' }[]): Promise<void> {
  await insertColumns(tx, 'screening_alerts', [['org_id', 'bigint'], ['hit_id', 'bigint'], ['run_id', 'bigint'], ['kind', 'text']], alerts.map((a) => [orgId, a.hitId, runId, a.kind]));
}

/** The automatic reopening of reviewed hits whose data changed, in their review history. */
export async function insertReopenings(tx: Db, orgId: number, changed: readonly ChangedPair[]): Promise<void> {
  await insertColumns(
    tx,
    'screening_reviews',
    [['org_id', 'bigint'], ['hit_id', 'bigint'], ['decision', 'text'], ['reason', 'text'], ['reviewer', 'text'], ['subject_fingerprint', 'text'], ['entity_fingerprint', 'text']],
    changed.map((c) => [orgId, c.id, 'reopen', `Reopened automatically: ${c.why}`, 'system', c.found.subject.fingerprint, c.found.entityFingerprint]),
  );
}

// ── Reading hits ───────────────────────────────────────────────────────────────────────────────────────

export interface HitQuery {
  status: HitStatus[];
  list?: number[];
  signal?: 'hard' | 'soft';
  q?: string;
  supplierId?: number;
  offset: number;
  limit: number;
}

interface HitSqlRow {
  id: number;
  status: HitStatus;
  hard: boolean;
  score: number;
  alert: 'new' | 'changed' | null;
  kind: SubjectKind;
  subjectId: number;
  supplierId: number;
  supplierName: string;
  subjectName: string;
  countries: string[] | null;
  watchlistId: number;
  list: string;
  listName: string;
  entityKey: string;
  entityName: string;
  entityType: EntityType | null;
  firstSeenAt: Date;
  changedAt: Date;
}

const HIT_FROM = `FROM screening_hits h
  JOIN suppliers s ON s.org_id = h.org_id AND s.id = h.supplier_id
  JOIN watchlists w ON w.id = h.watchlist_id
  LEFT JOIN watchlist_entities e ON e.version_id = h.version_id AND e.n = split_part(h.entity_id, ':', 2)::int`;

const HIT_COLUMNS = `h.id, h.status, h.hard, h.score,
  (SELECT a.kind FROM screening_alerts a WHERE a.org_id = h.org_id AND a.hit_id = h.id AND a.seen_at IS NULL ORDER BY a.id DESC LIMIT 1) AS alert,
  h.subject_kind AS kind, h.subject_id AS "subjectId", h.supplier_id AS "supplierId", s.name AS "supplierName", h.subject_name AS "subjectName",
  ARRAY(SELECT jsonb_array_elements_text(coalesce(h.subject_entity->'countries', '[]'::jsonb))) AS countries,
  h.watchlist_id AS "watchlistId", w.slug AS list, w.name AS "listName", h.entity_key AS "entityKey", h.entity_name AS "entityName", e.type AS "entityType",
  h.first_seen_at AS "firstSeenAt", h.changed_at AS "changedAt"`;

/** Hard hits first, then the closest matches. */
const HIT_ORDER = 'h.hard DESC, h.score DESC, h.id';

const hitRowOf = (r: HitSqlRow): HitRow => ({
  id: r.id,
  status: r.status,
  hard: r.hard,
  score: storedScore(r.score),
  alert: r.alert,
  subject: { kind: r.kind, id: r.subjectId, supplierId: r.supplierId, supplierName: r.supplierName, name: r.subjectName, countries: r.countries ?? [] },
  entity: { watchlistId: r.watchlistId, list: r.list, listName: r.listName, key: r.entityKey, name: r.entityName, type: r.entityType ?? 'unknown' },
  firstSeenAt: iso(r.firstSeenAt)!,
  changedAt: iso(r.changedAt)!,
});

/** Current hits (not gone), filtered and paged. */
export async function listHits(tx: Db, orgId: number, q: HitQuery): Promise<{ total: number; items: HitRow[] }> {
  const where = ['h.org_id = $1', 'h.gone_at IS NULL', 'h.status = ANY($2::text[])'];
  const params: unknown[] = [orgId, q.status];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.list?.length) add('h.watchlist_id = ANY(?::bigint[])', q.list);
  if (q.signal) add('h.hard = ?', q.signal === 'hard');
  if (q.supplierId !== undefined) add('h.supplier_id = ?', q.supplierId);
  if (q.q) add(`(h.subject_name ILIKE ? OR h.entity_name ILIKE ? OR s.name ILIKE ?)`, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const filter = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n ${HIT_FROM} WHERE ${filter}`, params);
  const rows = await tx.query<HitSqlRow>(`SELECT ${HIT_COLUMNS} ${HIT_FROM} WHERE ${filter} ORDER BY ${HIT_ORDER} OFFSET ${Number(q.offset)} LIMIT ${Number(q.limit)}`, params);
  return { total: count!.n, items: rows.map(hitRowOf) };
}

export interface HitRecord extends HitRow {
  subjectEntity: MatchEntity;
  listEntity: WatchlistEntity & { id: string };
  result: MatchResult;
  versionId: number;
  goneAt: string | null;
  lastSeenAt: string;
  subjectFingerprint: string;
  entityFingerprint: string;
}

/** One hit with what the analyst compares side by side; null when not the organisation's. */
export async function findHit(tx: Db, orgId: number, id: number, lock = false): Promise<HitRecord | null> {
  const [r] = await tx.query<
    HitSqlRow & {
      subjectEntity: MatchEntity; result: MatchResult; versionId: number; goneAt: Date | null; lastSeenAt: Date; subjectFingerprint: string; entityFingerprint: string;
      entityId: string; aliases: string[] | null; entityCountries: string[] | null; identifiers: WatchlistEntity['identifiers'] | null; birthDate: string | null;
      properties: WatchlistEntity['properties'] | null; sourceRow: number | null;
    }
  >(
    `SELECT ${HIT_COLUMNS}, h.subject_entity AS "subjectEntity", h.result, h.version_id AS "versionId", h.gone_at AS "goneAt", h.last_seen_at AS "lastSeenAt",
            h.subject_fingerprint AS "subjectFingerprint", h.entity_fingerprint AS "entityFingerprint", h.entity_id AS "entityId",
            e.aliases, e.countries AS "entityCountries", e.identifiers, e.birth_date AS "birthDate", e.properties, e.source_row AS "sourceRow"
       ${HIT_FROM} WHERE h.org_id = $1 AND h.id = $2 ${lock ? 'FOR UPDATE OF h' : ''}`,
    [orgId, id],
  );
  if (!r) return null;
  return {
    ...hitRowOf(r),
    subjectEntity: r.subjectEntity,
    listEntity: {
      id: r.entityId, key: r.entityKey, type: r.entityType ?? 'unknown', name: r.entityName, aliases: r.aliases ?? [], countries: r.entityCountries ?? [],
      identifiers: r.identifiers ?? [], birthDate: r.birthDate, properties: r.properties ?? {}, sourceRow: r.sourceRow ?? 0,
    },
    result: r.result,
    versionId: r.versionId,
    goneAt: iso(r.goneAt),
    lastSeenAt: iso(r.lastSeenAt)!,
    subjectFingerprint: r.subjectFingerprint,
    entityFingerprint: r.entityFingerprint,
  };
}

export async function reviewsOf(tx: Db, orgId: number, hitId: number): Promise<Review[]> {
  const rows = await tx.query<Review>('SELECT decision, reason, reviewer AS by, at FROM screening_reviews WHERE org_id = $1 AND hit_id = $2 ORDER BY id', [orgId, hitId]);
  return rows.map((r) => ({ ...r, at: iso(r.at)! }));
}

export async function insertReview(
  tx: Db,
  orgId: number,
  r: { hitId: number; decision: Review['decision']; reason: string; reviewerId: number | null; reviewer: string; subjectFingerprint: string; entityFingerprint: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO screening_reviews (org_id, hit_id, decision, reason, reviewer_id, reviewer, subject_fingerprint, entity_fingerprint) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [orgId, r.hitId, r.decision, r.reason, r.reviewerId, r.reviewer, r.subjectFingerprint, r.entityFingerprint],
  );
}

export async function setStatus(tx: Db, orgId: number, id: number, status: HitStatus): Promise<void> {
  await tx.query('UPDATE screening_hits SET status = $3 WHERE org_id = $1 AND id = $2', [orgId, id, status]);
}

// ── Alerts and summary ─────────────────────────────────────────────────────────────────────────────────

/** The newest alerts of current hits, unseen ones only when asked. */
export async function listAlerts(tx: Db, orgId: number, unseen: boolean, limit: number): Promise<Alert[]> {
  const found = await tx.query<HitSqlRow & { alertId: number; alertKind: 'new' | 'changed'; alertAt: Date; seen: boolean }>(
    `SELECT ${HIT_COLUMNS}, a.id AS "alertId", a.kind AS "alertKind", a.at AS "alertAt", a.seen_at IS NOT NULL AS seen
       ${HIT_FROM} JOIN screening_alerts a ON a.org_id = h.org_id AND a.hit_id = h.id
      WHERE h.org_id = $1 AND h.gone_at IS NULL AND ($2::boolean = false OR a.seen_at IS NULL)
      ORDER BY a.id DESC LIMIT $3`,
    [orgId, unseen, limit],
  );
  return found.map((r) => ({ id: r.alertId, hitId: r.id, kind: r.alertKind, at: iso(r.alertAt)!, seen: r.seen, hit: hitRowOf(r) }));
}

export async function markAlertsSeen(tx: Db, orgId: number, ids: readonly number[]): Promise<void> {
  await tx.query('UPDATE screening_alerts SET seen_at = now() WHERE org_id = $1 AND id = ANY($2::bigint[]) AND seen_at IS NULL', [orgId, ids]);
}

export interface HitCounts {
  open: number;
  openHard: number;
  confirmed: number;
  dismissed: number;
  unseenAlerts: number;
}

export async function hitCounts(tx: Db, orgId: number): Promise<HitCounts> {
  const [r] = await tx.query<HitCounts>(
    `SELECT count(*) FILTER (WHERE status = 'open') AS open, count(*) FILTER (WHERE status = 'open' AND hard) AS "openHard",
            count(*) FILTER (WHERE status = 'confirmed') AS confirmed, count(*) FILTER (WHERE status = 'dismissed') AS dismissed,
            (SELECT count(*) FROM screening_alerts a JOIN screening_hits x ON x.org_id = a.org_id AND x.id = a.hit_id
              WHERE a.org_id = $1 AND a.seen_at IS NULL AND x.gone_at IS NULL) AS "unseenAlerts"
       FROM screening_hits WHERE org_id = $1 AND gone_at IS NULL`,
    [orgId],
  );
  return r!;
}
