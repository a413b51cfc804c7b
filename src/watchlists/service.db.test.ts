// Watchlists against a real database (PGlite, or PostgreSQL when DATABASE_URL is set): the catalogue, imports
// as versions, all-or-nothing rejection, organisations' own lists walled off from each other, thresholds,
// change notifications and the audit trail.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { ORG } from '../../test/http.ts';
import { BR_MTE_ROWS, brMteOfficial, ftmText, writeListFile } from '../../test/watchlist-files.ts';
import { cliWho, type Who } from '../suppliers/service.ts';
import { bundledEditions } from './bundled.ts';
import { CATALOGUE } from './catalogue.ts';
import { defineCatalogue, type WatchlistChange, WatchlistError, WatchlistFileError, type WatchlistService } from './service.ts';

let t: TestDb;
let dir: string;
let watchlists: WatchlistService;
const changes: WatchlistChange[] = [];

before(async () => {
  t = await freshDatabase({ reference: true });
  await defineCatalogue(t.db);
  watchlists = t.services.watchlists;
  watchlists.onChange(async (c) => {
    changes.push(c);
  });
  dir = await mkdtemp(join(tmpdir(), 'vigil-watchlists-test-'));
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

let orgs = 0;
async function newOrg(): Promise<Who> {
  orgs += 1;
  const [user] = await t.db.query<{ id: number }>("INSERT INTO users (email, email_key, name) VALUES ($1, $1, 'Analyst') RETURNING id", [`analyst${orgs}@example.org`]);
  const orgId = await t.services.access.createOrganisation({ userId: user!.id, email: `analyst${orgs}@example.org`, ip: null }, ORG(`Buyer ${orgs}`));
  return { ...cliWho(orgId), userId: user!.id, label: `analyst${orgs}@example.org` };
}

const shared = async (slug: string) => watchlists.sharedBySlug(slug);
const OWN = { name: 'Our blocklist', publisher: 'Buyer compliance team', sourceUrl: null, licence: null, signal: 'soft' as const, basis: 'Suppliers our own audits found using forced labour.', threshold: 0.9 };

describe('the catalogue', () => {
  test('defines the shared lists once, without entities, and leaves an operator\'s changes alone', async () => {
    const who = await newOrg();
    const lists = await watchlists.lists(who.orgId);
    assert.deepEqual(lists.map((l) => l.slug).sort(), CATALOGUE.map((c) => c.slug).sort());
    for (const l of lists) {
      assert.equal(l.scope, 'shared');
      assert.equal(l.activeVersion, null);
      assert.equal(l.entities, 0);
      assert.equal(l.signal, 'hard');
    }
    const uflpa = await shared('us-dhs-uflpa');
    await watchlists.setThreshold('operator', uflpa.id, 0.75);
    assert.deepEqual(await defineCatalogue(t.db), [], 'nothing new to define');
    assert.equal((await shared('us-dhs-uflpa')).threshold, 0.75, 'preparing the database again keeps the operator\'s threshold');
    await watchlists.setThreshold('operator', uflpa.id, CATALOGUE[0]!.threshold);
  });
});

describe('importing a version', () => {
  test('the operator imports the Brazil register into the shared list; every organisation sees it, with citable rows', async () => {
    const list = await shared('br-mte-slavery');
    const path = await writeListFile(dir, 'cadastro.csv', brMteOfficial());
    changes.length = 0;
    const progress: number[] = [];
    const v = await watchlists.importFile('operator', list.id, { path, fileName: 'cadastro.csv', format: 'br-mte', publishedOn: '2032-03-09' }, (p) => progress.push(p.entities));
    assert.equal(v.edition, '2032-03-09', 'the edition defaults to the publication date');
    assert.equal(v.entities, BR_MTE_ROWS.length + 1);
    assert.equal(v.format, 'br-mte');
    assert.match(v.sha256, /^[0-9a-f]{64}$/);
    assert.match(v.importedBy, /^cli:/);
    assert.ok(v.warnings >= 2, 'the dotted CNPJ and the footnote are warnings');
    assert.ok(v.warningIssues.some((w) => w.line === 8 && /"\." where "\/" belongs/.test(w.message)));
    assert.equal(progress.at(-1), v.entities);
    assert.deepEqual(changes, [{ watchlistId: list.id, orgId: null, versionId: v.id, reason: 'version' }]);

    const a = await newOrg();
    const [active] = await watchlists.activeEntities(a.orgId, ['br-mte-slavery']);
    assert.ok(active);
    assert.equal(active.version.id, v.id);
    assert.equal(active.watchlist.signal, 'hard');
    const carvoaria = active.entities.find((e) => e.key === 'br-mte:11222333000181')!;
    assert.equal(carvoaria.id, `${v.id}:1`);
    assert.equal(carvoaria.sourceRow, 5, 'the row is cited by the line it starts on');
    assert.equal(carvoaria.type, 'company');
    assert.deepEqual(carvoaria.identifiers, [{ scheme: 'company_number', value: '11.222.333/0001-81', country: 'BR' }]);
    assert.equal(carvoaria.properties.section, 'I');
    assert.match(carvoaria.fingerprint, /^[\w-]{22}$/);
    const person = active.entities.find((e) => e.key === 'br-mte:22255588846')!;
    assert.equal(person.type, 'person');
    assert.equal(person.properties.section, 'II');

    const page = await watchlists.entities(a.orgId, list.id, { q: 'têxtil', offset: 0, limit: 10 });
    assert.equal(page.total, 1);
    assert.equal(page.items[0]!.name, 'Confecções Exemplo Têxtil Ltda.');
    assert.equal((await watchlists.entities(a.orgId, list.id, { q: '111.444.777', offset: 0, limit: 10 })).items[0]?.name, 'João Exemplo da Silva', 'searchable by identifier');
  });

  test('a malformed file is rejected whole, naming file, line, field and value, and the active version stays', async () => {
    const list = await shared('br-mte-slavery');
    const before = list.activeVersion!;
    const rows = BR_MTE_ROWS.map((r) => [...r]);
    rows[1]![4] = '111.444.777-36'; // wrong check digit (line 7)
    rows[3]![3] = ''; // no name (line 9)
    const path = await writeListFile(dir, 'bad-cadastro.csv', brMteOfficial({ rows }));
    await assert.rejects(
      watchlists.importFile('operator', list.id, { path, fileName: 'bad-cadastro.csv', format: 'br-mte' }),
      (err: unknown) => {
        assert.ok(err instanceof WatchlistFileError);
        assert.deepEqual(
          err.issues.map((i) => [i.file, i.line, i.field, i.value]),
          [['bad-cadastro.csv', 7, 'CNPJ/CPF', '111.444.777-36'], ['bad-cadastro.csv', 9, 'Empregador', null]],
        );
        assert.match(err.issues[0]!.message, /check digits/);
        return true;
      },
    );
    const after = await shared('br-mte-slavery');
    assert.equal(after.activeVersion!.id, before.id);
    const versions = await t.db.query('SELECT id FROM watchlist_versions WHERE watchlist_id = $1', [list.id]);
    assert.equal(versions.length, 1, 'the rejected version left nothing behind');
  });

  test('an import stopped half-way leaves the old version active and nothing of the new one', async () => {
    const list = await shared('br-mte-slavery');
    const path = await writeListFile(dir, 'cadastro-2.csv', brMteOfficial());
    await assert.rejects(
      watchlists.importFile('operator', list.id, { path, fileName: 'cadastro-2.csv', format: 'br-mte' }, () => {
        throw new Error('killed');
      }),
      /killed/,
    );
    assert.equal((await shared('br-mte-slavery')).activeVersion!.id, list.activeVersion!.id);
    assert.equal((await t.db.query('SELECT 1 FROM watchlist_versions WHERE watchlist_id = $1', [list.id])).length, 1);
  });

  test('a new version becomes active, the old one keeps its entities for the hits that cite it, and editions do not repeat', async () => {
    const list = await shared('br-mte-slavery');
    const old = list.activeVersion!;
    const path = await writeListFile(dir, 'cadastro-3.csv', brMteOfficial({ rows: BR_MTE_ROWS.slice(0, 2) }));
    const v = await watchlists.importFile('operator', list.id, { path, fileName: 'cadastro-3.csv', format: 'br-mte', publishedOn: '2032-03-09' });
    assert.equal(v.edition, '2032-03-09-2');
    const who = await newOrg();
    const detail = await watchlists.get(who.orgId, list.id);
    assert.deepEqual(detail.versions.map((x) => x.id), [v.id, old.id]);
    assert.equal(detail.watchlist.entities, 3);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM watchlist_entities WHERE version_id = $1', [old.id])) as [{ n: number }];
    assert.equal(n, BR_MTE_ROWS.length + 1);
    await assert.rejects(
      watchlists.importFile('operator', list.id, { path, fileName: 'cadastro-3.csv', format: 'br-mte', edition: '2032-03-09' }),
      (err: unknown) => err instanceof WatchlistError && err.kind === 'conflict',
    );
  });

  test('FollowTheMoney lines import with sanction facts, and a bad line rejects the file', async () => {
    const list = await shared('opensanctions-sanctions');
    const path = await writeListFile(dir, 'entities.ftm.json', ftmText());
    const v = await watchlists.importFile('operator', list.id, { path, fileName: 'entities.ftm.json', format: 'ftm', edition: '20320301' });
    assert.equal(v.entities, 4);
    const bad = await writeListFile(dir, 'bad.ftm.json', ftmText([{ id: 'x1', schema: 'Company', properties: { name: ['Fine Co'] } }, '{"id": "x2", "schema": ']));
    await assert.rejects(watchlists.importFile('operator', list.id, { path: bad, fileName: 'bad.ftm.json', format: 'ftm' }), (err: unknown) => {
      assert.ok(err instanceof WatchlistFileError);
      assert.equal(err.issues[0]!.line, 2);
      assert.match(err.message, /bad\.ftm\.json, line 2.*not valid JSON/);
      return true;
    });
    assert.equal((await shared('opensanctions-sanctions')).activeVersion!.id, v.id);
  });
});

describe('an organisation\'s own lists', () => {
  test('are created, imported as tables, and invisible to every other organisation', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const own = await watchlists.createList(a, { slug: 'our-blocklist', ...OWN });
    assert.equal(own.scope, 'organisation');
    const path = await writeListFile(dir, 'blocklist.csv', 'Supplier,Other names,Country,LEI,Reason\nImaginary Garments Ltd,IG Ltd | Imaginary Garments,Bangladesh,,Audit 2031: passports withheld\nFiction Fisheries,,TH;MM,,Debt bondage\n');
    changes.length = 0;
    const v = await watchlists.importFile(a, own.id, { path, fileName: 'blocklist.csv', format: 'table', mapping: { name: 'supplier', aliases: 'Other names', country: 'Country', identifiers: [{ column: 'LEI', scheme: 'lei' }] } });
    assert.equal(v.entities, 2);
    assert.deepEqual(changes, [{ watchlistId: own.id, orgId: a.orgId, versionId: v.id, reason: 'version' }]);
    const [mine] = await watchlists.activeEntities(a.orgId, ['our-blocklist']);
    assert.deepEqual(mine!.entities.map((e) => [e.name, e.aliases, e.countries, e.properties]), [
      ['Imaginary Garments Ltd', ['IG Ltd', 'Imaginary Garments'], ['BD'], { Reason: 'Audit 2031: passports withheld' }],
      ['Fiction Fisheries', [], ['TH', 'MM'], { Reason: 'Debt bondage' }],
    ]);

    assert.ok(!(await watchlists.lists(b.orgId)).some((l) => l.id === own.id));
    await assert.rejects(watchlists.get(b.orgId, own.id), (err: unknown) => err instanceof WatchlistError && err.kind === 'not-found');
    await assert.rejects(watchlists.entities(b.orgId, own.id, { offset: 0, limit: 10 }), (err: unknown) => err instanceof WatchlistError && err.kind === 'not-found');
    await assert.rejects(watchlists.activeEntities(b.orgId, ['our-blocklist']), (err: unknown) => err instanceof WatchlistError && err.kind === 'not-found');
    await assert.rejects(watchlists.importFile(b, own.id, { path, fileName: 'blocklist.csv', format: 'table', mapping: { name: 'Supplier' } }), (err: unknown) => err instanceof WatchlistError && err.kind === 'not-found');
    // The same slug is free for another organisation, but not one a shared list uses.
    await watchlists.createList(b, { slug: 'our-blocklist', ...OWN });
    await assert.rejects(watchlists.createList(b, { slug: 'us-dhs-uflpa', ...OWN }), (err: unknown) => err instanceof WatchlistError && err.kind === 'conflict');

    const trail = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'watchlists.%' ORDER BY seq", [a.orgId]);
    assert.deepEqual(trail.map((r) => r.action), ['watchlists.created', 'watchlists.version_imported']);
  });

  test('an organisation cannot import into a shared list, nor write a shared row past the service', async () => {
    const a = await newOrg();
    const list = await shared('us-cbp-wro');
    const path = await writeListFile(dir, 'wro.json', ftmText());
    await assert.rejects(watchlists.importFile(a, list.id, { path, fileName: 'wro.json', format: 'ftm' }), (err: unknown) => err instanceof WatchlistError && err.kind === 'forbidden');
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.query('SET LOCAL ROLE vigil_app');
        await tx.query("SELECT set_config('vigil.org_id', $1, true)", [String(a.orgId)]);
        await tx.query('UPDATE watchlists SET threshold = 0.5 WHERE id = $1', [list.id]);
      }),
      /row-level security/,
    );
  });
});

