// MatchIndex: finds listed entities under other spellings (typos, reordering, scripts, spacing, common words),
// by identifier whatever the name, with per-list thresholds; agrees with compare() on what it returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare, MatchIndex } from './index.ts';
import type { IndexEntry, MatchEntity } from './types.ts';

const LIST: MatchEntity[] = [
  { name: 'Xinjiang Tianye (Group) Co., Ltd.', type: 'company', countries: ['CN'] },
  { name: 'Hoshine Silicon Industry Co., Ltd.', type: 'company', countries: ['CN'], aliases: ['合盛硅业股份有限公司'] },
  { name: 'Romashka LLC', type: 'company', countries: ['RU'] },
  { name: 'ABDULHAI SALEK', type: 'person', countries: ['AF'], birthDate: '1965' },
  { name: 'LAURENT NKUNDA', type: 'person', countries: ['CD'], birthDate: '1967-02-02' },
  { name: 'Mohammed Ali Hassan', type: 'person' },
  { name: 'Mohammed Ali Karim', type: 'person' },
  { name: 'Alpha Trading Ltd', type: 'company' },
  { name: 'Fazenda Boa Vista Ltda', type: 'company', countries: ['BR'], identifiers: [{ scheme: 'company_number', value: '12345678000195', country: 'BR' }] },
  { name: 'Vasgumkol Siskikkan Garment Sdn Bhd', type: 'company', countries: ['MY'] },
  { name: 'Diego Muñoz', type: 'person' },
  ...Array.from({ length: 40 }, (_, i): MatchEntity => ({ name: `${['Ana', 'Luis', 'Pedro', 'Sara', 'Jorge'][i % 5]} ${i.toString(36)}x Muñoz`, type: 'person' })),
  // Many companies sharing common words, so that those words are common in the list's statistics.
  ...Array.from({ length: 300 }, (_, i): MatchEntity => ({ name: `Company ${i.toString(36)}x${(i * 7919).toString(36)} Trading Ltd`, type: 'company' })),
];
const entries: IndexEntry<number>[] = LIST.map((entity, key) => ({ key, entity }));
const index = new MatchIndex(entries);
const keysFor = (q: MatchEntity, opts = {}) => index.search(q, opts).map((h) => h.key);

test('finds listed entities under other spellings, scripts and orders, best first', () => {
  assert.equal(index.size, LIST.length);
  assert.deepEqual(keysFor({ name: '新疆天业（集团）有限公司', type: 'company' }), [0]);
  assert.deepEqual(keysFor({ name: 'HOSHINE SILICONE INDUSTRIES CO LTD' }), [1]);
  assert.deepEqual(keysFor({ name: '合盛硅业股份有限公司' }), [1], 'by an alias written in characters');
  assert.deepEqual(keysFor({ name: 'ООО Ромашка' }), [2]);
  assert.deepEqual(keysFor({ name: 'SALEK, ABDULHAI', type: 'person' }), [3]);
  assert.deepEqual(keysFor({ name: 'LAUREN TNKUNDA' }), [4]);
  assert.deepEqual(keysFor({ name: 'VasgumkolSiskikkan Garment' }), [9], 'a lost space');
  assert.deepEqual(keysFor({ name: 'Mohamed Ali Hasan' }), [5], 'every token common or misspelt');
  assert.equal(keysFor({ name: 'D. Muñoz' })[0], 10, 'an initial picks the one Muñoz among many');
});

test('returns nothing for names that only share common words or legal forms', () => {
  assert.deepEqual(keysFor({ name: 'Beta Trading Ltd' }), []);
  assert.deepEqual(keysFor({ name: 'Mohammed Ali Rahman' }), []);
  assert.deepEqual(keysFor({ name: 'Tianye', type: 'person' }), [], 'a person never matches a company');
});

test('finds an entity by identifier whatever its name: a CNPJ of another establishment names the same company', () => {
  const hits = index.search({ name: 'Agropecuaria Santa Luzia', type: 'company', identifiers: [{ scheme: 'company_number', value: '12.345.678/0002-76', country: 'BR' }] }, { threshold: 0.2 });
  assert.deepEqual(hits.map((h) => h.key), [8]);
  assert.ok(hits[0]!.result.features.some((f) => f.feature === 'identifier' && f.contribution > 0));
});

test('thresholds: the search option, else the entry’s own (per list), else the default', () => {
  const lists = new MatchIndex([
    { key: 'strict', entity: { name: 'Ayyub Bashir', type: 'person' }, threshold: 0.99 },
    { key: 'lenient', entity: { name: 'Ayyub Bashir', type: 'person' }, threshold: 0.5 },
  ]);
  assert.deepEqual(lists.search({ name: 'Ayub Bashir' }).map((h) => h.key), ['lenient']);
  assert.deepEqual(lists.search({ name: 'Ayub Bashir' }, { threshold: 0.6 }).map((h) => h.key).sort(), ['lenient', 'strict']);
  assert.equal(lists.search({ name: 'Ayub Bashir' }, { threshold: 0.6, limit: 1 }).length, 1);
});

test('hits carry the same explained result compare() gives with the list’s word weights', () => {
  const [hit] = index.search({ name: 'Hoshine Silicon Industry (Shanghai) Co Ltd', countries: ['CN'] });
  assert.ok(hit);
  const sum = hit.result.features.reduce((s, f) => s + f.contribution, 0);
  assert.ok(Math.abs(sum - hit.result.score) < 1e-9);
  assert.match(hit.result.features[0]!.explanation, /‘Hoshine’ = ‘Hoshine’/);
  assert.equal(hit.result.names.candidate, 'Hoshine Silicon Industry Co., Ltd.');
  const direct = compare({ name: 'Hoshine Silicon Industry (Shanghai) Co Ltd', countries: ['CN'] }, LIST[1]!);
  assert.equal(direct.match, hit.result.match);
});

test('builds from any iterable, reports progress, and an empty index finds nothing', () => {
  function* generated(): Generator<IndexEntry<string>> {
    for (let i = 0; i < 25_000; i++) yield { key: `e${i}`, entity: { name: `Entity ${i} Holdings` } };
  }
  const seen: number[] = [];
  const big = new MatchIndex(generated(), { onProgress: (n) => seen.push(n) });
  assert.equal(big.size, 25_000);
  assert.deepEqual(seen, [10_000, 20_000, 25_000]);
  assert.deepEqual(new MatchIndex([]).search({ name: 'Anything' }), []);
  assert.deepEqual(index.search({ name: '   ' }), []);
});
