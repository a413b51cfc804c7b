import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { buildApp } from '../http/app.ts';
import { openApiDocument } from '../http/openapi.ts';

let t: TestDb;
let app: FastifyInstance;
before(async () => {
  t = await freshDatabase({ reference: true });
  app = await buildApp(t.services);
});
after(async () => {
  await app.close();
  await t.close();
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
}

test('GET /api/v1/datasets lists the seven datasets, each with an active edition and its provenance', async () => {
  const { status, body } = await get('/api/v1/datasets');
  assert.equal(status, 200);
  assert.deepEqual(body.datasets.map((d: { id: string }) => d.id), ['countries', 'tip-tiers', 'ilab-tvpra', 'gsi', 'hs', 'cpv', 'ilo-indicators']);
  for (const d of body.datasets) {
    assert.ok(d.activeEdition, `${d.id} has an active edition`);
    const e = d.editions.find((x: { active: boolean }) => x.active);
    for (const field of ['title', 'publisher', 'sourceUrl', 'licence', 'compiledOn', 'checksum']) assert.ok(e[field], `${d.id} ${field}`);
    assert.ok(e.rowCount > 0);
  }
  const ilab = body.datasets.find((d: { id: string }) => d.id === 'ilab-tvpra').editions[0];
  assert.equal(ilab.edition, '2022');
  assert.equal(ilab.stats.goods, 159);
  assert.equal(ilab.stats.countries, 78);
});

test('country profile: Burma resolves to MM with its tier history, GSI figures and ILAB goods, all sourced', async () => {
  const { status, body } = await get('/api/v1/countries/burma');
  assert.equal(status, 200);
  assert.equal(body.country.code, 'MM');
  const years = body.tiers.map((x: { year: number }) => x.year);
  assert.deepEqual(years, [2020, 2021, 2022, 2023, 2024, 2025]);
  const y2025 = body.tiers.find((x: { year: number }) => x.year === 2025);
  assert.equal(y2025.tier, '3');
  assert.equal(y2025.source.dataset, 'tip-tiers');
  assert.ok(Number.isInteger(y2025.source.row));
  assert.ok(body.gsi.prevalencePer1000 > 0);
  assert.equal(body.gsi.source.dataset, 'gsi');
  const rice = body.goods.find((g: { good: string }) => g.good === 'Rice');
  assert.deepEqual([rice.childLabor, rice.forcedLabor, rice.forcedChildLabor], [true, true, true]);
  assert.equal(rice.source.edition, '2022');
});

test('a year without a recorded placement stays empty, never guessed', async () => {
  const { body } = await get('/api/v1/countries');
  const missing2024 = body.countries.filter((c: { tiers: Record<string, string | null> }) => c.tiers['2025'] && c.tiers['2024'] === null);
  assert.ok(missing2024.length > 0, '2024 is a partial year in the bundled edition');
  const { body: profile } = await get(`/api/v1/countries/${missing2024[0].code}`);
  const y = profile.tiers.find((x: { year: number }) => x.year === 2024);
  assert.deepEqual([y.tier, y.source], [null, null]);
});

test('downstream goods carry the input they derive from', async () => {
  const { body } = await get('/api/v1/countries/CN');
  const modules = body.goods.find((g: { good: string }) => g.good === 'Solar Modules');
  assert.equal(modules.downstream, true);
  assert.equal(modules.inputGood, 'Polysilicon');
  assert.equal(modules.inputCountry, 'CN');
});

test('goods: cocoa is listed in Côte d\'Ivoire for forced child labour', async () => {
  const { body } = await get('/api/v1/goods/cocoa');
  const ci = body.countries.find((c: { code: string }) => c.code === 'CI');
  assert.equal(ci.forcedChildLabor, true);
  const list = await get('/api/v1/goods');
  assert.equal(new Set(list.body.goods.filter((g: { downstream: boolean; childLabor: number; forcedLabor: number }) => g.childLabor + g.forcedLabor > 0).map((g: { good: string }) => g.good)).size, 159);
});

test('search finds countries, goods and HS/CPV codes', async () => {
  const { body } = await get('/api/v1/search?q=cocoa');
  assert.ok(body.goods.some((g: { good: string }) => g.good === 'Cocoa'));
  assert.ok(body.classifications.some((c: { scheme: string; code: string }) => c.scheme === 'hs' && c.code.startsWith('18')));
  assert.ok(body.classifications.some((c: { scheme: string }) => c.scheme === 'cpv'));
  const byCode = await get('/api/v1/classifications/search?q=1801&scheme=hs');
  assert.equal(byCode.body.results[0].code, '1801');
  const cpv = await get('/api/v1/classifications/search?q=03200000-3&scheme=cpv');
  assert.equal(cpv.body.results[0].code, '03200000');
  const ivory = await get('/api/v1/search?q=ivory%20coast');
  assert.equal(ivory.body.countries[0].code, 'CI');
});

test('errors are problem+json: unknown country (with a suggestion), unknown good, invalid query', async () => {
  const c = await get('/api/v1/countries/Brazl');
  assert.equal(c.status, 404);
  assert.match(c.type, /application\/problem\+json/);
  assert.match(c.body.detail, /Brazil/);
  const g = await get('/api/v1/goods/unobtainium');
  assert.equal(g.status, 404);
  const q = await get('/api/v1/classifications/search?q=cocoa&limit=0');
  assert.equal(q.status, 400);
  assert.match(q.type, /application\/problem\+json/);
  assert.ok(q.body.errors.some((e: { path: string }) => e.path.includes('limit')));
  const none = await get('/api/v1/nothing-here');
  assert.equal(none.status, 404);
  assert.match(none.type, /application\/problem\+json/);
});

test('the OpenAPI 3.1 document is served and the committed copy is current', async () => {
  const { status, body } = await get('/api/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  assert.ok(body.paths['/api/v1/countries/{code}']);
  const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
  assert.equal(committed, await openApiDocument(), 'docs/openapi.json is stale: run `npm run openapi`');
  const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(docs.statusCode, 200);
});
