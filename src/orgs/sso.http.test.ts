// Single sign-on end to end against a REAL OpenID provider (oidc-provider) on a loopback port. Vigil's app
// listens on another loopback port; a browser-like client (fetch, manual redirects, a cookie jar per host)
// goes start → provider → login and consent (finished programmatically by this test's interaction route)
// → Vigil's callback → session cookie. Nothing of openid-client or of Vigil is mocked.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { addMember, type Browser, ORG, setupAdmin } from '../../test/http.ts';
import { buildApp } from '../http/app.ts';

const CLIENT_ID = 'vigil-test-client';
const CLIENT_SECRET = `idp-secret-${randomBytes(12).toString('hex')}`;
const MEMBER = 'maria.member@a.example';
const DEACTIVATED = 'dora.deactivated@a.example';
const UNVERIFIED = 'ulla.unverified@a.example';
const STRANGER = 'sam.stranger@elsewhere.example';

/** The provider's accounts: sub → claims. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  'sub-maria': { email: MEMBER, email_verified: true },
  'sub-dora': { email: DEACTIVATED, email_verified: true },
  'sub-ulla': { email: UNVERIFIED, email_verified: false },
  'sub-sam': { email: STRANGER, email_verified: true },
  'sub-bea': { email: 'bea.beta@b.example', email_verified: true },
};

// ── A real OpenID provider ─────────────────────────────────────────────────────────────────────────────

/** oidc-provider ships without types: the little of it this test uses. */
interface Interaction {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: unknown, opts?: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
  on(event: string, fn: (...args: unknown[]) => void): void;
}

/** Stateful provider data in a Map (instead of its development adapter, which warns on every start). */
function mapAdapter() {
  const store = new Map<string, { payload: Record<string, unknown>; exp: number }>();
  const live = (key: string) => {
    const hit = store.get(key);
    if (!hit) return undefined;
    if (hit.exp && hit.exp < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return hit.payload;
  };
  return class MapAdapter {
    constructor(readonly name: string) {}
    key(id: string) {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      store.set(this.key(id), { payload, exp: expiresIn ? Date.now() + expiresIn * 1000 : 0 });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [k] of store) if (k.startsWith(`${this.name}:`) && live(k)?.uid === uid) return live(k);
      return undefined;
    }
    async findByUserCode(code: string) {
      for (const [k] of store) if (k.startsWith(`${this.name}:`) && live(k)?.userCode === code) return live(k);
      return undefined;
    }
    async consume(id: string) {
      const p = live(this.key(id));
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, v] of store) if (v.payload.grantId === grantId) store.delete(k);
    }
  };
}

interface Idp {
  issuer: string;
  /** Which account the next login at the provider signs in as. */
  loginAs: string;
  /** Requests to the UserInfo endpoint. */
  userinfoCalls: number;
  close(): Promise<void>;
}

/**
 * `idTokenClaims`: put the e-mail claims in the ID token itself (oidc-provider's default, like many
 * providers, keeps the code flow's ID token minimal and serves them from UserInfo).
 */
async function startIdp(redirectUri: string, opts: { idTokenClaims?: boolean } = {}): Promise<Idp> {
  // The package has no type declarations; a non-literal specifier keeps strict TypeScript content.
  const moduleName: string = 'oidc-provider';
  const { default: ProviderClass } = (await import(moduleName)) as { default: new (issuer: string, config: unknown) => Provider };
  let provider: Provider | null = null;
  const idp: Idp = { issuer: '', loginAs: 'sub-maria', userinfoCalls: 0, close: async () => {} };

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!provider) throw new Error('provider not ready');
      if (req.url?.startsWith('/interaction/')) return finishInteraction(provider, idp, req, res);
      if (req.url?.startsWith('/me')) idp.userinfoCalls += 1;
      return provider.callback()(req, res);
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  idp.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new ProviderClass(idp.issuer, {
    adapter: mapAdapter(),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    conformIdTokenClaims: !opts.idTokenClaims,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, sub: string) {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
  });
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));
  idp.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return idp;
}

/** This test's login and consent "pages": they sign in `idp.loginAs` and grant what the client asked for. */
async function finishInteraction(provider: Provider, idp: Idp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: idp.loginAs } }, { mergeWithLastSubmission: false });
  }
  assert.equal(details.prompt.name, 'consent');
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

// ── A browser: fetch with manual redirects and a cookie jar per host ───────────────────────────────────

/** Every response body seen by any client in this file, to prove the client secret never leaves Vigil. */
const seen: string[] = [];

class WebBrowser {
  readonly jars = new Map<string, Map<string, { value: string; path: string }>>();

