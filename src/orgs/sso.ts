// Single sign-on with OpenID Connect, configured per organisation: authorisation code flow with PKCE, state
// and nonce. An organisation's administrator registers Vigil at their identity provider and enters the
// issuer, client id and client secret here; the secret is kept encrypted (AES-256-GCM) and never returned.
//
// Sign-in: start(orgId) stores the hash of a fresh random state (single use, ten minutes) and sends the
// browser to the provider with a PKCE challenge and a nonce, both derived from the state with a keyed hash,
// so the database holds nothing that completes a sign-in. callback() consumes the state, exchanges the code
// with the PKCE verifier, validates the ID token (issuer, audience, expiry, nonce) through openid-client,
// takes the verified e-mail address and opens a session only for an active member of that organisation:
// no account is created here. Every outcome is audited, never with tokens, codes or secrets.
import { createHmac, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { appendAudit, type AuditEvent } from '../audit/repo.ts';
import type { Db } from '../db/client.ts';
import type { TenantRunner } from '../db/tenant.ts';
import { decryptSecret, encryptSecret, hashToken, sameSecret } from './secrets.ts';
import { AccessError, type AccessService, type Actor, emailKey, type SessionInfo } from './service.ts';

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';
const STATE_MINUTES = 10;
const SCOPE = 'openid email';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface SsoConnection {
  issuer: string;
  clientId: string;
  /** The secret itself is write-only. */
  hasSecret: boolean;
  enabled: boolean;
  /** Register this redirect URI at the identity provider. */
  redirectUri: string;
  updatedAt: string;
}

export interface SsoSettings {
  connection: SsoConnection | null;
  redirectUri: string;
}

export interface SsoConnectionInput {
  issuer: string;
  clientId: string;
  /** Required when creating the connection; omitted on update keeps the stored one. */
  clientSecret?: string | undefined;
  enabled: boolean;
}

/** What the sign-in page may show the person (`/sign-in?sso_error=<code>`). */
export type SsoErrorCode = 'unavailable' | 'state' | 'provider' | 'email' | 'not_member' | 'failed';

export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    /** Short machine reason for the audit trail; never a token, code or secret. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}

export interface SsoOptions {
  /** The public address, read at each use (a server started on port 0 learns it after listening). */
  baseUrl: () => string;
  /** 32-byte key that encrypts client secrets; when absent, one is generated once and kept in the database. */
  key?: Buffer;
  now?: () => Date;
  /** Seconds to wait for the identity provider on each request. */
  timeoutSeconds?: number;
}

/** Reads VIGIL_SECRET_KEY: 32 bytes, base64 (`openssl rand -base64 32`). */
export function parseSecretKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error('VIGIL_SECRET_KEY must be 32 random bytes in base64 (for example: openssl rand -base64 32).');
  return key;
}

/** Whether an issuer may be used: https, or plain http on a loopback address (tests and local providers). */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'The issuer must be a URL, such as https://login.example.org/realms/ministry.';
  }
  if (url.username || url.password || url.search || url.hash) return 'The issuer URL must not carry credentials, a query or a fragment.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'The issuer must use https (plain http only on 127.0.0.1, localhost or [::1]).';
}

const iso = (d: Date | string) => new Date(d).toISOString();
/** Error codes from a provider or library, trimmed to a safe token for the audit trail. */
const safeCode = (v: unknown) => String(v ?? 'unknown').replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64) || 'unknown';

interface StoredConnection {
  issuer: string;
  clientId: string;
  secretEnc: string;
  enabled: boolean;
  updatedAt: Date;
}

export class SsoService {
  private readonly now: () => Date;
  private keyPromise: Promise<Buffer> | null = null;

  constructor(
    private readonly db: Db,
    private readonly tenant: TenantRunner,
    private readonly access: AccessService,
    private readonly opts: SsoOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    // Nothing here touches the database: the OpenAPI writer builds the services without one.
  }

  redirectUri(): string {
    return `${this.opts.baseUrl().replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`;
  }

  // ── Administration ──────────────────────────────────────────────────────────────────────────────────

  async settings(actor: Actor): Promise<SsoSettings> {
    this.access.require(actor, 'organisation.manage');
    const stored = await this.tenant(actor.orgId, (tx) => this.stored(tx, actor.orgId));
    return { connection: stored ? this.view(stored) : null, redirectUri: this.redirectUri() };
  }

