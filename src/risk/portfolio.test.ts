// A known-answer portfolio: realistic supplier lines, each with the level a compliance manager should expect
// and why, run through the real classifier and the risk engine on the bundled editions (ILAB 2022, TIP 2025,
// GSI 2023). Every flagged line's explanation must name the dataset, edition and row (or rule) of each fact
// that scored it, and those rows must be the right ones in the editions.
//
// Reading the expectations: with the default weights (README.md), an ILAB listing of the good for the country
// gives up to 45 points at the classifier's confidence, the work the good or service comes from up to 25, the
// TIP tier up to 15 and GSI prevalence up to 15. Medium from 20, High from 40, Severe from 60.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier } from '../classify/index.ts';
import { loadClassifierData } from '../classify/load.ts';
import { assessRisk } from './engine.ts';
import { loadRiskKnowledge, readRiskEditions } from './load.ts';
import { rankHotspots, rankSuppliers, type WorklistLine } from './prioritise.ts';
import type { Level, RiskResult } from './types.ts';

const classifier = buildClassifier(loadClassifierData());
const editions = readRiskEditions();
const knowledge = loadRiskKnowledge();

interface PortfolioLine {
  supplier: string;
  description: string;
  country: string | null;
  hs?: string;
  cpv?: string;
  spend: number;
  expected: Level;
}

