import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { ImportRejected } from './dataset.ts';
import { activeEdition, findEdition } from './repo.ts';
import { KnowledgeError } from './service.ts';

let t: TestDb;
before(async () => {
  t = await freshDatabase({ reference: true });
});
after(() => t.close());

/** The bundled TIP edition written back out as a publisher CSV, every year moved on by `shift`. */
async function tipCsv(shift: number, keep = (_i: number) => true): Promise<string> {
  const rows = await t.db.query<{ year: number; name: string; code: string; tier: string }>(
    `SELECT t.year, t.country_name AS name, t.country_code AS code, t.tier FROM ref_tip_tiers t
       JOIN ref_edition e ON e.id = t.edition_id AND e.dataset = 'tip-tiers' AND e.edition = '2025' ORDER BY t.source_row`,
  );
  const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['year,country_name_as_published,iso_alpha2,tier', ...rows.filter((_, i) => keep(i)).map((r) => `${r.year + shift},${quote(r.name)},${r.code},${r.tier}`)].join('\n');
}

test('the bundled editions load once, all seven active, with the published totals', async () => {
  const editions = await t.kb.editions();
  assert.deepEqual(new Set(editions.map((e) => e.dataset)), new Set(['countries', 'tip-tiers', 'ilab-tvpra', 'gsi', 'hs', 'cpv', 'ilo-indicators']));
  assert.ok(editions.every((e) => e.active && e.origin === 'bundled'));
  const ilab = editions.find((e) => e.dataset === 'ilab-tvpra')!;
  assert.deepEqual([ilab.stats.goods, ilab.stats.countries], [159, 78]);
  assert.equal(editions.find((e) => e.dataset === 'tip-tiers')!.stats.placements_2025, 188);
  assert.deepEqual(await t.kb.loadBundled(), [], 'a second load finds nothing new');
});

test('a newer edition imports from the publisher CSV, becomes active, and the old one stays available', async () => {
  const record = await t.kb.importFiles('tip-tiers', [{ name: 'tip-2026.csv', text: await tipCsv(1) }], { publishedOn: '2026-06-30' });
  assert.equal(record.edition, '2026');
  assert.equal(record.active, true);
  assert.equal(record.origin, 'import: tip-2026.csv');
  assert.equal((await activeEdition(t.db, 'tip-tiers'))!.edition, '2026');
  await t.kb.activate('tip-tiers', '2025');
  assert.equal((await activeEdition(t.db, 'tip-tiers'))!.edition, '2025');
  await assert.rejects(t.kb.importFiles('tip-tiers', [{ name: 'again.csv', text: await tipCsv(1) }]), (e: unknown) => e instanceof KnowledgeError && e.kind === 'conflict');
});

test('a truncated file is rejected naming line and field, and the active edition is untouched', async () => {
  const full = await tipCsv(2);
  const cut = full.slice(0, Math.floor(full.length * 0.6));
  const cutLine = cut.split('\n').length;
  await assert.rejects(t.kb.importFiles('tip-tiers', [{ name: 'tip-cut.csv', text: cut }]), (e: unknown) => {
    assert.ok(e instanceof ImportRejected);
    assert.ok(e.issues.some((i) => i.file === 'tip-cut.csv' && i.line === cutLine), JSON.stringify(e.issues.slice(0, 3)));
    return true;
  });
  assert.equal(await findEdition(t.db, 'tip-tiers', '2027'), null);
  assert.equal((await activeEdition(t.db, 'tip-tiers'))!.edition, '2025');
});

test('a file cut at a line boundary is taken for truncated unless --allow-shrink', async () => {
  const short = await tipCsv(3, (i) => i < 100);
  await assert.rejects(t.kb.importFiles('tip-tiers', [{ name: 'short.csv', text: short }]), /looks truncated/);
  assert.equal((await activeEdition(t.db, 'tip-tiers'))!.edition, '2025');
  const ok = await t.kb.importFiles('tip-tiers', [{ name: 'short.csv', text: short }], { allowShrink: true, activate: false });
  assert.equal(ok.rowCount, 100);
  assert.equal(ok.active, false);
});

test('verify passes on untouched data and names the edition whose rows were edited', async () => {
  assert.ok((await t.kb.verify()).every((r) => r.ok));
  await t.db.query(
    `UPDATE ref_ilab_goods SET forced_labor = NOT forced_labor
      WHERE edition_id = (SELECT id FROM ref_edition WHERE dataset = 'ilab-tvpra' AND edition = '2022') AND good = 'Cocoa' AND country_code = 'GH'`,
  );
  const bad = (await t.kb.verify()).filter((r) => !r.ok);
  assert.deepEqual(bad.map((r) => `${r.dataset} ${r.edition}`), ['ilab-tvpra 2022']);
  assert.match(bad[0]!.problems.join(' '), /checksum/);
});