describe('thresholds', () => {
  test('an organisation\'s override of a shared list is its own; its own list\'s threshold is the list\'s', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const list = await shared('us-dhs-uflpa');
    changes.length = 0;
    const changed = await watchlists.setThreshold(a, list.id, 0.7);
    assert.equal(changed.threshold, 0.7);
    assert.equal(changed.listThreshold, list.threshold);
    assert.equal((await watchlists.lists(b.orgId)).find((l) => l.id === list.id)!.threshold, list.threshold, 'another organisation keeps the list\'s threshold');
    assert.equal((await shared('us-dhs-uflpa')).threshold, list.threshold);
    assert.deepEqual(changes, [{ watchlistId: list.id, orgId: a.orgId, versionId: null, reason: 'threshold' }]);
    const own = await watchlists.createList(a, { slug: 'threshold-test', ...OWN });
    assert.equal((await watchlists.setThreshold(a, own.id, 0.95)).listThreshold, 0.95);
    await assert.rejects(watchlists.setThreshold(a, own.id, 1.5), (err: unknown) => err instanceof WatchlistError && err.kind === 'invalid');
    const trail = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'watchlists.threshold%' ORDER BY seq", [a.orgId]);
    assert.deepEqual(trail.map((r) => r.action), ['watchlists.threshold_override_set', 'watchlists.threshold_set']);
  });
});

