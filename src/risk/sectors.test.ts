// Sector rules: the words, codes and goods that put a line in a sector, and the words that must not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier } from '../classify/index.ts';
import { loadClassifierData } from '../classify/load.ts';
import { buildSectorRules, SECTOR_EXPLANATIONS, SECTOR_KEYS, SECTORS, sectorOfGood, type SectorKey, type SectorMatch } from './sectors.ts';

const data = loadClassifierData();
const classifier = buildClassifier(data);
const rules = buildSectorRules();

function sectors(line: { description?: string; hsCode?: string; cpvCode?: string }): SectorMatch[] {
  return rules.match(classifier.classify(line), line.description ?? null);
}

function keys(line: { description?: string; hsCode?: string; cpvCode?: string }): SectorKey[] {
  return sectors(line).map((m) => m.sector);
}

test('services without an ILAB good are placed by the words of their description', () => {
  const cases: [string, SectorKey][] = [
    ['Crew for fishing vessels', 'fishing'],
    ["Domestic workers for the ambassador's residence", 'domestic-work'],
    ['Home care for elderly residents', 'domestic-work'],
    ['Seasonal workers for fruit picking', 'agriculture'],
    ['Grounds maintenance, parks', 'agriculture'],
    ['Contract mining services', 'mining'],
    ['Construction works for a new school', 'construction'],
    ['Scaffolding and roofing', 'construction'],
    ['Office cleaning, night shift', 'cleaning'],
    ['Janitorial services', 'cleaning'],
    ['Laundry services for the hospital', 'cleaning'],
    ['Security guards for headquarters', 'security'],
    ['Manned guarding', 'security'],
    ['Catering services for the staff canteen', 'hospitality'],
    ['Hotel accommodation for delegates', 'hospitality'],
    ['Temporary staff supplied by a recruitment agency', 'labour-services'],
    ['Call centre services', 'labour-services'],
    ['Hand car wash', 'labour-services'],
    ['Warehousing and distribution', 'logistics'],
    ['Road haulage', 'logistics'],
    ['Courier services', 'logistics'],
  ];
  for (const [description, sector] of cases) {
    const found = sectors({ description });
    const m = found.find((x) => x.sector === sector);
    assert.ok(m, `"${description}" should be ${sector}, got ${found.map((x) => x.sector).join(', ') || 'none'}`);
    assert.equal(m.via, 'keyword');
    assert.equal(m.confidence, 1);
    assert.ok(description.includes(m.matched), `"${m.matched}" is quoted from the description as written`);
  }
});

test('words that only look like a service are not one', () => {
  for (const description of ['Cleaning products and detergents', 'IT security services', 'Cyber security services', 'Social security contributions', 'Construction paper, A3', 'Data mining software', 'Catering equipment', 'Fishing rods and reels', 'Logistics software licence', 'Warehouse racking', 'Consulting services', 'Hotel booking platform', 'Vacuum cleaner']) {
    assert.deepEqual(keys({ description }), [], `"${description}" should have no sector`);
  }
});

test('HS and CPV codes place a line, the most specific rule first', () => {
  const cases: [{ hsCode?: string; cpvCode?: string }, SectorKey, string][] = [
    [{ hsCode: '0306.17' }, 'fishing', 'hs:03'],
    [{ hsCode: '2701.12' }, 'mining', 'hs:2701'],
    [{ hsCode: '6904.10' }, 'construction', 'hs:6904'],
    [{ hsCode: '4403.49' }, 'agriculture', 'hs:44'],
    [{ cpvCode: '90910000-9' }, 'cleaning', 'cpv:909'],
    [{ cpvCode: '79713000' }, 'security', 'cpv:7971'],
    [{ cpvCode: '55520000' }, 'hospitality', 'cpv:555'],
    [{ cpvCode: '79620000' }, 'labour-services', 'cpv:796'],
    [{ cpvCode: '63120000' }, 'logistics', 'cpv:631'],
    [{ cpvCode: '98513000' }, 'domestic-work', 'cpv:985'],
    [{ cpvCode: '45000000' }, 'construction', 'cpv:45'],
    [{ cpvCode: '03311000' }, 'fishing', 'cpv:0331'],
    [{ cpvCode: '03221000' }, 'agriculture', 'cpv:03'],
  ];
  for (const [line, sector, rule] of cases) {
    const m = sectors(line).find((x) => x.via === 'hs' || x.via === 'cpv');
    assert.ok(m, `${JSON.stringify(line)} should match a code rule`);
    assert.equal(m.sector, sector, JSON.stringify(line));
    assert.equal(m.rule, rule, JSON.stringify(line));
    assert.equal(m.confidence, 1);
    assert.ok(m.codeRow !== null, 'the code row is cited');
    assert.match(m.reason, /row \d+\) falls under/);
  }
  assert.deepEqual(keys({ cpvCode: '72000000' }), [], 'IT services are in no exposed sector');
});

test('a matched good brings the work it comes from, at the classifier\'s confidence', () => {
  const m = sectors({ description: 'gold-plated connectors' }).find((x) => x.via === 'good')!;
  assert.equal(m.sector, 'mining');
  assert.equal(m.confidence, 0.5);
  assert.match(m.reason, /Gold is mined or quarried \(ILAB sector Mining, goods family minerals\/precious-metals\)/);
  assert.equal(sectorOfGood('fish-seafood', 'Agriculture'), 'fishing');
  assert.equal(sectorOfGood('fish-seafood', 'Manufacturing'), 'fishing', 'dried fish is still fishing');
  assert.equal(sectorOfGood('construction-materials', 'Manufacturing'), 'construction', 'brick kilns');
  assert.equal(sectorOfGood('construction-materials', 'Mining'), 'mining', 'sand and gravel are quarried');
  assert.equal(sectorOfGood('agriculture/beverage-crops', 'Agriculture'), 'agriculture');
  assert.equal(sectorOfGood('textiles/garments', 'Manufacturing'), 'manufacturing');
  assert.equal(sectorOfGood('other/not-a-product', 'Other'), null);
});

test('every good of the goods map has a sector, except the one that is not a product', () => {
  const sectorOf = new Map(data.ilab.rows.map((r) => [r.good, r.sector]));
  const without = data.goodsMap.entries.filter((e) => sectorOfGood(e.family, sectorOf.get(e.good) ?? null) === null).map((e) => e.good);
  assert.deepEqual(without, ['Pornography']);
});

test('one match per sector, the surest: a code over a good of lower confidence', () => {
  const found = sectors({ description: 'frozen shrimp for the staff canteen', hsCode: '030617' });
  assert.deepEqual(found.map((m) => m.sector), ['fishing', 'hospitality']);
  assert.equal(found[0]!.via, 'hs');
});

test('each sector explains itself as Vigil\'s own rule, citing sources and saying which were checked', () => {
  for (const k of SECTOR_KEYS) {
    const text = SECTOR_EXPLANATIONS[k];
    assert.ok(SECTORS[k].sources.length > 0, k);
    assert.ok(text.includes(`Vigil's own sector rule "${k}", not a publisher's finding`), k);
    for (const s of SECTORS[k].sources) assert.ok(text.includes(`${s.name} (${s.checked ? 'checked' : 'not verified'})`), `${k}: ${s.name}`);
  }
  // Background knowledge that ../shared/research/standards.md does not confirm is never presented as checked.
  for (const k of SECTOR_KEYS) for (const s of SECTORS[k].sources) {
    if (/OSCE|Global Estimates|Convention/.test(s.name)) assert.equal(s.checked, false, s.name);
  }
});
