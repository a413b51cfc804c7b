// Country matching for the map, classification levels, search options, table helpers and badges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureMatcher, normaliseNumeric } from './geo.ts';
import { cpvLevelName, displayCode, hsLevelName, levelName } from './classification.ts';
import { flatOptions, groupOptions, moveActive } from './search.ts';
import { compareValues, filterGoods, nextSort, sortBy } from './table.ts';
import { badgeText, badgesFor } from './exploitation.ts';
import { NAV, activeNav } from './nav.ts';

test('map features match by ISO numeric id, or by name when they have none', () => {
  const m = new FeatureMatcher([
    { code: 'AF', numeric: '4', name: 'Afghanistan' },
    { code: 'MM', numeric: '104', name: 'Myanmar' },
    { code: 'XK', numeric: null, name: 'Kosovo' },
  ]);
  assert.equal(m.match({ id: '004', name: 'Afghanistan' })?.code, 'AF');
  assert.equal(m.match({ id: '104', name: 'Myanmar' })?.code, 'MM');
  assert.equal(m.match({ id: undefined, name: 'Kosovo' })?.code, 'XK');
  assert.equal(m.match({ id: undefined, name: 'N. Cyprus' }), null);
  assert.equal(m.match({ id: '999', name: 'Nowhere' }), null);
  assert.equal(normaliseNumeric(4), '004');
  assert.equal(normaliseNumeric('abc'), null);
  assert.equal(normaliseNumeric(null), null);
});

test('HS and CPV levels are named from the code', () => {
  assert.equal(hsLevelName('18'), 'Chapter');
  assert.equal(hsLevelName('1801'), 'Heading');
  assert.equal(hsLevelName('180100'), 'Subheading');
  assert.equal(cpvLevelName('03000000'), 'Division');
  assert.equal(cpvLevelName('03100000-2'), 'Group');
  assert.equal(cpvLevelName('15840000'), 'Class');
  assert.equal(cpvLevelName('15841000'), 'Category');
  assert.equal(cpvLevelName('03131400'), 'Subcategory');
  assert.equal(levelName('hs', '18'), 'Chapter');
  assert.equal(displayCode('hs', '180100'), '1801.00');
  assert.equal(displayCode('hs', '1801'), '1801');
  assert.equal(displayCode('cpv', '15841000'), '15841000');
});

test('search suggestions: grouped, with a last "all results" option, arrow keys wrap', () => {
  const groups = groupOptions('cocoa', {
    countries: [],
    goods: [{ good: 'Cocoa', slug: 'cocoa', sector: 'Agriculture' }],
    classifications: [{ scheme: 'hs', code: '1801', level: 4, description: 'Cocoa beans' }],
  });
  assert.deepEqual(
    groups.map((g) => g.kind),
    ['good', 'classification', 'all'],
  );
  const flat = flatOptions(groups);
  assert.deepEqual(
    flat.map((o) => o.to),
    ['/goods/cocoa', '/search?q=cocoa&selected=hs%3A1801', '/search?q=cocoa'],
  );
  assert.equal(new Set(flat.map((o) => o.id)).size, flat.length, 'option ids are unique');
  assert.equal(moveActive(-1, 1, 3), 0);
  assert.equal(moveActive(-1, -1, 3), 2);
  assert.equal(moveActive(2, 1, 3), 0);
  assert.equal(moveActive(0, -1, 3), 2);
  assert.equal(moveActive(0, 1, 0), -1);
});

test('sorting keeps missing values last in both directions', () => {
  assert.ok(compareValues(null, 1, 'asc') > 0);
  assert.ok(compareValues(null, 1, 'desc') > 0);
  assert.ok(compareValues('Côte', 'cote', 'asc') === 0);
  assert.ok(compareValues('Item 2', 'Item 10', 'asc') < 0);
  const rows = [{ n: 'b', v: 2 }, { n: 'a', v: null }, { n: 'c', v: 2 }, { n: 'd', v: 5 }];
  const sorted = sortBy(rows, { key: 'v', dir: 'desc' }, (r) => r.v, (r) => r.n);
  assert.deepEqual(sorted.map((r) => r.n), ['d', 'b', 'c', 'a']);
  assert.deepEqual(nextSort({ key: 'a', dir: 'asc' }, 'a'), { key: 'a', dir: 'desc' });
  assert.deepEqual(nextSort({ key: 'a', dir: 'asc' }, 'b', 'desc'), { key: 'b', dir: 'desc' });
});

test('goods filter by sector, type and name', () => {
  const goods = [
    { good: 'Cocoa', sector: 'Agriculture', countries: 7, childLabor: 7, forcedLabor: 2, downstream: false },
    { good: 'Bricks', sector: 'Manufacturing', countries: 20, childLabor: 18, forcedLabor: 9, downstream: false },
    { good: 'Solar Cells', sector: 'Manufacturing', countries: 1, childLabor: 0, forcedLabor: 0, downstream: true },
    { good: 'Açaí Berries', sector: 'Agriculture', countries: 1, childLabor: 1, forcedLabor: 0, downstream: false },
  ];
  assert.deepEqual(filterGoods(goods, { sector: 'Manufacturing' }).map((g) => g.good), ['Bricks', 'Solar Cells']);
  assert.deepEqual(filterGoods(goods, { type: 'forcedLabor' }).map((g) => g.good), ['Cocoa', 'Bricks']);
  assert.deepEqual(filterGoods(goods, { type: 'downstream' }).map((g) => g.good), ['Solar Cells']);
  assert.deepEqual(filterGoods(goods, { text: 'acai' }).map((g) => g.good), ['Açaí Berries']);
  assert.equal(filterGoods(goods, {}).length, 4);
});

test('badges name the exploitation and, for downstream goods, the input and its country', () => {
  const flags = { childLabor: true, forcedLabor: true, forcedChildLabor: true, downstream: false, inputGood: null, inputCountry: null };
  assert.deepEqual(badgesFor(flags).map((b) => b.label), ['Child labour', 'Forced labour', 'Forced child labour']);
  const battery = { childLabor: false, forcedLabor: false, forcedChildLabor: false, downstream: true, inputGood: 'Cobalt ore (heterogenite)', inputCountry: 'CD' };
  const names = (c: string) => (c === 'CD' ? 'Democratic Republic of the Congo' : undefined);
  const [b] = badgesFor(battery, names);
  assert.deepEqual(b, { kind: 'downstream', label: 'Downstream', madeFrom: 'cobalt ore (heterogenite)', from: { code: 'CD', name: 'Democratic Republic of the Congo' } });
  assert.equal(badgeText(battery, names), 'Downstream (made from cobalt ore (heterogenite) from Democratic Republic of the Congo)');
  assert.equal(badgeText(battery), 'Downstream (made from cobalt ore (heterogenite) from CD)', 'falls back to the code');
  assert.deepEqual(badgesFor({ ...battery, inputCountry: 'China' })[0]!.from, { code: null, name: 'China' });
});

test('navigation marks the section of the current page', () => {
  assert.equal(activeNav('country')?.to, '/countries');
  assert.equal(activeNav('good')?.to, '/goods');
  assert.equal(activeNav('notFound'), null);
  assert.equal(new Set(NAV.map((n) => n.to)).size, NAV.length);
});
