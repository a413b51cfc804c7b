// The risk feed: each supplier's open and confirmed hits (on itself, its sites and its owners) as src/risk
// ListHit, for the supplier rollup to fold in (suppliers/portfolio.ts). Dismissed hits and hits whose entity
// left its list count for nothing.
import type { Db } from '../db/client.ts';
import type { ListHit } from '../risk/index.ts';
import { storedScore } from './repo.ts';

/** Hits by supplier id: every supplier of the organisation's, or only the given ones'. */
export async function listHitsBySupplier(tx: Db, orgId: number, supplierIds: readonly number[] | null): Promise<Map<number, ListHit[]>> {
  const rows = await tx.query<ListHit & { supplierId: number }>(
    `SELECT h.supplier_id AS "supplierId", h.id AS "hitId", h.hard, h.status, h.score, w.slug AS list, w.name AS "listName", v.edition,
            h.entity_key AS "entityKey", h.entity_name AS "entityName", e.source_row AS row, h.subject_kind AS "subjectKind", h.subject_name AS "subjectName"
       FROM screening_hits h
       JOIN watchlists w ON w.id = h.watchlist_id
       JOIN watchlist_versions v ON v.id = h.version_id
       LEFT JOIN watchlist_entities e ON e.version_id = h.version_id AND e.n = split_part(h.entity_id, ':', 2)::int
      WHERE h.org_id = $1 AND h.status <> 'dismissed' AND h.gone_at IS NULL AND ($2::bigint[] IS NULL OR h.supplier_id = ANY($2::bigint[]))
      ORDER BY h.supplier_id, h.id`,
    [orgId, supplierIds],
  );
  const out = new Map<number, ListHit[]>();
  for (const { supplierId, ...hit } of rows) {
    const list = out.get(supplierId) ?? [];
    list.push({ ...hit, score: storedScore(hit.score) });
    out.set(supplierId, list);
  }
  return out;
}