  constructor(private readonly vigil: string) {}

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name)?.value;
  }

  setCookie(host: string, name: string, value: string, path = '/'): void {
    if (!this.jars.has(host)) this.jars.set(host, new Map());
    this.jars.get(host)!.set(name, { value, path });
  }

  async get(url: string): Promise<Response> {
    const u = new URL(url);
    const jar = this.jars.get(u.host) ?? new Map();
    const cookie = [...jar].filter(([, c]) => u.pathname.startsWith(c.path)).map(([n, c]) => `${n}=${c.value}`).join('; ');
    const res = await fetch(u, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of res.headers.getSetCookie()) this.store(u, line);
    seen.push(`${res.headers.get('location') ?? ''}\n${await res.clone().text()}`);
    return res;
  }

  /**
   * Follows redirects from `url` until the browser lands on a page of Vigil's web app (`/` or `/sign-in…`),
   * which this API-only server does not serve. Returns that location and every URL on the way.
   */
  async navigate(url: string, stopBefore?: (next: URL) => boolean): Promise<{ landed: URL; trail: URL[] }> {
    const trail: URL[] = [];
    let next = new URL(url);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopBefore?.(next)) return { landed: next, trail };
      trail.push(next);
      const res = await this.get(next.href);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        throw new Error(`stopped at ${next.href} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
      }
      next = new URL(location, next);
      if (next.origin === this.vigil && !next.pathname.startsWith('/api/')) return { landed: next, trail };
    }
    throw new Error('too many redirects');
  }

  private store(u: URL, line: string): void {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=').slice(1).join('=');
    const path = attr('path') ?? '/';
    const maxAge = attr('max-age');
    const expires = attr('expires');
    const gone = value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && new Date(expires).getTime() < Date.now());
    if (gone) this.jars.get(u.host)?.delete(name);
    else this.setCookie(u.host, name, value, path);
  }
}

// ── The world: Vigil with an organisation, its members, and the provider ──────────────────────────────

let t: TestDb;
let app: FastifyInstance;
let vigil: string;
let idp: Idp;
let admin: Browser;
let orgId: number;
const host = () => new URL(vigil).host;

/** A full sign-in as `sub` in a fresh browser; returns where it landed and the browser. */
async function ssoSignIn(sub: string, org = orgId) {
  idp.loginAs = sub;
  const browser = new WebBrowser(vigil);
  const { landed, trail } = await browser.navigate(`${vigil}/api/v1/auth/sso/start?org=${org}`);
  return { browser, landed, trail, session: browser.cookie(host(), 'vigil_session') };
}

/** Runs a sign-in up to the moment the provider sends the browser back to Vigil's callback. */
async function untilCallback(sub: string) {
  idp.loginAs = sub;
  const browser = new WebBrowser(vigil);
  const { landed } = await browser.navigate(`${vigil}/api/v1/auth/sso/start?org=${orgId}`, (next) => next.origin === vigil && next.pathname === '/api/v1/auth/sso/callback');
  return { browser, callback: landed };
}

async function auditOf(org: number, action: string) {
  return t.db.query<{ actor: string; after: Record<string, unknown> | null; actor_user_id: number | null }>(
    'SELECT actor, after, actor_user_id FROM audit_log WHERE org_id = $1 AND action = $2 ORDER BY seq',
    [org, action],
  );
}

async function record<T extends { text: string }>(r: Promise<T>): Promise<T> {
  const res = await r;
  seen.push(res.text);
  return res;
}

describe('single sign-on with OpenID Connect', () => {
  before(async () => {
    t = await freshDatabase();
    app = await buildApp(t.services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    vigil = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    t.services.access.setBaseUrl(vigil);
    idp = await startIdp(`${vigil}/api/v1/auth/sso/callback`);

    const setup = await t.services.access.issueSetupToken();
    ({ admin } = await setupAdmin(app, setup!, 'ada@a.example', 'Organisation A'));
    orgId = (await admin.get('/api/v1/session')).body.organisation.id;
    await addMember(app, admin, MEMBER, 'analyst', 'Maria Member');
    await addMember(app, admin, UNVERIFIED, 'viewer', 'Ulla Unverified');
    const { session: dora } = await addMember(app, admin, DEACTIVATED, 'viewer', 'Dora Deactivated');
    assert.equal((await admin.patch(`/api/v1/members/${dora.user.id}`, { active: false })).status, 200);
  });

  after(async () => {
    await app?.close();
    await idp?.close();
    await t?.close();
  });

  test('an administrator configures the connection; the secret is stored encrypted and never returned', async () => {
    const empty = await record(admin.get('/api/v1/organisation/sso'));
    assert.equal(empty.status, 200);
    assert.equal(empty.body.connection, null);
    assert.equal(empty.body.redirectUri, `${vigil}/api/v1/auth/sso/callback`);

    const noSecret = await record(admin.put('/api/v1/organisation/sso', { issuer: idp.issuer, clientId: CLIENT_ID, enabled: true }));
    assert.equal(noSecret.status, 400, 'a new connection needs its secret');
    const plainHttp = await record(admin.put('/api/v1/organisation/sso', { issuer: 'http://idp.example.org', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true }));
    assert.equal(plainHttp.status, 400, 'plain http only on loopback');
    assert.match(plainHttp.body.detail, /https/);

    const put = await record(admin.put('/api/v1/organisation/sso', { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true }));
    assert.equal(put.status, 200, put.text);
    assert.deepEqual({ ...put.body, updatedAt: undefined }, { issuer: idp.issuer, clientId: CLIENT_ID, hasSecret: true, enabled: true, redirectUri: `${vigil}/api/v1/auth/sso/callback`, updatedAt: undefined });

    const got = await record(admin.get('/api/v1/organisation/sso'));
    assert.equal(got.body.connection.hasSecret, true);
    assert.equal(got.body.connection.clientSecret, undefined);

    const [row] = await t.db.query<{ client_secret_enc: string }>('SELECT client_secret_enc FROM sso_connections WHERE org_id = $1', [orgId]);
    assert.ok(row, 'stored');
    assert.ok(!row.client_secret_enc.includes(CLIENT_SECRET), 'not the plain secret');
    assert.match(row.client_secret_enc, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/, 'sealed with AES-GCM (iv, tag, body)');
    const [inst] = await t.db.query<{ secret_key: string | null }>('SELECT secret_key FROM installation');
    assert.equal(Buffer.from(inst!.secret_key!, 'base64').length, 32, 'a key was generated once and kept');

    const configured = await auditOf(orgId, 'sso.configured');
    assert.equal(configured.length, 1);
    assert.deepEqual(configured[0]!.after, { issuer: idp.issuer, clientId: CLIENT_ID, enabled: true, secretChanged: true });

    const providers = await record(admin.get('/api/v1/auth/sso/providers'));
    assert.deepEqual(providers.body.providers, [{ id: orgId, name: 'Organisation A' }]);
  });

  test('only administrators may see or change the connection', async () => {
    const { member: viewer } = await addMember(app, admin, 'vic.viewer@a.example', 'viewer', 'Vic Viewer');
    assert.equal((await record(viewer.get('/api/v1/organisation/sso'))).status, 403);
    assert.equal((await record(viewer.put('/api/v1/organisation/sso', { issuer: 'https://evil.example', clientId: 'x', clientSecret: 'y', enabled: true }))).status, 403);
    assert.equal((await record(viewer.delete('/api/v1/organisation/sso'))).status, 403);
  });

  test('a member signs in through the provider: start → provider → interaction → callback → session', async () => {
    const { landed, trail, session, browser } = await ssoSignIn('sub-maria');
    assert.equal(landed.href, `${vigil}/`, `landed on ${landed.href}`);
    assert.ok(session, 'session cookie set');
    // The way there really went through the provider and back.
    const auth = trail.find((u) => u.origin === idp.issuer && u.pathname === '/auth');
    assert.ok(auth, 'went to the authorisation endpoint');
    assert.equal(auth.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(auth.searchParams.get('code_challenge') && auth.searchParams.get('state') && auth.searchParams.get('nonce'));
    assert.equal(auth.searchParams.get('redirect_uri'), `${vigil}/api/v1/auth/sso/callback`);
    assert.ok(trail.some((u) => u.pathname.startsWith('/interaction/')), 'passed the interaction');
    assert.ok(trail.some((u) => u.origin === vigil && u.pathname === '/api/v1/auth/sso/callback' && u.searchParams.get('code')), 'came back with a code');
    assert.equal(browser.cookie(host(), 'vigil_sso_state'), undefined, 'the state cookie is cleared');

    const me = await browser.get(`${vigil}/api/v1/session`);
    assert.equal(me.status, 200);
    const info = (await me.json()) as { user: { email: string }; organisation: { id: number; role: string } };
    assert.equal(info.user.email, MEMBER);
    assert.equal(info.organisation.id, orgId);
    assert.equal(info.organisation.role, 'analyst');

    const [stored] = await t.db.query<{ via: string }>('SELECT s.via FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email_key = $1 ORDER BY s.created_at DESC LIMIT 1', [MEMBER]);
    assert.equal(stored!.via, 'sso');
    const trailApi = await record(admin.get('/api/v1/audit?action=auth.signed_in'));
    const entry = trailApi.body.entries.find((e: { actor: string }) => e.actor === MEMBER);
    assert.ok(entry, 'auth.signed_in audited');
    assert.equal(entry.after.via, 'sso');
    assert.equal(entry.after.issuer, idp.issuer);
  });

  test('an e-mail address that is not a member is refused: no session, auth.sso_failed audited', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions'))[0]!.n;
    const { landed, session } = await ssoSignIn('sub-sam');
    assert.equal(landed.pathname, '/sign-in');
    assert.equal(landed.searchParams.get('sso_error'), 'not_member');
    assert.equal(session, undefined);
    assert.equal((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions'))[0]!.n, before, 'no session opened');
    assert.equal((await t.db.query('SELECT 1 FROM users WHERE email_key = $1', [STRANGER])).length, 0, 'no account provisioned');
    const failed = await auditOf(orgId, 'auth.sso_failed');
    assert.ok(failed.some((f) => f.actor === STRANGER && f.after?.reason === 'not_member'), JSON.stringify(failed));
  });

  test('a deactivated member and an unverified e-mail address are refused', async () => {
    const dora = await ssoSignIn('sub-dora');
    assert.equal(dora.landed.searchParams.get('sso_error'), 'not_member');
    assert.equal(dora.session, undefined);
    const ulla = await ssoSignIn('sub-ulla');
    assert.equal(ulla.landed.searchParams.get('sso_error'), 'email');
    assert.equal(ulla.session, undefined);
    const failed = await auditOf(orgId, 'auth.sso_failed');
    assert.ok(failed.some((f) => f.actor === DEACTIVATED && f.after?.reason === 'not_member'));
    assert.ok(failed.some((f) => f.actor === UNVERIFIED && f.after?.reason === 'email_unverified'));
  });

  test('a replayed callback is refused: the state works once', async () => {
    const { browser, callback } = await untilCallback('sub-maria');
    const state = browser.cookie(host(), 'vigil_sso_state')!;
    assert.equal(state, callback.searchParams.get('state'));
    const first = await browser.get(callback.href);
    assert.equal(first.headers.get('location'), '/');
    // Again, even with the state cookie put back: the pending sign-in was consumed.
    browser.jars.get(host())!.delete('vigil_session');
    browser.setCookie(host(), 'vigil_sso_state', state, '/api/v1/auth/sso/callback');
    const replay = await browser.get(callback.href);
    assert.equal(replay.status, 302);
    assert.equal(replay.headers.get('location'), '/sign-in?sso_error=state');
    assert.equal(browser.cookie(host(), 'vigil_session'), undefined);
    const unknown = await auditOf(0, 'auth.sso_failed');
    assert.ok(unknown.some((f) => f.after?.reason === 'unknown_state'));
  });

  test('a forged state, a state from another browser and an expired state are refused', async () => {
    // Forged: the provider's code with a state Vigil never issued.
    const forged = await untilCallback('sub-maria');
    const bad = new URL(forged.callback);
    bad.searchParams.set('state', randomBytes(32).toString('base64url'));
    forged.browser.setCookie(host(), 'vigil_sso_state', bad.searchParams.get('state')!, '/api/v1/auth/sso/callback');
    const r1 = await forged.browser.get(bad.href);
    assert.equal(r1.headers.get('location'), '/sign-in?sso_error=state');
    assert.equal(forged.browser.cookie(host(), 'vigil_session'), undefined);

    // Carried into another browser (login CSRF): the state is genuine but not this browser's.
    const carried = await untilCallback('sub-maria');
    const victim = new WebBrowser(vigil);
    const r2 = await victim.get(carried.callback.href);
    assert.equal(r2.headers.get('location'), '/sign-in?sso_error=state');
    assert.equal(victim.cookie(host(), 'vigil_session'), undefined);

    // Expired: ten minutes passed between start and callback.
    const late = await untilCallback('sub-maria');
    await t.db.query("UPDATE sso_states SET expires_at = now() - interval '1 second'");
    const r3 = await late.browser.get(late.callback.href);
    assert.equal(r3.headers.get('location'), '/sign-in?sso_error=state');

    const reasons = (await auditOf(orgId, 'auth.sso_failed')).map((f) => f.after?.reason);
    assert.ok(reasons.includes('browser_mismatch'), String(reasons));
    assert.ok(reasons.includes('expired_state'), String(reasons));
    assert.ok((await auditOf(0, 'auth.sso_failed')).some((f) => f.after?.reason === 'unknown_state'));
    // No callback above left a pending sign-in behind.
    assert.equal((await t.db.query('SELECT 1 FROM sso_states WHERE expires_at > now()')).length, 0);
  });

  test('an organisation without SSO, or with it switched off, offers none; an update keeps the secret', async () => {
    const other = await ssoSignIn('sub-maria', 999_999);
    assert.equal(other.landed.searchParams.get('sso_error'), 'unavailable');

    const off = await record(admin.put('/api/v1/organisation/sso', { issuer: idp.issuer, clientId: CLIENT_ID, enabled: false }));
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.hasSecret, true);
    assert.deepEqual((await record(admin.get('/api/v1/auth/sso/providers'))).body.providers, []);
    assert.equal((await ssoSignIn('sub-maria')).landed.searchParams.get('sso_error'), 'unavailable');
    const updated = await auditOf(orgId, 'sso.updated');
    assert.deepEqual(updated.at(-1)!.after, { issuer: idp.issuer, clientId: CLIENT_ID, enabled: false, secretChanged: false });

    // Back on, without sending the secret again: the stored one still works.
    assert.equal((await record(admin.put('/api/v1/organisation/sso', { issuer: idp.issuer, clientId: CLIENT_ID, enabled: true }))).status, 200);
    const again = await ssoSignIn('sub-maria');
    assert.equal(again.landed.href, `${vigil}/`);
    assert.ok(again.session);
  });

  test('a wrong client secret fails at the provider, and removing the connection ends SSO', async () => {
    assert.equal((await record(admin.put('/api/v1/organisation/sso', { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: 'not-the-secret', enabled: true }))).status, 200);
    const wrong = await ssoSignIn('sub-maria');
    assert.equal(wrong.landed.searchParams.get('sso_error'), 'provider');
    assert.equal(wrong.session, undefined);
    const reasons = (await auditOf(orgId, 'auth.sso_failed')).map((f) => String(f.after?.reason));
    assert.ok(reasons.some((r) => r.startsWith('token_error:invalid_client')), reasons.join(', '));

    assert.equal((await record(admin.delete('/api/v1/organisation/sso'))).status, 204);
    assert.equal((await record(admin.get('/api/v1/organisation/sso'))).body.connection, null);
    assert.equal((await record(admin.delete('/api/v1/organisation/sso'))).status, 404);
    assert.equal((await auditOf(orgId, 'sso.deleted')).length, 1);
    assert.equal((await ssoSignIn('sub-maria')).landed.searchParams.get('sso_error'), 'unavailable');
  });

  test('a provider that puts the e-mail address in the ID token itself works too', async () => {
    const idp2 = await startIdp(`${vigil}/api/v1/auth/sso/callback`, { idTokenClaims: true });
    try {
      const created = await record(admin.post('/api/v1/organisations', { ...ORG('Organisation B') }));
      assert.equal(created.status, 201, created.text);
      const orgB = created.body.organisation.id as number;
      await addMember(app, admin, 'bea.beta@b.example', 'auditor', 'Bea Beta');
      const put = await record(admin.put('/api/v1/organisation/sso', { issuer: idp2.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true }));
      assert.equal(put.status, 200, put.text);
      idp2.loginAs = 'sub-bea';
      const browser = new WebBrowser(vigil);
      const { landed } = await browser.navigate(`${vigil}/api/v1/auth/sso/start?org=${orgB}`);
      assert.equal(landed.href, `${vigil}/`);
      const me = (await (await browser.get(`${vigil}/api/v1/session`)).json()) as { user: { email: string }; organisation: { id: number } };
      assert.equal(me.user.email, 'bea.beta@b.example');
      assert.equal(me.organisation.id, orgB);
      assert.equal(idp2.userinfoCalls, 0, 'the ID token sufficed');
      assert.ok(idp.userinfoCalls > 0, 'the first provider was asked through UserInfo');
    } finally {
      await record(admin.put('/api/v1/session/organisation', { orgId }));
      await idp2.close();
    }
  });

  test('the client secret appears in no response and in no audit entry', async () => {
    const all = await record(admin.get('/api/v1/audit?limit=500'));
    assert.ok(all.body.entries.length > 10);
    const audit = await t.db.query<{ row: string }>('SELECT row_to_json(a)::text AS row FROM audit_log a');
    for (const text of [...seen, ...audit.map((a) => a.row)]) {
      assert.ok(!text.includes(CLIENT_SECRET), `secret leaked: ${text.slice(0, 200)}`);
    }
    assert.ok(seen.length > 50, `${seen.length} responses checked`);
  });
});