const PORTFOLIO: PortfolioLine[] = [
  // ILAB lists cocoa from Côte d'Ivoire for child, forced and forced child labour; the HS code confirms the
  // good (confidence 0.99), cocoa farming is agricultural work, and the country is Tier 2 with 7.3 per 1,000.
  { supplier: 'Abidjan Cocoa Export SA', description: 'Cocoa beans, fermented and dried', country: 'CI', hs: '1801.00', spend: 420_000, expected: 'severe' },
  // Thai shrimp: forced and child labour on the list, fishing is the most isolated work (full sector weight).
  { supplier: 'Siam Seafood Co', description: 'Frozen peeled shrimp', country: 'TH', hs: '0306.17', spend: 180_000, expected: 'severe' },
  // Chinese solar modules are listed only as made from Chinese polysilicon (forced labour): the risk is one step
  // up the chain (0.6 of the input's strength), so High, not Severe, even with China on Tier 3.
  { supplier: 'Sunrise PV Trading', description: 'PV modules 550 W monocrystalline', country: 'CN', spend: 950_000, expected: 'high' },
  // Paper is not a listed good, Finland is Tier 1 with low prevalence, and no exposed work: nothing to flag.
  { supplier: 'Nordic Paper Oy', description: 'Office paper A4 80 g/m2', country: 'FI', spend: 60_000, expected: 'low' },
  // Cleaning is a high-exposure service in any country (0.8 of 25 = 20 points), even in Tier 1 United Kingdom.
  { supplier: 'BrightClean Ltd', description: 'Office cleaning services, head office', country: 'GB', cpv: '90910000-9', spend: 240_000, expected: 'medium' },
  // Uzbek cotton is not on the 2022 list (it was removed): what remains is cotton farming, cotton listed for
  // other countries, Tier 2 and 7.4 per 1,000. Medium, not High.
  { supplier: 'Fergana Textiles', description: 'Combed cotton yarn Ne 30/1', country: 'UZ', spend: 130_000, expected: 'medium' },
  // Turkmen cotton is listed for child and forced labour; the Watch List tier (up from Tier 3) and 11.9 per
  // 1,000 add to it.
  { supplier: 'Ashgabat Cotton', description: 'Cotton yarn', country: 'TM', spend: 90_000, expected: 'severe' },
  // Malaysian rubber gloves are listed for forced labour; the HS code makes the good certain.
  { supplier: 'Klang Glove Sdn Bhd', description: 'Nitrile examination gloves, powder-free', country: 'MY', hs: '4015.19', spend: 310_000, expected: 'severe' },
  // Pakistani bricks: child, forced and forced child labour (bonded labour in kilns), construction materials.
  { supplier: 'Punjab Kilns', description: 'Fired clay bricks', country: 'PK', spend: 75_000, expected: 'severe' },
  // Laptops are electronics, listed for China and Malaysia but not Ireland, where they are sold rather than
  // made: a small "listed elsewhere" signal and the manufacturing exposure make Medium (check the factory).
  { supplier: 'Dublin IT Distribution', description: 'Laptops 14 inch', country: 'IE', hs: '8471.30', spend: 500_000, expected: 'medium' },
  // Brazilian coffee: child and forced labour on the list, and Brazil went down to the Watch List in 2025.
  { supplier: 'Santos Coffee', description: 'Green coffee beans', country: 'BR', hs: '0901.11', spend: 200_000, expected: 'severe' },
  // Bangladeshi garments are listed for child and forced labour; the cotton adds the farm work behind it.
  { supplier: 'Dhaka Apparel', description: 'Cotton T-shirts for school uniforms', country: 'BD', spend: 150_000, expected: 'severe' },
  // Security guarding is a high-exposure service anywhere: Medium, as cleaning.
  { supplier: 'Guardian Security', description: 'Security guard services', country: 'GB', spend: 210_000, expected: 'medium' },
  // Catering likewise.
  { supplier: 'Canteen Partners', description: 'Staff canteen catering', country: 'GB', spend: 95_000, expected: 'medium' },
  // Consulting in Germany (Tier 1, 0.6 per 1,000): no signal at all.
  { supplier: 'Berlin Advisory GmbH', description: 'IT consulting services', country: 'DE', spend: 400_000, expected: 'low' },
  // Software from a Tier 1 country: only the GSI's 3.3 per 1,000 adds two points.
  { supplier: 'Cloudsoft Inc', description: 'Software licences', country: 'US', spend: 350_000, expected: 'low' },
  // Domestic work (full sector weight) in Saudi Arabia, whose prevalence (21.3 per 1,000) counts in full: High
  // without any listed good.
  { supplier: 'Riyadh Manpower', description: 'Domestic workers for staff residences', country: 'SA', spend: 70_000, expected: 'high' },
  // Construction in Qatar: exposed work, Tier 2, 6.8 per 1,000. Medium; no listing can make it more.
  { supplier: 'Doha Contracting', description: 'Construction of a warehouse extension', country: 'QA', spend: 800_000, expected: 'medium' },
  // Turkish hazelnuts: child labour only, but Türkiye's prevalence is high (15.6 per 1,000): Severe.
  { supplier: 'Black Sea Nuts', description: 'Hazelnut kernels', country: 'TR', spend: 55_000, expected: 'severe' },
  // Kenyan tea: child labour listing in a Tier 2, 5 per 1,000 country: High, not Severe.
  { supplier: 'Mombasa Tea Brokers', description: 'Black tea, CTC', country: 'KE', spend: 40_000, expected: 'high' },
  // Chinese lithium-ion batteries: listed as made from Congolese cobalt (child labour), one step removed.
  { supplier: 'Shenzhen Cells', description: 'Lithium-ion battery packs', country: 'CN', spend: 260_000, expected: 'high' },
  // Indonesian crude palm oil: listed as made from Indonesian palm fruit (child labour), one step removed.
  { supplier: 'Sumatra Oils', description: 'Crude palm oil', country: 'ID', spend: 120_000, expected: 'high' },
  // Cotton with no origin: it may come from any listed country (0.4), plus farm work; no country to add.
  { supplier: 'Generic Fibres', description: 'Raw cotton, origin not stated', country: null, spend: 35_000, expected: 'medium' },
  // Belgian chocolate: cocoa is listed for West Africa, not Belgium, where it is processed. Medium: ask for origin.
  { supplier: 'Brussels Chocolatier', description: 'Chocolate bars', country: 'BE', spend: 25_000, expected: 'medium' },
  // Agency labour is a labour-intensive service: Medium anywhere.
  { supplier: 'FlexStaff UK', description: 'Agency labour for warehouse picking', country: 'GB', spend: 160_000, expected: 'medium' },
  // Consulting in Myanmar: only the country speaks (Tier 3, 12.1 per 1,000), which makes Medium and never more.
  { supplier: 'Yangon Advisory', description: 'Management consulting', country: 'MM', spend: 30_000, expected: 'medium' },
  // Chinese mobile phones: electronics listed for child, forced and forced child labour, Tier 3.
  { supplier: 'Shenzhen Mobile', description: 'Mobile phones', country: 'CN', hs: '8517.13', spend: 280_000, expected: 'severe' },
  // Haulage is exposed work, but less than cleaning (0.6): 15 points, plus Poland's 5.5 per 1,000, stays Low.
  { supplier: 'Warsaw Freight', description: 'Road haulage', country: 'PL', spend: 110_000, expected: 'low' },
  // Swiss gold is refined, not mined, in Switzerland: gold listed elsewhere and mining work make Medium.
  { supplier: 'Geneva Refiners', description: 'Gold bullion 999.9', country: 'CH', spend: 45_000, expected: 'medium' },
  // Dutch tomatoes: tomatoes are listed for Mexico, not the Netherlands; farm work makes Medium.
  { supplier: 'Westland Growers', description: 'Fresh tomatoes', country: 'NL', spend: 20_000, expected: 'medium' },
  // Ecuadorian bananas: child labour on the list, plantation work, 7.6 per 1,000: just Severe.
  { supplier: 'Guayaquil Fruit', description: 'Bananas', country: 'EC', spend: 65_000, expected: 'severe' },
  // Indian hand-knotted carpets: child and forced labour.
  { supplier: 'Bhadohi Carpets', description: 'Hand-knotted wool carpets', country: 'IN', spend: 50_000, expected: 'severe' },
  // Brazilian cane sugar: sugarcane listed for child and forced labour, and Brazil's Watch List downgrade.
  { supplier: 'Sao Paulo Sugar', description: 'Cane sugar', country: 'BR', spend: 85_000, expected: 'severe' },
  // Toner from Germany: nothing.
  { supplier: 'Rhein Office Supplies', description: 'Printer toner cartridges', country: 'DE', spend: 15_000, expected: 'low' },
  // Garments from Liechtenstein, which the TIP edition never places: the tier is missing, not guessed, and
  // garments listed elsewhere with manufacturing work make Medium.
  { supplier: 'Vaduz Fashion', description: 'Garments', country: 'LI', spend: 10_000, expected: 'medium' },
];

