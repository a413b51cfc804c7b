// Imports against a real database (PGlite, or PostgreSQL when DATABASE_URL is set): what is stored, what is
// rejected, what a re-import does, what a failure leaves, and what a reassessment reports.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { ORG } from '../../test/http.ts';
import { GENERATED_HEADER, writeSupplierFile } from '../../test/supplier-files.ts';
import { DEFAULT_WEIGHTS } from '../risk/index.ts';
import { recogniseColumns } from './columns.ts';
import type { ColumnMapping } from './line.ts';
import { cliWho, type SupplierService, type Who } from './service.ts';

let t: TestDb;
let dir: string;
let suppliers: SupplierService;
before(async () => {
  t = await freshDatabase({ reference: true });
  suppliers = t.services.suppliers;
  dir = await mkdtemp(join(tmpdir(), 'vigil-import-test-'));
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

let orgs = 0;
/** A fresh organisation for each test, so tests never see each other's suppliers. */
async function newOrg(): Promise<Who> {
  orgs += 1;
  const [user] = await t.db.query<{ id: number }>("INSERT INTO users (email, email_key, name) VALUES ($1, $1, 'Importer') RETURNING id", [`importer${orgs}@example.org`]);
  const orgId = await t.services.access.createOrganisation({ userId: user!.id, email: `importer${orgs}@example.org`, ip: null }, ORG(`Buyer ${orgs}`));
  return cliWho(orgId);
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const MAPPING: ColumnMapping = {
  supplier: 'Vendor Name', supplier_ref: 'Vendor No', lei: 'LEI', country: 'Country', site: 'Site', description: 'Description',
  hs: 'HS Code', spend: 'Amount', currency: 'Currency', period: 'Period', tier: 'Tier', parent: 'Supplies',
};

const SPEND = [
  'Vendor Name,Vendor No,LEI,Country,Site,Description,HS Code,Amount,Currency,Period,Tier,Supplies',
  'Acme Textiles Ltd,V001,,China,Plant 1,Cotton T-shirts,610910,12000.50,USD,2025,1,',
  'ACME Textiles Limited,V001,,China,Plant 1,Cotton yarn,,3000,USD,2025,1,',
  "Golden Cocoa SA,V002,5493001KJTIIGC8Y1R12,Côte d'Ivoire,,Cocoa beans,1801,50000,USD,2025,2,Acme Textiles Ltd",
  'Brightclean Services,V004,,United Kingdom,,Office cleaning services,,9000,GBP,2025,1,',
  'Nordic Paper AB,V005,,Finland,,Printer paper A4,480256,400,USD,2025,1,',
].join('\n');

const count = async (table: string, orgId: number) => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE org_id = $1`, [orgId]))[0]!.n;

describe('an import', () => {
  test('stores suppliers, sites and lines, each line assessed and explained, with the editions it used', async () => {
    const who = await newOrg();
    const summary = await suppliers.importFile(who, await file('spend.csv', SPEND), MAPPING);
    assert.equal(summary.status, 'committed', summary.error ?? '');
    assert.deepEqual(
      { rows: summary.rows, accepted: summary.accepted, rejected: summary.rejected, created: summary.suppliersCreated },
      { rows: 5, accepted: 5, rejected: 0, created: 4 },
      'the two spellings of Acme with one vendor number are one supplier',
    );
    for (const dataset of ['ilab-tvpra', 'tip-tiers', 'gsi', 'hs', 'cpv', 'ilab-goods-map']) assert.ok(summary.editions[dataset], `edition of ${dataset} recorded`);
    assert.equal(await count('suppliers', who.orgId), 4);
    assert.equal(await count('supply_lines', who.orgId), 5);

    const list = await suppliers.suppliers(who, { sort: 'name', offset: 0, limit: 10 });
    const acme = list.items.find((s) => s.name === 'Acme Textiles Ltd')!;
    assert.equal(acme.lines, 2);
    assert.equal(acme.spend, 15000.5);
    assert.deepEqual(acme.countries, ['CN']);
    const detail = await suppliers.supplier(who, acme.id);
    assert.deepEqual(detail.supplier.aliases, [], '"ACME Textiles Limited" is the same name as "Acme Textiles Ltd", not an alias');
    assert.deepEqual(detail.supplier.identifiers, [{ scheme: 'supplier_ref', value: 'V001' }]);
    assert.equal(detail.sites.length, 1, 'both lines name the same site');
    assert.equal(detail.sites[0]!.countryName, 'China');
    const shirts = detail.lines.find((l) => l.description === 'Cotton T-shirts')!;
    assert.equal(shirts.risk.editions['ilab-tvpra'], summary.editions['ilab-tvpra']);
    const ilab = shirts.risk.signals.find((s) => s.dataset === 'ilab-tvpra' && s.row !== null);
    assert.ok(ilab, 'the garment line cites an ILAB row');
    assert.ok(['high', 'severe'].includes(shirts.risk.level), `garments from China are high or severe, not ${shirts.risk.level}`);
    assert.ok(shirts.goods.some((g) => g.slug === 'garments'), 'T-shirts are read as garments');
    assert.deepEqual(detail.relationships, [{ supplierId: list.items.find((s) => s.name === 'Golden Cocoa SA')!.id, name: 'Golden Cocoa SA', direction: 'supplied-by', tier: 2 }]);

    const portfolio = await suppliers.portfolio(who);
    assert.equal(portfolio.suppliers, 4);
    assert.equal(portfolio.lines, 5);
    assert.equal(portfolio.currency, 'USD', 'most lines are in USD');
    assert.deepEqual(portfolio.levels.map((l) => l.level), ['low', 'medium', 'high', 'severe']);
    assert.equal(portfolio.levels.reduce((n, l) => n + l.suppliers, 0), 4);
    assert.deepEqual(portfolio.spendByCurrency.map((c) => [c.currency, c.spend]), [['USD', 65400.5], ['GBP', 9000]]);
    const cocoa = portfolio.hotspots.find((h) => h.good === 'Cocoa')!;
    assert.equal(cocoa.countryCode, 'CI');
    assert.equal(typeof cocoa.row, 'number');
    assert.equal(portfolio.worklist[0]!.name, 'Golden Cocoa SA', 'the largest severe spend comes first');
    const cleaning = portfolio.hotspots.find((h) => h.sector === 'cleaning');
    assert.ok(cleaning && cleaning.slug === null && cleaning.countryCode === 'GB', 'a service with no listed good is a sector hotspot');
    const [audit] = await t.db.query<{ after: { rows: number } }>("SELECT after FROM audit_log WHERE org_id = $1 AND action = 'suppliers.imported'", [who.orgId]);
    assert.equal(audit!.after.rows, 5);
  });

  test('re-importing the same file creates no supplier and counts no spend twice', async () => {
    const who = await newOrg();
    const path = await file('again.csv', SPEND);
    await suppliers.importFile(who, path, MAPPING);
    const before = await suppliers.portfolio(who);
    const again = await suppliers.importFile(who, path, MAPPING);
    assert.equal(again.suppliersCreated, 0);
    assert.equal(again.suppliersMatched, 4);
    assert.equal(again.linesReplaced, 5);
    assert.equal(await count('suppliers', who.orgId), 4);
    assert.equal(await count('supply_lines', who.orgId), 5);
    const after = await suppliers.portfolio(who);
    assert.deepEqual(after.spendByCurrency, before.spendByCurrency);

    // Another file: the same supplier by LEI under another name is matched; a repeated line in one file is two lines.
    const more = await suppliers.importFile(
      who,
      await file('more.csv', [
        'Vendor Name,LEI,Country,Description,Amount,Currency',
        'GCSA Cocoa Exporters,5493001KJTIIGC8Y1R12,Ghana,Cocoa butter,10,USD',
        'Nordic Paper AB,,Finland,Printer paper A4,5,USD',
        'Nordic Paper AB,,Finland,Printer paper A4,5,USD',
      ].join('\n')),
      { supplier: 'Vendor Name', lei: 'LEI', country: 'Country', description: 'Description', spend: 'Amount', currency: 'Currency' },
    );
    assert.deepEqual([more.suppliersCreated, more.suppliersMatched, more.linesReplaced], [0, 2, 0]);
    const papers = (await suppliers.suppliers(who, { q: 'nordic', sort: 'name', offset: 0, limit: 5 })).items;
    assert.deepEqual(papers.map((p) => [p.lines, p.spend]), [[3, 410]]);
    const cocoa = (await suppliers.suppliers(who, { q: 'golden', sort: 'name', offset: 0, limit: 5 })).items[0]!;
    assert.deepEqual(cocoa.countries, ['CI', 'GH']);
    assert.deepEqual((await suppliers.supplier(who, cocoa.id)).supplier.aliases, ['GCSA Cocoa Exporters'], 'another name under the same LEI is an alias');
  });

  test('a malformed file is reported row by row, and its valid rows are stored', async () => {
    const who = await newOrg();
    const text = [
      'Vendor Name,Country,Description,Amount,Currency',
      'Good One Ltd,Malaysia,Rubber gloves,100,USD',
      ',Malaysia,Rubber gloves,100,USD',
      'Bad Amount Ltd,Malaysia,Rubber gloves,=HYPERLINK("http://x"),USD',
      'Narnia Trading,Narnia,Wardrobes,50,USD',
      'Shifted Ltd,Malaysia,Gloves,100,USD,extra,cells',
      'Good Two Ltd,Thailand,Frozen shrimp,"1,250.00",USD',
    ].join('\n');
    const summary = await suppliers.importFile(who, await file('bad.csv', text), { supplier: 'Vendor Name', country: 'Country', description: 'Description', spend: 'Amount', currency: 'Currency' });
    assert.equal(summary.status, 'committed');
    assert.deepEqual([summary.rows, summary.accepted, summary.rejected], [6, 3, 3]);
    const names = (await suppliers.suppliers(who, { sort: 'name', offset: 0, limit: 10 })).items.map((s) => s.name);
    assert.deepEqual(names, ['Good One Ltd', 'Good Two Ltd', 'Narnia Trading']);
    const { total, items } = await suppliers.issues(who, summary.id, { offset: 0, limit: 100 });
    assert.equal(total, 4);
    const byRow = new Map(items.map((i) => [i.row, i]));
    assert.deepEqual([byRow.get(2)!.line, byRow.get(2)!.column, byRow.get(2)!.severity], [3, 'Vendor Name', 'error']);
    assert.deepEqual([byRow.get(3)!.column, byRow.get(3)!.value, byRow.get(3)!.severity], ['Amount', '=HYPERLINK("http://x")', 'error']);
    assert.deepEqual([byRow.get(4)!.field, byRow.get(4)!.severity], ['country', 'warning']);
    assert.equal(byRow.get(5)!.severity, 'error');
    assert.match(byRow.get(5)!.message, /cells where the header has 5/);

    const { chunks } = await suppliers.issuesCsv(who, summary.id);
    let csv = '';
    for await (const c of chunks) csv += c;
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'row,line,column,field,value,severity,message');
    assert.equal(lines.length, 5);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), 'a formula in a cell is defused in the download');
  });

  test('a mapping that does not fit the file is refused before anything is recorded', async () => {
    const who = await newOrg();
    await assert.rejects(suppliers.importFile(who, await file('m.csv', SPEND), { supplier: 'Supplier Name' }), /no column "Supplier Name"/);
    assert.equal(await count('imports', who.orgId), 0);
  });
});

describe('an import that fails', () => {
  test('halfway stores nothing from the file and says why', async () => {
    const who = await newOrg();
    await suppliers.importFile(who, await file('first.csv', SPEND), MAPPING);
    const before = await suppliers.portfolio(who);
    const path = join(dir, 'generated.csv');
    await writeSupplierFile(path, 600, { seed: 7 });
    let batches = 0;
    const failed = await suppliers.importFile(who, path, recogniseColumns(GENERATED_HEADER).mapping, {
      batchSize: 100,
      onProgress: () => {
        batches += 1;
        if (batches === 3) throw new Error('disk full (injected)');
      },
    });
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, /disk full \(injected\); nothing from the file was stored/);
    assert.equal(failed.progress.rows, 300, 'it failed after three batches of a hundred rows');
    assert.equal(await count('suppliers', who.orgId), 4, 'only the first import\'s suppliers');
    assert.equal((await t.db.query<{ n: number }>('SELECT count(*) AS n FROM supply_lines WHERE org_id = $1 AND import_id = $2', [who.orgId, failed.id]))[0]!.n, 0);
    assert.deepEqual(await suppliers.portfolio(who), before);
    const actions = await t.db.query<{ action: string }>('SELECT action FROM audit_log WHERE org_id = $1 ORDER BY seq', [who.orgId]);
    assert.equal(actions.at(-1)!.action, 'suppliers.import_failed');
  });
});

describe('the supplier list', () => {
  let who: Who;
  before(async () => {
    who = await newOrg();
    const path = join(dir, 'list.csv');
    await writeSupplierFile(path, 1_200, { seed: 3 });
    const s = await suppliers.importFile(who, path, recogniseColumns(GENERATED_HEADER).mapping);
    assert.equal(s.suppliersCreated, 120);
  });

  test('pages through every supplier once, in the order asked', async () => {
    for (const sort of ['priority', 'score', 'name', 'spend', 'country', 'lines'] as const) {
      const seen: number[] = [];
      const pages = [];
      for (let offset = 0; offset < 120; offset += 25) pages.push(await suppliers.suppliers(who, { sort, offset, limit: 25 }));
      for (const p of pages) {
        assert.equal(p.total, 120);
        seen.push(...p.items.map((i) => i.id));
      }
      assert.equal(new Set(seen).size, 120, `${sort}: no supplier twice, none missing`);
    }
    const byScore = (await suppliers.suppliers(who, { sort: 'score', offset: 0, limit: 120 })).items.map((i) => i.score);
    assert.deepEqual(byScore, [...byScore].sort((a, b) => b - a));
    const bySpendAsc = (await suppliers.suppliers(who, { sort: 'spend', dir: 'asc', offset: 0, limit: 120 })).items.map((i) => i.spend);
    assert.deepEqual(bySpendAsc, [...bySpendAsc].sort((a, b) => a - b));
    const byName = (await suppliers.suppliers(who, { sort: 'name', offset: 0, limit: 3 })).items.map((i) => i.name);
    assert.deepEqual(byName, ['Supplier 0 Trading Ltd', 'Supplier 1 Trading Ltd', 'Supplier 10 Trading Ltd']);
  });

  test('filters by level, country and text', async () => {
    const severe = await suppliers.suppliers(who, { level: ['severe'], sort: 'priority', offset: 0, limit: 500 });
    assert.ok(severe.total > 0 && severe.total < 120, `${severe.total} severe suppliers`);
    assert.ok(severe.items.every((i) => i.level === 'severe'), 'only severe suppliers');
    const pt = await suppliers.suppliers(who, { country: ['PT', 'GH'], sort: 'name', offset: 0, limit: 500 });
    assert.ok(pt.total > 0 && pt.items.every((i) => i.countries.includes('PT') || i.countries.includes('GH')), `${pt.total} suppliers in Portugal or Ghana`);
    assert.equal((await suppliers.suppliers(who, { country: ['FI'], sort: 'name', offset: 0, limit: 500 })).total, 0, 'no supplier of the file is in Finland');
    assert.equal((await suppliers.suppliers(who, { q: 'V000042', sort: 'name', offset: 0, limit: 5 })).items[0]?.name, 'Supplier 42 Trading Ltd', 'by vendor number');
    assert.ok((await suppliers.suppliers(who, { q: 'cocoa', sort: 'name', offset: 0, limit: 500 })).total > 0, 'by good');
    assert.equal((await suppliers.suppliers(who, { q: '100%_', sort: 'name', offset: 0, limit: 5 })).total, 0, 'LIKE wildcards are taken literally');
  });

  test('reassessing after a weights change reports the lines whose level changed', async () => {
    const unchanged = await suppliers.reassess(who);
    assert.deepEqual([unchanged.lines, unchanged.changed, unchanged.levelChanges], [1_200, 0, []]);
    assert.deepEqual(unchanged.editionsBefore, unchanged.editionsAfter);

    const before = await suppliers.suppliers(who, { level: ['low'], sort: 'name', offset: 0, limit: 500 });
    assert.ok(before.total > 0, 'some suppliers are low');
    const lower = { ...DEFAULT_WEIGHTS, levels: { medium: 1, high: 2, severe: 3 } };
    const report = await suppliers.setWeights(who, lower);
    assert.ok(report.changed > 0, 'lower thresholds change levels');
    assert.equal(report.changed, report.levelChanges.reduce((n, c) => n + c.lines, 0));
    assert.ok(report.levelChanges.every((c) => c.to === 'severe' && c.from !== 'severe'), JSON.stringify(report.levelChanges));
    assert.equal((await suppliers.weights(who)).weights.levels.severe, 3);
    assert.equal((await suppliers.suppliers(who, { level: ['low'], sort: 'name', offset: 0, limit: 500 })).total, 0);
    const runs = await t.db.query<{ reason: string; changed: number }>('SELECT reason, changed FROM assessment_runs WHERE org_id = $1 ORDER BY id', [who.orgId]);
    assert.deepEqual(runs.map((r) => r.reason), ['editions', 'weights']);
    assert.equal(runs[1]!.changed, report.changed);
    const [weightsAudit] = await t.db.query<{ before: { levels: unknown } }>("SELECT before FROM audit_log WHERE org_id = $1 AND action = 'risk.weights_changed'", [who.orgId]);
    assert.deepEqual(weightsAudit!.before.levels, DEFAULT_WEIGHTS.levels);
  });
});

describe('saved mappings', () => {
  test('save under a name, replace by name, list and delete', async () => {
    const who = await newOrg();
    const first = await suppliers.saveMapping(who, 'SAP export', { supplier: 'Vendor' });
    const second = await suppliers.saveMapping(who, 'SAP export', { supplier: 'Vendor Name', country: 'Land' });
    assert.equal(second.id, first.id);
    assert.deepEqual((await suppliers.mappingByName(who, 'SAP export')).mapping, { supplier: 'Vendor Name', country: 'Land' });
    assert.equal((await suppliers.mappings(who)).length, 1);
    await suppliers.deleteMapping(who, first.id);
    assert.deepEqual(await suppliers.mappings(who), []);
    await assert.rejects(suppliers.deleteMapping(who, first.id), /No such mapping/);
  });
});

test('the issues download of an import holds every issue even past one page', async () => {
  const who = await newOrg();
  const rows = Array.from({ length: 6_000 }, (_, i) => `,Row ${i}`);
  const summary = await suppliers.importFile(who, await file('empty-names.csv', ['Vendor Name,Description', ...rows].join('\n')), { supplier: 'Vendor Name', description: 'Description' });
  assert.equal(summary.rejected, 6_000);
  const { chunks } = await suppliers.issuesCsv(who, summary.id);
  let lines = 0;
  for await (const c of chunks) lines += c.split('\n').length - 1;
  assert.equal(lines, 6_001);
});
