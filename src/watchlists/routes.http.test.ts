// The watchlists API as the web app drives it: the catalogue's shared lists, an organisation's own list created,
// uploaded (a good file, a bad one), paged and searched, thresholds, who may do what, and one organisation's
// private list invisible to another.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { addMember, Browser, ORG, setupAdmin, STRONG_PASSWORD } from '../../test/http.ts';
import { brMteOfficial, ftmText } from '../../test/watchlist-files.ts';
import { buildApp } from '../http/app.ts';
import { hashPassword } from '../orgs/passwords.ts';
import { defineCatalogue } from './service.ts';

let t: TestDb;
let app: FastifyInstance;
let admin: Browser;
let analyst: Browser;
let viewer: Browser;
let otherAdmin: Browser;
before(async () => {
  t = await freshDatabase({ reference: true });
  await defineCatalogue(t.db);
  app = await buildApp(t.services);
  ({ admin } = await setupAdmin(app, (await t.services.access.issueSetupToken())!));
  ({ member: analyst } = await addMember(app, admin, 'ana@a.example', 'analyst'));
  ({ member: viewer } = await addMember(app, admin, 'vera@a.example', 'viewer'));
  // A second organisation, with its own administrator.
  const [user] = await t.db.query<{ id: number }>("INSERT INTO users (email, email_key, name, password_hash) VALUES ('bea@b.example', 'bea@b.example', 'Bea', $1) RETURNING id", [await hashPassword(STRONG_PASSWORD)]);
  await t.services.access.createOrganisation({ userId: user!.id, email: 'bea@b.example', ip: null }, ORG('Organisation B'));
  otherAdmin = new Browser(app);
  assert.equal((await otherAdmin.post('/api/v1/session', { email: 'bea@b.example', password: STRONG_PASSWORD })).status, 201);
});
after(async () => {
  await app.close();
  await t.close();
});

const upload = (who: Browser, id: number, query: string, content: string | Buffer, name: string, type = 'text/csv') =>
  who.call('POST', `/api/v1/watchlists/${id}/versions${query}`, Buffer.from(content), { 'content-type': type, 'x-file-name': encodeURIComponent(name) });

const OWN = { slug: 'ministry-blocklist', name: 'Ministry blocklist', signal: 'soft', basis: 'Suppliers our own audits found using forced labour.', threshold: 0.9 };
const TABLE = 'Company,AKA,Country,Reason\nImaginary Garments Ltd,IG Ltd,Bangladesh,Passports withheld\nFiction Fisheries Co.,,Thailand,Debt bondage\n';

