// A million-line spend file is read and checked in bounded memory: records stream through one at a time.
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledCountries } from '../knowledge/compiled-files.ts';
import { recogniseColumns } from './columns.ts';
import { openSupplierFile } from './read.ts';
import { validateRecord } from './validate.ts';

const LINES = 1_000_000;
const HEAP_LIMIT = 100 * 1024 * 1024;

async function writeSpendFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('Supplier Name,Country,Item Description,Spend,Currency\n');
  const countries = ['China', 'BD', 'India', 'Viet Nam', 'TUR'];
  let buf = '';
  for (let i = 1; i <= LINES; i++) {
    const spend = i === LINES ? 'n/a' : `${(i % 9000) + 100}.50`;
    buf += `Supplier ${i % 50_000} Ltd,${countries[i % 5]},"Cotton T-shirts, lot ${i}",${spend},USD\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

test(`a ${LINES.toLocaleString('en')}-line CSV is read and validated with heap growth under 100 MB`, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-large-'));
  try {
    const path = join(dir, 'spend.csv');
    await writeSpendFile(path);
    const countries = bundledCountries();
    const file = await openSupplierFile(path);
    const { mapping } = recogniseColumns(file.headers);
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let rows = 0;
    let accepted = 0;
    let spend = 0;
    let lastIssue = '';
    let lastLine = 0;
    for await (const batch of file.batches) {
      for (const rec of batch) {
        rows++;
        const v = validateRecord(rec, mapping, countries, { decimalSeparator: file.decimalSeparator });
        if (v.line) {
          accepted++;
          spend += v.line.spend ?? 0;
        } else lastIssue = `${v.issues[0]!.line}: ${v.issues[0]!.message}`;
        lastLine = rec.line;
      }
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    assert.equal(rows, LINES);
    assert.equal(accepted, LINES - 1);
    assert.equal(lastLine, LINES + 1);
    assert.equal(lastIssue, `${LINES + 1}: "n/a" is not an amount: it has letters in it`);
    let expected = 0;
    for (let i = 1; i < LINES; i++) expected += (i % 9000) + 100.5;
    assert.ok(Math.abs(spend - expected) < 1e-3 * LINES);
    assert.equal(file.bytesRead(), file.totalBytes);
    t.diagnostic(`${rows} rows, ${(file.totalBytes / 1024 / 1024).toFixed(0)} MB read; heap grew at most ${(peak / 1024 / 1024).toFixed(1)} MB`);
    assert.ok(peak < HEAP_LIMIT, `heap grew by ${(peak / 1024 / 1024).toFixed(1)} MB while reading ${(file.totalBytes / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
