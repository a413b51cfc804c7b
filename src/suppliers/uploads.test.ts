import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { receiveUpload, safeFileName, sweepUploads, UploadTooLarge } from './uploads.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-uploads-test-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** A body arriving in chunks, as a request does. */
const body = (chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

test('an upload is streamed to a file named as the user named it, in a folder of its own', async () => {
  const { path, size } = await receiveUpload(body(['Vendor,Country\n', 'Acme,CN\n']), dir, 'u1', 'Fournisseurs – Côte d’Ivoire.csv');
  assert.equal(size, 23);
  assert.equal(path, join(dir, 'u1', 'Fournisseurs – Côte d’Ivoire.csv'));
  assert.equal(await readFile(path, 'utf8'), 'Vendor,Country\nAcme,CN\n');
});

test('past the limit the upload stops, nothing stays on disk, and the error says the limit', async () => {
  await assert.rejects(receiveUpload(body(['x'.repeat(600), 'y'.repeat(600)]), dir, 'u2', 'big.csv', 1000), (err: unknown) => err instanceof UploadTooLarge && err.limit === 1000);
  assert.equal(existsSync(join(dir, 'u2')), false);
});

test('file names cannot leave the upload folder or carry control characters', () => {
  assert.equal(safeFileName('../../etc/passwd'), 'passwd');
  assert.equal(safeFileName('C:\\Users\\me\\spend.xlsx'), 'spend.xlsx');
  assert.equal(safeFileName('..'), 'upload');
  assert.equal(safeFileName('a\u0000b<c>.csv'), 'a_b_c_.csv');
});

test('the sweep removes old folders that no upload row names, and keeps the rest', async () => {
  await receiveUpload(body(['a']), dir, 'old-orphan', 'a.csv');
  await receiveUpload(body(['b']), dir, 'old-kept', 'b.csv');
  await receiveUpload(body(['c']), dir, 'new-orphan', 'c.csv');
  const past = new Date(Date.now() - 48 * 3_600_000);
  for (const name of ['old-orphan', 'old-kept']) await utimes(join(dir, name), past, past);
  const removed = await sweepUploads(dir, new Set(['old-kept']), new Date(Date.now() - 24 * 3_600_000));
  assert.equal(removed, 1);
  const left = await readdir(dir);
  assert.ok(left.includes('old-kept') && left.includes('new-orphan') && !left.includes('old-orphan'));
});
