// `vigil watchlist list|import|define` against a database the command opens itself: on PostgreSQL this file's
// fresh database, on PGlite a folder on disk.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliSandbox } from '../../test/cli.ts';
import { BR_MTE_ROWS, brMteOfficial, ftmText } from '../../test/watchlist-files.ts';
import { CATALOGUE } from './catalogue.ts';

const { dir, vigil } = cliSandbox('vigil-watchlist-cli-');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('vigil watchlist list shows the catalogue: no version yet, but the bundled partial seed of the CBP list', async () => {
  const r = await vigil('watchlist', 'list', '--json');
  assert.equal(r.code, 0, r.err);
  const { items } = JSON.parse(r.out) as { items: { slug: string; activeVersion: { edition: string; importedBy: string } | null; signal: string }[] };
  assert.deepEqual(items.map((l) => l.slug).sort(), CATALOGUE.map((c) => c.slug).sort());
  assert.ok(items.every((l) => l.signal === 'hard'));
  assert.deepEqual(items.filter((l) => l.activeVersion).map((l) => [l.slug, l.activeVersion!.edition, l.activeVersion!.importedBy]), [['us-cbp-wro', 'partial-opensanctions-lookups-1168e6a3', 'bundled']]);
});

test('vigil watchlist import reads the Brazil register (recognised from its header) and makes it active', async () => {
  const path = file('cadastro_de_empregadores.csv', brMteOfficial());
  const r = await vigil('watchlist', 'import', 'br-mte-slavery', path, '--published', '2032-03-09');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /\(br-mte\) into br-mte-slavery/);
  assert.match(r.out, new RegExp(`Imported br-mte-slavery edition 2032-03-09: ${BR_MTE_ROWS.length + 1} entities, now active`));
  assert.match(r.out, /cadastro_de_empregadores\.csv, line 8, field "CNPJ\/CPF", value "44\.555\.666\.0001-81": CNPJ written with "\." where "\/" belongs/);
  const list = await vigil('watchlist', 'list');
  assert.match(list.out, /br-mte-slavery[\s\S]*edition 2032-03-09 \(published 2032-03-09\), 5 entities/);
});

test('a rejected file prints every problem with file and line, exits non-zero, and changes nothing', async () => {
  const path = file('bad.ftm.json', ftmText([{ id: 'a', schema: 'Company', properties: { name: ['Fine Fiction Co'] } }, { id: 'b', schema: 'Company', properties: { name: [] } }, 'not json']));
  const r = await vigil('watchlist', 'import', 'opensanctions-sanctions', path);
  assert.equal(r.code, 1);
  assert.match(r.err, /Rejected: nothing was imported and the active version of opensanctions-sanctions is unchanged\. 2 problem/);
  assert.match(r.err, /bad\.ftm\.json, line 2, field "properties\.name": Company "b" has no name/);
  assert.match(r.err, /bad\.ftm\.json, line 3, value "not json": not valid JSON/);
  const list = JSON.parse((await vigil('watchlist', 'list', '--json')).out) as { items: { slug: string; activeVersion: unknown }[] };
  assert.equal(list.items.find((l) => l.slug === 'opensanctions-sanctions')!.activeVersion, null);
});

test('vigil watchlist define adds a shared list; a table imports into it with --map', async () => {
  const d = await vigil('watchlist', 'define', 'eu-flr-decisions', '--name', 'EU forced labour prohibition decisions', '--signal', 'hard', '--basis', 'Regulation (EU) 2024/3015: products banned from the Union market.', '--threshold', '0.82');
  assert.equal(d.code, 0, d.err);
  assert.match(d.out, /Defined shared list eu-flr-decisions .*hard signal, threshold 0\.82/);
  assert.equal((await vigil('watchlist', 'define', 'eu-flr-decisions', '--name', 'Again', '--signal', 'soft', '--basis', 'again')).code, 1, 'a slug is defined once');

  const path = file('decisions.csv', 'Decision,Economic operator,Country,LEI,Product\nD-1,Imaginary Tomato Paste Co.,China,,Tomato paste\nD-2,Fiction Polysilicon Ltd,China,,Polysilicon\n');
  const r = await vigil('watchlist', 'import', 'eu-flr-decisions', path, '--map', 'name=Economic operator', '--map', 'id=Decision', '--map', 'property=Product');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Imported eu-flr-decisions edition \d{4}-\d{2}-\d{2}: 2 entities/);
  const bad = await vigil('watchlist', 'import', 'eu-flr-decisions', path, '--map', 'colour=Product');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown field "colour"/);
});
