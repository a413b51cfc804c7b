// The audit trail as CSV for auditors and regulators: one row per entry, the chain's hashes included so an
// exported file can be checked against the database later.
import { stringify } from 'csv-stringify/sync';
import type { ChainedEntry } from './chain.ts';

const COLUMNS = ['seq', 'at', 'actor', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'prev_hash', 'hash'];

/** A cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
export const spreadsheetSafe = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function toCsv(entries: readonly ChainedEntry[]): string {
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return stringify(
    entries.map((e) => [e.seq, e.at, e.actor, e.actorUserId ?? '', e.action, e.entityType ?? '', e.entityId ?? '', json(e.before), json(e.after), e.ip ?? '', e.prevHash, e.hash].map(spreadsheetSafe)),
    { header: true, columns: COLUMNS },
  );
}
