// Recompiles the bundled partial CBP seed from ../shared/reference and checks it is exactly the committed one.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_WATCHLISTS_DIR, bundledEditions } from '../src/watchlists/bundled.ts';
import { DEFAULT_SHARED } from './compile-reference.ts';
import { writeCbpSeed } from './compile-watchlists.ts';

test('compiling the CBP lookups reproduces the committed partial seed, companies only', (t) => {
  if (!existsSync(DEFAULT_SHARED)) {
    t.skip(`${DEFAULT_SHARED} is not present`);
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'vigil-watchlist-seed-'));
  try {
    const fresh = writeCbpSeed(out);
    const [committed] = bundledEditions(BUNDLED_WATCHLISTS_DIR).filter((m) => m.slug === 'us-cbp-wro');
    assert.ok(committed);
    assert.equal(fresh.sha256, committed.sha256, 'run node --import tsx scripts/compile-watchlists.ts');
    assert.equal(readFileSync(join(out, 'us-cbp-wro', fresh.file), 'utf8'), readFileSync(committed.path, 'utf8'));
    const names = fresh.leftOut.map((l) => l.name);
    for (const region of ['Xinjiang Uyghur Autonomous Region (XUAR)', 'Marange Diamond Fields']) assert.ok(names.includes(region), region);
    const lines = readFileSync(committed.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { properties: { name: string[] } });
    assert.ok(!lines.some((l) => /Xinjiang Uyghur Autonomous Region|Fishing Vessel|Asli Maydi/.test(l.properties.name[0]!)));
    assert.equal(lines.length, fresh.entities);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
