// `vigil import` against a database it opens itself: on PostgreSQL this file's fresh database, on PGlite a
// folder on disk (a killed process must leave something to reopen).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { writeSupplierFile } from '../../test/supplier-files.ts';
import { prepareDatabase } from '../app.ts';
import { cliSandbox } from '../../test/cli.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { DEMO_ORGANISATION } from '../orgs/demo.ts';
import { createServices } from '../services.ts';

const BIN = fileURLToPath(new URL('../../bin/vigil.js', import.meta.url));
let orgId: number;
const { dir, dataDir, vigil } = cliSandbox('vigil-import-cli-', {
  setup: async ({ dataDir }) => {
    const db = (await prepareDatabase(loadConfig({ dataDir }))).db;
    orgId = await createServices(db, loadConfig({ dataDir })).access.ensureDemoOrganisation(DEMO_ORGANISATION);
    await db.close();
  },
});

/** The database as a separate start would open it: migrations and reference data applied. */
async function open(): Promise<Db> {
  return (await prepareDatabase(loadConfig({ dataDir }))).db;
}

test('vigil import stores the file into the only organisation, prints the counts and writes the rejected rows to a CSV', async () => {
  const file = join(dir, 'spend.csv');
  writeFileSync(file, ['Supplier,Origin,Goods,Value', 'Acme Ltd,China,Cotton T-shirts,100', ',China,Cotton T-shirts,100', 'Beta GmbH,Germany,Screws,oops'].join('\n'));
  const issues = join(dir, 'rejected.csv');
  const r = await vigil('import', file, '--map', 'spend=Value', '--map', 'description=Goods', '--map', 'country=Origin', '--issues-file', issues, '--save-mapping', 'Plain');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /committed: 3 rows, 1 stored, 2 rejected/);
  assert.match(r.out, /Suppliers: 1 new, 0 already known/);
  assert.match(r.out, /rejected row 2 \(line 3\), Supplier: no supplier name/);
  assert.match(r.out, new RegExp(`All 2 rejected and flagged rows.*${issues.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const csv = readFileSync(issues, 'utf8').trim().split('\n');
  assert.equal(csv[0], 'row,line,column,field,value,severity,message');
  assert.match(csv[2]!, /^3,4,Value,spend,oops,error,/);

  const again = await vigil('import', file, '--mapping', 'Plain', '--org', String(orgId), '--issues-file', issues);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /Suppliers: 0 new, 1 already known\. 1 lines replaced/);
  const wrong = await vigil('import', file, '--map', 'supplier=Vendor');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /supplier: the file has no column "Vendor"/);
});

test('killing an import halfway leaves no supplier from it; the next start marks it failed', async () => {
  const file = join(dir, 'large.csv');
  await writeSupplierFile(file, 200_000, { seed: 11 });
  const before = await open();
  const [{ n: suppliersBefore }] = (await before.query<{ n: number }>('SELECT count(*) AS n FROM suppliers WHERE org_id = $1', [orgId])) as [{ n: number }];
  await before.close();

  // The child reports progress on stderr (one line per tenth when it is not a terminal); kill it at half.
  const child = spawn(process.execPath, [BIN, 'import', file, '--org', String(orgId), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  let err = '';
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const halfway = new Promise<void>((resolve) => {
    child.stderr.on('data', (d) => {
      err += d;
      if (/Importing: 50%/.test(err)) resolve();
    });
  });
  const exited = once(child, 'exit');
  await Promise.race([halfway, exited]);
  assert.match(err, /Importing: 50%/, `the child got halfway: ${err}${out}`);
  child.kill('SIGKILL');
  const [, signal] = await exited;
  assert.equal(signal, 'SIGKILL');
  assert.doesNotMatch(out, /committed/);

  const db = await open();
  try {
    const [running] = await db.query<{ id: number; status: string }>('SELECT id, status FROM imports WHERE org_id = $1 ORDER BY id DESC LIMIT 1', [orgId]);
    assert.equal(running!.status, 'running', 'the imports row was written before the transaction');
    const [{ n: suppliersAfter }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM suppliers WHERE org_id = $1', [orgId])) as [{ n: number }];
    assert.equal(suppliersAfter, suppliersBefore, 'no supplier from the killed import');
    assert.equal((await db.query<{ n: number }>('SELECT count(*) AS n FROM supply_lines WHERE import_id = $1', [running!.id]))[0]!.n, 0);

    // On a server the dead connection's transaction (and its import lock) may take a moment to be released.
    const { suppliers } = createServices(db, loadConfig({ dataDir }));
    let marked = 0;
    for (let attempt = 0; marked === 0 && attempt < 50; attempt++) {
      marked = await suppliers.recoverInterrupted();
      if (marked === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(marked, 1);
    const [failed] = await db.query<{ status: string; error: string }>('SELECT status, error FROM imports WHERE org_id = $1 AND id = $2', [orgId, running!.id]);
    assert.equal(failed!.status, 'failed');
    assert.match(failed!.error, /^interrupted/);
  } finally {
    await db.close();
  }
});
