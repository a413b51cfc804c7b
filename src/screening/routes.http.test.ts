// The screening API as the web app and integrators drive it: the hit queue and a hit side by side, reviews,
// alerts, runs, screening and comparing names, owners, the supplier page's hits, and who may do what.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { addMember, type Browser, setupAdmin } from '../../test/http.ts';
import { buildApp } from '../http/app.ts';
import type { Who } from '../suppliers/service.ts';

let t: TestDb;
let app: FastifyInstance;
let dir: string;
let admin: Browser;
let analyst: Browser;
let auditor: Browser;
let officer: Browser;
let viewer: Browser;
let listId: number;
before(async () => {
  t = await freshDatabase({ reference: true });
  app = await buildApp(t.services);
  dir = await mkdtemp(join(tmpdir(), 'vigil-screening-http-'));
  const { admin: a, session } = await setupAdmin(app, (await t.services.access.issueSetupToken())!);
  admin = a;
  ({ member: analyst } = await addMember(app, admin, 'ana@a.example', 'analyst'));
  ({ member: auditor } = await addMember(app, admin, 'otto@a.example', 'auditor'));
  ({ member: officer } = await addMember(app, admin, 'paul@a.example', 'procurement_officer'));
  ({ member: viewer } = await addMember(app, admin, 'vera@a.example', 'viewer'));
  const who: Who = { orgId: session.organisation.id, userId: session.user.id, label: 'admin@a.example', ip: null };
  // A fictional hard list (the organisation's own) and a fictional soft one, then the supplier file.
  const list = await t.services.watchlists.createList(who, {
    slug: 'fictional-fl', name: 'Fictional forced-labour list', publisher: 'Vigil tests', sourceUrl: null, licence: null, signal: 'hard', basis: 'Fictional, for tests.', threshold: 0.8,
  });
  listId = list.id;
  await writeFile(join(dir, 'hard.jsonl'), `${JSON.stringify({ id: 'fl-1', schema: 'Company', properties: { name: ['Redwater Cotton Ginning Co., Ltd.'], country: ['cn'] } })}\n`);
  await t.services.watchlists.importFile(who, list.id, { path: join(dir, 'hard.jsonl'), fileName: 'hard.jsonl', format: 'ftm', edition: '1' });
  const soft = await t.services.watchlists.createList(who, {
    slug: 'fictional-watch', name: 'Fictional NGO watch list', publisher: 'Vigil tests', sourceUrl: null, licence: null, signal: 'soft', basis: 'Fictional, for tests.', threshold: 0.8,
  });
  await writeFile(join(dir, 'soft.jsonl'), `${JSON.stringify({ id: 'w-1', schema: 'Company', properties: { name: ['Blue Harbour Seafood Processing'], country: ['my'] } })}\n`);
  await t.services.watchlists.importFile(who, soft.id, { path: join(dir, 'soft.jsonl'), fileName: 'soft.jsonl', format: 'ftm', edition: '1' });
  await writeFile(join(dir, 'suppliers.csv'), 'Vendor Name,Country,Description\nRedwater Cotton Ginning Company Limited,China,Cotton lint\nBlue Harbor Seafood Processing,Malaysia,Frozen shrimp\nNordic Paper AB,Finland,Paper\n');
  const imported = await t.services.suppliers.importFile(who, join(dir, 'suppliers.csv'), { supplier: 'Vendor Name', country: 'Country', description: 'Description' });
  assert.equal(imported.status, 'committed');
});
after(async () => {
  await t.services.screening.idle();
  await app.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the hit queue', () => {
  test('summary and queue: hard hits first, then by score; a hard hit is open ("possible")', async () => {
    const s = await auditor.get('/api/v1/screening/summary');
    assert.equal(s.status, 200, s.text);
    assert.deepEqual([s.body.open, s.body.openHard, s.body.confirmed, s.body.dismissed, s.body.unseenAlerts], [2, 1, 0, 0, 2]);
    assert.equal(s.body.lastRun.reason, 'import');
    const q = await auditor.get('/api/v1/screening/hits');
    assert.equal(q.status, 200);
    assert.equal(q.body.total, 2);
    assert.deepEqual(q.body.items.map((h: any) => [h.hard, h.status, h.entity.list]), [[true, 'open', 'fictional-fl'], [false, 'open', 'fictional-watch']]);
    assert.equal(q.body.items[0].subject.kind, 'supplier');
    assert.equal(q.body.items[0].subject.supplierName, 'Redwater Cotton Ginning Company Limited');
    assert.equal(q.body.items[0].alert, 'new');
    const filtered = await auditor.get(`/api/v1/screening/hits?signal=soft&status=open,confirmed&list=${listId}`);
    assert.equal(filtered.body.total, 0);
    assert.equal((await auditor.get('/api/v1/screening/hits?q=harbor')).body.total, 1);
    assert.equal((await auditor.get('/api/v1/screening/hits?status=bogus')).status, 400);
    assert.equal((await viewer.get('/api/v1/screening/hits')).status, 403, 'a viewer sees no screening');
  });

  test('one hit side by side, with the explained score, the list, its version and the review history', async () => {
    const [hit] = (await auditor.get('/api/v1/screening/hits?signal=hard')).body.items;
    const d = await auditor.get(`/api/v1/screening/hits/${hit.id}`);
    assert.equal(d.status, 200, d.text);
    assert.equal(d.body.subjectEntity.name, 'Redwater Cotton Ginning Company Limited');
    assert.deepEqual(d.body.subjectEntity.countries, ['CN']);
    assert.equal(d.body.listEntity.name, 'Redwater Cotton Ginning Co., Ltd.');
    assert.equal(d.body.listEntity.key, 'fl-1');
    assert.equal(d.body.watchlist.basis, 'Fictional, for tests.');
    assert.equal(d.body.version.edition, '1');
    assert.ok(d.body.result.score >= 0.8 && d.body.result.match);
    assert.ok(d.body.result.features.length > 0);
    assert.equal(d.body.listEntity.fingerprint, undefined, 'only the contract\'s fields');
    assert.deepEqual(d.body.reviews, []);
    assert.equal((await auditor.get('/api/v1/screening/hits/999999')).status, 404);
  });

  test('reviews: analysts decide with a reason; auditors and procurement officers cannot; a repeated decision conflicts', async () => {
    const [hit] = (await admin.get('/api/v1/screening/hits?signal=hard')).body.items;
    const url = `/api/v1/screening/hits/${hit.id}/review`;
    assert.equal((await auditor.post(url, { decision: 'confirm', reason: 'Matches the registry.' })).status, 403);
    assert.equal((await officer.post(url, { decision: 'confirm', reason: 'Matches the registry.' })).status, 403);
    assert.equal((await analyst.post(url, { decision: 'confirm', reason: 'no' })).status, 400);
    assert.equal((await analyst.post(url, { decision: 'approve', reason: 'Matches the registry.' })).status, 400);
    const r = await analyst.post(url, { decision: 'confirm', reason: 'Matches the registry: same address and directors.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'confirmed');
    assert.deepEqual(r.body.reviews.map((x: any) => [x.decision, x.by, x.reason]), [['confirm', 'ana@a.example', 'Matches the registry: same address and directors.']]);
    const again = await analyst.post(url, { decision: 'confirm', reason: 'Twice.' });
    assert.equal(again.status, 409);
    assert.match(again.type, /^application\/problem\+json/);
    const audit = await admin.get('/api/v1/audit?action=screening.hit_confirmed');
    assert.equal(audit.status, 200, audit.text);
    assert.equal(audit.body.entries[0].after.reason, 'Matches the registry: same address and directors.');
    assert.equal((await admin.get('/api/v1/screening/hits')).body.total, 1, 'the queue shows open hits by default');
    assert.equal((await admin.get('/api/v1/screening/hits?status=confirmed')).body.items[0].id, hit.id);
  });

  test('alerts are listed and marked seen', async () => {
    const unseen = await auditor.get('/api/v1/screening/alerts?unseen=true');
    assert.equal(unseen.status, 200);
    assert.equal(unseen.body.items.length, 2);
    assert.ok(unseen.body.items.every((a: any) => a.kind === 'new' && !a.seen && a.hit.id === a.hitId));
    assert.equal((await auditor.post('/api/v1/screening/alerts/seen', { ids: [unseen.body.items[0].id] })).status, 403);
    assert.equal((await analyst.post('/api/v1/screening/alerts/seen', { ids: unseen.body.items.map((a: any) => a.id) })).status, 204);
    assert.equal((await auditor.get('/api/v1/screening/alerts?unseen=true')).body.items.length, 0);
    assert.equal((await auditor.get('/api/v1/screening/alerts')).body.items.length, 2);
  });

  test('a manual run starts in the background and alerts for nothing when nothing changed', async () => {
    const started = await analyst.post('/api/v1/screening/runs');
    assert.equal(started.status, 202, started.text);
    assert.equal(started.body.reason, 'manual');
    assert.equal(started.body.startedBy, 'ana@a.example');
    await t.services.screening.idle();
    const runs = await auditor.get('/api/v1/screening/runs');
    const run = runs.body.items.find((r: any) => r.id === started.body.id);
    assert.deepEqual([run.status, run.subjects, run.hits, run.newHits, run.changedHits], ['done', 3, 2, 0, 0]);
    assert.deepEqual(run.lists, { 'fictional-fl': '1', 'fictional-watch': '1' });
    assert.equal((await auditor.get('/api/v1/screening/alerts?unseen=true')).body.items.length, 0);
    assert.equal((await auditor.post('/api/v1/screening/runs')).status, 403);
  });
});

describe('screening and comparing names on request', () => {
  test('one entity, a batch and a comparison, each explained; nothing is stored', async () => {
    const before = (await admin.get('/api/v1/screening/hits?status=open,confirmed,dismissed')).body.total;
    const one = await analyst.post('/api/v1/screening/screen', { entity: { name: 'REDWATER COTTON GINNING CO LTD', countries: ['CN'] } });
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.hits.length, 1);
    assert.equal(one.body.hits[0].watchlist.slug, 'fictional-fl');
    assert.equal(one.body.hits[0].entity.id.split(':').length, 2);
    assert.ok(one.body.hits[0].result.features.some((f: any) => f.feature === 'country'));
    const only = await analyst.post('/api/v1/screening/screen', { entity: { name: 'REDWATER COTTON GINNING CO LTD' }, lists: ['fictional-watch'] });
    assert.deepEqual(only.body.hits, []);
    assert.equal((await analyst.post('/api/v1/screening/screen', { entity: { name: 'Redwater' }, lists: ['no-such-list'] })).status, 400);
    const typo = { name: 'Redwater Coton Ginning' };
    assert.equal((await analyst.post('/api/v1/screening/screen', { entity: typo })).body.hits.length, 1);
    assert.deepEqual((await analyst.post('/api/v1/screening/screen', { entity: typo, threshold: 0.999 })).body.hits, [], 'the threshold given overrides the list\'s');

    const batch = await analyst.post('/api/v1/screening/screen/batch', { entities: [{ name: 'Nordic Paper AB' }, { name: 'Blue Harbour Seafood Processing', countries: ['MY'] }] });
    assert.equal(batch.status, 200, batch.text);
    assert.deepEqual(batch.body.results.map((r: any) => [r.index, r.hits.length]), [[0, 0], [1, 1]]);
    assert.equal((await analyst.post('/api/v1/screening/screen/batch', { entities: Array.from({ length: 1001 }, () => ({ name: 'x' })) })).status, 400);

    const cmp = await analyst.post('/api/v1/screening/compare', { a: { name: 'Li Wei', type: 'person' }, b: { name: 'Wei Li', type: 'person' } });
    assert.equal(cmp.status, 200, cmp.text);
    assert.equal(typeof cmp.body.score, 'number');
    assert.equal(cmp.body.threshold, 0.8);
    assert.ok(cmp.body.features.length > 0);
    const typed = await analyst.post('/api/v1/screening/compare', { a: { name: 'Acme', type: 'person' }, b: { name: 'Acme', type: 'company' }, threshold: 0.5 });
    assert.equal(typed.body.match, false, 'a person never matches a company');
    assert.equal((await auditor.post('/api/v1/screening/compare', { a: { name: 'A' }, b: { name: 'B' } })).status, 403);
    assert.equal((await admin.get('/api/v1/screening/hits?status=open,confirmed,dismissed')).body.total, before);
  });
});

describe('owners and the supplier page', () => {
  test('owners are added (and screened), listed and removed; the supplier page shows them with its hits', async () => {
    const suppliers = (await admin.get('/api/v1/suppliers?q=nordic')).body.items;
    const nordic = suppliers[0].id;
    assert.equal((await viewer.post(`/api/v1/suppliers/${nordic}/owners`, { name: 'Redwater Cotton Ginning Co', type: 'company' })).status, 403);
    const added = await officer.post(`/api/v1/suppliers/${nordic}/owners`, { name: 'Redwater Cotton Ginning Co', type: 'company', countries: ['CN'] });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.body.createdBy, 'paul@a.example');
    assert.equal((await officer.post(`/api/v1/suppliers/${nordic}/owners`, { name: 'X', type: 'robot' })).status, 400);
    await t.services.screening.idle();
    const listed = await viewer.get(`/api/v1/suppliers/${nordic}/owners`);
    assert.deepEqual(listed.body.items.map((o: any) => o.name), ['Redwater Cotton Ginning Co']);

    const page = await auditor.get(`/api/v1/suppliers/${nordic}`);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(page.body.owners.map((o: any) => o.id), [added.body.id]);
    assert.deepEqual(page.body.listHits.map((h: any) => [h.subject.kind, h.subject.name, h.hard]), [['owner', 'Redwater Cotton Ginning Co', true]]);
    assert.equal(page.body.risk.hardSignals, 1);
    assert.equal(page.body.risk.listSignals[0].kind, 'list-hit');
    const seenByViewer = await viewer.get(`/api/v1/suppliers/${nordic}`);
    assert.deepEqual(seenByViewer.body.listHits, [], 'hits need screening.read');

    assert.equal((await officer.delete(`/api/v1/suppliers/${nordic}/owners/${added.body.id}`)).status, 204);
    assert.equal((await officer.delete(`/api/v1/suppliers/${nordic}/owners/${added.body.id}`)).status, 404);
    const after = await auditor.get(`/api/v1/suppliers/${nordic}`);
    assert.deepEqual(after.body.owners, []);
    assert.deepEqual(after.body.listHits, []);
    assert.equal(after.body.risk.hardSignals, 0);
    assert.equal((await officer.get('/api/v1/suppliers/999999/owners')).status, 404);
  });

  test('a soft hit adds its points to the supplier\'s score, shown in its risk', async () => {
    const [harbour] = (await admin.get('/api/v1/suppliers?q=harbor')).body.items;
    const page = await admin.get(`/api/v1/suppliers/${harbour.id}`);
    const [signal] = page.body.risk.listSignals;
    assert.equal(signal.hard, false);
    assert.ok(signal.contribution > 0);
    assert.equal(page.body.risk.listHits, 1);
    const worst = Math.max(...page.body.lines.map((l: any) => l.risk.score));
    assert.equal(page.body.risk.score, Math.min(100, worst + signal.contribution));
  });
});