const results: RiskResult[] = PORTFOLIO.map((p) => assessRisk({ countryCode: p.country, classification: classifier.classify({ description: p.description, hsCode: p.hs ?? null, cpvCode: p.cpv ?? null }), description: p.description }, knowledge));

type Rec = Record<string, unknown>;
const ilabRow = new Map((editions.ilab.rows as Rec[]).map((r) => [`${r.good}|${r.country_code}`, r.row]));
const tipRow = new Map((editions.tip.rows as Rec[]).map((r) => [`${r.country_code}|${r.year}`, r.row]));
const gsiRow = new Map((editions.gsi.rows as Rec[]).map((r) => [r.country_code, r.row]));

test('every line of the portfolio gets its expected level', () => {
  assert.ok(PORTFOLIO.length >= 25);
  const wrong = PORTFOLIO.map((p, i) => [p, results[i]!] as const).filter(([p, r]) => r.level !== p.expected).map(([p, r]) => `${p.description} (${p.country}): expected ${p.expected}, got ${r.summary}`);
  assert.deepEqual(wrong, []);
  const counts = Object.fromEntries((['low', 'medium', 'high', 'severe'] as const).map((l) => [l, results.filter((r) => r.level === l).length]));
  assert.deepEqual(counts, { low: 5, medium: 13, high: 5, severe: 12 });
});

