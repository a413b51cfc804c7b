// Screening against a real database (PGlite, or PostgreSQL when DATABASE_URL is set), with a fictional list
// imported through WatchlistService: hits on import, alerts only for new or changed hits, reviews that stand
// until either side's data changes, the risk feed, owners, failures, and isolation between organisations.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { ORG } from '../../test/http.ts';
import { DEFAULT_WEIGHTS } from '../risk/index.ts';
import type { ColumnMapping } from '../suppliers/line.ts';
import type { Who } from '../suppliers/service.ts';
import type { WatchlistDefinition } from '../watchlists/types.ts';
import type { ScreeningService } from './service.ts';

let t: TestDb;
let dir: string;
let screening: ScreeningService;
before(async () => {
  t = await freshDatabase({ reference: true });
  screening = t.services.screening;
  dir = await mkdtemp(join(tmpdir(), 'vigil-screening-test-'));
});
after(async () => {
  await screening.idle();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

let orgs = 0;
/** A fresh organisation with a member, so tests never see each other's suppliers, lists or hits. */
async function newOrg(): Promise<Who> {
  orgs += 1;
  const email = `analyst${orgs}@example.org`;
  const [user] = await t.db.query<{ id: number }>("INSERT INTO users (email, email_key, name) VALUES ($1, $1, 'Analyst') RETURNING id", [email]);
  const orgId = await t.services.access.createOrganisation({ userId: user!.id, email, ip: null }, ORG(`Buyer ${orgs}`));
  return { orgId, userId: user!.id, label: email, ip: '192.0.2.7' };
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

// A fictional forced-labour list: no real company or person.
const LISTED = {
  redwater: { id: 'fl-redwater', schema: 'Company', properties: { name: ['Redwater Cotton Ginning Co., Ltd.'], alias: ['Redwater Ginning'], country: ['cn'] } },
  suncrest: { id: 'fl-suncrest', schema: 'Company', properties: { name: ['Suncrest Polysilicon Materials Co. Ltd'], country: ['cn'] } },
  volkov: { id: 'fl-volkov', schema: 'Person', properties: { name: ['Arkady Volkonsky-Marr'], country: ['ru'] } },
  harbour: { id: 'fl-harbour', schema: 'Company', properties: { name: ['Blue Harbour Seafood Processing Sdn Bhd'], country: ['my'] } },
};
const ftm = (...entities: object[]) => `${entities.map((e) => JSON.stringify(e)).join('\n')}\n`;

const HARD_LIST: WatchlistDefinition = {
  slug: 'fictional-fl', name: 'Fictional forced-labour entity list', publisher: 'Vigil tests', sourceUrl: null, licence: null, signal: 'hard',
  basis: 'A fictional list with legal weight, for tests.', threshold: 0.8,
};

async function ownList(who: Who, def: WatchlistDefinition, text: string, edition: string): Promise<number> {
  const list = await t.services.watchlists.createList(who, def);
  await importVersion(who, list.id, text, edition);
  return list.id;
}

async function importVersion(who: Who, listId: number, text: string, edition: string): Promise<void> {
  const path = await file(`list-${who.orgId}-${edition}.jsonl`, text);
  await t.services.watchlists.importFile(who, listId, { path, fileName: 'list.jsonl', format: 'ftm', edition });
}

const MAPPING: ColumnMapping = { supplier: 'Vendor Name', supplier_ref: 'Vendor No', country: 'Country', description: 'Description', spend: 'Amount' };
const PORTFOLIO = [
  'Vendor Name,Vendor No,Country,Description,Amount',
  'REDWATER COTTON GINNING COMPANY LIMITED,V1,China,Cotton lint,120000',
  'Suncrest Poly-Silicon Materials Co,V2,China,Polysilicon,80000',
  'Redwood Furniture Ltd,V3,China,Office chairs,9000',
  'Nordic Paper AB,V4,Finland,Printer paper A4,400',
  'Blue Harbor Seafood Processing,V5,Malaysia,Frozen shrimp,30000',
].join('\n');

async function importPortfolio(who: Who, text = PORTFOLIO, name = 'portfolio.csv') {
  const summary = await t.services.suppliers.importFile(who, await file(`${who.orgId}-${name}`, text), MAPPING);
  assert.equal(summary.status, 'committed', summary.error ?? '');
  return summary;
}

const supplierId = async (who: Who, name: string) =>
  (await t.db.query<{ id: number }>('SELECT id FROM suppliers WHERE org_id = $1 AND name = $2', [who.orgId, name]))[0]!.id;

const risk = async (who: Who, id: number) =>
  (await t.db.query<{ hard: number; listHits: number; score: number; lineScore: number; why: string | null }>(
    'SELECT hard_signals AS hard, list_hits AS "listHits", score, line_score AS "lineScore", why FROM supplier_risk WHERE org_id = $1 AND supplier_id = $2',
    [who.orgId, id],
  ))[0]!;

const all = { status: ['open', 'confirmed', 'dismissed'] as ('open' | 'confirmed' | 'dismissed')[], offset: 0, limit: 100 };

describe('screening on import, a list change and a review', () => {
  let a: Who;
  let listId: number;
  before(async () => {
    a = await newOrg();
    listId = await ownList(a, HARD_LIST, ftm(LISTED.redwater, LISTED.suncrest, LISTED.volkov), '2025-01');
    await importPortfolio(a);
  });

  test('the import screens every supplier: the planted ones are hard, open ("possible") hits with explanations; the others are not flagged', async () => {
    const { items } = await screening.hits(a, all);
    assert.deepEqual(items.map((h) => h.subject.supplierName).sort(), ['REDWATER COTTON GINNING COMPANY LIMITED', 'Suncrest Poly-Silicon Materials Co']);
    for (const h of items) {
      assert.equal(h.hard, true);
      assert.equal(h.status, 'open', 'a hard hit waits for a person');
      assert.equal(h.alert, 'new');
      assert.equal(h.entity.list, 'fictional-fl');
      assert.equal(h.entity.type, 'company');
      assert.ok(h.score >= 0.8);
      assert.deepEqual(h.subject.countries, ['CN']);
      const d = await screening.hit(a, h.id);
      assert.ok(d.result.features.some((f) => f.feature === 'tokens' || f.feature === 'name'), JSON.stringify(d.result.features));
      assert.ok(d.result.features.every((f) => f.explanation.length > 0));
      assert.equal(d.version.edition, '2025-01');
      assert.equal(d.watchlist.signal, 'hard');
      assert.equal(d.listEntity.sourceRow > 0, true);
      assert.equal(d.subjectEntity.name, h.subject.name);
      assert.deepEqual(d.reviews, []);
    }
    const runs = await screening.runs(a);
    assert.equal(runs[0]!.reason, 'import');
    assert.equal(runs[0]!.status, 'done');
    assert.equal(runs[0]!.subjects, 5);
    assert.equal(runs[0]!.newHits, 2);
    assert.deepEqual(runs[0]!.lists, { 'fictional-fl': '2025-01' });
    const summary = await screening.summary(a);
    assert.deepEqual({ ...summary, lastRun: summary.lastRun?.id }, { open: 2, openHard: 2, confirmed: 0, dismissed: 0, unseenAlerts: 2, lastRun: runs[0]!.id });
  });

  test('hard hits feed the risk rollup apart from the score, and put the suppliers first on the worklist', async () => {
    const red = await supplierId(a, 'REDWATER COTTON GINNING COMPANY LIMITED');
    const r = await risk(a, red);
    assert.equal(r.hard, 1);
    assert.equal(r.score, r.lineScore, 'a hard hit never changes the score');
    assert.match(r.why!, /1 hard watchlist hit \(1 possible, awaiting confirmation\)/);
    const worklist = await t.services.suppliers.worklist(a, 5);
    assert.deepEqual(new Set(worklist.slice(0, 2).map((w) => w.name)), new Set(['REDWATER COTTON GINNING COMPANY LIMITED', 'Suncrest Poly-Silicon Materials Co']));
    const portfolio = await t.services.suppliers.portfolio(a);
    assert.equal(portfolio.hardSignals, 2);
    const detail = await t.services.suppliers.supplier(a, red);
    assert.equal(detail.risk.hardSignals, 1);
    assert.equal(detail.risk.listSignals[0]!.kind, 'list-hit');
    assert.equal(detail.risk.listSignals[0]!.dataset, 'fictional-fl');
    // A reassessment rewrites the rollup from the lines, and folds the hits in again.
    await t.services.suppliers.setWeights(a, { ...structuredClone(DEFAULT_WEIGHTS), leverageFloor: 0.4 });
    assert.equal((await risk(a, red)).hard, 1);
  });

  test('a new edition that adds one entity alerts for the new hit only', async () => {
    const before = await screening.alerts(a, false);
    await importVersion(a, listId, ftm(LISTED.redwater, LISTED.suncrest, LISTED.volkov, LISTED.harbour), '2025-02');
    const alerts = await screening.alerts(a, false);
    const fresh = alerts.filter((x) => !before.some((b) => b.id === x.id));
    assert.equal(fresh.length, 1);
    assert.equal(fresh[0]!.kind, 'new');
    assert.equal(fresh[0]!.hit.subject.supplierName, 'Blue Harbor Seafood Processing');
    const run = (await screening.runs(a))[0]!;
    assert.deepEqual([run.reason, run.newHits, run.changedHits, run.hits], ['list-change', 1, 0, 3]);
    const d = await screening.hit(a, fresh[0]!.hitId);
    assert.equal(d.version.edition, '2025-02');
  });

  test('a dismissal is audited and stands through re-screening until the entity\'s data changes', async () => {
    const red = (await screening.hits(a, { ...all, q: 'redwater' })).items[0]!;
    await assert.rejects(screening.review(a, red.id, 'dismiss', ' '), /reason/);
    const d = await screening.review(a, red.id, 'dismiss', 'Different company: registered in another province, other directors.');
    assert.equal(d.status, 'dismissed');
    assert.deepEqual(d.reviews.map((r) => [r.decision, r.by]), [['dismiss', a.label]]);
    const [audit] = await t.db.query<{ actor: string; after: { reason: string; status: string }; before: { status: string }; ip: string }>(
      "SELECT actor, after, before, ip FROM audit_log WHERE org_id = $1 AND action = 'screening.hit_dismissed' AND entity_id = $2",
      [a.orgId, String(red.id)],
    );
    assert.equal(audit!.actor, a.label);
    assert.equal(audit!.after.reason, 'Different company: registered in another province, other directors.');
    assert.deepEqual([audit!.before.status, audit!.after.status], ['open', 'dismissed']);
    assert.equal(audit!.ip, a.ip);
    assert.equal((await risk(a, red.subject.supplierId)).hard, 0, 'a dismissed hit no longer counts');
    await assert.rejects(screening.review(a, red.id, 'dismiss', 'again'), /dismissed already/);

    const alertsBefore = (await screening.alerts(a, false)).length;
    const rerun = await screening.screenOrganisation(a.orgId, 'manual', { who: a });
    assert.equal(rerun.status, 'done');
    assert.equal(rerun.newHits + rerun.changedHits, 0);
    assert.equal((await screening.alerts(a, false)).length, alertsBefore, 're-screening the same data alerts for nothing');
    assert.equal((await screening.hit(a, red.id)).status, 'dismissed');

    // The list's next edition gives the entity another alias: its data changed, so the hit is open again.
    const changed = { ...LISTED.redwater, properties: { ...LISTED.redwater.properties, alias: ['Redwater Ginning', 'Redwater Textile Raw Materials'] } };
    await importVersion(a, listId, ftm(changed, LISTED.suncrest, LISTED.volkov, LISTED.harbour), '2025-03');
    const again = await screening.hit(a, red.id);
    assert.equal(again.status, 'open');
    assert.equal(again.alert, 'changed');
    assert.deepEqual(again.reviews.map((r) => [r.decision, r.by]), [['dismiss', a.label], ['reopen', 'system']]);
    assert.match(again.reviews[1]!.reason, /listed entity's data changed/);
    assert.equal((await risk(a, red.subject.supplierId)).hard, 1);
  });

  test('a confirmed hit stands until the supplier\'s data changes, then is open again with its history', async () => {
    const sun = (await screening.hits(a, { ...all, q: 'suncrest' })).items[0]!;
    assert.equal((await screening.review(a, sun.id, 'confirm', 'Same company: the registration number matches the listing.')).status, 'confirmed');
    assert.equal((await risk(a, sun.subject.supplierId)).hard, 1, 'a confirmed hard hit still counts');
    assert.match((await risk(a, sun.subject.supplierId)).why!, /1 confirmed/);
    // The same supplier (vendor number V2) now also ships from Malaysia: its countries change.
    await importPortfolio(a, 'Vendor Name,Vendor No,Country,Description,Amount\nSuncrest Poly-Silicon Materials Co,V2,Malaysia,Polysilicon,100\n', 'more.csv');
    const d = await screening.hit(a, sun.id);
    assert.equal(d.status, 'open');
    assert.equal(d.alert, 'changed');
    assert.deepEqual(d.subjectEntity.countries, ['CN', 'MY']);
    assert.deepEqual(d.reviews.map((r) => r.decision), ['confirm', 'reopen']);
    assert.match(d.reviews[1]!.reason, /supplier's data changed/);
    assert.equal((await screening.review(a, sun.id, 'confirm', 'Still the same company, now with a Malaysian site.')).status, 'confirmed');
    assert.equal((await screening.review(a, sun.id, 'reopen', 'Asked the supplier for more evidence.')).status, 'open');
    const actions = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'screening.hit_%' ORDER BY seq", [a.orgId]);
    assert.deepEqual(actions.map((x) => x.action), ['screening.hit_dismissed', 'screening.hit_confirmed', 'screening.hit_confirmed', 'screening.hit_reopened']);
  });

  test('an entity that leaves the list makes its hit gone, kept with its reviews', async () => {
    const harbour = (await screening.hits(a, { ...all, q: 'harbor' })).items[0]!;
    await importVersion(a, listId, ftm(LISTED.redwater, LISTED.suncrest, LISTED.volkov), '2025-04');
    assert.equal((await screening.hits(a, { ...all, q: 'harbor' })).total, 0);
    const d = await screening.hit(a, harbour.id);
    assert.ok(d.goneAt);
    assert.equal((await screening.runs(a))[0]!.goneHits, 1);
    assert.equal((await risk(a, harbour.subject.supplierId)).hard, 0);
  });

  test('alerts are marked seen', async () => {
    const unseen = await screening.alerts(a, true);
    assert.ok(unseen.length > 0);
    await screening.markSeen(a, unseen.map((x) => x.id));
    assert.equal((await screening.alerts(a, true)).length, 0);
    assert.equal((await screening.summary(a)).unseenAlerts, 0);
    assert.ok((await screening.hits(a, all)).items.every((h) => h.alert === null));
  });
});

describe('owners, soft lists, failures and isolation', () => {
  test('an owner is screened once added, and its hit is gone when the owner is removed', async () => {
    const a = await newOrg();
    await ownList(a, HARD_LIST, ftm(LISTED.volkov), '2025-01');
    await importPortfolio(a);
    const nordic = await supplierId(a, 'Nordic Paper AB');
    const owner = await screening.addOwner(a, nordic, { name: 'Arkady Volkonsky Marr', type: 'person', countries: ['RU'] });
    await screening.idle();
    const { items } = await screening.hits(a, all);
    assert.equal(items.length, 1);
    assert.deepEqual([items[0]!.subject.kind, items[0]!.subject.id, items[0]!.subject.supplierId], ['owner', owner.id, nordic]);
    assert.equal((await screening.supplierPart(a, nordic)).owners[0]!.name, 'Arkady Volkonsky Marr');
    assert.equal((await risk(a, nordic)).hard, 1);
    await screening.deleteOwner(a, nordic, owner.id);
    assert.equal((await screening.hits(a, all)).total, 0);
    assert.equal((await risk(a, nordic)).hard, 0);
    const actions = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'suppliers.owner_%' ORDER BY seq", [a.orgId]);
    assert.deepEqual(actions.map((x) => x.action), ['suppliers.owner_added', 'suppliers.owner_removed']);
    await assert.rejects(screening.addOwner(a, 999_999, { name: 'X', type: 'person' }), /No such supplier/);
  });

  test('a soft list adds points to the supplier\'s score at the match score, and says so', async () => {
    const a = await newOrg();
    await ownList(a, { ...HARD_LIST, slug: 'ngo-watch', signal: 'soft' }, ftm(LISTED.harbour), '2025-01');
    await importPortfolio(a);
    const id = await supplierId(a, 'Blue Harbor Seafood Processing');
    const r = await risk(a, id);
    const [hit] = (await screening.hits(a, all)).items;
    assert.equal(hit!.hard, false);
    assert.equal(r.hard, 0);
    assert.equal(r.listHits, 1);
    assert.equal(r.score, Math.min(100, r.lineScore + Math.round(DEFAULT_WEIGHTS.listHit.points * hit!.score)));
    assert.match(r.why!, /1 soft watchlist hit: Fictional forced-labour entity list \+\d+\./);
  });

  test('a run that fails leaves the hits as they were and says why; a run a dead process left is marked failed', async () => {
    const a = await newOrg();
    const listId = await ownList(a, HARD_LIST, ftm(LISTED.redwater), '2025-01');
    await importPortfolio(a);
    const before = await t.db.query('SELECT id, status, entity_id FROM screening_hits WHERE org_id = $1 ORDER BY id', [a.orgId]);
    assert.equal(before.length, 1);
    // The database refuses the run's alerts, after its hits were written in the same transaction.
    await t.db.exec(`CREATE FUNCTION refuse_alert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'alerts refused for this test'; END $$;
      CREATE TRIGGER refuse_alert BEFORE INSERT ON screening_alerts FOR EACH ROW EXECUTE FUNCTION refuse_alert();`);
    try {
      await importVersion(a, listId, ftm(LISTED.redwater, LISTED.suncrest), '2025-02');
    } finally {
      await t.db.exec('DROP TRIGGER refuse_alert ON screening_alerts; DROP FUNCTION refuse_alert();');
    }
    const run = (await screening.runs(a))[0]!;
    assert.equal(run.status, 'failed');
    assert.match(run.error!, /alerts refused for this test; the hits stay as the previous run left them/);
    assert.deepEqual(await t.db.query('SELECT id, status, entity_id FROM screening_hits WHERE org_id = $1 ORDER BY id', [a.orgId]), before);

    const [dead] = await t.db.query<{ id: number }>("INSERT INTO screening_runs (org_id, reason, started_by) VALUES ($1, 'manual', 'system') RETURNING id", [a.orgId]);
    assert.equal(await screening.recoverInterrupted(), 1);
    const marked = (await screening.runs(a)).find((r) => r.id === dead!.id)!;
    assert.equal(marked.status, 'failed');
    assert.match(marked.error!, /^interrupted/);
  });

  test('an organisation sees nothing of another\'s list, hits, alerts or owners; a shared list screens both apart', async () => {
    const a = await newOrg();
    const b = await newOrg();
    await ownList(a, HARD_LIST, ftm(LISTED.redwater), '2025-01');
    await importPortfolio(a);
    await importPortfolio(b);
    const aHit = (await screening.hits(a, all)).items[0]!;
    assert.equal((await screening.hits(b, all)).total, 0, "B is not screened against A's own list");
    await assert.rejects(screening.hit(b, aHit.id), /No such hit/);
    await assert.rejects(screening.review(b, aHit.id, 'dismiss', 'not mine'), /No such hit/);
    await screening.markSeen(b, (await screening.alerts(a, true)).map((x) => x.id));
    assert.ok((await screening.alerts(a, true)).length > 0, "B cannot mark A's alerts seen");
    const aSupplier = aHit.subject.supplierId;
    await assert.rejects(screening.owners(b, aSupplier), /No such supplier/);
    await assert.rejects(screening.addOwner(b, aSupplier, { name: 'Someone', type: 'person' }), /No such supplier/);
    await assert.rejects(screening.screen(b.orgId, [{ name: 'Redwater Cotton Ginning' }], { lists: ['fictional-fl'] }), /no watchlist "fictional-fl"/);

    // A shared list (the operator's): each organisation gets its own hits.
    const shared = await t.services.watchlists.defineShared({ ...HARD_LIST, slug: 'fictional-shared' });
    const path = await file('shared.jsonl', ftm(LISTED.suncrest));
    await t.services.watchlists.importFile('operator', shared.id, { path, fileName: 'shared.jsonl', format: 'ftm', edition: '1' });
    const inA = (await screening.hits(a, { ...all, list: [shared.id] })).items;
    const inB = (await screening.hits(b, { ...all, list: [shared.id] })).items;
    assert.equal(inA.length, 1);
    assert.equal(inB.length, 1);
    assert.notEqual(inA[0]!.id, inB[0]!.id);
    await screening.review(b, inB[0]!.id, 'dismiss', 'Checked: not the listed company.');
    assert.equal((await screening.hit(a, inA[0]!.id)).status, 'open', "B's decision is B's alone");
  });
});
