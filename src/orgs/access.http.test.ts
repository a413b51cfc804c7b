import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { addMember, Browser, setupAdmin, STRONG_PASSWORD } from '../../test/http.ts';
import { buildApp } from '../http/app.ts';

let t: TestDb;
let app: FastifyInstance;
let logs = '';
let admin: Browser;
let adminId: number;
const setupToken: { value: string } = { value: '' };

before(async () => {
  t = await freshDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  app = await buildApp(t.services, { logger: { level: 'debug' }, logStream: stream });
  setupToken.value = (await t.services.access.issueSetupToken())!;
  const first = await setupAdmin(app, setupToken.value, 'ada@example.org', 'Ministry of Example');
  admin = first.admin;
  adminId = first.session.user.id;
});
after(async () => {
  await app.close();
  await t.close();
});

const outbox = () => t.services.access['opts'].mailer.sent!;

describe('first run', () => {
  test('the setup link works once, and no default account exists', async () => {
    const again = await new Browser(app).post('/api/v1/setup', {
      token: setupToken.value, email: 'eve@example.org', name: 'Eve', password: STRONG_PASSWORD,
      organisation: { name: 'Eve Org', kind: 'company' },
    });
    assert.equal(again.status, 400);
    assert.match(again.body.detail, /already used/);
    assert.equal((await new Browser(app).get('/api/v1/setup')).body.pending, false);
    assert.equal(await t.services.access.issueSetupToken(), null, 'no new setup link once an administrator exists');
    const users = await t.db.query('SELECT 1 FROM users');
    assert.equal(users.length, 1);
  });
});

describe('sign-in', () => {
  test('wrong password and unknown address get the same answer; both lock out after 5 failures', async () => {
    const known = new Browser(app);
    const unknown = new Browser(app);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await known.post('/api/v1/session', { email: 'ada@example.org', password: `wrong password ${i}` });
      const b = await unknown.post('/api/v1/session', { email: 'nobody@example.org', password: `wrong password ${i}` });
      assert.deepEqual([a.status, b.status], [401, 401]);
      answers.push(a.body.detail, b.body.detail);
    }
    assert.equal(new Set(answers).size, 1, 'one message whether or not the account exists');
    const lockedKnown = await known.post('/api/v1/session', { email: 'ada@example.org', password: STRONG_PASSWORD });
    const lockedUnknown = await unknown.post('/api/v1/session', { email: 'nobody@example.org', password: STRONG_PASSWORD });
    assert.deepEqual([lockedKnown.status, lockedUnknown.status], [429, 429]);
    assert.equal(lockedKnown.body.detail, lockedUnknown.body.detail);
    assert.ok(Number(lockedKnown.headers['retry-after']) > 0);
    // The lock ends; then the right password works again.
    await t.db.query("UPDATE auth_throttle SET locked_until = now() - interval '1 second'");
    assert.equal((await known.post('/api/v1/session', { email: 'ADA@example.org', password: STRONG_PASSWORD })).status, 201);
  });

  test('cookie-authenticated changes need the CSRF token; API tokens do not', async () => {
    const noCsrf = await admin.call('POST', '/api/v1/invitations', { email: 'x@example.org', role: 'viewer' }, { 'x-csrf-token': 'forged' });
    assert.equal(noCsrf.status, 403);
    assert.match(noCsrf.body.detail, /CSRF/);
    const token = await admin.post('/api/v1/tokens', { name: 'ci', expiresInDays: 7 });
    assert.equal(token.status, 201);
    const machine = new Browser(app, token.body.token);
    assert.equal((await machine.get('/api/v1/members')).status, 200);
    assert.equal((await machine.post('/api/v1/invitations', { email: 'y@example.org', role: 'viewer' })).status, 201);
    assert.equal((await machine.post('/api/v1/tokens', { name: 'nested', expiresInDays: 1 })).status, 403, 'a token cannot mint tokens');
    assert.equal((await admin.delete(`/api/v1/tokens/${token.body.info.id}`)).status, 204);
    const revoked = await machine.get('/api/v1/members');
    assert.equal(revoked.status, 401);
    const [stored] = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [token.body.info.id]);
    assert.notEqual(stored!.token_hash, token.body.token, 'tokens are stored hashed');
  });
});

