// Organisation isolation over EVERY API route. A member of organisation A — its administrator, by session
// and by API token — calls each registered route with the ids of organisation B's resources (real ones)
// and with guessed ids, and plausible bodies built from each route's own schema. Nothing of B may be read,
// listed, changed or named in an error. The route list comes from the app itself, so new routes are
// covered without editing this test. It runs twice: with row-level security (the normal configuration)
// and without it, to prove that the service layer isolates on its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, type RegisteredRoute } from '../src/http/app.ts';
import { hashPassword } from '../src/orgs/passwords.ts';
import { freshDatabase, type TestDb } from './db.ts';
import { addMember, Browser, ORG, setupAdmin, STRONG_PASSWORD } from './http.ts';

const MARK = 'ORGBSECRET';

interface World {
  t: TestDb;
  app: FastifyInstance;
  a: Browser;
  aToken: Browser;
  orgA: number;
  orgB: number;
  /** Every id of B's resources, and strings that must never reach A. */
  bIds: number[];
  secrets: string[];
}

async function buildWorld(rowLevelSecurity: boolean): Promise<World> {
  const t = await freshDatabase({ reference: true, tenant: { rowLevelSecurity } });
  const app = await buildApp(t.services);
  const { access } = t.services;

  // Organisation B, with an administrator, members, an invitation, a token and audit entries.
  const [bUser] = await t.db.query<{ id: number }>(
    "INSERT INTO users (email, email_key, name, password_hash) VALUES ('boss@orgb.example', 'boss@orgb.example', $1, $2) RETURNING id",
    [`${MARK} Boss`, await hashPassword(STRONG_PASSWORD)],
  );
  const orgB = await access.createOrganisation({ userId: bUser!.id, email: 'boss@orgb.example', ip: null }, { ...ORG(`${MARK} Ministry`), country: 'FR' });
  const b = new Browser(app);
  assert.equal((await b.post('/api/v1/session', { email: 'boss@orgb.example', password: STRONG_PASSWORD })).status, 201);
  const { member: bMember } = await addMember(app, b, `${MARK.toLowerCase()}-member@orgb.example`, 'analyst', `${MARK} Member`);
  const inv = await b.post('/api/v1/invitations', { email: `${MARK.toLowerCase()}-invitee@orgb.example`, role: 'auditor' });
  const tok = await bMember.post('/api/v1/tokens', { name: `${MARK} token`, expiresInDays: 30 });
  assert.equal(tok.status, 201);
  // B's suppliers: an import (with a rejected row), a saved mapping and an upload not yet imported.
  const files = mkdtempSync(join(tmpdir(), 'vigil-isolation-'));
  const spend = join(files, `${MARK}.csv`);
  writeFileSync(spend, `Vendor Name,Vendor No,Country,Description,Amount\n${MARK} Textiles,${MARK}-V1,China,Cotton T-shirts,100\n${MARK} Cocoa,${MARK}-V2,Ghana,Cocoa beans,50\n,${MARK}-V3,China,Gloves,1\n`);
  const bWho = { orgId: orgB, userId: bUser!.id, label: 'boss@orgb.example', ip: null };
  const mapping = { supplier: 'Vendor Name', supplier_ref: 'Vendor No', country: 'Country', description: 'Description', spend: 'Amount' };
  assert.equal((await t.services.suppliers.importFile(bWho, spend, mapping)).status, 'committed');
  await t.services.suppliers.saveMapping(bWho, `${MARK} mapping`, mapping);
  const upload = await b.call('POST', '/api/v1/uploads', Buffer.from(`Vendor Name\n${MARK} Pending\n`), { 'content-type': 'text/csv', 'x-file-name': `${MARK}.csv` });
  assert.equal(upload.status, 201);
  // B's own watchlist, with a version.
  const list = await t.services.watchlists.createList(bWho, { slug: `${MARK.toLowerCase()}-list`, name: `${MARK} list`, publisher: MARK, sourceUrl: null, licence: null, signal: 'soft', basis: `${MARK} basis`, threshold: 0.9 });
  writeFileSync(join(files, 'list.csv'), `Name\n${MARK} Listed Co\n`);
  await t.services.watchlists.importFile(bWho, list.id, { path: join(files, 'list.csv'), fileName: `${MARK}-list.csv`, format: 'table', mapping: { name: 'Name' } });
  rmSync(files, { recursive: true, force: true });

  // Organisation A, set up through the first-run link; its administrator is the prober.
  const setup = await access.issueSetupToken();
  const { admin: a, session } = await setupAdmin(app, setup!, 'ada@orga.example', 'Organisation A');
  await addMember(app, a, 'alan@orga.example', 'viewer');
  const aTok = await a.post('/api/v1/tokens', { name: 'prober', expiresInDays: 1 });
  const ids = await t.db.query<{ id: number }>(
    `SELECT user_id AS id FROM memberships WHERE org_id = $1 UNION SELECT id FROM invitations WHERE org_id = $1
     UNION SELECT id FROM api_tokens WHERE org_id = $1 UNION SELECT seq FROM audit_log WHERE org_id = $1 UNION SELECT $1
     UNION SELECT id FROM suppliers WHERE org_id = $1 UNION SELECT id FROM sites WHERE org_id = $1 UNION SELECT id FROM supply_lines WHERE org_id = $1
     UNION SELECT id FROM imports WHERE org_id = $1 UNION SELECT id FROM column_mappings WHERE org_id = $1
     UNION SELECT id FROM watchlists WHERE org_id = $1 UNION SELECT id FROM watchlist_versions WHERE org_id = $1`,
    [orgB],
  );
  return {
    t,
    app,
    a,
    aToken: new Browser(app, aTok.body.token),
    orgA: session.organisation.id,
    orgB,
    bIds: ids.map((r) => r.id),
    secrets: [MARK, MARK.toLowerCase(), 'boss@orgb.example', inv.body.link.split('#')[1], tok.body.token, tok.body.info.prefix, upload.body.uploadId],
  };
}

