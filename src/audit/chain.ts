// The audit trail's hash chain. Pure: the same entry gives the same hash whichever engine stored it.
import { createHash } from 'node:crypto';

export interface AuditEntry {
  orgId: number;
  seq: number;
  at: string; // ISO 8601, millisecond precision
  actorUserId: number | null;
  actor: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export const GENESIS = 'genesis';

/** JSON with object keys sorted at every level, so jsonb's own key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(entry: AuditEntry, prevHash: string): string {
  const body = canonicalJson({ ...entry, prevHash });
  return createHash('sha256').update(body).digest('hex');
}

export interface ChainBreak {
  orgId: number;
  seq: number;
  reason: string;
}

/** Walks one organisation's entries in sequence order; returns the first break, or null if intact. */
export function firstBreak(entries: readonly ChainedEntry[]): ChainBreak | null {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { orgId: e.orgId, seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prevHash !== prev) return { orgId: e.orgId, seq: e.seq, reason: 'its link to the previous entry does not match' };
    const { prevHash: _p, hash, ...content } = e;
    if (entryHash(content, e.prevHash) !== hash) return { orgId: e.orgId, seq: e.seq, reason: 'its content does not match its hash (edited)' };
    prev = hash;
    expectedSeq += 1;
  }
  return null;
}
