// SQL for suppliers, sites, lines, assessments, imports and their issues, uploads, saved mappings and risk
// settings. Every function takes the caller's transaction, already bound to the organisation (db/tenant.ts),
// and filters by org_id itself as well.
import { insertColumns } from '../db/bulk.ts';
import type { Db } from '../db/client.ts';
import type { ColumnMapping, RowIssue } from './line.ts';

// The multi-row insert moved to db/bulk.ts for watchlists to share; the supplier import keeps its imports.
export { type Column, insertColumns, textArray, textArrayValue } from '../db/bulk.ts';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

// ── Imports ────────────────────────────────────────────────────────────────────────────────────────────

export type ImportStatus = 'running' | 'committed' | 'failed';

export interface ImportRecord {
  id: number;
  fileName: string;
  format: 'csv' | 'xlsx';
  size: number;
  status: ImportStatus;
  mapping: ColumnMapping;
  rows: number;
  accepted: number;
  rejected: number;
  warnings: number;
  suppliersCreated: number;
  suppliersMatched: number;
  linesReplaced: number;
  bytesRead: number;
  error: string | null;
  editions: Record<string, string>;
  startedAt: string;
  finishedAt: string | null;
  actor: string;
}

export interface ImportCounts {
  rows: number;
  accepted: number;
  rejected: number;
  warnings: number;
  suppliersCreated: number;
  suppliersMatched: number;
  linesReplaced: number;
  bytesRead: number;
}

const IMPORT_COLUMNS = `id, file_name AS "fileName", format, size, status, mapping, rows, accepted, rejected, warnings,
  suppliers_created AS "suppliersCreated", suppliers_matched AS "suppliersMatched", lines_replaced AS "linesReplaced",
  bytes_read AS "bytesRead", error, editions, started_at AS "startedAt", finished_at AS "finishedAt", actor`;

const importOf = (r: ImportRecord): ImportRecord => ({ ...r, startedAt: iso(r.startedAt)!, finishedAt: iso(r.finishedAt) });

export async function insertImport(
  tx: Db,
  orgId: number,
  i: { fileName: string; format: 'csv' | 'xlsx'; size: number; mapping: ColumnMapping; startedBy: number | null; actor: string },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO imports (org_id, file_name, format, size, mapping, started_by, actor) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [orgId, i.fileName, i.format, i.size, JSON.stringify(i.mapping), i.startedBy, i.actor],
  );
  return row!.id;
}

export async function finishImport(tx: Db, orgId: number, id: number, status: Exclude<ImportStatus, 'running'>, c: ImportCounts, editions: Record<string, string>, error: string | null): Promise<void> {
  await tx.query(
    `UPDATE imports SET status = $3, rows = $4, accepted = $5, rejected = $6, warnings = $7, suppliers_created = $8, suppliers_matched = $9,
       lines_replaced = $10, bytes_read = $11, editions = $12, error = $13, finished_at = clock_timestamp()
     WHERE org_id = $1 AND id = $2`,
    [orgId, id, status, c.rows, c.accepted, c.rejected, c.warnings, c.suppliersCreated, c.suppliersMatched, c.linesReplaced, c.bytesRead, JSON.stringify(editions), error],
  );
}

export async function findImport(tx: Db, orgId: number, id: number): Promise<ImportRecord | null> {
  const rows = await tx.query<ImportRecord>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return rows[0] ? importOf(rows[0]) : null;
}

