// Organisations, people, roles, sign-in, invitations, API tokens and password resets. Every use case that
// touches an organisation's data runs in that organisation's tenant scope and filters by its id; every
// change and security event goes to the audit trail in the same transaction.
import type { Db } from '../db/client.ts';
import type { TenantRunner } from '../db/tenant.ts';
import { appendAudit, type AuditEvent, type AuditFilter, listAudit } from '../audit/repo.ts';
import type { ChainedEntry } from '../audit/chain.ts';
import type { Mailer } from './mailer.ts';
import { burnVerification, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { can, isRole, type Permission, permissionsOf, type Role } from './roles.ts';
import { hashToken, newToken } from './secrets.ts';

export type AccessErrorKind = 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'locked';
export class AccessError extends Error {
  constructor(
    readonly kind: AccessErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

/** Who is acting, in which organisation, with which role; built from a session cookie or an API token. */
export interface Actor {
  userId: number;
  email: string;
  name: string;
  orgId: number;
  role: Role;
  via: 'session' | 'token';
  ip: string | null;
}

export interface OrganisationProfile {
  id: number;
  name: string;
  country: string | null;
  kind: 'public_body' | 'international_organisation' | 'company' | 'ngo';
  employees: number | null;
  turnover: number | null;
  turnoverCurrency: string | null;
  financialYearEnd: string | null;
  isDemo: boolean;
}
export type OrganisationInput = Omit<OrganisationProfile, 'id' | 'isDemo'>;

export interface Member {
  userId: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

export interface ApiTokenInfo {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface SessionInfo {
  user: { id: number; email: string; name: string };
  organisation: { id: number; name: string; role: Role; permissions: Permission[] } | null;
  memberships: { orgId: number; name: string; role: Role }[];
  csrfToken: string;
  expiresAt: string;
}

export interface AccessOptions {
  /** Public address of the installation, for links in mail (e.g. http://localhost:3000). */
  baseUrl: string;
  mailer: Mailer;
  sessionHours?: number;
  now?: () => Date;
}

const LOCK_MINUTES = 15;
const MAX_ACCOUNT_FAILURES = 5;
const MAX_ADDRESS_FAILURES = 50;
const INVITATION_DAYS = 14;
const RESET_MINUTES = 60;

export const emailKey = (email: string) => email.trim().toLowerCase();
const validEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && email.length <= 254;
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

const ORG_COLUMNS = `id, name, country, kind, employees, turnover, turnover_currency AS "turnoverCurrency",
  financial_year_end AS "financialYearEnd", is_demo AS "isDemo"`;

export class AccessService {
  private readonly now: () => Date;
  private readonly sessionMs: number;
  private baseUrl: string;

  constructor(
    private readonly db: Db,
    private readonly tenant: TenantRunner,
    private readonly opts: AccessOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.baseUrl = opts.baseUrl;
    this.sessionMs = (opts.sessionHours ?? 12) * 3_600_000;
  }

  /** The public address used in links. */
  get publicUrl(): string {
    return this.baseUrl;
  }

  /** The public address, once known (a server started on port 0 learns it after listening). */
  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  // ── Permission checks: the one mechanism every route and page relies on ──────────────────────────────

  require(actor: Actor, permission: Permission): void {
    if (!can(actor.role, permission)) throw new AccessError('forbidden', `Your role (${actor.role}) may not do this: ${permission}.`);
  }

  // ── First run ───────────────────────────────────────────────────────────────────────────────────────

  /** A fresh one-time setup token while no administrator exists (each start replaces the previous one). */
  async issueSetupToken(): Promise<string | null> {
    const [inst] = await this.db.query<{ done: boolean }>('SELECT setup_completed_at IS NOT NULL AS done FROM installation');
    if (inst?.done) return null;
    const token = newToken('vgs');
    await this.db.query('UPDATE installation SET setup_token_hash = $1', [hashToken(token)]);
    return token;
  }

  async setupPending(): Promise<boolean> {
    const [inst] = await this.db.query<{ done: boolean }>('SELECT setup_completed_at IS NOT NULL AS done FROM installation');
    return !inst?.done;
  }

  /** Creates the first administrator and their organisation; the token works once. */
  async completeSetup(
    token: string,
    input: { email: string; name: string; password: string; organisation: OrganisationInput },
    ip: string | null,
  ): Promise<{ sessionToken: string; session: SessionInfo }> {
    this.checkNewAccount(input.email, input.name, input.password);
    const passwordHash = await hashPassword(input.password);
    const { userId, orgId } = await this.db.transaction(async (tx) => {
      const claimed = await tx.query(
        'UPDATE installation SET setup_token_hash = NULL, setup_completed_at = now() WHERE setup_completed_at IS NULL AND setup_token_hash = $1 RETURNING id',
        [hashToken(token)],
      );
      if (claimed.length === 0) throw new AccessError('invalid', 'This setup link is not valid: it was already used, or Vigil was restarted and printed a new one.');
      const userId = await this.insertUser(tx, input.email, input.name, passwordHash);
      const orgId = await this.insertOrganisation(tx, input.organisation, false);
      await tx.query('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3)', [orgId, userId, 'administrator']);
      const actor = { actorUserId: userId, actor: emailKey(input.email), ip };
      await appendAudit(tx, orgId, { ...actor, action: 'organisation.created', entityType: 'organisation', entityId: orgId, after: input.organisation });
      await appendAudit(tx, orgId, { ...actor, action: 'member.added', entityType: 'user', entityId: userId, after: { email: emailKey(input.email), role: 'administrator' } });
      return { userId, orgId };
    });
    await this.joinDemoOrganisations(userId);
    return this.openSession(userId, orgId, 'setup', ip);
  }

  /** The demo organisation (loaded by `vigil serve --demo`) welcomes every first administrator. */
  private async joinDemoOrganisations(userId: number): Promise<void> {
    const demos = await this.db.query<{ id: number }>('SELECT id FROM organisations WHERE is_demo');
    for (const { id } of demos) {
      await this.db.transaction(async (tx) => {
        await tx.query('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, userId, 'administrator']);
        await appendAudit(tx, id, { actorUserId: null, actor: 'system', action: 'member.added', entityType: 'user', entityId: userId, after: { role: 'administrator', reason: 'first administrator joins the demo organisation' } });
      });
    }
  }

  async ensureDemoOrganisation(input: OrganisationInput): Promise<number> {
    const existing = await this.db.query<{ id: number }>('SELECT id FROM organisations WHERE is_demo AND name = $1', [input.name]);
    if (existing[0]) return existing[0].id;
    return this.db.transaction(async (tx) => {
      const id = await this.insertOrganisation(tx, input, true);
      await appendAudit(tx, id, { actorUserId: null, actor: 'system', action: 'organisation.created', entityType: 'organisation', entityId: id, after: { ...input, isDemo: true } });
      const admins = await tx.query<{ user_id: number }>("SELECT DISTINCT user_id FROM memberships WHERE role = 'administrator'");
      for (const { user_id } of admins) {
        await tx.query('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, user_id, 'administrator']);
      }
      return id;
    });
  }

  // ── Sign-in and sessions ────────────────────────────────────────────────────────────────────────────

  /**
   * Password sign-in. Unknown addresses, wrong passwords and deactivated accounts get the same answer in
   * the same time; failures are counted per address and per client whether or not the account exists.
   */
  async signIn(email: string, password: string, ip: string | null): Promise<{ sessionToken: string; session: SessionInfo }> {
    const key = emailKey(email);
    const throttleKeys = [`account:${key}`, ...(ip ? [`address:${ip}`] : [])];
    const locked = await this.lockedFor(throttleKeys);
    if (locked > 0) {
      await this.audit(0, { actorUserId: null, actor: key, action: 'auth.sign_in_locked', ip });
      throw new AccessError('locked', `Too many failed sign-ins. Try again in ${Math.ceil(locked / 60)} minutes.`, locked);
    }
    const [user] = await this.db.query<{ id: number; password_hash: string | null }>('SELECT id, password_hash FROM users WHERE email_key = $1', [key]);
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await burnVerification(password), false);
    const memberships = ok ? await this.activeMemberships(user!.id) : [];
    if (!ok || memberships.length === 0) {
      await this.recordFailure(throttleKeys);
      const orgs = user ? await this.db.query<{ org_id: number }>('SELECT org_id FROM memberships WHERE user_id = $1', [user.id]) : [];
      for (const target of orgs.length ? orgs.map((o) => o.org_id) : [0]) {
        await this.audit(target, { actorUserId: user?.id ?? null, actor: key, action: 'auth.sign_in_failed', ip });
      }
      throw new AccessError('unauthenticated', 'The e-mail address or password is not right, or the account is not active.');
    }
    await this.db.query('DELETE FROM auth_throttle WHERE key = $1', [`account:${key}`]);
    const orgId = memberships[0]!.orgId;
    await this.db.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [user!.id]);
    await this.audit(orgId, { actorUserId: user!.id, actor: key, action: 'auth.signed_in', ip });
    return this.openSession(user!.id, orgId, 'password', ip);
  }

  /** Opens a session for a user whom SSO or a setup/invitation step has already authenticated. */
  async openSession(userId: number, orgId: number, via: string, _ip: string | null): Promise<{ sessionToken: string; session: SessionInfo }> {
    const sessionToken = newToken('vss');
    const csrf = newToken('csrf');
    await this.db.query('INSERT INTO sessions (token_hash, user_id, current_org_id, csrf_token, via, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      hashToken(sessionToken), userId, orgId, csrf, via, new Date(this.now().getTime() + this.sessionMs),
    ]);
    const session = await this.session(sessionToken);
    if (!session) throw new Error('session vanished');
    return { sessionToken, session: session.info };
  }

  /** The session behind a cookie, with the actor it stands for; null when unknown, expired or deactivated. */
  async session(sessionToken: string, ip: string | null = null): Promise<{ info: SessionInfo; actor: Actor | null } | null> {
    const [s] = await this.db.query<{ user_id: number; org_id: number | null; csrf: string; expires_at: Date; email: string; name: string }>(
      `SELECT s.user_id, s.current_org_id AS org_id, s.csrf_token AS csrf, s.expires_at, u.email, u.name
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [hashToken(sessionToken), this.now()],
    );
    if (!s) return null;
    const memberships = await this.activeMemberships(s.user_id);
    if (memberships.length === 0) return null;
    const current = memberships.find((m) => m.orgId === s.org_id) ?? null;
    const info: SessionInfo = {
      user: { id: s.user_id, email: s.email, name: s.name },
      organisation: current ? { id: current.orgId, name: current.name, role: current.role, permissions: permissionsOf(current.role) } : null,
      memberships,
      csrfToken: s.csrf,
      expiresAt: iso(s.expires_at)!,
    };
    const actor: Actor | null = current
      ? { userId: s.user_id, email: s.email, name: s.name, orgId: current.orgId, role: current.role, via: 'session', ip }
      : null;
    return { info, actor };
  }

  async signOut(sessionToken: string, actor: Actor | null): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(sessionToken)]);
    if (actor) await this.audit(actor.orgId, { actorUserId: actor.userId, actor: actor.email, action: 'auth.signed_out', ip: actor.ip });
  }

  async switchOrganisation(sessionToken: string, orgId: number): Promise<SessionInfo> {
    const current = await this.session(sessionToken);
    if (!current) throw new AccessError('unauthenticated', 'Sign in first.');
    if (!current.info.memberships.some((m) => m.orgId === orgId)) throw new AccessError('not-found', 'No such organisation among yours.');
    await this.db.query('UPDATE sessions SET current_org_id = $1 WHERE token_hash = $2', [orgId, hashToken(sessionToken)]);
    return (await this.session(sessionToken))!.info;
  }

  private async activeMemberships(userId: number): Promise<{ orgId: number; name: string; role: Role }[]> {
    const rows = await this.db.query<{ orgId: number; name: string; role: string }>(
      `SELECT m.org_id AS "orgId", o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.org_id
        WHERE m.user_id = $1 AND m.active ORDER BY o.is_demo, o.name`,
      [userId],
    );
    return rows.filter((r): r is { orgId: number; name: string; role: Role } => isRole(r.role));
  }

  private async lockedFor(keys: string[]): Promise<number> {
    const rows = await this.db.query<{ until: Date }>('SELECT locked_until AS until FROM auth_throttle WHERE key = ANY($1) AND locked_until > $2', [keys, this.now()]);
    return rows.reduce((max, r) => Math.max(max, Math.ceil((r.until.getTime() - this.now().getTime()) / 1000)), 0);
  }

  private async recordFailure(keys: string[]): Promise<void> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - LOCK_MINUTES * 60_000);
    for (const key of keys) {
      const limit = key.startsWith('account:') ? MAX_ACCOUNT_FAILURES : MAX_ADDRESS_FAILURES;
      await this.db.query(
        `INSERT INTO auth_throttle (key, failures, window_start) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN auth_throttle.window_start < $3 THEN 1 ELSE auth_throttle.failures + 1 END,
           window_start = CASE WHEN auth_throttle.window_start < $3 THEN $2 ELSE auth_throttle.window_start END`,
        [key, now, windowStart],
      );
      await this.db.query('UPDATE auth_throttle SET locked_until = $2, failures = 0, window_start = $3 WHERE key = $1 AND failures >= $4', [
        key, new Date(now.getTime() + LOCK_MINUTES * 60_000), now, limit,
      ]);
    }
  }

  // ── API tokens ──────────────────────────────────────────────────────────────────────────────────────

  async authenticateToken(token: string, ip: string | null): Promise<Actor | null> {
    const rows = await this.db.query<{ org_id: number; id: number; user_id: number; role: string; email: string; name: string }>(
      `SELECT t.org_id, t.id, t.user_id, m.role, u.email, u.name FROM api_tokens t
         JOIN memberships m ON m.org_id = t.org_id AND m.user_id = t.user_id AND m.active
         JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
      [hashToken(token), this.now()],
    );
    const t = rows[0];
    if (!t || !isRole(t.role)) return null;
    await this.db.query('UPDATE api_tokens SET last_used_at = $3 WHERE org_id = $1 AND id = $2', [t.org_id, t.id, this.now()]);
    return { userId: t.user_id, email: t.email, name: t.name, orgId: t.org_id, role: t.role, via: 'token', ip };
  }

  async listTokens(actor: Actor): Promise<ApiTokenInfo[]> {
    this.require(actor, 'tokens.manage');
    return this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query<ApiTokenInfo & { createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null }>(
        `SELECT id, name, prefix, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at IS NOT NULL AS revoked
           FROM api_tokens WHERE org_id = $1 AND user_id = $2 ORDER BY id DESC`,
        [actor.orgId, actor.userId],
      );
      return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, expiresAt: iso(r.expiresAt), lastUsedAt: iso(r.lastUsedAt) }));
    });
  }

  /** The raw token is returned once, here; only its hash is kept. */
  async createToken(actor: Actor, name: string, expiresInDays: number | null): Promise<{ token: string; info: ApiTokenInfo }> {
    this.require(actor, 'tokens.manage');
    if (actor.via === 'token') throw new AccessError('forbidden', 'An API token cannot create API tokens; sign in to create one.');
    const token = newToken('vgt');
    const expiresAt = expiresInDays ? new Date(this.now().getTime() + expiresInDays * 86_400_000) : null;
    const id = await this.tenant(actor.orgId, async (tx) => {
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO api_tokens (org_id, user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [actor.orgId, actor.userId, name, hashToken(token), token.slice(0, 12), expiresAt],
      );
      await appendAudit(tx, actor.orgId, this.event(actor, 'token.created', 'api_token', row!.id, null, { name, prefix: token.slice(0, 12), expiresAt: iso(expiresAt) }));
      return row!.id;
    });
    const info = (await this.listTokens(actor)).find((t) => t.id === id)!;
    return { token, info };
  }

  async revokeToken(actor: Actor, id: number): Promise<void> {
    this.require(actor, 'tokens.manage');
    await this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query<{ name: string }>(
        'UPDATE api_tokens SET revoked_at = now() WHERE org_id = $1 AND id = $2 AND user_id = $3 AND revoked_at IS NULL RETURNING name',
        [actor.orgId, id, actor.userId],
      );
      if (rows.length === 0) throw new AccessError('not-found', 'No such active token of yours.');
      await appendAudit(tx, actor.orgId, this.event(actor, 'token.revoked', 'api_token', id, { name: rows[0]!.name }, null));
    });
  }

  // ── Organisation ────────────────────────────────────────────────────────────────────────────────────

  async organisation(actor: Actor): Promise<OrganisationProfile> {
    this.require(actor, 'organisation.read');
    return this.tenant(actor.orgId, async (tx) => {
      const [org] = await tx.query<OrganisationProfile>(`SELECT ${ORG_COLUMNS} FROM organisations WHERE id = $1`, [actor.orgId]);
      if (!org) throw new AccessError('not-found', 'No such organisation.');
      return org;
    });
  }

  async updateOrganisation(actor: Actor, input: OrganisationInput): Promise<OrganisationProfile> {
    this.require(actor, 'organisation.manage');
    return this.tenant(actor.orgId, async (tx) => {
      const [before] = await tx.query<OrganisationProfile>(`SELECT ${ORG_COLUMNS} FROM organisations WHERE id = $1`, [actor.orgId]);
      const [after] = await tx.query<OrganisationProfile>(
        `UPDATE organisations SET name = $2, country = $3, kind = $4, employees = $5, turnover = $6, turnover_currency = $7, financial_year_end = $8
          WHERE id = $1 RETURNING ${ORG_COLUMNS}`,
        [actor.orgId, input.name, input.country, input.kind, input.employees, input.turnover, input.turnoverCurrency, input.financialYearEnd],
      );
      await appendAudit(tx, actor.orgId, this.event(actor, 'organisation.updated', 'organisation', actor.orgId, before, after));
      return after!;
    });
  }

  /** Any signed-in person may start a new organisation, of which they become the administrator. */
  async createOrganisation(actor: Pick<Actor, 'userId' | 'email' | 'ip'>, input: OrganisationInput): Promise<number> {
    return this.db.transaction(async (tx) => {
      const orgId = await this.insertOrganisation(tx, input, false);
      await tx.query('INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3)', [orgId, actor.userId, 'administrator']);
      await appendAudit(tx, orgId, { actorUserId: actor.userId, actor: actor.email, action: 'organisation.created', entityType: 'organisation', entityId: orgId, after: input, ip: actor.ip });
      return orgId;
    });
  }

  // ── Members and invitations ─────────────────────────────────────────────────────────────────────────

  async members(actor: Actor): Promise<Member[]> {
    this.require(actor, 'members.read');
    return this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query<Member & { joinedAt: Date }>(
        `SELECT u.id AS "userId", u.email, u.name, m.role, m.active, m.created_at AS "joinedAt"
           FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY m.active DESC, u.name`,
        [actor.orgId],
      );
      return rows.map((r) => ({ ...r, joinedAt: iso(r.joinedAt)! }));
    });
  }

  async updateMember(actor: Actor, userId: number, change: { role?: Role; active?: boolean }): Promise<Member> {
    this.require(actor, 'members.manage');
    if (userId === actor.userId && (change.active === false || (change.role && change.role !== 'administrator'))) {
      throw new AccessError('invalid', 'You cannot demote or deactivate yourself; ask another administrator.');
    }
    await this.tenant(actor.orgId, async (tx) => {
      const [before] = await tx.query<{ role: string; active: boolean }>('SELECT role, active FROM memberships WHERE org_id = $1 AND user_id = $2', [actor.orgId, userId]);
      if (!before) throw new AccessError('not-found', 'No such member.');
      const [after] = await tx.query<{ role: string; active: boolean }>(
        'UPDATE memberships SET role = coalesce($3, role), active = coalesce($4, active) WHERE org_id = $1 AND user_id = $2 RETURNING role, active',
        [actor.orgId, userId, change.role ?? null, change.active ?? null],
      );
      const action = before.role !== after!.role ? 'member.role_changed' : before.active !== after!.active ? (after!.active ? 'member.reactivated' : 'member.deactivated') : 'member.unchanged';
      await appendAudit(tx, actor.orgId, this.event(actor, action, 'user', userId, before, after));
    });
    if (change.active === false) {
      // A deactivated member's sessions in this organisation end now; tokens stop at the membership check.
      await this.db.query('UPDATE sessions SET current_org_id = NULL WHERE user_id = $1 AND current_org_id = $2', [userId, actor.orgId]);
    }
    return (await this.members(actor)).find((m) => m.userId === userId)!;
  }

  async invite(actor: Actor, email: string, role: Role): Promise<{ invitation: Invitation; link: string }> {
    this.require(actor, 'members.manage');
    if (!validEmail(email)) throw new AccessError('invalid', 'Give a valid e-mail address.');
    const token = newToken('vgi');
    const id = await this.tenant(actor.orgId, async (tx) => {
      const already = await tx.query(
        `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND u.email_key = $2`,
        [actor.orgId, emailKey(email)],
      );
      if (already.length > 0) throw new AccessError('conflict', `${email} is already a member.`);
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO invitations (org_id, email, role, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [actor.orgId, email.trim(), role, hashToken(token), actor.userId, new Date(this.now().getTime() + INVITATION_DAYS * 86_400_000)],
      );
      await appendAudit(tx, actor.orgId, this.event(actor, 'invitation.created', 'invitation', row!.id, null, { email: email.trim(), role }));
      return row!.id;
    });
    const link = `${this.baseUrl}/invitation#${token}`;
    const [org] = await this.tenant(actor.orgId, (tx) => tx.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [actor.orgId]));
    await this.opts.mailer.send({
      to: email.trim(),
      subject: `You are invited to ${org!.name} on Vigil`,
      text: `${actor.name} invites you to join ${org!.name} on Vigil as ${role.replace(/_/g, ' ')}.\n\nOpen this link within ${INVITATION_DAYS} days to accept:\n${link}\n`,
    });
    const invitation = (await this.invitations(actor)).find((i) => i.id === id)!;
    return { invitation, link };
  }

  async invitations(actor: Actor): Promise<Invitation[]> {
    this.require(actor, 'members.manage');
    return this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query<{ id: number; email: string; role: Role; invitedBy: string; createdAt: Date; expiresAt: Date; accepted: boolean; revoked: boolean }>(
        `SELECT i.id, i.email, i.role, u.name AS "invitedBy", i.created_at AS "createdAt", i.expires_at AS "expiresAt",
                i.accepted_at IS NOT NULL AS accepted, i.revoked_at IS NOT NULL AS revoked
           FROM invitations i JOIN users u ON u.id = i.invited_by WHERE i.org_id = $1 ORDER BY i.id DESC`,
        [actor.orgId],
      );
      return rows.map((r) => ({
        id: r.id, email: r.email, role: r.role, invitedBy: r.invitedBy, createdAt: iso(r.createdAt)!, expiresAt: iso(r.expiresAt)!,
        status: r.accepted ? 'accepted' : r.revoked ? 'revoked' : r.expiresAt < this.now() ? 'expired' : 'pending',
      }));
    });
  }

  async revokeInvitation(actor: Actor, id: number): Promise<void> {
    this.require(actor, 'members.manage');
    await this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query<{ email: string }>(
        'UPDATE invitations SET revoked_at = now() WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING email',
        [actor.orgId, id],
      );
      if (rows.length === 0) throw new AccessError('not-found', 'No such pending invitation.');
      await appendAudit(tx, actor.orgId, this.event(actor, 'invitation.revoked', 'invitation', id, { email: rows[0]!.email }, null));
    });
  }

  /** What an invitation link offers (shown before accepting); the token is the only credential here. */
  async invitationInfo(token: string): Promise<{ organisation: string; email: string; role: Role; accountExists: boolean }> {
    const inv = await this.pendingInvitation(this.db, token);
    const [user] = await this.db.query('SELECT 1 FROM users WHERE email_key = $1', [emailKey(inv.email)]);
    return { organisation: inv.orgName, email: inv.email, role: inv.role, accountExists: Boolean(user) };
  }

  /**
   * Accepts an invitation: a new person sets their name and password; a person who already has an account
   * proves it with their password. Either way they join with the invited role.
   */
  async acceptInvitation(token: string, input: { name?: string; password: string }, ip: string | null): Promise<{ sessionToken: string; session: SessionInfo }> {
    const preview = await this.pendingInvitation(this.db, token);
    const [existing] = await this.db.query<{ id: number; password_hash: string | null }>('SELECT id, password_hash FROM users WHERE email_key = $1', [emailKey(preview.email)]);
    let newHash: string | null = null;
    if (existing) {
      if (!existing.password_hash || !(await verifyPassword(existing.password_hash, input.password))) {
        throw new AccessError('unauthenticated', 'That is not the password of your existing account.');
      }
    } else {
      this.checkNewAccount(preview.email, input.name ?? '', input.password);
      newHash = await hashPassword(input.password);
    }
    const { userId, orgId } = await this.db.transaction(async (tx) => {
      const inv = await this.pendingInvitation(tx, token, true);
      const userId = existing?.id ?? (await this.insertUser(tx, inv.email, input.name!, newHash!));
      await tx.query(
        `INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role, active = true`,
        [inv.orgId, userId, inv.role],
      );
      await tx.query('UPDATE invitations SET accepted_at = now(), accepted_by = $3 WHERE org_id = $1 AND id = $2', [inv.orgId, inv.id, userId]);
      await appendAudit(tx, inv.orgId, { actorUserId: userId, actor: emailKey(inv.email), action: 'invitation.accepted', entityType: 'invitation', entityId: inv.id, after: { role: inv.role }, ip });
      await appendAudit(tx, inv.orgId, { actorUserId: userId, actor: emailKey(inv.email), action: 'member.added', entityType: 'user', entityId: userId, after: { email: emailKey(inv.email), role: inv.role }, ip });
      return { userId, orgId: inv.orgId };
    });
    return this.openSession(userId, orgId, 'invitation', ip);
  }

  private async pendingInvitation(db: Db, token: string, lock = false) {
    const [inv] = await db.query<{ orgId: number; id: number; email: string; role: Role; orgName: string; expiresAt: Date }>(
      `SELECT i.org_id AS "orgId", i.id, i.email, i.role, o.name AS "orgName", i.expires_at AS "expiresAt"
         FROM invitations i JOIN organisations o ON o.id = i.org_id
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL ${lock ? 'FOR UPDATE OF i' : ''}`,
      [hashToken(token)],
    );
    if (!inv || inv.expiresAt < this.now()) throw new AccessError('not-found', 'This invitation is not valid: it was used, revoked or has expired. Ask for a new one.');
    return inv;
  }

  // ── Password reset ──────────────────────────────────────────────────────────────────────────────────

  /** Always answers the same; mails a single-use link only when the account exists. */
  async requestPasswordReset(email: string, ip: string | null): Promise<void> {
    const [user] = await this.db.query<{ id: number; email: string }>('SELECT id, email FROM users WHERE email_key = $1', [emailKey(email)]);
    if (!user) {
      await this.audit(0, { actorUserId: null, actor: emailKey(email), action: 'auth.password_reset_requested', ip });
      return;
    }
    const link = await this.issueReset(user.id);
    for (const org of await this.activeMemberships(user.id)) {
      await this.audit(org.orgId, { actorUserId: user.id, actor: emailKey(email), action: 'auth.password_reset_requested', ip });
    }
    await this.opts.mailer.send({
      to: user.email,
      subject: 'Reset your Vigil password',
      text: `Someone asked to reset the password of your Vigil account. If it was you, open this link within ${RESET_MINUTES} minutes:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.\n`,
    });
  }

  /** An administrator makes a reset link for a member who cannot receive mail; shown once. */
  async resetLinkFor(actor: Actor, userId: number): Promise<string> {
    this.require(actor, 'members.manage');
    await this.tenant(actor.orgId, async (tx) => {
      const rows = await tx.query('SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2', [actor.orgId, userId]);
      if (rows.length === 0) throw new AccessError('not-found', 'No such member.');
      await appendAudit(tx, actor.orgId, this.event(actor, 'member.reset_link_created', 'user', userId, null, null));
    });
    return this.issueReset(userId);
  }

  private async issueReset(userId: number): Promise<string> {
    const token = newToken('vgr');
    await this.db.query('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      hashToken(token), userId, new Date(this.now().getTime() + RESET_MINUTES * 60_000),
    ]);
    return `${this.baseUrl}/reset-password#${token}`;
  }

  async resetPassword(token: string, password: string, ip: string | null): Promise<void> {
    const [user] = await this.db.query<{ id: number; email: string }>(
      `SELECT u.id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2`,
      [hashToken(token), this.now()],
    );
    if (!user) throw new AccessError('not-found', 'This reset link is not valid: it was used or has expired. Ask for a new one.');
    const problem = passwordProblem(password, user.email);
    if (problem) throw new AccessError('invalid', problem);
    const hash = await hashPassword(password);
    const orgs = await this.activeMemberships(user.id);
    await this.db.transaction(async (tx) => {
      const used = await tx.query('UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING 1', [hashToken(token)]);
      if (used.length === 0) throw new AccessError('not-found', 'This reset link was just used.');
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, hash]);
      // Every other session of the account ends: whoever knew the old password is out.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      await tx.query('DELETE FROM auth_throttle WHERE key = $1', [`account:${emailKey(user.email)}`]);
      for (const o of orgs.length ? orgs : [{ orgId: 0 }]) {
        await appendAudit(tx, o.orgId, { actorUserId: user.id, actor: emailKey(user.email), action: 'auth.password_reset', ip });
      }
    });
  }

  // ── Audit trail ─────────────────────────────────────────────────────────────────────────────────────

  async auditTrail(actor: Actor, filter: AuditFilter): Promise<ChainedEntry[]> {
    this.require(actor, 'audit.read');
    return this.tenant(actor.orgId, (tx) => listAudit(tx, actor.orgId, filter));
  }

  /** Records an export or other security event in the organisation's trail. */
  async recordEvent(actor: Actor, action: string, detail: unknown = null): Promise<void> {
    await this.tenant(actor.orgId, (tx) => appendAudit(tx, actor.orgId, this.event(actor, action, null, null, null, detail)));
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

  private event(actor: Actor, action: string, entityType: string | null, entityId: number | string | null, before: unknown, after: unknown): AuditEvent {
    return { actorUserId: actor.userId, actor: actor.email, action, entityType, entityId, before, after, ip: actor.ip };
  }

  private async audit(orgId: number, event: AuditEvent): Promise<void> {
    await this.db.transaction((tx) => appendAudit(tx, orgId, event));
  }

  private checkNewAccount(email: string, name: string, password: string): void {
    if (!validEmail(email)) throw new AccessError('invalid', 'Give a valid e-mail address.');
    if (name.trim().length === 0 || name.length > 200) throw new AccessError('invalid', 'Give your name (at most 200 characters).');
    const problem = passwordProblem(password, email);
    if (problem) throw new AccessError('invalid', problem);
  }

  private async insertUser(tx: Db, email: string, name: string, passwordHash: string): Promise<number> {
    const exists = await tx.query('SELECT 1 FROM users WHERE email_key = $1', [emailKey(email)]);
    if (exists.length > 0) throw new AccessError('conflict', 'An account with this e-mail address already exists; sign in instead.');
    const [row] = await tx.query<{ id: number }>('INSERT INTO users (email, email_key, name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [
      email.trim(), emailKey(email), name.trim(), passwordHash,
    ]);
    return row!.id;
  }

  private async insertOrganisation(tx: Db, o: OrganisationInput, isDemo: boolean): Promise<number> {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO organisations (name, country, kind, employees, turnover, turnover_currency, financial_year_end, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [o.name, o.country, o.kind, o.employees, o.turnover, o.turnoverCurrency, o.financialYearEnd, isDemo],
    );
    return row!.id;
  }
}
