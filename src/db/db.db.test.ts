import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { bundledMigrations, migrate } from './migrate.ts';

let t: TestDb;
before(async () => {
  t = await freshDatabase({ migrate: false });
});
after(() => t.close());

test('migrations apply once, in order, and a second run applies nothing', async () => {
  const first = await migrate(t.db);
  assert.deepEqual(first, bundledMigrations().map((m) => m.version));
  assert.deepEqual(await migrate(t.db), []);
  const rows = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(rows.map((r) => r.version), first);
});

test('counts, bigints and numerics come back as numbers on both engines', async () => {
  const [row] = await t.db.query<{ n: unknown; big: unknown; num: unknown }>(
    "SELECT count(*) AS n, 9007199254740991::bigint AS big, 12.5::numeric AS num FROM schema_migrations",
  );
  assert.equal(typeof row!.n, 'number');
  assert.equal(row!.big, 9007199254740991);
  assert.equal(row!.num, 12.5);
});

test('a failing transaction leaves nothing behind', async () => {
  await t.db.exec('CREATE TABLE tx_probe (id int PRIMARY KEY)');
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES (1)');
      await tx.query('INSERT INTO tx_probe VALUES (1)');
    }),
    /duplicate key/,
  );
  const rows = await t.db.query('SELECT * FROM tx_probe');
  assert.equal(rows.length, 0);
});

test('migrations stay within PostgreSQL 15 (no features of 16+)', () => {
  for (const m of bundledMigrations()) {
    for (const banned of [/\buuidv7\s*\(/i, /\bJSON_TABLE\b/i, /\bVIRTUAL\b/i, /MERGE[\s\S]*RETURNING/i, /\bany_value\s*\(/i]) {
      assert.doesNotMatch(m.sql, banned, `${m.version} uses ${banned}`);
    }
  }
});
