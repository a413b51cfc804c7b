// Recompiles from ../shared/reference and checks the committed reference/ files are exactly what the
// publishers' files give today (same rows, same checksums, same figures).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checksumMatches, listCompiledFiles, readCompiledEdition, REFERENCE_DIR } from '../src/knowledge/compiled-files.ts';
import { compileAll, DEFAULT_SHARED, writeAll } from './compile-reference.ts';

test('compiling ../shared/reference reproduces the committed reference/ files', (t) => {
  if (!existsSync(DEFAULT_SHARED)) {
    t.skip(`${DEFAULT_SHARED} is not present`);
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'vigil-reference-'));
  try {
    writeAll(out, compileAll(DEFAULT_SHARED, '2000-01-01').editions);
    const fresh = listCompiledFiles(out).map(readCompiledEdition);
    const committed = listCompiledFiles(REFERENCE_DIR).map(readCompiledEdition);
    const names = (editions: typeof fresh) => editions.map((e) => `${e.dataset}/${e.provenance.edition}`);
    assert.deepEqual(names(fresh), names(committed));
    for (const [i, a] of fresh.entries()) {
      const b = committed[i]!;
      const name = `${a.dataset}/${a.provenance.edition}`;
      assert.ok(checksumMatches(a), `${name}: fresh checksum does not match its rows`);
      assert.equal(a.checksum, b.checksum, `${name}: rows differ from the committed file; run npm run compile-reference`);
      assert.deepEqual(a.stats, b.stats, `${name}: stats differ`);
      assert.deepEqual(a.provenance, b.provenance, `${name}: provenance differs`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