describe('the watchlists API', () => {
  let ownId: number;

  test('lists the shared catalogue with provenance and basis, to anyone who may see screening', async () => {
    const r = await analyst.get('/api/v1/watchlists');
    assert.equal(r.status, 200, r.text);
    const uflpa = r.body.items.find((l: { slug: string }) => l.slug === 'us-dhs-uflpa');
    assert.equal(uflpa.scope, 'shared');
    assert.equal(uflpa.signal, 'hard');
    assert.match(uflpa.basis, /rebuttable|presumed/i);
    assert.equal(uflpa.sourceUrl, 'https://www.dhs.gov/uflpa-entity-list');
    assert.equal(uflpa.activeVersion, null);
    assert.equal((await viewer.get('/api/v1/watchlists')).status, 403, 'a viewer does not see screening');
  });

  test('an administrator creates an own list and uploads a table into it; the version cites its file', async () => {
    const created = await admin.post('/api/v1/watchlists', OWN);
    assert.equal(created.status, 201, created.text);
    ownId = created.body.id;
    assert.equal(created.body.scope, 'organisation');
    assert.equal(created.body.publisher, OWN.name);
    assert.equal((await admin.post('/api/v1/watchlists', OWN)).status, 409);
    assert.equal((await analyst.post('/api/v1/watchlists', { ...OWN, slug: 'analyst-list' })).status, 403, 'an analyst does not manage lists');

    const mapping = encodeURIComponent(JSON.stringify({ name: 'Company', aliases: 'AKA', country: 'Country', defaultType: 'company' }));
    const up = await upload(admin, ownId, `?format=table&edition=2032-Q1&published=2032-03-31&mapping=${mapping}`, TABLE, 'Blocklist – März.csv');
    assert.equal(up.status, 201, up.text);
    assert.equal(up.body.edition, '2032-Q1');
    assert.equal(up.body.publishedOn, '2032-03-31');
    assert.equal(up.body.fileName, 'Blocklist – März.csv');
    assert.equal(up.body.entities, 2);
    assert.equal(up.body.importedBy, 'admin@a.example');

    const detail = await analyst.get(`/api/v1/watchlists/${ownId}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.watchlist.activeVersion.id, up.body.id);
    assert.deepEqual(detail.body.versions.map((v: { edition: string }) => v.edition), ['2032-Q1']);

    const page = await analyst.get(`/api/v1/watchlists/${ownId}/entities?q=fisheries&limit=10`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.total, 1);
    assert.deepEqual(
      { id: page.body.items[0].id, name: page.body.items[0].name, type: page.body.items[0].type, countries: page.body.items[0].countries, sourceRow: page.body.items[0].sourceRow, reason: page.body.items[0].properties.Reason },
      { id: `${up.body.id}:2`, name: 'Fiction Fisheries Co.', type: 'company', countries: ['TH'], sourceRow: 3, reason: 'Debt bondage' },
    );
  });

  test('a malformed file is a 400 naming every problem, and the active version stays', async () => {
    const before = (await admin.get(`/api/v1/watchlists/${ownId}`)).body.watchlist.activeVersion.id;
    const mapping = encodeURIComponent(JSON.stringify({ name: 'Company', country: 'Country' }));
    const bad = await upload(admin, ownId, `?format=table&mapping=${mapping}`, 'Company,Country\n,Bangladesh\nReal Fiction Ltd,Atlantis\n', 'bad.csv');
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.type, /^application\/problem\+json/);
    assert.deepEqual(bad.body.issues.map((i: { line: number; field: string; value: string | null }) => [i.line, i.field, i.value]), [[2, 'Company', null], [3, 'Country', 'Atlantis']]);
    assert.equal((await admin.get(`/api/v1/watchlists/${ownId}`)).body.watchlist.activeVersion.id, before);

    const noHeader = await upload(admin, ownId, '?format=br-mte', brMteOfficial({ header: ['Nome', 'Documento'] }), 'not-the-register.csv');
    assert.equal(noHeader.status, 400);
    assert.match(noHeader.body.issues[0].message, /header/);
    assert.equal((await upload(admin, ownId, '?format=table&mapping=%7Bnope', TABLE, 'x.csv')).status, 400, 'a mapping that is not JSON');
    assert.equal((await upload(admin, ownId, '?format=table', TABLE, 'x.csv')).status, 400, 'a table without a mapping');
  });

  test('JSON lines upload as FollowTheMoney', async () => {
    const up = await upload(admin, ownId, '?format=ftm', ftmText(), 'entities.ftm.json', 'application/json');
    assert.equal(up.status, 201, up.text);
    assert.equal(up.body.entities, 4);
    assert.ok(up.body.warningIssues.some((w: { message: string }) => /Airplane/.test(w.message)));
  });

  test('shared lists take versions from the operator only; an organisation sets its own threshold for them', async () => {
    const lists = (await admin.get('/api/v1/watchlists')).body.items as { id: number; slug: string; threshold: number }[];
    const wro = lists.find((l) => l.slug === 'us-cbp-wro')!;
    const r = await upload(admin, wro.id, '?format=ftm', ftmText(), 'wro.json', 'application/json');
    assert.equal(r.status, 403, r.text);
    const set = await admin.put(`/api/v1/watchlists/${wro.id}/threshold`, { threshold: 0.7 });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.threshold, 0.7);
    assert.equal(set.body.listThreshold, wro.threshold);
    const inB = (await otherAdmin.get('/api/v1/watchlists')).body.items.find((l: { slug: string }) => l.slug === 'us-cbp-wro');
    assert.equal(inB.threshold, wro.threshold, 'organisation B keeps the list\'s threshold');
    assert.equal((await admin.put(`/api/v1/watchlists/${wro.id}/threshold`, { threshold: 0.2 })).status, 400);
  });

  test('one organisation\'s own list is invisible to another', async () => {
    const listsB = (await otherAdmin.get('/api/v1/watchlists')).body.items as { id: number; slug: string }[];
    assert.ok(!listsB.some((l) => l.id === ownId || l.slug === OWN.slug));
    assert.equal((await otherAdmin.get(`/api/v1/watchlists/${ownId}`)).status, 404);
    assert.equal((await otherAdmin.get(`/api/v1/watchlists/${ownId}/entities`)).status, 404);
    assert.equal((await otherAdmin.put(`/api/v1/watchlists/${ownId}/threshold`, { threshold: 0.6 })).status, 404);
    const sneaky = await upload(otherAdmin, ownId, '?format=ftm', ftmText(), 'x.json', 'application/json');
    assert.equal(sneaky.status, 404);
    assert.ok(!sneaky.text.includes(OWN.name));
    assert.equal((await admin.get(`/api/v1/watchlists/${ownId}`)).body.watchlist.threshold, OWN.threshold, 'untouched');
  });
});
