// The supplier table's view: address ↔ state ↔ API query, filters, paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_QUERY, filtersActive, pageInfo, parseSortOption, queryFrom, queryHref, sortOptions, supplierApiQuery, toggleLevel, withFilter } from './suppliers.ts';

const q = (s: string) => queryFrom(new URLSearchParams(s));

test('the address is read into a view, ignoring what it cannot use', () => {
  assert.deepEqual(q(''), DEFAULT_QUERY);
  assert.deepEqual(q('q=%20cocoa%20&level=severe,high,bogus,high&country=ci&sort=spend&page=3'), {
    q: 'cocoa',
    levels: ['high', 'severe'],
    country: 'CI',
    sort: { key: 'spend', dir: 'desc' },
    page: 2,
  });
  assert.deepEqual(q('sort=name').sort, { key: 'name', dir: 'asc' }, 'names start A–Z');
  assert.deepEqual(q('sort=name&dir=desc').sort, { key: 'name', dir: 'desc' });
  assert.deepEqual(q('sort=drop%20table').sort, DEFAULT_QUERY.sort);
  assert.equal(q('country=China').country, '');
  assert.equal(q('page=-2').page, 0);
  assert.equal(q('page=1.5').page, 0);
});

test('a view writes a short, shareable address that reads back the same', () => {
  assert.equal(queryHref('/suppliers', DEFAULT_QUERY), '/suppliers');
  const view = { q: 'gloves', levels: ['high' as const, 'severe' as const], country: 'MY', sort: { key: 'name' as const, dir: 'asc' as const }, page: 1 };
  const address = queryHref('/suppliers', view);
  assert.equal(address, '/suppliers?q=gloves&level=high%2Csevere&country=MY&sort=name&page=2');
  assert.deepEqual(queryFrom(new URL(address, 'http://x').searchParams), view);
  assert.equal(queryHref('/suppliers', { ...DEFAULT_QUERY, sort: { key: 'priority', dir: 'asc' } }), '/suppliers?sort=priority&dir=asc');
});

test('the API query always says sort, direction and the page as offset and limit', () => {
  assert.equal(supplierApiQuery(DEFAULT_QUERY), '?sort=priority&dir=desc&offset=0&limit=50');
  assert.equal(supplierApiQuery({ ...DEFAULT_QUERY, q: 'a b', levels: ['severe'], country: 'CN', page: 4 }), '?q=a+b&level=severe&country=CN&sort=priority&dir=desc&offset=200&limit=50');
});

test('filters restart at the first page; levels toggle in order', () => {
  const paged = { ...DEFAULT_QUERY, page: 7 };
  assert.equal(withFilter(paged, { q: 'x' }).page, 0);
  assert.equal(withFilter(paged, { sort: { key: 'spend', dir: 'desc' } }).page, 0);
  assert.deepEqual(toggleLevel(['severe'], 'low'), ['low', 'severe']);
  assert.deepEqual(toggleLevel(['low', 'severe'], 'low'), ['severe']);
  assert.equal(filtersActive(DEFAULT_QUERY), false);
  assert.equal(filtersActive({ ...DEFAULT_QUERY, country: 'CN' }), true);
  assert.equal(filtersActive({ ...DEFAULT_QUERY, q: '  ' }), false);
});

test('page information for 100,000 suppliers and for none', () => {
  assert.deepEqual(pageInfo(100_000, 0), { from: 1, to: 50, pages: 2000, hasPrevious: false, hasNext: true });
  assert.deepEqual(pageInfo(100_000, 1999), { from: 99_951, to: 100_000, pages: 2000, hasPrevious: true, hasNext: false });
  assert.deepEqual(pageInfo(0, 0), { from: 0, to: 0, pages: 1, hasPrevious: false, hasNext: false });
  assert.deepEqual(pageInfo(51, 1), { from: 51, to: 51, pages: 2, hasPrevious: true, hasNext: false });
});

test('the sort select offers each column both ways, its natural direction first', () => {
  const options = sortOptions();
  assert.equal(options.length, 12);
  assert.deepEqual(options[0], { value: 'priority:desc', label: 'Priority, highest first' });
  assert.ok(options.some((o) => o.value === 'name:asc' && o.label === 'Name, A to Z'));
  assert.equal(new Set(options.map((o) => o.value)).size, 12);
  for (const o of options) assert.ok(parseSortOption(o.value), o.value);
  assert.deepEqual(parseSortOption('spend:asc'), { key: 'spend', dir: 'asc' });
  assert.equal(parseSortOption('spend'), null);
  assert.equal(parseSortOption('rank:asc'), null);
});