  async put(actor: Actor, input: SsoConnectionInput): Promise<SsoConnection> {
    this.access.require(actor, 'organisation.manage');
    const issuer = input.issuer.trim();
    const clientId = input.clientId.trim();
    const problem = issuerProblem(issuer);
    if (problem) throw new AccessError('invalid', problem);
    if (clientId.length === 0 || clientId.length > 500) throw new AccessError('invalid', 'Give the client id the identity provider issued (at most 500 characters).');
    const secret = input.clientSecret;
    if (secret !== undefined && (secret.length === 0 || secret.length > 4000)) throw new AccessError('invalid', 'Give the client secret the identity provider issued.');
    const sealed = secret === undefined ? null : encryptSecret(await this.key(), secret);
    const saved = await this.tenant(actor.orgId, async (tx) => {
      const before = await this.stored(tx, actor.orgId, true);
      if (!before && sealed === null) throw new AccessError('invalid', 'Give the client secret the identity provider issued.');
      const [after] = await tx.query<StoredConnection>(
        `INSERT INTO sso_connections (org_id, issuer, client_id, client_secret_enc, enabled, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
           client_secret_enc = excluded.client_secret_enc, enabled = excluded.enabled, updated_at = excluded.updated_at
         RETURNING issuer, client_id AS "clientId", client_secret_enc AS "secretEnc", enabled, updated_at AS "updatedAt"`,
        [actor.orgId, issuer, clientId, sealed ?? before!.secretEnc, input.enabled, this.now()],
      );
      await appendAudit(tx, actor.orgId, {
        ...this.actorEvent(actor),
        action: before ? 'sso.updated' : 'sso.configured',
        entityType: 'sso_connection',
        entityId: actor.orgId,
        before: before ? this.auditView(before) : null,
        after: { ...this.auditView(after!), secretChanged: sealed !== null },
      });
      return after!;
    });
    return this.view(saved);
  }

  async remove(actor: Actor): Promise<void> {
    this.access.require(actor, 'organisation.manage');
    await this.tenant(actor.orgId, async (tx) => {
      const [gone] = await tx.query<StoredConnection>(
        `DELETE FROM sso_connections WHERE org_id = $1
         RETURNING issuer, client_id AS "clientId", client_secret_enc AS "secretEnc", enabled, updated_at AS "updatedAt"`,
        [actor.orgId],
      );
      if (!gone) throw new AccessError('not-found', 'This organisation has no single sign-on connection.');
      await appendAudit(tx, actor.orgId, { ...this.actorEvent(actor), action: 'sso.deleted', entityType: 'sso_connection', entityId: actor.orgId, before: this.auditView(gone) });
    });
    // Sign-ins under way for this organisation can no longer finish.
    await this.db.query('DELETE FROM sso_states WHERE org_id = $1', [actor.orgId]);
  }

  // ── Sign-in ─────────────────────────────────────────────────────────────────────────────────────────

  /** Organisations whose members can sign in with SSO, for the sign-in page. */
  async providers(): Promise<{ id: number; name: string }[]> {
    return this.db.query<{ id: number; name: string }>(
      'SELECT o.id, o.name FROM sso_connections c JOIN organisations o ON o.id = c.org_id WHERE c.enabled ORDER BY o.name, o.id',
    );
  }

