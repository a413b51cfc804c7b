// Tenant scope: every read and write of an organisation's data runs in a transaction that is bound to that
// organisation. The service layer filters by org_id itself; on top of that, the transaction runs as role
// vigil_app with vigil.org_id set, so the row-level security policies hide every other organisation's rows
// even if a query forgets its filter.
import type { Db } from './client.ts';

export interface TenantOptions {
  /** The second wall; switched off only by the test that proves the service layer isolates on its own. */
  rowLevelSecurity: boolean;
}

export type TenantRunner = <T>(orgId: number, fn: (tx: Db) => Promise<T>) => Promise<T>;

export function tenantRunner(db: Db, opts: TenantOptions = { rowLevelSecurity: true }): TenantRunner {
  return (orgId, fn) => {
    if (!Number.isSafeInteger(orgId) || orgId <= 0) throw new Error(`invalid organisation id ${orgId}`);
    return db.transaction(async (tx) => {
      if (opts.rowLevelSecurity) {
        await tx.query('SET LOCAL ROLE vigil_app');
        await tx.query("SELECT set_config('vigil.org_id', $1, true)", [String(orgId)]);
      }
      return fn(tx);
    });
  };
}
