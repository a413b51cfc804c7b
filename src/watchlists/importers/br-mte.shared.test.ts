// The Brazil register sample in ../shared/reference (official layout as TSV, and the flattened CSV derived from
// it) read by the br-mte importer, checked against the figures SOURCES.md §4a gives for it. The register holds
// personal data: it is read from ../shared at run time and never copied into the repository.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SHARED } from '../../../scripts/compile-reference.ts';
import { bundledCountries } from '../../knowledge/compiled-files.ts';
import { parseWatchlistFile } from './index.ts';

const DIR = join(DEFAULT_SHARED, 'forced-labour-entities', 'br-lista-suja');
const FILES = ['cadastro_empregadores_2023-03-09.raw.tsv', 'cadastro_empregadores_2023-03-09.csv'];

for (const name of FILES) {
  test(`the register sample ${name}: 175 rows, 53 by CNPJ and 122 by CPF, 1,490 workers`, async (t) => {
    if (!existsSync(join(DIR, name))) {
      t.skip(`${DIR} is not present`);
      return;
    }
    const r = await parseWatchlistFile(join(DIR, name), 'br-mte', { file: name, countries: bundledCountries() });
    assert.deepEqual(r.errors, []);
    // Two employers are listed twice (a CPF and a CNPJ), so 175 rows make 173 entities.
    const merged = r.warnings.filter((w) => /again/.test(w.message));
    assert.equal(merged.length, 2);
    assert.equal(r.entities.length, 173);
    assert.equal(r.entities.filter((e) => e.type === 'company').length + 1, 53);
    assert.equal(r.entities.filter((e) => e.type === 'person').length + 1, 122);
    assert.equal(r.entities.reduce((sum, e) => sum + (e.properties.workers as number), 0), 1490);
    assert.equal(r.entities.filter((e) => e.properties.section === 'II').length, 1);
    assert.ok(r.entities.every((e) => e.key.startsWith('br-mte:') && e.countries[0] === 'BR' && e.identifiers[0]!.country === 'BR'));
    assert.equal(new Set(r.entities.map((e) => e.key)).size, 173);
    const dotted = r.warnings.filter((w) => /"\." where "\/" belongs/.test(w.message));
    assert.deepEqual(dotted.map((w) => w.value), ['30.799.231.0001-78']);
  });
}
