// The supplier portfolio API as the web app drives it: upload → preview → import → poll → suppliers →
// supplier → hotspots → worklist → portfolio, the weights, and who may do what.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { addMember, type Browser, setupAdmin } from '../../test/http.ts';
import { buildApp } from '../http/app.ts';
import { DEFAULT_WEIGHTS } from '../risk/index.ts';

const FILE = [
  'Fournisseur;N° fournisseur;Pays;Désignation;Code SH;Montant;Devise;Fournit',
  'Acme Textiles Ltd;V001;China;Cotton T-shirts;610910;12 000,50;EUR;',
  'Golden Cocoa SA;V002;Côte d’Ivoire;Cocoa beans;1801;50 000,00;EUR;Acme Textiles Ltd',
  ';V003;Malaysia;Nitrile gloves;401519;700,00;EUR;',
  'Brightclean Services;V004;United Kingdom;Office cleaning services;;9 000,00;EUR;',
].join('\n');

let t: TestDb;
let app: FastifyInstance;
let admin: Browser;
let viewer: Browser;
let auditor: Browser;
let analyst: Browser;
before(async () => {
  t = await freshDatabase({ reference: true });
  app = await buildApp(t.services);
  ({ admin } = await setupAdmin(app, (await t.services.access.issueSetupToken())!));
  ({ member: viewer } = await addMember(app, admin, 'vera@a.example', 'viewer'));
  ({ member: auditor } = await addMember(app, admin, 'otto@a.example', 'auditor'));
  ({ member: analyst } = await addMember(app, admin, 'ana@a.example', 'analyst'));
});
after(async () => {
  await t.services.suppliers.idle();
  await app.close();
  await t.close();
});

const upload = (who: Browser, text: string | Buffer, name: string, type = 'text/csv') =>
  who.call('POST', '/api/v1/uploads', Buffer.from(text), { 'content-type': type, 'x-file-name': encodeURIComponent(name) });

