import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freshDatabase, onPostgres, type TestDb } from '../../test/db.ts';
import { runVigil } from '../../test/cli.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { firstBreak } from './chain.ts';
import { allChains, appendAudit } from './repo.ts';
import { verifyAuditTrail } from './verify.ts';

// The CLI opens its own connection: on PostgreSQL this file's fresh database, on PGlite a folder, which only
// one instance may hold at a time — so on PGlite the test's own handle is closed while the CLI runs.
let t: TestDb;
const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-'));
const saved = process.env.DATABASE_URL;
before(async () => {
  if (onPostgres) {
    t = await freshDatabase();
    process.env.DATABASE_URL = t.config.databaseUrl!;
  } else {
    const db = await openDatabase({ databaseUrl: null, dataDir: join(dir, 'db') });
    await migrate(db);
    t = { db, config: { databaseUrl: null, dataDir: join(dir, 'db') }, kb: null as never, services: null as never, close: () => t.db.close() };
  }
  for (const org of [1, 2]) {
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) => appendAudit(tx, org, { actorUserId: 7, actor: 'ada@example.org', action: 'supplier.updated', entityType: 'supplier', entityId: i, before: { name: `Old ${i}`, nested: { b: 1, a: [1, 2] } }, after: { name: `New ${i}` }, ip: '127.0.0.1' }));
    }
  }
});
after(async () => {
  process.env.DATABASE_URL = saved;
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function vigil(...args: string[]) {
  if (!onPostgres) await t.db.close();
  const result = await runVigil([...args, ...(onPostgres ? [] : ['--data-dir', t.config.dataDir])]);
  if (!onPostgres) t.db = await openDatabase({ databaseUrl: null, dataDir: t.config.dataDir });
  return result;
}

test('entries chain in order per organisation, and read back with the same hashes on this engine', async () => {
  const chains = [];
  for await (const c of allChains(t.db)) chains.push(c);
  assert.deepEqual(chains.map((c) => c.map((e) => e.seq)), [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]);
  for (const c of chains) assert.equal(firstBreak(c), null);
  assert.equal(chains[0]![1]!.prevHash, chains[0]![0]!.hash);
});

test('the trail is append-only: UPDATE and DELETE are refused', async () => {
  await assert.rejects(t.db.query("UPDATE audit_log SET actor = 'mallory' WHERE org_id = 1 AND seq = 2"), /append-only/);
  await assert.rejects(t.db.query('DELETE FROM audit_log WHERE org_id = 1 AND seq = 2'), /append-only/);
});

test('vigil audit verify passes untouched, and names the first edited entry after a direct edit', async () => {
  const ok = await vigil('audit', 'verify');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /Audit trail intact: 10 entries in 2 chain/);

  // Someone with database access bypasses the trigger and rewrites history.
  await t.db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await tx.query(`UPDATE audit_log SET after = '{"name":"Forged"}' WHERE org_id = 2 AND seq = 3`);
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
  });
  const bad = await vigil('audit', 'verify');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /organisation 2, entry 3: its content does not match its hash/);
  const result = await verifyAuditTrail(t.db);
  assert.deepEqual(result.breaks.map((b) => [b.orgId, b.seq]), [[2, 3]]);
});

test('a deleted entry is named too', async () => {
  await t.db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await tx.query('DELETE FROM audit_log WHERE org_id = 1 AND seq = 2');
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
  });
  const result = await verifyAuditTrail(t.db);
  assert.deepEqual(result.breaks.map((b) => [b.orgId, b.seq]), [[1, 2], [2, 3]]);
  assert.match(result.breaks[0]!.reason, /missing/);
});
