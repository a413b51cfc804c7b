// The compile step: the map is checked against the ILAB list, HS 2022 and CPV 2008, and every problem is
// named by line and field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportRejected } from '../knowledge/dataset.ts';
import { compileGoodsMap, goodsMapCoverage, type GoodsMapReferences } from './goods-map.ts';
import { loadGoodsMap, readReferenceEditions } from './load.ts';

const refs: GoodsMapReferences = {
  ilabGoods: new Set(['Cocoa', 'Gold', 'Pornography', 'Açaí Berries'.normalize('NFD')]),
  hsCodes: new Set(['18', '1801', '180100', '7108', '081090']),
  cpvCodes: new Map([['15841000', '5'], ['14523200', '2']]),
};
const HEADER = 'good,family,synonyms,other_languages,hs,cpv,not_when,notes';

function compile(lines: string[]) {
  return compileGoodsMap({ name: 'map.csv', text: [HEADER, ...lines].join('\n') }, refs);
}

function problems(lines: string[]): string[] {
  try {
    compile(lines);
  } catch (err) {
    assert.ok(err instanceof ImportRejected);
    return err.issues.map((i) => `${i.line ?? '-'} ${i.field ?? '-'}: ${i.message}`);
  }
  return [];
}

const GOOD_LINES = [
  'Cocoa,agriculture/beverage-crops,cocoa beans|cacao|chocolate~,cacau,1801|18~,15841000-5,cocoa brown,',
  'Gold,minerals/precious-metals,gold bullion,oro,7108,14523200,gold colour,"Plated items are partial."',
  'Pornography,other/not-a-product,,,,,,Not a product.',
  'Açaí Berries,agriculture/fruit,acai,,081090~,,,',
];

test('a good map compiles, with partial markers, check digits and ILAB spelling kept', () => {
  const map = compile(GOOD_LINES);
  assert.equal(map.entries.length, 4);
  const cocoa = map.entries[0]!;
  assert.equal(cocoa.line, 2);
  assert.deepEqual(cocoa.synonyms, [{ text: 'cocoa beans', partial: false }, { text: 'cacao', partial: false }, { text: 'chocolate', partial: true }]);
  assert.deepEqual(cocoa.hs, [{ code: '1801', partial: false }, { code: '18', partial: true }]);
  assert.deepEqual(cocoa.cpv, [{ code: '15841000', partial: false }]);
  assert.deepEqual(cocoa.notWhen, ['cocoa brown']);
  assert.equal(map.entries[3]!.good, 'Açaí Berries'.normalize('NFD'), 'the ILAB file spells it decomposed');
  assert.match(map.checksum, /^sha256:[0-9a-f]{64}$/);
  const coverage = goodsMapCoverage(map);
  assert.deepEqual([coverage.withSynonyms, coverage.withHs, coverage.withCpv, coverage.none], [3, 3, 2, ['Pornography']]);
});

test('every problem is named by line and field', () => {
  const got = problems([
    'Cocoa,Agriculture,cocoa beans|cocoa bean,,1801|1899|12345,15841000-7|99999999|1584,,',
    'Gold,minerals,gold bullion,,7108,,silver colour|gold bullion,',
    'Cocoa,agriculture,,,,,,',
    'Coffee,agriculture,,,,,,',
    'Açaí Berries,agriculture/fruit,acai|!!,,,,,',
  ]);
  assert.deepEqual(got, [
    '2 family: "Agriculture" is not a family key (lower-case words, optionally "group/name")',
    '2 synonyms: "cocoa bean" is listed twice (plural and singular are the same phrase)',
    '2 hs: 1899 is not in HS 2022',
    '2 hs: "12345" is not an HS chapter, heading or subheading (2, 4 or 6 digits, "~" for partial)',
    '2 cpv: 15841000-7: the check digit of 15841000 is 5',
    '2 cpv: 99999999 is not in CPV 2008',
    '2 cpv: "1584" is not a CPV code (8 digits, optionally -check digit, "~" for partial)',
    '3 not_when: "silver colour" shares no word with the good\'s name or synonyms, so it can never block it',
    '3 not_when: "gold bullion" is also one of the good\'s own phrases',
    '4 good: "Cocoa" is already on line 2',
    '5 good: "Coffee" is not a good of the ILAB list',
    '6 synonyms: "!!" has no words',
    '- good: the ILAB good "Pornography" is not in the map',
  ]);
});

test('a file with another header is refused as a whole', () => {
  assert.throws(
    () => compileGoodsMap({ name: 'x.csv', text: 'good,family,synonyms\nCocoa,a,b\n' }, refs),
    (err: unknown) => err instanceof ImportRejected && /expected the ILAB goods map with the header "good,family,synonyms,other_languages,hs,cpv,not_when,notes"/.test(err.issues[0]!.message),
  );
});

test('the committed map compiles against the committed ILAB 2022, HS 2022 and CPV 2008 editions', () => {
  const map = loadGoodsMap(readReferenceEditions());
  assert.equal(map.entries.length, 169);
  assert.equal(map.source, 'reference-src/ilab-goods-map.csv');
});
