// `vigil screen` and the screening step of `vigil import`, against a database the command opens itself (on
// PostgreSQL this file's fresh database, on PGlite a folder on disk), with a fictional list.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliSandbox } from '../../test/cli.ts';
import { prepareDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { DEMO_ORGANISATION } from '../orgs/demo.ts';
import { createServices } from '../services.ts';
import { cliWho } from '../suppliers/service.ts';

const { dir, vigil } = cliSandbox('vigil-screen-cli-', {
  setup: async ({ dir, dataDir }) => {
    const { db } = await prepareDatabase(loadConfig({ dataDir }));
    try {
      const services = createServices(db, loadConfig({ dataDir }));
      const who = cliWho(await services.access.ensureDemoOrganisation(DEMO_ORGANISATION));
      const define = (slug: string, signal: 'hard' | 'soft') =>
        services.watchlists.createList(who, { slug, name: `Fictional ${signal} list`, publisher: 'Vigil tests', sourceUrl: null, licence: null, signal, basis: 'Fictional, for tests.', threshold: 0.8 });
      const hard = await define('fictional-fl', 'hard');
      const soft = await define('fictional-watch', 'soft');
      writeFileSync(join(dir, 'hard.jsonl'), `${JSON.stringify({ id: 'fl-1', schema: 'Company', properties: { name: ['Redwater Cotton Ginning Co., Ltd.'], country: ['cn'] } })}\n`);
      writeFileSync(join(dir, 'soft.jsonl'), `${JSON.stringify({ id: 'w-1', schema: 'Company', properties: { name: ['Blue Harbour Seafood Processing'], country: ['my'] } })}\n`);
      await services.watchlists.importFile(who, hard.id, { path: join(dir, 'hard.jsonl'), fileName: 'hard.jsonl', format: 'ftm', edition: '2025-01' });
      await services.watchlists.importFile(who, soft.id, { path: join(dir, 'soft.jsonl'), fileName: 'soft.jsonl', format: 'ftm', edition: '7' });
    } finally {
      await db.close();
    }
  },
});

const FILE = [
  'Vendor Name,Vendor No,Country,Description',
  'REDWATER COTTON GINNING COMPANY LIMITED,V1,China,Cotton lint',
  'Nordic Paper AB,V2,Finland,Paper',
  'Blue Harbor Seafood Processing,V3,Malaysia,Frozen shrimp',
  ',V4,China,Gloves',
].join('\n');

test('vigil screen prints one JSON object per row, with each hit\'s list, signal, score and features', async () => {
  const file = join(dir, 'suppliers.csv');
  writeFileSync(file, FILE);
  const r = await vigil('screen', file);
  assert.equal(r.code, 0, r.err);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => [x.row, x.name ?? null, x.hits?.length ?? null]), [[1, 'REDWATER COTTON GINNING COMPANY LIMITED', 1], [2, 'Nordic Paper AB', 0], [3, 'Blue Harbor Seafood Processing', 1], [4, null, null]]);
  const [hit] = rows[0].hits;
  assert.deepEqual([hit.list, hit.signal, hit.hard, hit.edition, hit.entity.key, hit.match], ['fictional-fl', 'hard', true, '2025-01', 'fl-1', true]);
  assert.deepEqual(rows[0].countries, ['CN']);
  assert.deepEqual(rows[0].identifiers, [{ scheme: 'supplier_ref', value: 'V1' }]);
  assert.ok(hit.score >= 0.8);
  assert.ok(hit.features.length > 0 && hit.features.every((f: { explanation: string }) => f.explanation));
  assert.equal(rows[2].hits[0].signal, 'soft');
  assert.equal(rows[3].rejected, true);
  assert.match(rows[3].issues[0].message, /no supplier name/);
  assert.match(r.err, /Screened 4 rows: 2 with hits \(1 on hard lists: possible matches to confirm\), 1 rejected/);
});

test('--list, --threshold and --format csv', async () => {
  const file = join(dir, 'suppliers.csv');
  writeFileSync(file, FILE);
  const only = await vigil('screen', file, '--list', 'fictional-watch', '--format', 'csv');
  assert.equal(only.code, 0, only.err);
  const lines = only.out.trim().split('\n');
  assert.equal(lines[0], 'row,line,name,countries,hits,top_score,top_list,top_signal,top_entity,top_entity_key,top_explanation,other_hits,issues');
  assert.match(lines[1]!, /^1,2,REDWATER COTTON GINNING COMPANY LIMITED,CN,0,/);
  assert.match(lines[3]!, /^3,4,Blue Harbor Seafood Processing,MY,1,[\d.]+,fictional-watch,soft,Blue Harbour Seafood Processing,w-1,/);
  const strict = await vigil('screen', file, '--threshold', '0.9999');
  assert.ok(strict.out.trim().split('\n').map((l) => JSON.parse(l)).every((x) => !x.hits || x.hits.every((h: { score: number }) => h.score >= 0.9999)));
  const unknown = await vigil('screen', file, '--list', 'no-such-list');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no watchlist "no-such-list"/);
  assert.equal((await vigil('screen', file, '--threshold', '7')).code, 2);
});

test('a plain list of names, as text or as a single unnamed column', async () => {
  const txt = join(dir, 'names.txt');
  writeFileSync(txt, 'Redwater Cotton Ginning\n\nSomeone Else Entirely\n');
  const r = await vigil('screen', txt);
  assert.equal(r.code, 0, r.err);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => [x.row, x.line, x.name, x.hits.length]), [[1, 1, 'Redwater Cotton Ginning', 1], [2, 3, 'Someone Else Entirely', 0]]);
  const csv = join(dir, 'names.csv');
  writeFileSync(csv, 'Redwater Cotton Ginning Co\nBlue Harbour Seafood Processing Sdn Bhd\n');
  const c = await vigil('screen', csv);
  assert.equal(c.code, 0, c.err);
  assert.deepEqual(c.out.trim().split('\n').map((l) => JSON.parse(l).hits.length), [1, 1]);
});

test('vigil import screens the organisation once the file is stored, and says what it found', async () => {
  const file = join(dir, 'import.csv');
  writeFileSync(file, FILE);
  const r = await vigil('import', file, '--issues-file', join(dir, 'import-issues.csv'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Screened 3 suppliers, sites and owners against \d+ watchlist\(s\): 2 hits, 2 new, 0 changed/);
});
