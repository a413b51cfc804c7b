// The engine on a small, hand-written knowledge base whose answers can be worked out by hand: each kind of
// signal, the TIP trend and its gaps, missing facts, the arithmetic of the score, weights and hard signals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Classification, GoodMatch } from '../classify/index.ts';
import { assessRisk, signalSeverity, weightsId } from './engine.ts';
import { buildRiskKnowledge } from './knowledge.ts';
import type { RiskResult, Signal } from './types.ts';
import { DEFAULT_WEIGHTS, levelOf, type RiskWeights } from './weights.ts';

const ilabRow = (row: number, good: string, sector: string, country: string, name: string, flags: { cl?: boolean; fl?: boolean; fcl?: boolean; input?: [string, string] }) => ({
  row, good, sector, country_code: country, country_name: name, region: 'x',
  child_labor: flags.cl ?? false, forced_labor: flags.fl ?? false, forced_child_labor: flags.fcl ?? false,
  downstream: Boolean(flags.input), input_good: flags.input?.[0] ?? null, input_country_code: flags.input?.[1] ?? null,
});

const ILAB = [
  ilabRow(10, 'Cocoa', 'Agriculture', 'CI', "Côte d'Ivoire", { cl: true, fl: true, fcl: true }),
  ilabRow(11, 'Cocoa', 'Agriculture', 'GH', 'Ghana', { cl: true }),
  ilabRow(20, 'Polysilicon', 'Manufacturing', 'CN', 'China', { fl: true }),
  ilabRow(21, 'Solar Modules', 'Manufacturing', 'CN', 'China', { input: ['Polysilicon', 'CN'] }),
  ilabRow(30, 'Shrimp', 'Agriculture', 'TH', 'Thailand', { fl: true }),
  ilabRow(40, 'Garments', 'Manufacturing', 'CI', "Côte d'Ivoire", { cl: true }),
];

const tipRow = (row: number, year: number, code: string, name: string, tier: string) => ({ row, year, country_code: code, country_name: name, tier });
const TIP = [
  tipRow(100, 2023, 'CI', "Cote d'Ivoire", '2'), tipRow(101, 2024, 'CI', "Cote d'Ivoire", '2'), tipRow(102, 2025, 'CI', "Cote d'Ivoire", '2'),
  tipRow(110, 2023, 'BR', 'Brazil', '2'), tipRow(112, 2025, 'BR', 'Brazil', '2WL'), // no 2024 placement
  tipRow(120, 2024, 'TM', 'Turkmenistan', '3'), tipRow(121, 2025, 'TM', 'Turkmenistan', '2WL'),
  tipRow(130, 2025, 'CN', 'China', '3'),
  tipRow(140, 2024, 'LY', 'Libya', 'special_case'), tipRow(141, 2025, 'LY', 'Libya', 'special_case'),
  tipRow(150, 2024, 'YE', 'Yemen', '3'), tipRow(151, 2025, 'YE', 'Yemen', 'special_case'),
  tipRow(160, 2025, 'GB', 'United Kingdom', '1'), tipRow(161, 2025, 'BE', 'Belgium', '1'),
  tipRow(170, 2023, 'XK', 'Kosovo', '2'), // nothing in 2024 or 2025
  tipRow(180, 2025, 'TH', 'Thailand', '2'),
  tipRow(190, 2024, 'KP', 'North Korea', '3'), tipRow(191, 2025, 'KP', 'North Korea', '3'),
];

const gsiRow = (row: number, code: string, name: string, prevalence: number | null) => ({ row, country_code: code, country_name: name, region: 'x', population: 1, prevalence_per_1000: prevalence, estimated_number: prevalence === null ? null : 1000 });
const GSI = [
  gsiRow(200, 'CI', "Côte d'Ivoire", 7.3), gsiRow(201, 'GB', 'United Kingdom', 1.8), gsiRow(202, 'CN', 'China', 4),
  gsiRow(203, 'BR', 'Brazil', 5), gsiRow(204, 'AG', 'Antigua and Barbuda', null), gsiRow(205, 'KP', 'North Korea', 104.6),
  gsiRow(206, 'TM', 'Turkmenistan', 11.9), gsiRow(207, 'BE', 'Belgium', 1), gsiRow(208, 'TH', 'Thailand', 5.7),
];