  /** The identity provider's authorisation URL for a new sign-in, and the state to bind to the browser. */
  async start(orgId: number, ip: string | null): Promise<{ url: string; state: string }> {
    const conn = await this.connectionFor(orgId);
    if (!conn?.enabled) throw new SsoError('unavailable', 'not_configured', 'Single sign-on is not available for this organisation.');
    const config = await this.configuration(orgId, conn, ip);
    const key = await this.key();
    const state = randomBytes(32).toString('base64url');
    const { verifier, nonce } = derive(key, state);
    const now = this.now();
    await this.db.query('DELETE FROM sso_states WHERE expires_at < $1', [now]);
    await this.db.query('INSERT INTO sso_states (state_hash, org_id, code_verifier, nonce, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      hashToken(state), orgId, hashToken(verifier), hashToken(nonce), now, new Date(now.getTime() + STATE_MINUTES * 60_000),
    ]);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: SCOPE,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the URL the provider redirected the browser to. `browserState` is the state
   * the browser was given at start (a cookie): a callback carried into another browser is refused.
   */
  async callback(currentUrl: URL | string, opts: { browserState: string | null; ip: string | null }): Promise<{ sessionToken: string; session: SessionInfo }> {
    const { ip } = opts;
    // The token request must name exactly the registered redirect URI, whatever Host the request came in on.
    const url = new URL(this.redirectUri());
    url.search = new URL(currentUrl, url).search;
    const state = url.searchParams.get('state');
    const fail = async (orgId: number, code: SsoErrorCode, reason: string, message: string, actor = 'sso'): Promise<never> => {
      await this.audit(orgId, { actorUserId: null, actor, action: 'auth.sso_failed', after: { via: 'sso', reason }, ip });
      throw new SsoError(code, reason, message);
    };
    const restart = 'This sign-in link is not valid any more (used, expired or not started in this browser). Start again.';
    if (!state || state.length > 200) return fail(0, 'state', 'missing_state', restart);

    const [pending] = await this.db.query<{ orgId: number; verifierHash: string; nonceHash: string; expiresAt: Date }>(
      'DELETE FROM sso_states WHERE state_hash = $1 RETURNING org_id AS "orgId", code_verifier AS "verifierHash", nonce AS "nonceHash", expires_at AS "expiresAt"',
      [hashToken(state)],
    );
    if (!pending) return fail(0, 'state', 'unknown_state', restart);
    const orgId = pending.orgId;
    if (new Date(pending.expiresAt) <= this.now()) return fail(orgId, 'state', 'expired_state', restart);
    if (!opts.browserState || !sameSecret(opts.browserState, state)) return fail(orgId, 'state', 'browser_mismatch', restart);
    const { verifier, nonce } = derive(await this.key(), state);
    if (hashToken(verifier) !== pending.verifierHash || hashToken(nonce) !== pending.nonceHash) return fail(orgId, 'state', 'key_changed', restart);

    const conn = await this.connectionFor(orgId);
    if (!conn?.enabled) return fail(orgId, 'unavailable', 'not_configured', 'Single sign-on is not available for this organisation any more.');
    const config = await this.configuration(orgId, conn, ip);

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, url, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    } catch (err) {
      const reason =
        err instanceof oidc.AuthorizationResponseError ? `provider_refused:${safeCode(err.error)}`
        : err instanceof oidc.ResponseBodyError ? `token_error:${safeCode(err.error)}`
        : err instanceof oidc.WWWAuthenticateChallengeError ? `token_error:${safeCode(err.cause[0]?.parameters.error ?? err.status)}`
        : `token_exchange_failed:${safeCode((err as { code?: unknown }).code)}`;
      return fail(orgId, 'provider', reason, 'The identity provider did not confirm the sign-in.');
    }
    const claims = tokens.claims();
    if (!claims) return fail(orgId, 'provider', 'no_id_token', 'The identity provider did not confirm the sign-in.');