describe('roles', () => {
  test('each role sees only what it is allowed; an administrator can change it', async () => {
    const { member, session } = await addMember(app, admin, 'val@example.org', 'viewer', 'Val Viewer');
    assert.deepEqual(session.organisation.permissions, ['organisation.read', 'suppliers.read']);
    assert.equal((await member.get('/api/v1/organisation')).status, 200);
    for (const url of ['/api/v1/members', '/api/v1/tokens', '/api/v1/audit', '/api/v1/invitations']) {
      assert.equal((await member.get(url)).status, 403, url);
    }
    assert.equal((await member.put('/api/v1/organisation', { name: 'Hijacked', kind: 'company' })).status, 403);
    const userId = session.user.id;
    assert.equal((await admin.patch(`/api/v1/members/${userId}`, { role: 'analyst' })).status, 200);
    assert.equal((await member.get('/api/v1/members')).status, 200);
    assert.equal((await member.post('/api/v1/tokens', { name: 'mine', expiresInDays: 1 })).status, 201);
    assert.equal((await admin.patch(`/api/v1/members/${userId}`, { active: false })).status, 200);
    assert.equal((await member.get('/api/v1/members')).status, 401, 'a deactivated member is out at once');
    assert.equal((await new Browser(app).post('/api/v1/session', { email: 'val@example.org', password: STRONG_PASSWORD })).status, 401);
    const self = await admin.patch(`/api/v1/members/${adminId}`, { active: false });
    assert.equal(self.status, 400, 'an administrator cannot lock themselves out');
  });

  test('an invitation works once and not after it is revoked', async () => {
    const inv = await admin.post('/api/v1/invitations', { email: 'once@example.org', role: 'auditor' });
    const token = inv.body.link.split('#')[1];
    assert.ok(outbox().some((m) => m.to === 'once@example.org' && m.text.includes(token)), 'the invitation is mailed');
    const preview = await new Browser(app).post('/api/v1/invitation/preview', { token });
    assert.deepEqual([preview.body.organisation, preview.body.role, preview.body.accountExists], ['Ministry of Example', 'auditor', false]);
    assert.equal((await new Browser(app).post('/api/v1/invitation/accept', { token, name: 'Once', password: STRONG_PASSWORD })).status, 201);
    assert.equal((await new Browser(app).post('/api/v1/invitation/accept', { token, name: 'Twice', password: STRONG_PASSWORD })).status, 404);
    const inv2 = await admin.post('/api/v1/invitations', { email: 'never@example.org', role: 'viewer' });
    assert.equal((await admin.delete(`/api/v1/invitations/${inv2.body.invitation.id}`)).status, 204);
    assert.equal((await new Browser(app).post('/api/v1/invitation/accept', { token: inv2.body.link.split('#')[1], name: 'N', password: STRONG_PASSWORD })).status, 404);
  });
});

describe('password reset', () => {
  test('a single-use, expiring link; the same answer for unknown addresses; old sessions end', async () => {
    const { member } = await addMember(app, admin, 'pat@example.org', 'analyst', 'Pat');
    const before = outbox().length;
    assert.equal((await new Browser(app).post('/api/v1/password-reset', { email: 'nobody@example.org' })).status, 202);
    assert.equal(outbox().length, before, 'nothing is sent for an unknown address');
    assert.equal((await new Browser(app).post('/api/v1/password-reset', { email: 'pat@example.org' })).status, 202);
    const mail = outbox().at(-1)!;
    const token = mail.text.match(/reset-password#(\S+)/)![1]!;
    const newPassword = 'a different long passphrase';
    assert.equal((await new Browser(app).post('/api/v1/password-reset/complete', { token, password: 'short' })).status, 400);
    assert.equal((await new Browser(app).post('/api/v1/password-reset/complete', { token, password: newPassword })).status, 204);
    assert.equal((await new Browser(app).post('/api/v1/password-reset/complete', { token, password: newPassword })).status, 404, 'single use');
    assert.equal((await member.get('/api/v1/session')).status, 401, 'sessions opened with the old password end');
    assert.equal((await new Browser(app).post('/api/v1/session', { email: 'pat@example.org', password: STRONG_PASSWORD })).status, 401);
    assert.equal((await new Browser(app).post('/api/v1/session', { email: 'pat@example.org', password: newPassword })).status, 201);
    await new Browser(app).post('/api/v1/password-reset', { email: 'pat@example.org' });
    const late = outbox().at(-1)!.text.match(/reset-password#(\S+)/)![1]!;
    await t.db.query("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
    assert.equal((await new Browser(app).post('/api/v1/password-reset/complete', { token: late, password: 'yet another long passphrase' })).status, 404, 'expired');
  });
});

describe('audit trail and logs', () => {
  test('changes and security events are recorded with who, what, before and after', async () => {
    const { body } = await admin.get('/api/v1/audit?limit=1000');
    const actions = new Set(body.entries.map((e: { action: string }) => e.action));
    for (const a of ['organisation.created', 'member.added', 'auth.signed_in', 'auth.sign_in_failed', 'member.role_changed', 'member.deactivated', 'token.created', 'token.revoked', 'invitation.created', 'invitation.accepted', 'invitation.revoked', 'auth.password_reset']) {
      assert.ok(actions.has(a), `missing ${a}`);
    }
    const change = body.entries.find((e: { action: string }) => e.action === 'member.role_changed');
    assert.deepEqual([change.before.role, change.after.role], ['viewer', 'analyst']);
    const csv = await admin.get('/api/v1/audit.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    assert.match(csv.text.split('\n')[0]!, /^seq,at,actor/);
    const afterExport = await admin.get('/api/v1/audit?action=audit.exported');
    assert.equal(afterExport.body.entries.length, 1, 'the export itself is recorded');
  });

  test('no password, token, session id or CSRF token appears in the logs', async () => {
    assert.ok(logs.length > 1000, 'the flows above were logged');
    const [secrets] = await Promise.all([
      t.db.query<{ s: string }>('SELECT csrf_token AS s FROM sessions'),
    ]);
    const forbidden = [STRONG_PASSWORD, 'a different long passphrase', 'wrong password', setupToken.value, 'vss_', 'vgt_', 'vgi_', 'vgr_', 'csrf_', ...secrets.map((r) => r.s)];
    for (const f of forbidden) assert.ok(!logs.includes(f), `the log contains ${f.slice(0, 8)}…`);
    assert.match(logs, /"path":"\/api\/v1\/session"/, 'requests are logged, by path');
  });
});
