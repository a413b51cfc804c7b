// The engine on the cases the issue names and on the ones that trip naive matching: trade wording, plural
// forms, longest phrases, misleading words, services, codes written every way lines write them, and
// disagreements between text and code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier, type Classification, type GoodMatch, type LineInput } from './classifier.ts';
import { loadClassifierData } from './load.ts';

const classifier = buildClassifier(loadClassifierData());

function run(line: LineInput | string): Classification {
  return classifier.classify(typeof line === 'string' ? { description: line } : line);
}

/** Good names in NFC (the ILAB file spells "Açaí" decomposed, and the engine keeps its spelling). */
function goods(line: LineInput | string): string[] {
  return run(line).goods.map((g) => g.good.normalize('NFC')).sort();
}

function match(line: LineInput | string, good: string): GoodMatch {
  const r = run(line);
  const m = r.goods.find((g) => g.good === good);
  assert.ok(m, `${JSON.stringify(line)} should match ${good}; got ${r.reason}`);
  return m;
}

test('trade wording the issue names maps to its good', () => {
  const cases: [string, string[]][] = [
    ['cacao', ['Cocoa']],
    ['Cocoa beans, fermented and dried', ['Cocoa']],
    ['frozen shrimp 31/40 IQF', ['Shrimp']],
    ['Hand-knotted rugs, wool', ['Carpets']],
    ['handknotted rugs', ['Carpets']],
    ['PV modules 550 W mono', ['Solar Modules']],
    ['photovoltaic panels', ['Solar Modules']],
    ['Nitrile gloves, powder free, box of 100', ['Rubber Gloves']],
    ['fired clay bricks', ['Bricks', 'Bricks (clay)']],
    ['cotton yarn Ne 30/1', ['Cotton', 'Thread/Yarn']],
    ['polysilicon', ['Polysilicon']],
    ['chocolate bars', ['Cocoa']],
    ['fish oil capsules', ['Fish']],
    ['raw cotton bales', ['Cotton']],
    ['palm olein', ['Refined Palm Oil']],
    ['coltan concentrate', ['Tantalum ore (coltan)']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(goods(text), expected, text);
});

test('the matched words, the map row and the reason are recorded', () => {
  const m = match('Supply of frozen prawns, 20 kg', 'Shrimp');
  const ev = m.evidence[0]!;
  assert.equal(ev.kind, 'synonym');
  assert.equal(ev.matched, 'frozen prawns');
  assert.equal(ev.term, 'frozen prawns');
  assert.equal(ev.source[0]!.dataset, 'ilab-goods-map');
  assert.equal(ev.source[0]!.row, m.mapLine);
  assert.match(m.reason, /trade wording for Shrimp \(goods map line \d+\)/);
  assert.equal(m.family, 'fish-seafood');
  assert.equal(m.sector, 'Agriculture');

  const byName = match('Cocoa', 'Cocoa');
  assert.equal(byName.evidence[0]!.kind, 'name');
  assert.equal(byName.confidence, 0.9);
});

test('plural and singular, case and accents are folded', () => {
  assert.deepEqual(goods('BLUEBERRY'), ['Blueberries']);
  assert.deepEqual(goods('açaí berries'), ['Açaí Berries']);
  assert.deepEqual(goods('ACAI BERRY PULP'), ['Açaí Berries']);
  assert.deepEqual(goods('tomato'), ['Tomatoes']);
  assert.deepEqual(goods('1 tomato crate'), ['Tomatoes']);
  assert.deepEqual(goods('potatoes'), ['Potatoes']);
  assert.deepEqual(goods('Matchboxes'), ['Matches']);
  assert.deepEqual(goods('a lobster'), ['Lobsters']);
  assert.deepEqual(goods('Yerba Maté'), ['Yerba Mate (stimulant plant)']);
});

test('the longest phrase wins over its parts', () => {
  assert.deepEqual(goods('sweet potatoes'), ['Sweet Potatoes']);
  assert.deepEqual(goods('cocoa butter'), ['Cocoa'], 'not butter (dairy)');
  assert.deepEqual(goods('crude palm kernel oil'), ['Crude Palm Kernel Oil']);
  assert.deepEqual(goods('cotton seed for sowing'), ['Cottonseed (hybrid)']);
  assert.deepEqual(goods('silk flowers'), ['Artificial Flowers']);
  assert.deepEqual(goods('precious stones'), ['Gems']);
  assert.deepEqual(goods('stone fruit'), ['Fruit (Pome and Stone)']);
  assert.deepEqual(goods('tomato paste'), ['Tomato Products', 'Tomatoes']);
  assert.ok(match('tomato paste', 'Tomato Products').confidence > match('tomato paste', 'Tomatoes').confidence);
});

test('a material and a product in one line are both kept', () => {
  assert.deepEqual(goods('cotton T-shirts'), ['Cotton', 'Garments']);
  assert.deepEqual(goods('leather shoes'), ['Footwear', 'Leather']);
  assert.deepEqual(goods('bamboo furniture'), ['Bamboo', 'Furniture']);
});

test('misleading words: cotton candy, tea towels, gold-plated, chocolate, fish oil, and other negatives', () => {
  // "cotton candy" is sugar, not cotton.
  const candy = run('cotton candy');
  assert.deepEqual(candy.goods, []);
  assert.match(candy.notes.join(' '), /not read as Cotton/);
  // Tea towels are textiles (listed there), not tea.
  assert.deepEqual(goods('tea towels, 100% cotton'), ['Cotton', 'Textiles']);
  // Gold-plated items carry a little gold: kept, as a partial match.
  const plated = match('gold-plated connectors', 'Gold');
  assert.equal(plated.confidence, 0.5);
  assert.equal(plated.evidence[0]!.partial, true);
  assert.deepEqual(goods('gold colour paint'), []);
  assert.deepEqual(goods('gold membership'), []);
  // Chocolate is cocoa; fish oil is fish.
  assert.deepEqual(goods('milk chocolate'), ['Cocoa']);
  assert.deepEqual(goods('refined fish oil'), ['Fish']);
  // Other everyday traps.
  assert.deepEqual(goods('coffee table, oak'), []);
  assert.deepEqual(goods('imitation leather bags'), []);
  assert.deepEqual(goods('nail polish remover'), []);
  assert.deepEqual(goods('pig iron'), ['Iron']);
  assert.deepEqual(goods('chicken wire mesh'), []);
  assert.deepEqual(goods('sugar-free chewing gum'), []);
  assert.deepEqual(goods('Apple iPad Pro 11'), []);
  assert.deepEqual(goods('football match tickets'), []);
  assert.deepEqual(goods('charcoal grey trousers'), ['Garments']);
  assert.deepEqual(goods('wine glasses'), ['Glass']);
  assert.deepEqual(goods('coca-cola 330 ml'), []);
});

test('services and equipment are not the good', () => {
  for (const text of ['services: office cleaning', 'consulting', 'IT consulting services', 'security guard services', 'electronic invoicing services']) {
    const r = run(text);
    assert.deepEqual(r.goods, [], text);
    assert.equal(r.reason, 'no listed good recognised', text);
  }
  for (const text of ['coffee machine', 'rice cooker', 'textile machinery spare parts', 'cotton gin', 'repair of electronics', 'transport of coal', 'carpet cleaning']) {
    const r = run(text);
    assert.deepEqual(r.goods, [], text);
    assert.ok(r.notes.length > 0, `${text}: the note says why`);
  }
});

test('a few words in other languages are understood', () => {
  assert.deepEqual(goods('algodón'), ['Cotton']);
  assert.deepEqual(goods('Camarões congelados'), ['Shrimp']);
  assert.deepEqual(goods('cacau'), ['Cocoa']);
  assert.deepEqual(goods('caña de azúcar'), ['Sugarcane']);
  assert.equal(match('crevettes', 'Shrimp').confidence, 0.75);
  assert.equal(match('café', 'Coffee').confidence, 0.5, 'café is also a coffee shop');
  assert.deepEqual(goods('internet café'), []);
});

test('downstream goods carry their input good and the input country ILAB names', () => {
  const solar = match('solar modules', 'Solar Modules');
  assert.deepEqual(solar.downstream.map((d) => [d.countryCode, d.inputGood, d.inputCountryCode]), [['CN', 'Polysilicon', 'CN']]);
  assert.match(solar.reason, /downstream of Polysilicon from CN \(ILAB row \d+\)/);
  const byCode = match({ hsCode: '8541.43.00' }, 'Solar Modules');
  assert.equal(byCode.downstream[0]!.inputGood, 'Polysilicon');
  assert.equal(match('Li-ion battery pack 48V', 'Lithium-Ion Batteries').downstream[0]!.inputGood, 'Cobalt ore (heterogenite)');
  assert.equal(match('Li-ion battery pack 48V', 'Lithium-Ion Batteries').downstream[0]!.inputCountryCode, 'CD');
  assert.equal(match('crude palm oil', 'Crude Palm Oil').downstream[0]!.inputGood, 'Palm Fruit');
  assert.deepEqual(match('cocoa', 'Cocoa').downstream, []);
});

test('HS codes: dots, spaces, national digits, lost leading zeros, and their descriptions', () => {
  const dotted = run({ hsCode: '1801.00' });
  assert.deepEqual(dotted.goods.map((g) => g.good), ['Cocoa']);
  const ev = dotted.goods[0]!.evidence[0]!;
  assert.equal(ev.kind, 'hs-code');
  assert.equal(ev.relation, 'under');
  assert.equal(ev.confidence, 0.95);
  assert.equal(ev.reason, 'HS 180100 is under heading 1801 "Cocoa beans; whole or broken, raw or roasted", mapped to Cocoa');
  assert.deepEqual(ev.source.map((s) => s.dataset), ['ilab-goods-map', 'hs']);
  assert.equal(dotted.hs!.code, '180100');
  assert.equal(dotted.hs!.levelName, 'subheading');
  assert.deepEqual(dotted.hs!.path.map((p) => p.code), ['18', '1801', '180100']);
  assert.equal(dotted.hs!.path[0]!.description, 'Cocoa and cocoa preparations');

  const national = run({ hsCode: '1801 00 00 10' });
  assert.equal(national.hs!.code, '180100');
  assert.match(national.notes.join(' '), /national digits 0010 ignored/);
  assert.deepEqual(national.goods.map((g) => g.good), ['Cocoa']);

  const zero = run({ hsCode: '30617' });
  assert.equal(zero.hs!.code, '030617');
  assert.deepEqual(zero.goods.map((g) => g.good).sort(), ['Shellfish', 'Shrimp']);
  assert.deepEqual(run({ hsCode: 'HS 4015.19' }).goods.map((g) => g.good), ['Rubber Gloves']);
});

test('HS codes: broader codes are weaker matches, and a code from an older edition falls back to its heading', () => {
  const heading = run({ hsCode: '0306' });
  assert.equal(match({ hsCode: '0306' }, 'Shellfish').confidence, 0.95);
  const shrimp = heading.goods.find((g) => g.good === 'Shrimp')!;
  assert.equal(shrimp.evidence[0]!.relation, 'broader');
  assert.equal(shrimp.confidence, 0.4);
  assert.match(shrimp.reason, /HS 0306 "Crustaceans.*" is broader than subheading 0306\d\d, mapped to Shrimp: the line may be something else in it/);
  assert.equal(match({ hsCode: '03' }, 'Shrimp').confidence, 0.2);
  assert.equal(match({ hsCode: '03' }, 'Fish').confidence, 0.3);

  // HS 2017's 4015.11 (surgical gloves) became 4015.12 in HS 2022.
  const old = run({ hsCode: '4015.11' });
  assert.equal(old.hs!.code, '4015');
  assert.match(old.notes.join(' '), /401511 is not in HS 2022; its heading 4015 is used/);
  assert.equal(match({ hsCode: '4015.11' }, 'Rubber Gloves').evidence[0]!.relation, 'broader');
});

test('HS codes: unknown and malformed codes get a clear reason, and the description still resolves when a code has no good', () => {
  const unknown = run({ hsCode: '7700.00' });
  assert.deepEqual(unknown.goods, []);
  assert.equal(unknown.hs!.code, null);
  assert.equal(unknown.hs!.error, '770000 is not an HS 2022 code');
  assert.match(unknown.notes.join(' '), /HS code not used: 770000 is not an HS 2022 code/);
  assert.equal(run({ hsCode: 'n/a' }).hs!.error, '"n/a" is not an HS code (digits, optionally with dots or spaces)');

  const computers = run({ hsCode: '8471.30' });
  assert.deepEqual(computers.goods.map((g) => g.good), ['Electronics']);
  const screws = run({ hsCode: '7318.15' });
  assert.deepEqual(screws.goods, []);
  assert.match(screws.reason, /^no listed good recognised; HS 731815: Iron or steel; threaded screws and bolts/);
  assert.equal(screws.hs!.description, 'Iron or steel; threaded screws and bolts n.e.c. in item no. 7318.1, whether or not with their nuts or washers');
});

test('CPV codes: with or without the check digit, shortened, broader, unknown', () => {
  for (const code of ['15841000-5', '158410005', '15841000', 'CPV 15841000-5']) {
    const r = run({ cpvCode: code });
    assert.deepEqual(r.goods.map((g) => g.good), ['Cocoa'], code);
    assert.equal(r.cpv!.code, '15841000');
    assert.equal(r.cpv!.description, 'Cocoa');
    assert.equal(r.goods[0]!.evidence[0]!.kind, 'cpv-code');
  }
  const wrongCheck = run({ cpvCode: '15841000-7' });
  assert.deepEqual(wrongCheck.goods.map((g) => g.good), ['Cocoa']);
  assert.match(wrongCheck.notes.join(' '), /check digit 7 does not match CPV's 15841000-5/);

  const broader = run({ cpvCode: '15800000-6' });
  assert.equal(broader.cpv!.levelName, 'group');
  const cocoa = broader.goods.find((g) => g.good === 'Cocoa')!;
  assert.equal(cocoa.evidence[0]!.relation, 'broader');
  assert.ok(cocoa.confidence < 0.6);

  assert.equal(run({ cpvCode: '1584' }).cpv!.code, '15840000');
  assert.equal(run({ cpvCode: '3131400' }).cpv!.code, '03131400', 'leading zero restored');
  const cleaning = run({ cpvCode: '90919200-4', description: 'office cleaning' });
  assert.deepEqual(cleaning.goods, []);
  assert.equal(cleaning.cpv!.description, 'Office cleaning services');
  assert.match(cleaning.reason, /no listed good recognised; CPV 90919200: Office cleaning services/);
  assert.equal(run({ cpvCode: '99999999' }).cpv!.error, '99999999 is not a CPV 2008 code');
});

test('UNSPSC is accepted but not used, and the result says so', () => {
  const r = run({ unspscCode: '50161509', description: 'cocoa beans' });
  assert.deepEqual(r.unspsc, { code: '50161509', used: false, reason: 'UNSPSC was not used: no open UNSPSC data is bundled to check or map the code' });
  assert.deepEqual(r.goods.map((g) => g.good), ['Cocoa']);
  assert.match(r.notes.join(' '), /UNSPSC was not used/);
});

test('code and text: agreement raises confidence, disagreement keeps both and lowers it', () => {
  const both = match({ description: 'cocoa beans', hsCode: '1801.00' }, 'Cocoa');
  assert.equal(both.confidence, 0.99);
  assert.deepEqual(both.evidence.map((e) => e.kind), ['synonym', 'hs-code']);

  const conflict = run({ description: 'cocoa beans', hsCode: '8471.30' });
  assert.deepEqual(conflict.goods.map((g) => g.good).sort(), ['Cocoa', 'Electronics']);
  assert.ok(conflict.goods.every((g) => g.confidence < 0.7), conflict.reason);
  assert.match(conflict.notes.join(' '), /The description points to Cocoa but the code points to Electronics/);

  // A code that maps to no good, far from the text good's codes, lowers the text match.
  const far = match({ description: 'cocoa beans', hsCode: '7318.15' }, 'Cocoa');
  assert.equal(far.confidence, 0.64);
  assert.match(far.reason, /HS 731815 .* is far from Cocoa's codes/);

  // A material beside the product the code confirms is not a disagreement.
  const shirts = run({ description: 'cotton T-shirts', hsCode: '6109.10' });
  assert.deepEqual(shirts.goods.map((g) => [g.good, g.confidence]), [['Garments', 0.99], ['Cotton', 0.9]]);
});

test('code results are shared between lines and cannot be changed by a caller', () => {
  const a = run({ hsCode: '180100' });
  const b = run({ hsCode: '180100' });
  assert.equal(a.hs, b.hs);
  assert.ok(Object.isFrozen(a.hs));
  assert.ok(Object.isFrozen(a.goods[0]!.evidence[0]));
  assert.throws(() => { (a.hs as { code: string | null }).code = 'x'; });
});

test('empty lines classify to nothing without error', () => {
  for (const line of [{}, { description: '' }, { description: '   ' }, { description: '!!! 123 ???' }, { hsCode: ' ', cpvCode: '' }]) {
    const r = run(line);
    assert.deepEqual(r.goods, []);
    assert.equal(r.reason, 'no listed good recognised');
  }
});

test('the classifier reports what it was built from', () => {
  assert.equal(classifier.editions.ilab, '2022');
  assert.equal(classifier.editions.hs, '2022');
  assert.equal(classifier.editions.cpv, '2008');
  assert.match(classifier.editions.goodsMap, /^sha256:[0-9a-f]{64}$/);
  assert.equal(classifier.goods.length, 169);
  assert.equal(classifier.resolveHs('8541.43').description, 'Electrical apparatus; photosensitive semiconductor devices, photovoltaic cells assembled in modules or made up into panels');
  assert.equal(classifier.resolveCpv('09331200-0').description, 'Solar photovoltaic modules');
});