describe('bundled editions', () => {
  test('load into a shared list only while it has no version, and only when the file matches its manifest', async () => {
    const [seed] = bundledEditions();
    assert.ok(seed, 'the CBP partial seed is bundled');
    const list = await shared(seed.slug);
    if (list.activeVersion === null) {
      assert.deepEqual(await watchlists.loadBundled(), [`${seed.slug} ${seed.edition}`]);
    }
    const loaded = await shared(seed.slug);
    assert.equal(loaded.activeVersion!.edition, seed.edition);
    assert.equal(loaded.activeVersion!.importedBy, 'bundled');
    assert.equal(loaded.entities, seed.entities);
    const [active] = await watchlists.activeEntities((await newOrg()).orgId, [seed.slug]);
    assert.ok(active!.entities.every((e) => /PARTIAL seed/.test(String(e.properties.summary))));
    assert.ok(active!.entities.some((e) => e.name === 'Hoshine Silicon Industry Co. Ltd.'));
    assert.deepEqual(await watchlists.loadBundled(), [], 'never twice, nor over a version of the list');

    const copy = await mkdtemp(join(tmpdir(), 'vigil-bundled-'));
    await cp(join(seed.path, '..'), join(copy, seed.slug), { recursive: true });
    await writeFile(join(copy, seed.slug, seed.file), '{"id": "tampered", "schema": "Company", "properties": {"name": ["Tampered"]}}\n');
    const fresh = await freshDatabase({ reference: true });
    try {
      await defineCatalogue(fresh.db);
      await assert.rejects(fresh.services.watchlists.loadBundled(copy), /does not match the checksum/);
    } finally {
      await fresh.close();
      await rm(copy, { recursive: true, force: true });
    }
  });
});
