// The Brazil register sample (../shared/reference, official layout) imported as the shared list br-mte-slavery,
// then a portfolio that holds some of its companies under other spellings — accents dropped, "Ltda." written
// "LTDA", words reordered, typos — screened on import: each is a hard "possible" hit awaiting confirmation, with
// its explanation, and the unrelated suppliers are not flagged. The register holds personal data: it is read
// from ../shared at run time, and the portfolio built from it lives in a temporary folder for the test's length.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { DEFAULT_SHARED } from '../../scripts/compile-reference.ts';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { ORG } from '../../test/http.ts';
import { cliWho, type Who } from '../suppliers/service.ts';
import { defineCatalogue } from '../watchlists/service.ts';

const DIR = join(DEFAULT_SHARED, 'forced-labour-entities', 'br-lista-suja');
const OFFICIAL = join(DIR, 'cadastro_empregadores_2023-03-09.raw.tsv');
const FLAT = join(DIR, 'cadastro_empregadores_2023-03-09.csv');
const present = existsSync(OFFICIAL) && existsSync(FLAT);

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const longest = (words: string[]) => words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
/** The name without its legal form, as words. */
const core = (name: string) => name.replace(/\s*Ltda\.?\s*$/i, '').split(/\s+/);

/** How a buyer's file might spell a listed company: each planted supplier gets one of these. */
const SPELLINGS: [how: string, spell: (name: string) => string][] = [
  ['accents dropped, "Ltda." as "LTDA", capitals', (n) => stripAccents(n).replace(/Ltda\.?$/i, 'LTDA').toUpperCase()],
  ['words reordered', (n) => {
    const w = core(n);
    return `${[...w.slice(1), w[0]].join(' ')} Ltda`;
  }],
  ['a letter missing', (n) => {
    const w = core(n);
    const i = longest(w);
    w[i] = w[i]!.slice(0, 3) + w[i]!.slice(4);
    return `${w.join(' ')} LTDA`;
  }],
  ['two letters swapped, lower case, no accents', (n) => {
    const w = core(stripAccents(n));
    const i = longest(w);
    const x = w[i]!;
    w[i] = x.slice(0, 2) + x[3] + x[2] + x.slice(4);
    return `${w.join(' ')} ltda`.toLowerCase();
  }],
  ['legal form left out, accents dropped', (n) => core(stripAccents(n)).join(' ')],
];

interface Planted {
  listed: string;
  supplier: string;
  how: string;
  key: string;
}

let t: TestDb;
let dir: string;
let who: Who;
let planted: Planted[] = [];
const UNRELATED = ['Nordic Paper AB', 'Brightclean Services Ltd', 'Shenzhen Lumen Optoelectronics Co., Ltd.', 'Papelaria Estrela do Norte Ltda'];

before(async () => {
  if (!present) return;
  t = await freshDatabase({ reference: true });
  dir = await mkdtemp(join(tmpdir(), 'vigil-br-screening-'));
  await defineCatalogue(t.db);
  const [user] = await t.db.query<{ id: number }>("INSERT INTO users (email, email_key, name) VALUES ('buyer@example.org', 'buyer@example.org', 'Buyer') RETURNING id");
  who = cliWho(await t.services.access.createOrganisation({ userId: user!.id, email: 'buyer@example.org', ip: null }, ORG('Buyer')));
  const list = await t.services.watchlists.sharedBySlug('br-mte-slavery');
  await t.services.watchlists.importFile('operator', list.id, { path: OFFICIAL, fileName: 'cadastro_empregadores_2023-03-09.raw.tsv', format: 'br-mte' });

  // Companies of the register (a CNPJ, a name ending in Ltda.), one in four, each spelt another way.
  const rows = parse(readFileSync(FLAT, 'utf8'), { columns: true }) as { empregador: string; cnpj_cpf: string }[];
  const companies = rows.filter((r) => r.cnpj_cpf.includes('/') && /Ltda\.?$/.test(r.empregador) && core(r.empregador).length >= 2);
  planted = companies
    .filter((_, i) => i % 4 === 0)
    .map((r, i) => {
      const [how, spell] = SPELLINGS[i % SPELLINGS.length]!;
      return { listed: r.empregador, supplier: spell(r.empregador), how, key: `br-mte:${r.cnpj_cpf.replace(/\D/g, '')}` };
    });
  const lines = ['Fornecedor,País,Descrição', ...planted.map((p) => `"${p.supplier}",Brazil,Serviços`), ...UNRELATED.map((u) => `"${u}",${u.includes('Shenzhen') ? 'China' : 'Brazil'},Papel`)];
  const file = join(dir, 'fornecedores.csv');
  await writeFile(file, lines.join('\n'));
  const summary = await t.services.suppliers.importFile(who, file, { supplier: 'Fornecedor', country: 'País', description: 'Descrição' });
  assert.equal(summary.status, 'committed', summary.error ?? '');
});
after(async () => {
  if (!present) return;
  await t.services.screening.idle();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

test('companies of the Brazil register, spelt otherwise in a portfolio, are hard "possible" hits with explanations', async (ctx) => {
  if (!present) return ctx.skip(`${DIR} is not present`);
  assert.ok(planted.length >= 5, `${planted.length} companies planted`);
  assert.ok(new Set(planted.map((p) => p.how)).size === SPELLINGS.length, 'every way of spelling is tried');
  const { items } = await t.services.screening.hits(who, { status: ['open', 'confirmed', 'dismissed'], offset: 0, limit: 500 });
  for (const p of planted) {
    const hit = items.find((h) => h.subject.supplierName === p.supplier && h.entity.key === p.key);
    assert.ok(hit, `"${p.supplier}" (${p.how}) should hit "${p.listed}"; its hits: ${JSON.stringify(items.filter((h) => h.subject.supplierName === p.supplier).map((h) => h.entity.name))}`);
    assert.equal(hit.entity.list, 'br-mte-slavery');
    assert.equal(hit.hard, true);
    assert.equal(hit.status, 'open', 'a hard hit is possible until a person confirms it');
    const d = await t.services.screening.hit(who, hit.id);
    assert.ok(d.result.features.length > 0 && d.result.features.every((f) => f.explanation.length > 0));
    assert.ok(d.result.features.some((f) => f.feature === 'country' && f.contribution > 0), 'both in Brazil');
    assert.match(d.watchlist.basis, /slave|slavery|escrav/i);
    assert.ok(d.listEntity.sourceRow > 0);
  }
  const summary = await t.services.screening.summary(who);
  assert.equal(summary.openHard, items.filter((h) => h.hard && h.status === 'open').length);
});

test('unrelated suppliers are not flagged', async (ctx) => {
  if (!present) return ctx.skip(`${DIR} is not present`);
  const { items } = await t.services.screening.hits(who, { status: ['open', 'confirmed', 'dismissed'], offset: 0, limit: 500 });
  const flagged = new Set(items.map((h) => h.subject.supplierName));
  for (const u of UNRELATED) assert.ok(!flagged.has(u), `${u} was flagged: ${JSON.stringify(items.filter((h) => h.subject.supplierName === u).map((h) => [h.entity.name, h.score]))}`);
  assert.ok([...flagged].every((name) => planted.some((p) => p.supplier === name)), `only planted suppliers are flagged: ${[...flagged].join(', ')}`);
});