const knowledge = buildRiskKnowledge({ ilab: { edition: '2022', rows: ILAB }, tip: { edition: '2025', rows: TIP }, gsi: { edition: '2023', rows: GSI } });

const FAMILY: Record<string, string> = { Cocoa: 'agriculture/beverage-crops', Polysilicon: 'solar-pv', 'Solar Modules': 'solar-pv', Shrimp: 'fish-seafood', Garments: 'textiles/garments' };
const SECTOR: Record<string, string> = { Cocoa: 'Agriculture', Polysilicon: 'Manufacturing', 'Solar Modules': 'Manufacturing', Shrimp: 'Agriculture', Garments: 'Manufacturing' };

/** A classification as the classifier would give it, for goods and confidences chosen by the test. */
function classified(...goods: [string, number][]): Classification {
  const matches: GoodMatch[] = goods.map(([good, confidence]) => ({ good, family: FAMILY[good]!, sector: SECTOR[good]!, confidence, reason: `test match for ${good}`, evidence: [], downstream: [], mapLine: 1 }));
  return { goods: matches, reason: matches.map((m) => m.good).join(', ') || 'no listed good recognised', hs: null, cpv: null, unspsc: null, notes: [] };
}

function assess(countryCode: string | null, goods: [string, number][], description: string | null = null, weights?: RiskWeights, hard?: Signal[]): RiskResult {
  return assessRisk({ countryCode, classification: classified(...goods), description, hard }, knowledge, weights);
}

