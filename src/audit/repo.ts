// Storing and reading the audit trail. Appends take a per-organisation lock, so entries chain in order even
// when several API processes write at once.
import type { Db } from '../db/client.ts';
import { type AuditEntry, type ChainedEntry, entryHash, GENESIS } from './chain.ts';

export interface AuditEvent {
  actorUserId: number | null;
  actor: string;
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const AUDIT_LOCK = 7_166_114; // arbitrary constant namespace for the per-organisation append lock

/** Appends one event to an organisation's chain (0 = installation-wide), inside the caller's transaction. */
export async function appendAudit(tx: Db, orgId: number, event: AuditEvent): Promise<ChainedEntry> {
  if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [AUDIT_LOCK, orgId]);
  const last = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log WHERE org_id = $1 ORDER BY seq DESC LIMIT 1', [orgId]);
  const entry: AuditEntry = {
    orgId,
    seq: (last[0]?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorUserId: event.actorUserId,
    actor: event.actor,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.ip ?? null,
  };
  const prevHash = last[0]?.hash ?? GENESIS;
  const hash = entryHash(entry, prevHash);
  await tx.query(
    `INSERT INTO audit_log (org_id, seq, at, actor_user_id, actor, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [orgId, entry.seq, entry.at, entry.actorUserId, entry.actor, entry.action, entry.entityType, entry.entityId,
      json(entry.before), json(entry.after), entry.ip, prevHash, hash],
  );
  return { ...entry, prevHash, hash };
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const SELECT = `SELECT org_id AS "orgId", seq, at, actor_user_id AS "actorUserId", actor, action, entity_type AS "entityType",
  entity_id AS "entityId", before, after, ip, prev_hash AS "prevHash", hash FROM audit_log`;

function fromRow(r: Omit<ChainedEntry, 'at'> & { at: Date | string }): ChainedEntry {
  return { ...r, at: new Date(r.at).toISOString() };
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeSeq?: number;
}

/** One organisation's trail, newest first, filtered; the caller's transaction is already scoped to orgId. */
export async function listAudit(tx: Db, orgId: number, f: AuditFilter = {}): Promise<ChainedEntry[]> {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.action) add('action LIKE ? || \'%\'', f.action);
  if (f.actor) add("actor ILIKE '%' || ? || '%'", f.actor);
  if (f.entityType) add('entity_type = ?', f.entityType);
  if (f.from) add('at >= ?::timestamptz', f.from);
  if (f.to) add('at < ?::timestamptz', f.to);
  if (f.beforeSeq) add('seq < ?', f.beforeSeq);
  const limit = f.limit ?? 100;
  const rows = await tx.query<Omit<ChainedEntry, 'at'> & { at: Date }>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ${Number(limit)}`, params);
  return rows.map(fromRow);
}

/** Every chain in the installation, in order, for verification (runs as the owner). */
export async function* allChains(db: Db): AsyncGenerator<ChainedEntry[]> {
  const orgs = await db.query<{ org_id: number }>('SELECT DISTINCT org_id FROM audit_log ORDER BY org_id');
  for (const { org_id } of orgs) {
    const rows = await db.query<Omit<ChainedEntry, 'at'> & { at: Date }>(`${SELECT} WHERE org_id = $1 ORDER BY seq`, [org_id]);
    yield rows.map(fromRow);
  }
}