test('each flagged line explains every fact that scored it: dataset, edition and the right row or rule', () => {
  let checked = 0;
  PORTFOLIO.forEach((p, i) => {
    const r = results[i]!;
    assert.equal(r.signals.reduce((s, x) => s + x.contribution, 0), r.score, p.description);
    if (r.level === 'low') return;
    const scoring = r.signals.filter((s) => s.contribution > 0);
    assert.ok(scoring.length > 0, p.description);
    for (const s of scoring) {
      const what = `${p.description} (${p.country}), ${s.kind} ${s.key}`;
      assert.equal(s.edition, r.editions[s.dataset], `${what}: the edition the result records`);
      assert.ok(s.explanation.includes(`(${s.dataset}), edition ${s.edition}`), `${what}: ${s.explanation}`);
      switch (s.kind) {
        case 'ilab-forced-child-labour':
        case 'ilab-forced-labour':
        case 'ilab-child-labour':
        case 'ilab-downstream':
          assert.equal(s.row, ilabRow.get(`${s.facts.good}|${p.country}`), what);
          assert.ok(s.explanation.includes(`row ${s.row}`), what);
          break;
        case 'ilab-listed-elsewhere':
          assert.ok(s.explanation.includes(`${String(s.facts.rows).includes(',') ? 'rows' : 'row'} ${s.facts.rows}`), what);
          for (const code of String(s.facts.listedCountries).split(', ')) assert.ok(ilabRow.has(`${s.facts.good}|${code}`), `${what}: ${code}`);
          break;
        case 'tip-tier':
          assert.equal(s.row, tipRow.get(`${p.country}|${s.facts.year}`), what);
          assert.ok(s.explanation.includes(`row ${s.row}`), what);
          break;
        case 'gsi-prevalence':
          assert.equal(s.row, gsiRow.get(p.country), what);
          assert.ok(s.explanation.includes(`row ${s.row}`), what);
          break;
        case 'sector':
          assert.equal(s.dataset, 'vigil-sectors');
          assert.ok(s.explanation.includes(`rule ${s.facts.rule}`), what);
          break;
        default:
          assert.fail(`${what}: unexpected scoring signal`);
      }
      checked++;
    }
  });
  assert.ok(checked >= 60, `${checked} scoring signals checked`);
});

test('the line with no TIP placement says so instead of guessing', () => {
  const r = results[PORTFOLIO.findIndex((p) => p.country === 'LI')]!;
  const tip = r.signals.find((s) => s.kind === 'tip-tier')!;
  assert.equal(tip.row, null);
  assert.equal(tip.contribution, 0);
  assert.match(tip.explanation, /no placement for Liechtenstein in any of its years \(2020–2025\)/);
});

test('the worklists put severe lines first, with spend as leverage, and count each line once', () => {
  const lines: WorklistLine[] = PORTFOLIO.map((p, i) => ({ supplier: p.supplier, line: i + 1, countryCode: p.country, spend: p.spend, result: results[i]! }));
  const suppliers = rankSuppliers(lines);
  const position = (name: string) => suppliers.findIndex((s) => s.supplier === name);
  // Cocoa from Côte d'Ivoire: forced child labour, score 75 and the largest spend of the severe lines.
  assert.equal(suppliers[0]!.supplier, 'Abidjan Cocoa Export SA');
  // The largest supplier by spend (14%) has a High line: it comes after every supplier with a Severe line,
  // and before every supplier whose worst line is Medium, however large.
  const pv = position('Sunrise PV Trading');
  for (const s of suppliers) {
    if (s.level === 'severe') assert.ok(position(s.supplier) < pv, s.supplier);
    if (s.level === 'medium' || s.level === 'low') assert.ok(position(s.supplier) > pv, s.supplier);
  }
  assert.deepEqual(suppliers.slice(-2).map((s) => s.priority), [0, 0], 'lines with no signal at all come last');

  const hotspots = rankHotspots(lines);
  assert.equal(hotspots[0]!.key, 'Cocoa|CI');
  assert.equal(hotspots[0]!.ilabRow, ilabRow.get('Cocoa|CI'));
  assert.equal(hotspots.find((h) => h.key === 'Solar Modules|CN')!.kind, 'ilab-downstream');
  assert.ok(hotspots.some((h) => h.key === 'sector:cleaning|GB'));
  assert.ok(!hotspots.some((h) => h.countryCode === 'MM'), 'country-only lines are not hotspots');
  assert.ok(!hotspots.some((h) => h.key.startsWith('Beans') || h.key.startsWith('Shellfish')), 'a line counts once, for the good that scored it');
  const counted = hotspots.reduce((n, h) => n + h.lines, 0);
  assert.equal(counted, PORTFOLIO.length - 5, 'every line but the four with only country signals (paper, IT consulting, software, toner) and the Myanmar consulting line');
});