    // The e-mail address comes from the ID token, or else from the UserInfo endpoint (providers that keep
    // the ID token minimal in the code flow), always with the verification flag of the same source.
    let email: unknown = claims.email;
    let verified: unknown = claims.email_verified;
    if (typeof email !== 'string') {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = info.email;
        verified = info.email_verified;
      } catch (err) {
        return fail(orgId, 'provider', `userinfo_failed:${safeCode((err as { code?: unknown }).code)}`, 'The identity provider did not give an e-mail address.');
      }
    }
    if (typeof email !== 'string' || !email.includes('@') || email.length > 254) {
      return fail(orgId, 'email', 'no_email', 'The identity provider did not give an e-mail address.');
    }
    const key = emailKey(email);
    if (verified === false || verified === 'false') {
      return fail(orgId, 'email', 'email_unverified', 'The identity provider has not verified this e-mail address.', key);
    }

    const [member] = await this.tenant(orgId, (tx) =>
      tx.query<{ userId: number }>(
        'SELECT u.id AS "userId" FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND m.active AND u.email_key = $2',
        [orgId, key],
      ),
    );
    if (!member) {
      return fail(orgId, 'not_member', 'not_member', `${email} is not an active member of this organisation in Vigil. Ask an administrator for an invitation.`, key);
    }
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET last_sign_in_at = $2 WHERE id = $1', [member.userId, this.now()]);
      await appendAudit(tx, orgId, { actorUserId: member.userId, actor: key, action: 'auth.signed_in', entityType: 'user', entityId: member.userId, after: { via: 'sso', issuer: conn.issuer }, ip });
    });
    return this.access.openSession(member.userId, orgId, 'sso', ip);
  }

  // ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

  /** Discovery, with client authentication chosen from what the provider supports. */
  private async configuration(orgId: number, conn: StoredConnection, ip: string | null): Promise<oidc.Configuration> {
    const fail = async (reason: string): Promise<never> => {
      await this.audit(orgId, { actorUserId: null, actor: 'sso', action: 'auth.sso_failed', after: { via: 'sso', reason }, ip });
      throw new SsoError('provider', reason, 'The identity provider cannot be reached or is misconfigured. Ask your administrator.');
    };
    let secret: string;
    try {
      secret = decryptSecret(await this.key(), conn.secretEnc);
    } catch {
      return fail('secret_unreadable');
    }
    if (issuerProblem(conn.issuer)) return fail('issuer_not_allowed');
    const insecure = new URL(conn.issuer).protocol === 'http:';
    const timeout = this.opts.timeoutSeconds ?? 10;
    let discovered: oidc.Configuration;
    try {
      discovered = await oidc.discovery(new URL(conn.issuer), conn.clientId, secret, undefined, {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout,
      });
    } catch (err) {
      return fail(`discovery_failed:${safeCode((err as { code?: unknown }).code)}`);
    }
    const server = discovered.serverMetadata();
    // client_secret_basic is the OpenID default; use client_secret_post only when that is all the provider takes.
    const methods = server.token_endpoint_auth_methods_supported;
    const auth = !methods || methods.includes('client_secret_basic') ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret);
    const config = new oidc.Configuration(server, conn.clientId, secret, auth);
    config.timeout = timeout;
    if (insecure) oidc.allowInsecureRequests(config);
    return config;
  }

  private async connectionFor(orgId: number): Promise<StoredConnection | null> {
    if (!Number.isSafeInteger(orgId) || orgId <= 0) return null;
    return this.tenant(orgId, (tx) => this.stored(tx, orgId));
  }

  private async stored(tx: Db, orgId: number, lock = false): Promise<StoredConnection | null> {
    const [row] = await tx.query<StoredConnection>(
      `SELECT issuer, client_id AS "clientId", client_secret_enc AS "secretEnc", enabled, updated_at AS "updatedAt"
         FROM sso_connections WHERE org_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [orgId],
    );
    return row ?? null;
  }

  private view(s: StoredConnection): SsoConnection {
    return { issuer: s.issuer, clientId: s.clientId, hasSecret: true, enabled: s.enabled, redirectUri: this.redirectUri(), updatedAt: iso(s.updatedAt) };
  }

  private auditView(s: StoredConnection) {
    return { issuer: s.issuer, clientId: s.clientId, enabled: s.enabled };
  }

  private actorEvent(actor: Actor): Pick<AuditEvent, 'actorUserId' | 'actor' | 'ip'> {
    return { actorUserId: actor.userId, actor: actor.email, ip: actor.ip };
  }

  private async audit(orgId: number, event: AuditEvent): Promise<void> {
    await this.db.transaction((tx) => appendAudit(tx, orgId, event));
  }

  /** The key that seals client secrets: VIGIL_SECRET_KEY, or one generated once and kept in the database. */
  private key(): Promise<Buffer> {
    if (this.opts.key) return Promise.resolve(this.opts.key);
    this.keyPromise ??= this.installationKey().catch((err: unknown) => {
      this.keyPromise = null;
      throw err;
    });
    return this.keyPromise;
  }

  private async installationKey(): Promise<Buffer> {
    const read = async () => (await this.db.query<{ key: string | null }>('SELECT secret_key AS key FROM installation'))[0]?.key ?? null;
    let stored = await read();
    if (!stored) {
      // Several processes may start at once: the first write wins and everyone reads it back.
      await this.db.query('UPDATE installation SET secret_key = $1 WHERE secret_key IS NULL', [randomBytes(32).toString('base64')]);
      stored = await read();
    }
    if (!stored) throw new Error('the installation row is missing; run the migrations');
    return parseSecretKey(stored);
  }
}

/** The PKCE verifier and the nonce of a sign-in, derived from its state under the installation key. */
function derive(key: Buffer, state: string): { verifier: string; nonce: string } {
  const mac = (label: string) => createHmac('sha256', key).update(`vigil-sso-${label}\0${state}`).digest('base64url');
  return { verifier: mac('pkce'), nonce: mac('nonce') };
}