function only(r: RiskResult, kind: Signal['kind']): Signal {
  const found = r.signals.filter((s) => s.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} signal, got ${found.length}: ${r.summary}`);
  return found[0]!;
}

function assertAddsUp(r: RiskResult): void {
  assert.equal(r.signals.reduce((sum, s) => sum + s.contribution, 0), r.score, `contributions must add up to the score: ${r.summary}`);
  assert.ok(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100);
  for (const s of r.signals) assert.ok(Number.isInteger(s.contribution), `${s.kind} ${s.key}: ${s.contribution}`);
  assert.equal(r.level, levelOf(r.score));
  assert.equal(r.likelihood, r.score / 100);
}

test('forced child labour listing: full strength scaled by the classifier confidence, with the row and what the list means', () => {
  const r = assess('CI', [['Cocoa', 0.8]]);
  const s = only(r, 'ilab-forced-child-labour');
  assert.equal(s.dataset, 'ilab-tvpra');
  assert.equal(s.edition, '2022');
  assert.equal(s.key, 'Cocoa|CI');
  assert.equal(s.row, 10);
  assert.equal(s.strength, 0.8);
  assert.equal(s.contribution, 36); // 45 × 1 × 0.8
  assert.equal(s.facts.types, 'child labour, forced labour and forced child labour');
  assert.equal(s.facts.confidence, 0.8);
  assert.match(s.explanation, /not companies/);
  assert.match(s.explanation, /confidence 0\.80/);
  assert.match(s.explanation, /\(ilab-tvpra\), edition 2022, row 10\./);
  // 36 + sector agriculture 0.8 × 0.8 × 25 = 16 + TIP Tier 2 stable 0.33 × 15 = 5 + GSI 7.3/20 × 15 = 5.475 → 5
  assert.equal(r.score, 62);
  assert.equal(r.level, 'severe');
  assert.equal(r.severity, 1);
  assertAddsUp(r);
});

test('child labour only: 0.8 of full strength, severity below forced labour', () => {
  const r = assess('GH', [['Cocoa', 1]]);
  const s = only(r, 'ilab-child-labour');
  assert.equal(s.strength, 0.8);
  assert.equal(s.contribution, 36);
  assert.equal(s.facts.forcedLabour, false);
  assert.equal(r.severity, 0.8);
});

test('downstream good: 0.6 of its input listing, citing both rows', () => {
  const r = assess('CN', [['Solar Modules', 0.9]]);
  const s = only(r, 'ilab-downstream');
  assert.equal(s.key, 'Solar Modules|CN');
  assert.equal(s.row, 21);
  assert.equal(s.facts.inputGood, 'Polysilicon');
  assert.equal(s.facts.inputRow, 20);
  assert.equal(s.facts.inputTypes, 'forced labour');
  assert.ok(Math.abs(s.strength - 0.6 * 1 * 0.9) < 1e-12);
  assert.equal(s.contribution, 24); // 45 × 0.54 = 24.3
  assert.match(s.explanation, /made from Polysilicon from China, which it lists for forced labour/);
  assert.match(s.explanation, /row 21; the input: row 20\./);
  assert.equal(r.severity, 0.6);
});

test('a good listed for other countries, or with no country, is a weaker ILAB signal naming the listed countries', () => {
  const elsewhere = assess('BE', [['Cocoa', 1]]);
  const s = only(elsewhere, 'ilab-listed-elsewhere');
  assert.equal(s.key, 'Cocoa');
  assert.equal(s.row, null);
  assert.equal(s.strength, 0.2);
  assert.equal(s.contribution, 9);
  assert.equal(s.facts.listedCountries, 'CI, GH');
  assert.match(s.explanation, /Côte d'Ivoire \(child labour, forced labour and forced child labour\) and Ghana \(child labour\)/);
  assert.match(s.explanation, /does not name Cocoa from Belgium/);
  assert.match(s.explanation, /rows 10, 11\./);
  assert.equal(elsewhere.severity, 0.5);

  const unknown = assess(null, [['Cocoa', 1]]);
  const u = only(unknown, 'ilab-listed-elsewhere');
  assert.equal(u.strength, 0.4);
  assert.equal(u.facts.countryUnknown, true);
  assert.ok(!unknown.signals.some((x) => x.kind === 'tip-tier' || x.kind === 'gsi-prevalence'), 'no country signal without a country');
  assert.match(unknown.summary, /country is unknown/);
});

test('TIP: latest tier and its trend against the previous available year, gaps named and never filled', () => {
  const tip = (code: string) => only(assess(code, []), 'tip-tier');
  const br = tip('BR');
  assert.equal(br.key, 'BR|2025');
  assert.equal(br.row, 112);
  assert.equal(br.facts.trend, 'down');
  assert.equal(br.facts.previousYear, 2023);
  assert.equal(br.facts.missingYears, '2024');
  assert.ok(Math.abs(br.strength - 0.77) < 1e-12); // Watch List 0.67 + one step down 0.1
  assert.equal(br.contribution, 12);
  assert.match(br.explanation, /Tier 2 Watch List in 2025, down one step from Tier 2 in 2023 \(the edition has no placement for Brazil in 2024; none is guessed\)/);
  assert.match(br.explanation, /not how much trafficking there is/);
  assert.match(br.explanation, /edition 2025, row 112; previous placement: row 110 \(2023\)\./);
  assert.equal(knowledge.tip.get('BR')!.byYear.has(2024), false);

  const tm = tip('TM');
  assert.equal(tm.facts.trend, 'up');
  assert.ok(Math.abs(tm.strength - 0.57) < 1e-12);
  assert.match(tm.explanation, /up one step from Tier 3 in 2024/);

  const ci = tip('CI');
  assert.equal(ci.facts.trend, 'same');
  assert.equal(ci.strength, 0.33);
  assert.match(ci.explanation, /Tier 2 in 2025, as in 2024/);

  const cn = tip('CN');
  assert.equal(cn.facts.trend, null);
  assert.equal(cn.strength, 1);
  assert.match(cn.explanation, /no earlier placement, so no trend/);

  for (const [code, strength] of [['LY', 0.67], ['YE', 0.67]] as const) {
    const s = tip(code);
    assert.equal(s.facts.trend, null, `${code}: a Special Case is not ranked, so no trend`);
    assert.equal(s.strength, strength);
    assert.match(s.explanation, /cannot be compared, so no trend/);
  }

  const gb = tip('GB');
  assert.equal(gb.strength, 0);
  assert.equal(gb.contribution, 0);

  const xk = tip('XK');
  assert.equal(xk.key, 'XK|2023');
  assert.match(xk.explanation, /places Kosovo on Tier 2 in 2023/);
  assert.match(xk.explanation, /latest year is 2025, with no placement for Kosovo in 2024 and 2025: its latest placement is used, and none is guessed/);
});

test('a country the TIP edition never places gets no tier: the signal says so and adds nothing', () => {
  const r = assess('AG', []);
  const s = only(r, 'tip-tier');
  assert.equal(s.row, null);
  assert.equal(s.strength, 0);
  assert.equal(s.contribution, 0);
  assert.equal(s.facts.tier, null);
  assert.match(s.explanation, /no placement for Antigua and Barbuda in any of its years \(2023–2025\)/);
  assert.match(s.explanation, /does not guess one/);
  const gsi = only(r, 'gsi-prevalence');
  assert.equal(gsi.row, 204);
  assert.equal(gsi.strength, 0);
  assert.match(gsi.explanation, /no prevalence estimate for Antigua and Barbuda/);
  assert.equal(r.score, 0);
  assert.equal(r.severity, 0, 'signals that add nothing point to nothing');

  const unknownCode = only(assess('ZZ', []), 'gsi-prevalence');
  assert.equal(unknownCode.row, null);
  assert.match(unknownCode.explanation, /no row for ZZ/);
});

test('GSI prevalence counts in proportion up to 20 per 1,000, in full beyond', () => {
  const kp = only(assess('KP', []), 'gsi-prevalence');
  assert.equal(kp.strength, 1);
  assert.equal(kp.contribution, 15);
  const gb = only(assess('GB', []), 'gsi-prevalence');
  assert.equal(gb.strength, 1.8 / 20);
  assert.equal(gb.contribution, 1);
  assert.match(gb.explanation, /1\.8 people in modern slavery per 1,000 in United Kingdom/);
  assert.match(gb.explanation, /modelled estimate/);
  assert.match(gb.explanation, /\(gsi\), edition 2023, row 201\./);
});

test('sector exposure from a keyword, from the good and from no source at all', () => {
  const cleaning = assess('GB', [], 'Office cleaning services, night shift');
  const s = only(cleaning, 'sector');
  assert.equal(s.dataset, 'vigil-sectors');
  assert.equal(s.key, 'cleaning');
  assert.equal(s.row, null);
  assert.equal(s.strength, 0.8);
  assert.equal(s.contribution, 20);
  assert.equal(s.facts.via, 'keyword');
  assert.match(s.explanation, /Vigil's own sector rule "cleaning", not a publisher's finding/);
  assert.match(s.explanation, /Source: Vigil's sector rules \(vigil-sectors\), edition 2026\.1, rule keyword:office cleaning\.$/);
  assert.match(s.explanation, /\(checked\)/);
  assert.match(s.explanation, /\(not verified\)/);
  assert.match(s.explanation, /the description says "Office cleaning"/);
  assert.equal(cleaning.score, 21);
  assert.equal(cleaning.level, 'medium');
  assert.equal(cleaning.severity, 0.5);

  const shrimp = only(assess('TH', [['Shrimp', 0.9]]), 'sector');
  assert.equal(shrimp.key, 'fishing');
  assert.equal(shrimp.facts.via, 'good');
  assert.equal(shrimp.strength, 0.9);
  assert.match(shrimp.explanation, /counted at the classifier's confidence 0\.90/);

  assert.ok(!assess('GB', [], 'Cleaning products and detergents').signals.some((x) => x.kind === 'sector'), 'cleaning products are goods, not a cleaning service');
});

test('each part counts once, through its strongest signal; the rest are listed at 0 points', () => {
  const r = assess('CI', [['Garments', 0.9], ['Cocoa', 0.5]], 'cleaning');
  const garments = r.signals.find((s) => s.key === 'Garments|CI')!;
  const cocoa = r.signals.find((s) => s.key === 'Cocoa|CI')!;
  assert.ok(Math.abs(garments.strength - 0.72) < 1e-12); // child labour 0.8 × 0.9
  assert.equal(cocoa.strength, 0.5); // forced child labour 1 × 0.5
  assert.equal(garments.contribution, 32);
  assert.equal(cocoa.contribution, 0);
  const sectors = r.signals.filter((s) => s.kind === 'sector');
  assert.deepEqual(sectors.map((s) => [s.key, s.contribution]).sort(), [['agriculture', 0], ['cleaning', 20], ['manufacturing', 0]]);
  assert.equal(r.severity, 1, 'severity is the gravest signal, scored or not: the cocoa listing is forced child labour');
  assert.deepEqual(r.signals.map((s) => s.contribution), [...r.signals.map((s) => s.contribution)].sort((a, b) => b - a), 'largest contribution first');
  assertAddsUp(r);
});

test('contributions add up to the score for every combination of goods, countries and descriptions', () => {
  const countries = [null, 'CI', 'GH', 'CN', 'TH', 'BR', 'TM', 'LY', 'YE', 'GB', 'BE', 'XK', 'AG', 'KP', 'ZZ'];
  const goods: [string, number][][] = [[], [['Cocoa', 0.9]], [['Solar Modules', 0.99]], [['Shrimp', 0.5], ['Garments', 0.8]], [['Polysilicon', 0.2], ['Cocoa', 0.35], ['Garments', 0.95]]];
  const descriptions = [null, 'security guards', 'domestic workers and cleaning staff', 'consulting'];
  let n = 0;
  for (const c of countries) for (const g of goods) for (const d of descriptions) {
    assertAddsUp(assess(c, g, d));
    n++;
  }
  assert.equal(n, 300);
});

test('without a listed good a line stays below Severe, and a country alone below High', () => {
  // The most exposed sector in the weakest, most enslaved country: 25 + 15 + 15.
  const worst = assess('KP', [], 'domestic workers');
  assert.equal(worst.score, 55);
  assert.equal(worst.level, 'high');
  const country = assess('KP', [], 'consulting');
  assert.equal(country.score, 30);
  assert.equal(country.level, 'medium');
  // One high-exposure service is Medium even where the country adds nothing.
  const cleaning = assess('AG', [], 'office cleaning');
  assert.equal(cleaning.score, 20);
  assert.equal(cleaning.level, 'medium');
});

test('severity orders forced and forced child labour above child labour, downstream, listed elsewhere, sector and country', () => {
  const sev = (r: RiskResult) => r.severity;
  assert.equal(sev(assess('CI', [['Cocoa', 0.9]])), 1);
  assert.equal(sev(assess('TH', [['Shrimp', 0.9]])), 1);
  assert.equal(sev(assess('GH', [['Cocoa', 0.9]])), 0.8);
  assert.equal(sev(assess('CN', [['Solar Modules', 0.9]])), 0.6);
  assert.equal(sev(assess('BE', [['Cocoa', 0.9]])), 0.5);
  assert.equal(sev(assess(null, [], 'security guards')), 0.5);
  assert.equal(sev(assess('CN', [])), 0.3);
  assert.equal(sev(assess(null, [])), 0);
  assert.equal(signalSeverity({ kind: 'list-hit', facts: {} }), 0);
});

test('an organisation\'s weights change the score and the level, and the result records which weights were used', () => {
  const base = assess('CN', [['Solar Modules', 0.9]]);
  const own: RiskWeights = structuredClone(DEFAULT_WEIGHTS);
  own.points = { ilab: 60, tip: 5, gsi: 5, sector: 30 };
  own.ilab.downstream = 1;
  own.levels = { medium: 15, high: 30, severe: 50 };
  const mine = assess('CN', [['Solar Modules', 0.9]], null, own);
  // 60 × 0.9 = 54; TIP 5 × 1 = 5; GSI 5 × 0.2 = 1; manufacturing 30 × 0.6 × 0.9 = 16.2 → 16
  assert.equal(mine.score, 76);
  assert.equal(mine.level, 'severe');
  // 45 × 0.54 = 24.3 → 24; TIP 15; GSI 15 × 0.2 = 3; manufacturing 25 × 0.6 × 0.9 = 13.5 → 14
  assert.equal(base.score, 56);
  assert.equal(base.level, 'high');
  assert.notEqual(mine.weights, base.weights);
  assert.equal(base.weights, weightsId(DEFAULT_WEIGHTS));
  assert.equal(weightsId(structuredClone(DEFAULT_WEIGHTS)), base.weights, 'the id depends on the values, not the object');
  assert.match(base.weights, /^sha256:[0-9a-f]{64}$/);
  assertAddsUp(base);
  assert.equal(mine.signals.reduce((s, x) => s + x.contribution, 0), mine.score);
});

test('hard signals pass through apart from the score and never change it', () => {
  const hit: Signal = { kind: 'list-hit', hard: true, dataset: 'uflpa-entity-list', edition: '2025-08-19', key: 'entity-42', row: 42, strength: 1, contribution: 0, explanation: 'Possible match on the UFLPA Entity List.', facts: { confirmed: false } };
  const without = assess('CN', [['Solar Modules', 0.9]]);
  const withHit = assess('CN', [['Solar Modules', 0.9]], null, undefined, [hit]);
  assert.deepEqual(withHit.hard, [hit]);
  assert.equal(withHit.score, without.score);
  assert.equal(withHit.level, without.level);
  assert.deepEqual(withHit.signals, without.signals);
  assert.ok(!withHit.signals.some((s) => s.kind === 'list-hit'));
  assert.match(withHit.summary, /1 entity-list hit reported apart from the score/);
  assert.deepEqual(without.hard, []);
  assert.throws(() => assess('CN', [], null, undefined, [{ ...hit, contribution: 5 }]), /must have hard: true and contribution 0/);
  assert.throws(() => assess('CN', [], null, undefined, [{ ...hit, hard: false }]), /must have hard: true/);
});

test('every result records the editions it used, and the summary reads the contributions', () => {
  const r = assess('CI', [['Cocoa', 0.9]]);
  assert.deepEqual(r.editions, { 'ilab-tvpra': '2022', 'tip-tiers': '2025', gsi: '2023', 'vigil-sectors': '2026.1' });
  assert.match(r.summary, /^Severe, \d+ of 100: Cocoa from Côte d'Ivoire \(ILAB: child labour, forced labour and forced child labour\) \+41; sector: Agriculture, forestry and their produce \+18; TIP Tier 2 \(2025\) \+5; GSI 7\.3 per 1,000 \+5\.$/);
  assert.equal(assess('GB', [], 'consulting').summary, 'Low, 1 of 100: GSI 1.8 per 1,000 +1.');
  assert.equal(assess('AG', []).summary, 'Low, 0 of 100: no listed good, exposed sector or country signal adds to the score.');
});

test('malformed editions are refused, naming the dataset, row and field', () => {
  const build = (ilab: object[], tip: object[] = TIP, gsi: object[] = GSI) => buildRiskKnowledge({ ilab: { edition: 'x', rows: ilab }, tip: { edition: 'x', rows: tip }, gsi: { edition: 'x', rows: gsi } });
  assert.throws(() => build([{ ...ILAB[0]!, child_labor: 'yes' }]), /ilab-tvpra, row 10: field "child_labor" should be true or false, found "yes"/);
  assert.throws(() => build(ILAB, [{ ...TIP[0]!, tier: '4' }]), /tip-tiers, row 100: field "tier" should be one of 1, 2, 2WL, 3, special_case/);
  assert.throws(() => build(ILAB, TIP, [{ ...GSI[0]!, prevalence_per_1000: 'many' }]), /gsi, row 200: field "prevalence_per_1000" should be a number or null/);
  assert.throws(() => build([{ good: 'Cocoa' }]), /ilab-tvpra: a row has no row number/);
  assert.throws(() => build(ILAB, TIP, [{ ...GSI[0]!, estimated_number: '' }]), /field "estimated_number" should be a number or null, found ""/);
  // Rows read back from PostgreSQL carry bigint columns as strings.
  const fromDb = build(ILAB, TIP, [{ ...GSI[0]!, population: '28160000', estimated_number: '205000' }]);
  assert.equal(fromDb.gsi.get('CI')!.estimated, 205_000);
  assert.match(fromDb.gsi.get('CI')!.text, /about 205,000 people/);
});
