// `vigil compare`: two names with the explanation (text and JSON), and `--pairs FILE.csv` one line or JSON object
// per pair; bad input is refused with the file, line and field named.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runVigil } from '../../test/cli.ts';
import type { MatchResult } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigil-compare-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test('two names: score, match and each feature with its contribution', async () => {
  const r = await runVigil(['compare', 'Hoshine Silicon Industry Co Ltd', 'HOSHINE SILICONE INDUSTRIES (SHANGHAI) CO., LTD.', '--country-a', 'cn', '--country-b', 'CN']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^0\.\d{4} {2}match \(threshold 0\.8\)/);
  assert.match(r.out, /\+0\.\d{4} {2}tokens +‘Hoshine’ = ‘HOSHINE’ \(exact\)/);
  assert.match(r.out, /\+0\.0400 {2}country +both in CN/);
});

test('--json prints the MatchResult; --type person keeps a person from matching a company name', async () => {
  const r = await runVigil(['compare', 'Romashka LLC', 'ООО Ромашка', '--json']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out) as MatchResult;
  assert.equal(result.score, 1);
  assert.equal(result.match, true);
  const strict = JSON.parse((await runVigil(['compare', 'Ayub Bashir', 'Ayyub Bashir', '--json', '--threshold', '0.99'])).out) as MatchResult;
  assert.equal(strict.match, false);
  assert.equal(strict.threshold, 0.99);
});

test('--pairs: one line per pair with score and match; --json one object per line', async () => {
  const path = file('pairs.csv', 'name1,name2,type\nAlpha Trading Ltd,Beta Trading Ltd,company\n"PUTIN, Vladimir",Владимир Путин,person\nJohn Smith,John Smith Ltd,\n');
  const text = await runVigil(['compare', '--pairs', path]);
  assert.equal(text.code, 0, text.err);
  const lines = text.out.trim().split('\n').map((l) => l.split('\t'));
  assert.equal(lines.length, 3);
  assert.equal(lines[0]![1], 'no-match');
  assert.deepEqual(lines[1]!.slice(0, 2), ['1.0000', 'match']);
  const json = await runVigil(['compare', '--pairs', path, '--json']);
  const objects = json.out.trim().split('\n').map((l) => JSON.parse(l) as { line: number; score: number; match: boolean; name1: string });
  assert.deepEqual(objects.map((o) => o.line), [2, 3, 4]);
  assert.equal(objects[1]!.name1, 'PUTIN, Vladimir');
  assert.equal(objects[1]!.match, true);
  assert.ok(objects.every((o) => typeof o.score === 'number'));
});

test('bad input: the file, line and field are named, and the exit code is 2', async () => {
  const empty = await runVigil(['compare', '--pairs', file('empty-field.csv', 'name1,name2\nAlpha,Beta\nGamma,\n')]);
  assert.equal(empty.code, 2);
  assert.match(empty.err, /empty-field\.csv line 3: field name2 is empty/);
  const type = await runVigil(['compare', '--pairs', file('bad-type.csv', 'name1,name2,type\nAlpha,Beta,vessel\n')]);
  assert.match(type.err, /bad-type\.csv line 2: field type is "vessel"/);
  const header = await runVigil(['compare', '--pairs', file('header.csv', 'first,second\nAlpha,Beta\n')]);
  assert.match(header.err, /header\.csv: the header lacks columns name1, name2/);
  const ragged = await runVigil(['compare', '--pairs', file('ragged.csv', 'name1,name2\nAlpha,Beta\nGamma,Delta,Epsilon\n')]);
  assert.equal(ragged.code, 2);
  assert.match(ragged.err, /ragged\.csv line 3: /);
  assert.equal((await runVigil(['compare', 'Only one name'])).code, 2);
  assert.match((await runVigil(['compare', 'A', 'B', '--country-a', 'Narnia'])).err, /--country-a must be a two-letter/);
  assert.match((await runVigil(['compare', '--pairs', join(dir, 'missing.csv')])).err, /missing\.csv: no such file/);
});
