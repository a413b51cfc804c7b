// The audit trail viewer's logic: filters ↔ query string, readable action names, before/after differences
// and short hashes. Pure.
import { queryString } from './route.ts';

export interface AuditFilters {
  action: string;
  actor: string;
  entityType: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive (sent to the API as the next day, whose bound is exclusive). */
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', actor: '', entityType: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFrom(search: URLSearchParams): AuditFilters {
  const date = (v: string | null) => (v && DATE.test(v) ? v : '');
  return {
    action: search.get('action')?.trim() ?? '',
    actor: search.get('actor')?.trim() ?? '',
    entityType: search.get('entityType')?.trim() ?? '',
    from: date(search.get('from')),
    to: date(search.get('to')),
  };
}

/** The page's own address for a set of filters (shareable). */
export function filtersQuery(f: AuditFilters): string {
  return queryString({ action: f.action.trim(), actor: f.actor.trim(), entityType: f.entityType.trim(), from: f.from, to: f.to });
}

/** "2024-02-28" → "2024-02-29" (UTC calendar arithmetic). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The API query for a page of entries: `to` becomes the exclusive next day, `beforeSeq` pages back. */
export function auditApiQuery(f: AuditFilters, opts: { limit?: number; beforeSeq?: number } = {}): string {
  return queryString({
    action: f.action.trim(),
    actor: f.actor.trim(),
    entityType: f.entityType.trim(),
    from: f.from,
    to: f.to ? nextDay(f.to) : '',
    limit: opts.limit,
    beforeSeq: opts.beforeSeq,
  });
}

export function filtersActive(f: AuditFilters): boolean {
  return Object.values(f).some((v) => v.trim() !== '');
}

export function filtersProblem(f: AuditFilters): string | null {
  if (f.from && f.to && f.from > f.to) return 'The “from” date is after the “to” date.';
  return null;
}

/** Readable names for the actions Vigil records; unknown actions are humanised from their code. */
export const ACTION_LABELS: Record<string, string> = {
  'organisation.created': 'Organisation created',
  'organisation.updated': 'Organisation profile changed',
  'member.added': 'Member added',
  'member.role_changed': 'Role changed',
  'member.deactivated': 'Member deactivated',
  'member.reactivated': 'Member reactivated',
  'member.unchanged': 'Member saved without change',
  'member.reset_link_created': 'Password reset link made for a member',
  'invitation.created': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
  'invitation.revoked': 'Invitation revoked',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_in_locked': 'Sign-in refused: locked after failures',
  'auth.password_reset_requested': 'Password reset requested',
  'auth.password_reset': 'Password reset',
  'audit.exported': 'Audit trail exported',
};

export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Action prefixes offered in the filter (the API matches the start of the action). */
export const ACTION_FILTERS: readonly { value: string; label: string }[] = [
  { value: '', label: 'All actions' },
  { value: 'auth.', label: 'Sign-in and passwords' },
  { value: 'member.', label: 'Members and roles' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'token.', label: 'API tokens' },
  { value: 'organisation.', label: 'Organisation profile' },
  { value: 'audit.', label: 'Audit trail exports' },
];

/** "4f1c2a9e…" for a SHA-256 hex; "genesis" (the first entry's predecessor) stays as it is. */
export function shortHash(hash: string, length = 8): string {
  if (!/^[0-9a-f]+$/i.test(hash) || hash.length <= length) return hash;
  return hash.slice(0, length);
}

export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const ABSENT = '—';

function show(v: unknown): string {
  if (v === undefined || v === null) return ABSENT;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Field-by-field comparison of an entry's before and after. Objects are compared on the union of their keys
 * (nested values shown as JSON), in before's key order and then the keys only after has; anything else is one
 * row called "value".
 */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : null;
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : null;
  if (b === null || a === null) {
    const bs = show(before);
    const as = show(after);
    return [{ field: 'value', before: bs, after: as, changed: bs !== as }];
  }
  const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
  return keys.map((k) => {
    const bs = show(b[k]);
    const as = show(a[k]);
    return { field: k, before: bs, after: as, changed: bs !== as };
  });
}

/** One line about what changed, for the table row: "role: viewer → analyst". */
export function diffSummary(rows: readonly DiffRow[], max = 2): string {
  const changed = rows.filter((r) => r.changed);
  if (changed.length === 0) return '';
  const parts = changed.slice(0, max).map((r) => {
    if (r.before === ABSENT) return `${r.field}: ${clip(r.after)}`;
    if (r.after === ABSENT) return `${r.field}: ${clip(r.before)} removed`;
    return `${r.field}: ${clip(r.before)} → ${clip(r.after)}`;
  });
  if (changed.length > max) parts.push(`${changed.length - max} more`);
  return parts.join('; ');
}

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** "2025-03-01T14:02:11.123Z" → "1 Mar 2025, 14:02:11" in the viewer's time zone (UTC when asked). */
export function formatTimestamp(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}