describe('importing a file through the API', () => {
  let importId: number;
  let acmeId: number;

  test('upload → preview with a suggested mapping → import in the background → poll until committed', async () => {
    const up = await upload(admin, FILE, 'Fournisseurs 2025 – Côte d’Ivoire.csv');
    assert.equal(up.status, 201, up.text);
    assert.equal(up.body.fileName, 'Fournisseurs 2025 – Côte d’Ivoire.csv');
    assert.equal(up.body.format, 'csv');
    assert.equal(up.body.headers.length, 8);
    assert.deepEqual(up.body.sample[0].slice(0, 3), ['Acme Textiles Ltd', 'V001', 'China']);
    assert.equal(up.body.suggested.supplier, 'Fournisseur');
    assert.equal(up.body.suggested.country, 'Pays');
    assert.deepEqual(up.body.missingRequired, []);

    const mapping = { ...up.body.suggested, parent: 'Fournit' };
    const started = await admin.post('/api/v1/imports', { uploadId: up.body.uploadId, mapping, saveMappingAs: 'Export SAP' });
    assert.equal(started.status, 202, started.text);
    importId = started.body.import.id;
    assert.ok(['running', 'committed'].includes(started.body.import.status), started.body.import.status);
    assert.equal(started.body.import.progress.totalBytes, Buffer.byteLength(FILE));

    await t.services.suppliers.idle();
    const done = await admin.get(`/api/v1/imports/${importId}`);
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'committed', done.body.error);
    assert.deepEqual([done.body.rows, done.body.accepted, done.body.rejected, done.body.suppliersCreated], [4, 3, 1, 3]);
    assert.equal(done.body.progress.bytes, done.body.progress.totalBytes);
    assert.equal(done.body.editions['ilab-tvpra'], '2022');
    assert.equal(done.body.startedBy, 'admin@a.example');
    assert.equal((await admin.get('/api/v1/imports')).body.items[0].id, importId);

    const again = await admin.post('/api/v1/imports', { uploadId: up.body.uploadId, mapping });
    assert.equal(again.status, 404, 'a committed upload is gone');
  });

  test('the rejected row, as a page and as a CSV download', async () => {
    const issues = await admin.get(`/api/v1/imports/${importId}/issues?limit=10`);
    assert.equal(issues.body.total, 1);
    assert.deepEqual([issues.body.items[0].row, issues.body.items[0].line, issues.body.items[0].column], [3, 4, 'Fournisseur']);
    const csv = await admin.get(`/api/v1/imports/${importId}/issues.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /^text\/csv/);
    assert.equal(csv.headers['content-disposition'], `attachment; filename="Fournisseurs_2025_C_te_d_Ivoire-issues.csv"; filename*=UTF-8''${encodeURIComponent('Fournisseurs_2025_Côte_d_Ivoire-issues.csv')}`);
    assert.equal(csv.text.trim().split('\n').length, 2);
  });

  test('suppliers, sorted and filtered, and one supplier explained', async () => {
    const list = await viewer.get('/api/v1/suppliers?sort=name');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((s: { name: string }) => s.name), ['Acme Textiles Ltd', 'Brightclean Services', 'Golden Cocoa SA']);
    acmeId = list.body.items[0].id;
    const risky = await viewer.get('/api/v1/suppliers?level=high,severe&country=CN,CI&sort=priority');
    assert.deepEqual(risky.body.items.map((s: { name: string }) => s.name).sort(), ['Acme Textiles Ltd', 'Golden Cocoa SA']);
    assert.equal((await viewer.get('/api/v1/suppliers?level=purple')).status, 400);

    const acme = await viewer.get(`/api/v1/suppliers/${acmeId}`);
    assert.equal(acme.status, 200);
    assert.equal(acme.body.supplier.name, 'Acme Textiles Ltd');
    assert.equal(acme.body.lines[0].spend, 12000.5);
    assert.ok(acme.body.lines[0].risk.signals.some((s: { dataset: string; row: number | null }) => s.dataset === 'ilab-tvpra' && s.row !== null), 'cites an ILAB row');
    assert.ok(acme.body.lines[0].classification.hs, 'the whole classification is sent, with the HS code resolution');
    assert.deepEqual(acme.body.relationships.map((r: { name: string; direction: string }) => [r.name, r.direction]), [['Golden Cocoa SA', 'supplied-by']]);
    assert.equal((await viewer.get('/api/v1/suppliers/999999')).status, 404);
  });

  test('hotspots, worklist and portfolio', async () => {
    const hotspots = await auditor.get('/api/v1/hotspots?limit=5');
    assert.equal(hotspots.status, 200);
    const cocoa = hotspots.body.items.find((h: { good: string }) => h.good === 'Cocoa');
    assert.deepEqual([cocoa.countryCode, cocoa.slug, cocoa.suppliers, cocoa.spend], ['CI', 'cocoa', 1, 50000]);
    const worklist = await auditor.get('/api/v1/worklist?limit=2');
    assert.equal(worklist.body.items.length, 2);
    assert.equal(worklist.body.items[0].name, 'Golden Cocoa SA');
    const portfolio = await auditor.get('/api/v1/portfolio');
    assert.deepEqual([portfolio.body.suppliers, portfolio.body.lines, portfolio.body.currency], [3, 3, 'EUR']);
    assert.equal(portfolio.body.countries.find((c: { countryCode: string }) => c.countryCode === 'CI').countryName, "Côte d'Ivoire");
  });

  test('saved mappings: listed, saved and deleted', async () => {
    const list = await viewer.get('/api/v1/mappings');
    assert.deepEqual(list.body.items.map((m: { name: string }) => m.name), ['Export SAP']);
    const saved = await analyst.post('/api/v1/mappings', { name: 'Coupa', mapping: { supplier: 'Supplier Name' } });
    assert.equal(saved.status, 201);
    assert.equal((await analyst.delete(`/api/v1/mappings/${saved.body.id}`)).status, 204);
    assert.equal((await analyst.delete(`/api/v1/mappings/${saved.body.id}`)).status, 404);
    assert.equal((await analyst.post('/api/v1/mappings', { name: 'Bad', mapping: { colour: 'Colour' } })).status, 400, 'unknown fields are refused');
  });

  test('weights: read, refused when inconsistent, set with a reassessment, and a rerun with nothing new', async () => {
    const view = await viewer.get('/api/v1/risk/weights');
    assert.deepEqual(view.body.weights, view.body.defaults);
    assert.ok(view.body.explanation.some((e: { key: string }) => e.key === 'points.ilab'), 'each weight is explained');
    const bad = await admin.put('/api/v1/risk/weights', { weights: { ...DEFAULT_WEIGHTS, points: { ...DEFAULT_WEIGHTS.points, ilab: 90 } } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail, /add up to 100/);
    const set = await admin.put('/api/v1/risk/weights', { weights: { ...DEFAULT_WEIGHTS, levels: { medium: 1, high: 2, severe: 3 } } });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.lines, 3);
    assert.ok(set.body.changed > 0, 'lower thresholds move lines up');
    const rerun = await admin.post('/api/v1/assessments');
    assert.equal(rerun.status, 202);
    assert.deepEqual([rerun.body.changed, rerun.body.editionsBefore], [0, rerun.body.editionsAfter]);
  });
});

test('an XLSX workbook is uploaded as it is and imported like a CSV', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Suppliers');
  sheet.addRow(['Supplier', 'Country', 'Goods', 'Spend']);
  sheet.addRow(['Delta Fisheries', 'Thailand', 'Frozen shrimp', 2500]);
  const up = await upload(analyst, Buffer.from(await book.xlsx.writeBuffer()), 'delta.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(up.status, 201, up.text);
  assert.equal(up.body.format, 'xlsx');
  const started = await analyst.post('/api/v1/imports', { uploadId: up.body.uploadId, mapping: { ...up.body.suggested, description: 'Goods' } });
  assert.equal(started.status, 202, started.text);
  await t.services.suppliers.idle();
  const done = await analyst.get(`/api/v1/imports/${started.body.import.id}`);
  assert.deepEqual([done.body.status, done.body.format, done.body.accepted], ['committed', 'xlsx', 1]);
  const delta = (await analyst.get('/api/v1/suppliers?q=delta')).body.items[0];
  assert.deepEqual([delta.name, delta.countries, delta.spend], ['Delta Fisheries', ['TH'], 2500]);
});

describe('who may do what', () => {
  test('a viewer and an auditor read but cannot import, save mappings or change weights', async () => {
    for (const who of [viewer, auditor]) {
      assert.equal((await who.get('/api/v1/portfolio')).status, 200);
      assert.equal((await who.get('/api/v1/imports')).status, 200);
      assert.equal((await upload(who, FILE, 'x.csv')).status, 403);
      assert.equal((await who.post('/api/v1/imports', { uploadId: 'x', mapping: { supplier: 'Fournisseur' } })).status, 403);
      assert.equal((await who.post('/api/v1/mappings', { name: 'x', mapping: {} })).status, 403);
      assert.equal((await who.put('/api/v1/risk/weights', { weights: DEFAULT_WEIGHTS })).status, 403);
      assert.equal((await who.post('/api/v1/assessments')).status, 403);
    }
  });

  test('an analyst imports but does not configure risk', async () => {
    assert.equal((await upload(analyst, FILE, 'analyst.csv')).status, 201);
    assert.equal((await analyst.put('/api/v1/risk/weights', { weights: DEFAULT_WEIGHTS })).status, 403);
    assert.equal((await analyst.post('/api/v1/assessments')).status, 403);
  });

  test('nobody signed out reads anything', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/suppliers' });
    assert.equal(res.statusCode, 401);
  });
});

describe('uploads that cannot be used', () => {
  test('a legacy .xls, an empty file and a JSON body are refused with the reason', async () => {
    const xls = await upload(admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls', 'application/octet-stream');
    assert.equal(xls.status, 400);
    assert.match(xls.body.detail, /old\.xls.*legacy Excel/);
    const empty = await upload(admin, '', 'empty.csv');
    assert.equal(empty.status, 400);
    assert.match(empty.body.detail, /empty/);
    const json = await admin.call('POST', '/api/v1/uploads', { rows: [] }, { 'x-file-name': 'a.csv' });
    assert.equal(json.status, 400);
    const unnamed = await admin.call('POST', '/api/v1/uploads', Buffer.from(FILE), { 'content-type': 'text/csv' });
    assert.equal(unnamed.status, 400);
  });

  test('a mapping that does not fit the file is refused with every problem', async () => {
    const up = await upload(admin, FILE, 'f.csv');
    const r = await admin.post('/api/v1/imports', { uploadId: up.body.uploadId, mapping: { supplier: 'Vendor', country: 'Land' } });
    assert.equal(r.status, 400);
    assert.match(r.body.detail, /supplier: the file has no column "Vendor".*country: the file has no column "Land"/);
  });
});
