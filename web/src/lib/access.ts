// Roles, permissions and the one check every nav entry, page and button asks: can(session, need). Pure.
// Roles and labels come from the server's pure src/orgs/roles.ts, so the two cannot drift apart.
import { GRANTS, PERMISSIONS, ROLE_LABELS, ROLES, type Permission, type Role } from '../../../src/orgs/roles.ts';
import type { RouteName } from './route.ts';

export type { Permission, Role };

/** What a page or control needs: a permission in the current organisation, or only a signed-in session. */
export type Access = Permission | 'signed-in';

/** The part of a session that access decisions look at (SessionInfo satisfies it). */
export interface SessionAccess {
  organisation: { name: string; role: Role; permissions: readonly Permission[] } | null;
}

export { ROLES, ROLE_LABELS };
export const PERMISSION_LABELS: Record<Permission, string> = PERMISSIONS;

/** What each role may do, for the explanation on the People page (the server decides; this only describes). */
export const ROLE_PERMISSIONS = GRANTS;

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role.replace(/_/g, ' ');
}

/**
 * True when the session allows `need`. The permissions come from the server with the session, so a role's
 * rights are decided in one place; signed out (null) allows nothing.
 */
export function can(session: SessionAccess | null | undefined, need: Access): boolean {
  if (!session) return false;
  if (need === 'signed-in') return true;
  return session.organisation?.permissions.includes(need) ?? false;
}

/** The roles whose grants include `permission`, as labels ("Administrator, Analyst"). */
export function rolesAllowing(permission: Permission): string[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission)).map((r) => ROLE_LABELS[r]);
}

/** The sentence a page shows when the current role does not allow it. */
export function deniedMessage(session: SessionAccess, need: Access): string {
  const org = session.organisation;
  if (!org) return 'Choose an organisation first: this page belongs to an organisation.';
  if (need === 'signed-in') return '';
  return `Your role (${roleLabel(org.role)}) does not allow this. It needs the permission “${PERMISSION_LABELS[need]}”, which the ${plural(rolesAllowing(need))} ${rolesAllowing(need).length === 1 ? 'role has' : 'roles have'}. Ask an administrator of ${org.name} if you need it.`;
}

function plural(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** What each organisation page needs; the page guard and the navigation both read this table. */
export const PAGE_ACCESS: Partial<Record<RouteName, Access>> = {
  organisation: 'organisation.read',
  newOrganisation: 'signed-in',
  people: 'members.read',
  tokens: 'tokens.manage',
  audit: 'audit.read',
  portfolio: 'suppliers.read',
  suppliers: 'suppliers.read',
  supplier: 'suppliers.read',
  imports: 'suppliers.import',
  importDetail: 'suppliers.read',
  riskWeights: 'suppliers.read',
  screening: 'screening.read',
  hit: 'screening.read',
  // Lists and their provenance are read by whoever reads hits; changing them needs watchlists.manage.
  watchlists: 'screening.read',
  watchlist: 'screening.read',
};

/**
 * Where to go after signing in: only a path inside the app (never another origin, the API or a sign-in
 * page itself), otherwise the organisation page.
 */
export function safeNext(next: string | null | undefined, fallback = '/organisation'): string {
  if (!next) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/api/')) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  const path = next.split(/[?#]/)[0]!;
  if (['/sign-in', '/setup', '/invitation', '/reset-password'].includes(path.replace(/\/+$/, ''))) return fallback;
  return next;
}

/** The sign-in address that brings the visitor back to `path` afterwards. */
export function signInHref(path: string): string {
  const next = safeNext(path, '');
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/** The secret of a link such as /invitation#vgi_abc (the part after #), or null. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  let token: string;
  try {
    token = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  return /^[A-Za-z0-9_\-.~]{10,200}$/.test(token) ? token : null;
}