/** A body that passes the route's own schema, so the probe reaches the service, aimed at organisation B. */
function exampleBody(schema: unknown, w: World, id: number): unknown {
  const def = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return undefined;
  const byName = (key: string): unknown => {
    if (/orgid/i.test(key)) return w.orgB;
    if (/email/i.test(key)) return 'probe@orga.example';
    if (/password/i.test(key)) return STRONG_PASSWORD;
    if (/token/i.test(key)) return `vgx_${'x'.repeat(40)}`;
    if (/country/i.test(key)) return 'FR';
    if (/currency/i.test(key)) return 'EUR';
    if (/financialyearend/i.test(key)) return '12-31';
    if (/issuer|url/i.test(key)) return 'http://127.0.0.1:9/';
    return undefined;
  };
  const gen = (d: Record<string, unknown>, key: string): unknown => {
    switch (d.type) {
      case 'object': {
        const shape = d.shape as Record<string, { _zod: { def: Record<string, unknown> } }>;
        return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, gen(v._zod.def, k)]));
      }
      case 'string':
        return byName(key) ?? `${key} probe`;
      case 'number':
        return (byName(key) as number | undefined) ?? (key === 'expiresInDays' ? 1 : id);
      case 'boolean':
        return false;
      case 'enum':
        return Object.values(d.entries as Record<string, string>).find((v) => v === 'viewer' || v === 'company') ?? Object.values(d.entries as Record<string, string>)[0];
      case 'default':
      case 'optional':
      case 'nullable':
      case 'pipe':
        return gen(((d.innerType ?? d.in) as { _zod: { def: Record<string, unknown> } })._zod.def, key);
      case 'union':
        return gen((d.options as { _zod: { def: Record<string, unknown> } }[])[0]!._zod.def, key);
      default:
        return null;
    }
  };
  return gen(def, '');
}

/** The route's URL with each parameter replaced; one URL per candidate id. */
function urlsFor(route: RegisteredRoute, ids: number[]): string[] {
  if (!route.url.includes(':')) return [route.url];
  return ids.map((id) => route.url.replace(/:[A-Za-z]+/g, String(id)));
}

async function snapshotB(w: World): Promise<string> {
  const parts = await Promise.all(
    [
      ['organisations', 'id'],
      ['memberships', 'org_id'],
      ['invitations', 'org_id'],
      ['api_tokens', 'org_id'],
      ['sso_connections', 'org_id'],
      ['audit_log', 'org_id'],
      ['suppliers', 'org_id'],
      ['supply_lines', 'org_id'],
      ['imports', 'org_id'],
      ['import_issues', 'org_id'],
      ['column_mappings', 'org_id'],
      ['uploads', 'org_id'],
      ['supplier_risk', 'org_id'],
      ['risk_settings', 'org_id'],
      ['portfolio_snapshots', 'org_id'],
      ['watchlists', 'org_id'],
      ['watchlist_versions', 'org_id'],
      ['watchlist_entities', 'org_id'],
      ['watchlist_settings', 'org_id'],
    ].map(([table, col]) => w.t.db.query(`SELECT * FROM ${table} WHERE ${col} = $1 ORDER BY 1, 2`, [w.orgB])),
  );
  return JSON.stringify(parts);
}

