import { test } from 'node:test';
import assert from 'node:assert/strict';
import { href, isAppPath, matchPath, matchRoute, parseSelected, queryString } from './route.ts';

test('matchRoute finds each page and its parameters', () => {
  assert.deepEqual(matchRoute('/'), { name: 'home', params: {} });
  assert.deepEqual(matchRoute('/countries'), { name: 'countries', params: {} });
  assert.deepEqual(matchRoute('/countries/MM'), { name: 'country', params: { code: 'MM' } });
  assert.deepEqual(matchRoute('/goods'), { name: 'goods', params: {} });
  assert.deepEqual(matchRoute('/goods/cocoa'), { name: 'good', params: { slug: 'cocoa' } });
  assert.deepEqual(matchRoute('/search'), { name: 'search', params: {} });
  assert.deepEqual(matchRoute('/sources'), { name: 'sources', params: {} });
  assert.deepEqual(matchRoute('/ilo-indicators'), { name: 'iloIndicators', params: {} });
});

test('matchRoute finds the sign-in and organisation pages', () => {
  assert.equal(matchRoute('/sign-in').name, 'signIn');
  assert.equal(matchRoute('/setup').name, 'setup');
  assert.equal(matchRoute('/invitation').name, 'invitation');
  assert.equal(matchRoute('/reset-password').name, 'resetPassword');
  assert.equal(matchRoute('/organisation').name, 'organisation');
  assert.equal(matchRoute('/organisation/new').name, 'newOrganisation');
  assert.equal(matchRoute(href.people()).name, 'people');
  assert.equal(matchRoute(href.tokens()).name, 'tokens');
  assert.equal(matchRoute(href.audit()).name, 'audit');
  assert.equal(matchRoute('/organisation/unknown').name, 'notFound');
});

test('matchRoute finds the portfolio pages', () => {
  assert.equal(matchRoute(href.portfolio()).name, 'portfolio');
  assert.equal(matchRoute(href.suppliers()).name, 'suppliers');
  assert.deepEqual(matchRoute(href.supplier(42)), { name: 'supplier', params: { id: '42' } });
  assert.equal(matchRoute(href.imports()).name, 'imports');
  assert.deepEqual(matchRoute(href.importDetail('7')), { name: 'importDetail', params: { id: '7' } });
  assert.equal(matchRoute(href.riskWeights()).name, 'riskWeights');
});

test('matchRoute finds the screening and watchlist pages', () => {
  assert.equal(matchRoute(href.screening()).name, 'screening');
  assert.deepEqual(matchRoute(href.hit(12)), { name: 'hit', params: { id: '12' } });
  assert.equal(matchRoute(href.watchlists()).name, 'watchlists');
  assert.deepEqual(matchRoute(href.watchlist(3)), { name: 'watchlist', params: { id: '3' } });
  assert.equal(matchRoute('/screening/hits').name, 'notFound');
});

test('matchRoute ignores a trailing slash and reports unknown paths', () => {
  assert.deepEqual(matchRoute('/goods/'), { name: 'goods', params: {} });
  assert.deepEqual(matchRoute('/countries/CI/'), { name: 'country', params: { code: 'CI' } });
  assert.equal(matchRoute('/countries/CI/extra').name, 'notFound');
  assert.equal(matchRoute('/nowhere').name, 'notFound');
});

test('matchPath decodes parameters and rejects malformed escapes', () => {
  assert.deepEqual(matchPath('/goods/:slug', '/goods/fruit%20(pome)'), { slug: 'fruit (pome)' });
  assert.equal(matchPath('/goods/:slug', '/goods/%E0%A4%A'), null);
  assert.equal(matchPath('/goods/:slug', '/goods'), null);
});

test('href builds the paths the routes match', () => {
  assert.equal(href.country('mm'), '/countries/MM');
  assert.equal(matchRoute(href.good('thread/yarn')).params.slug, 'thread/yarn');
  assert.equal(href.search(' cocoa '), '/search?q=cocoa');
  assert.equal(href.search('cocoa', { scheme: 'hs', code: '1801' }), '/search?q=cocoa&selected=hs%3A1801');
});

test('queryString leaves out empty values', () => {
  assert.equal(queryString({}), '');
  assert.equal(queryString({ a: '', b: null, c: undefined }), '');
  assert.equal(queryString({ indicator: 'gsi', year: 2024, x: '' }), '?indicator=gsi&year=2024');
});

test('parseSelected reads scheme:code', () => {
  assert.deepEqual(parseSelected('hs:1801'), { scheme: 'hs', code: '1801' });
  assert.deepEqual(parseSelected('CPV:15841000'), { scheme: 'cpv', code: '15841000' });
  assert.equal(parseSelected('unspsc:1'), null);
  assert.equal(parseSelected(null), null);
  assert.equal(parseSelected('hs:'), null);
});

test('isAppPath keeps API and other origins out of the router', () => {
  assert.equal(isAppPath('/goods'), true);
  assert.equal(isAppPath('/api/v1/goods'), false);
  assert.equal(isAppPath('//example.org/x'), false);
  assert.equal(isAppPath('https://example.org/'), false);
});