export async function listImports(tx: Db, orgId: number, limit = 100): Promise<ImportRecord[]> {
  const rows = await tx.query<ImportRecord>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE org_id = $1 ORDER BY id DESC LIMIT $2`, [orgId, limit]);
  return rows.map(importOf);
}

/** Imports still marked running, in every organisation (runs as the owner, at start). */
export async function runningImports(db: Db): Promise<{ orgId: number; id: number }[]> {
  return db.query<{ orgId: number; id: number }>(`SELECT org_id AS "orgId", id FROM imports WHERE status = 'running' ORDER BY org_id, id`);
}

export async function markInterrupted(tx: Db, orgId: number, ids: readonly number[], error: string): Promise<void> {
  await tx.query(`UPDATE imports SET status = 'failed', error = $3, finished_at = clock_timestamp() WHERE org_id = $1 AND id = ANY($2::bigint[]) AND status = 'running'`, [orgId, ids, error]);
}

// ── Import issues ──────────────────────────────────────────────────────────────────────────────────────

export async function insertIssues(tx: Db, orgId: number, importId: number, firstSeq: number, issues: readonly RowIssue[]): Promise<void> {
  await insertColumns(
    tx,
    'import_issues',
    [['org_id', 'bigint'], ['import_id', 'bigint'], ['seq', 'int'], ['row', 'int'], ['line', 'int'], ['column_name', 'text'], ['field', 'text'], ['value', 'text'], ['severity', 'text'], ['message', 'text']],
    issues.map((i, n) => [orgId, importId, firstSeq + n, i.row, i.line, i.column, i.field, i.value, i.severity, i.message]),
  );
}

const ISSUE_COLUMNS = 'row, line, column_name AS "column", field, value, severity, message';

export async function listIssues(tx: Db, orgId: number, importId: number, q: { offset: number; limit: number; severity?: 'error' | 'warning' }): Promise<{ total: number; items: RowIssue[] }> {
  const sev = q.severity ?? null;
  const [count] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM import_issues WHERE org_id = $1 AND import_id = $2 AND ($3::text IS NULL OR severity = $3)', [orgId, importId, sev]);
  const items = await tx.query<RowIssue>(
    `SELECT ${ISSUE_COLUMNS} FROM import_issues WHERE org_id = $1 AND import_id = $2 AND ($3::text IS NULL OR severity = $3) ORDER BY seq OFFSET $4 LIMIT $5`,
    [orgId, importId, sev, q.offset, q.limit],
  );
  return { total: count!.n, items };
}

/** One page of issues after seq `after`, for streaming a download without holding every issue. */
export async function issuesAfter(tx: Db, orgId: number, importId: number, after: number, limit: number): Promise<(RowIssue & { seq: number })[]> {
  return tx.query<RowIssue & { seq: number }>(`SELECT seq, ${ISSUE_COLUMNS} FROM import_issues WHERE org_id = $1 AND import_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`, [orgId, importId, after, limit]);
}

// ── Uploads ────────────────────────────────────────────────────────────────────────────────────────────

export interface UploadRecord {
  id: string;
  fileName: string;
  path: string;
  size: number;
  format: 'csv' | 'xlsx';
  expiresAt: string;
}

export async function insertUpload(tx: Db, orgId: number, u: UploadRecord & { createdBy: number }): Promise<void> {
  await tx.query('INSERT INTO uploads (org_id, id, file_name, path, size, format, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    orgId, u.id, u.fileName, u.path, u.size, u.format, u.createdBy, u.expiresAt,
  ]);
}

export async function findUpload(tx: Db, orgId: number, id: string): Promise<UploadRecord | null> {
  const rows = await tx.query<UploadRecord>(
    'SELECT id, file_name AS "fileName", path, size, format, expires_at AS "expiresAt" FROM uploads WHERE org_id = $1 AND id = $2 AND expires_at > now()',
    [orgId, id],
  );
  return rows[0] ? { ...rows[0], expiresAt: iso(rows[0].expiresAt)! } : null;
}

export async function deleteUpload(tx: Db, orgId: number, id: string): Promise<void> {
  await tx.query('DELETE FROM uploads WHERE org_id = $1 AND id = $2', [orgId, id]);
}

/** Removes expired uploads in every organisation and returns the ids of those still valid (runs as the owner). */
export async function sweepUploadRows(db: Db): Promise<{ expired: string[]; valid: Set<string> }> {
  const expired = await db.query<{ id: string }>('DELETE FROM uploads WHERE expires_at <= now() RETURNING id');
  const valid = await db.query<{ id: string }>('SELECT id FROM uploads');
  return { expired: expired.map((r) => r.id), valid: new Set(valid.map((r) => r.id)) };
}

// ── Saved column mappings ──────────────────────────────────────────────────────────────────────────────

export interface SavedMapping {
  id: number;
  name: string;
  mapping: ColumnMapping;
  createdAt: string;
}

const MAPPING_COLUMNS = 'id, name, mapping, created_at AS "createdAt"';
const mappingOf = (r: SavedMapping): SavedMapping => ({ ...r, createdAt: iso(r.createdAt)! });

export async function listMappings(tx: Db, orgId: number): Promise<SavedMapping[]> {
  return (await tx.query<SavedMapping>(`SELECT ${MAPPING_COLUMNS} FROM column_mappings WHERE org_id = $1 ORDER BY name`, [orgId])).map(mappingOf);
}

export async function findMappingByName(tx: Db, orgId: number, name: string): Promise<SavedMapping | null> {
  const rows = await tx.query<SavedMapping>(`SELECT ${MAPPING_COLUMNS} FROM column_mappings WHERE org_id = $1 AND name = $2`, [orgId, name]);
  return rows[0] ? mappingOf(rows[0]) : null;
}

/** Saves a mapping under a name; saving under a name in use replaces that mapping. */
export async function saveMapping(tx: Db, orgId: number, name: string, mapping: ColumnMapping, userId: number | null): Promise<{ saved: SavedMapping; replaced: boolean }> {
  const [row] = await tx.query<SavedMapping & { replaced: boolean }>(
    `INSERT INTO column_mappings (org_id, name, mapping, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()
     RETURNING ${MAPPING_COLUMNS}, (xmax <> 0) AS replaced`,
    [orgId, name, JSON.stringify(mapping), userId],
  );
  const { replaced, ...saved } = row!;
  return { saved: mappingOf(saved), replaced };
}

export async function deleteMapping(tx: Db, orgId: number, id: number): Promise<SavedMapping | null> {
  const rows = await tx.query<SavedMapping>(`DELETE FROM column_mappings WHERE org_id = $1 AND id = $2 RETURNING ${MAPPING_COLUMNS}`, [orgId, id]);
  return rows[0] ? mappingOf(rows[0]) : null;
}

// ── Risk settings ──────────────────────────────────────────────────────────────────────────────────────

export async function readWeights(tx: Db, orgId: number): Promise<unknown | null> {
  const rows = await tx.query<{ weights: unknown }>('SELECT weights FROM risk_settings WHERE org_id = $1', [orgId]);
  return rows[0]?.weights ?? null;
}

export async function writeWeights(tx: Db, orgId: number, weights: unknown, userId: number | null): Promise<void> {
  await tx.query(
    `INSERT INTO risk_settings (org_id, weights, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (org_id) DO UPDATE SET weights = EXCLUDED.weights, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [orgId, JSON.stringify(weights), userId],
  );
}