for (const rowLevelSecurity of [true, false]) {
  describe(`isolation over every route (${rowLevelSecurity ? 'service layer + row-level security' : 'service layer alone'})`, () => {
    let w: World;
    before(async () => {
      w = await buildWorld(rowLevelSecurity);
    });
    after(async () => {
      await w.app.close();
      await w.t.close();
    });

    test('a member of A gets nothing of B from any route, by session or by token', async () => {
      const routes = w.app.vigilRoutes.filter((r) => r.url.startsWith('/api/v1/'));
      assert.ok(routes.length >= 25, `found ${routes.length} routes`);
      const guessed = Array.from({ length: 12 }, (_, i) => i + 1);
      const candidates = [...new Set([...w.bIds, ...guessed, 999_999])];
      const before = await snapshotB(w);
      let probes = 0;
      // Signing out or switching organisation would end the prober's session: those run last.
      const ordered = [...routes].sort((x, y) => Number(x.url.endsWith('/session')) - Number(y.url.endsWith('/session')));
      for (const route of ordered) {
        for (const url of urlsFor(route, candidates)) {
          for (const who of [w.a, w.aToken]) {
            const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? exampleBody(route.body, w, candidates[0]!) ?? {} : undefined;
            const res = await who.call(route.method as 'GET', url, body);
            probes += 1;
            for (const s of w.secrets) {
              assert.ok(!res.text.includes(s), `${route.method} ${url} (${who.bearer ? 'token' : 'session'}) leaked "${s.slice(0, 12)}…": ${res.status} ${res.text.slice(0, 300)}`);
            }
            if (route.url.includes(':') && !route.url.startsWith('/api/v1/countries') && !route.url.startsWith('/api/v1/goods') && !route.url.startsWith('/api/v1/datasets')) {
              const id = Number(url.match(/\/(\d+)(?:\/|$)/)?.[1]);
              if (w.bIds.includes(id) && !(await isA(w, id))) {
                assert.ok(res.status >= 400, `${route.method} ${url} succeeded on organisation B's resource: ${res.status}`);
              }
            }
          }
        }
        // Stay signed in as A for the next route.
        if ((await w.a.get('/api/v1/session')).status !== 200) {
          assert.equal((await w.a.post('/api/v1/session', { email: 'ada@orga.example', password: STRONG_PASSWORD })).status, 201);
        }
        const s = await w.a.get('/api/v1/session');
        if (s.body.organisation?.id !== w.orgA) await w.a.put('/api/v1/session/organisation', { orgId: w.orgA });
      }
      assert.ok(probes > 200, `only ${probes} probes`);
      assert.equal(await snapshotB(w), before, "organisation B's rows changed");
    });

    test('switching to, or reading, an organisation one is not a member of fails', async () => {
      const r = await w.a.put('/api/v1/session/organisation', { orgId: w.orgB });
      assert.equal(r.status, 404);
      const mine = await w.a.get('/api/v1/organisation');
      assert.equal(mine.body.id, w.orgA);
    });
  });
}

/** Whether a numeric id also names one of A's own resources (ids are shared sequences, so they overlap). */
async function isA(w: World, id: number): Promise<boolean> {
  const rows = await w.t.db.query(
    `SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2 UNION ALL SELECT 1 FROM invitations WHERE org_id = $1 AND id = $2
     UNION ALL SELECT 1 FROM api_tokens WHERE org_id = $1 AND id = $2 UNION ALL SELECT 1 WHERE $1 = $2
     UNION ALL SELECT 1 FROM suppliers WHERE org_id = $1 AND id = $2 UNION ALL SELECT 1 FROM imports WHERE org_id = $1 AND id = $2
     UNION ALL SELECT 1 FROM column_mappings WHERE org_id = $1 AND id = $2 UNION ALL SELECT 1 FROM watchlists WHERE org_id = $1 AND id = $2`,
    [w.orgA, id],
  );
  return rows.length > 0;
}
