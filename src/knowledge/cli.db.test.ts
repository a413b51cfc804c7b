import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliSandbox } from '../../test/cli.ts';

// The CLI opens its own connection: on PostgreSQL it gets this file's fresh database, on PGlite a folder.
const { dir, vigil } = cliSandbox('vigil-cli-', { dataSubdir: join('not-yet', 'created') });

test('vigil db migrate, data list --json: seven datasets with editions and provenance', async () => {
  const m = await vigil('db', 'migrate');
  assert.equal(m.code, 0, m.err);
  const { code, out } = await vigil('data', 'list', '--json');
  assert.equal(code, 0);
  const { datasets } = JSON.parse(out);
  assert.equal(datasets.length, 7);
  const ilab = datasets.find((d: { id: string }) => d.id === 'ilab-tvpra');
  assert.equal(ilab.activeEdition, '2022');
  assert.deepEqual([ilab.editions[0].stats.goods, ilab.editions[0].stats.countries], [159, 78]);
  const tip = datasets.find((d: { id: string }) => d.id === 'tip-tiers');
  assert.equal(tip.editions[0].stats.placements_2025, 188);
});

test('vigil data import of a corrupted file exits 1 with line and field, and data list shows the same active edition', async () => {
  const before = JSON.parse((await vigil('data', 'list', '--json')).out);
  const file = join(dir, 'gsi-broken.csv');
  writeFileSync(
    file,
    '  Country ,Population,Region,"Estimated prevalence of modern slavery per 1,000 population",Estimated number of people in modern slavery\n' +
      'Afghanistan,"  38,928,000 ",Asia and the Pacific,13.0,"505,000"\n' +
      'Albania,"  2,878,000 ",Europe and Central Asia,eleven,"34,000"\n',
  );
  const r = await vigil('data', 'import', 'gsi', file, '--edition', '2026');
  assert.equal(r.code, 1);
  assert.match(r.err, /gsi-broken\.csv, line 3, field "Estimated prevalence/);
  assert.match(r.err, /active gsi edition is unchanged/);
  const afterList = JSON.parse((await vigil('data', 'list', '--json')).out);
  assert.deepEqual(afterList, before);
});

test('vigil data import of an unknown dataset is a usage error (exit 2)', async () => {
  const r = await vigil('data', 'import', 'nonsense', 'x.csv');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown dataset "nonsense"/);
});

test('vigil data verify passes on an untouched database', async () => {
  const r = await vigil('data', 'verify');
  assert.equal(r.code, 0, r.err + r.out);
  assert.match(r.out, /All \d+ editions verified/);
});
