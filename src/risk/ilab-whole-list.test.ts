// The whole ILAB list, not a sample: every good × country row (downstream rows included), written three ways
// — the ILAB name, a trade synonym from the goods map, and an HS code from the map where one applies — goes
// through the real classifier and the risk engine, and must come out with the ILAB signal naming that good,
// that country, its types, and its dataset, edition and row. Synonyms and codes are taken in turn across a
// good's countries, so that the many countries of a good like Gold or Cotton also cover its many synonyms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier, phraseKey, type LineInput } from '../classify/index.ts';
import { loadClassifierData } from '../classify/load.ts';
import { assessRisk } from './engine.ts';
import { loadRiskKnowledge, readRiskEditions } from './load.ts';
import type { RiskResult } from './types.ts';

const data = loadClassifierData();
const classifier = buildClassifier(data);
const knowledge = loadRiskKnowledge();
const entryOf = new Map(data.goodsMap.entries.map((e) => [e.good, e]));
interface IlabRow {
  row: number;
  good: string;
  country_code: string;
  child_labor: boolean;
  forced_labor: boolean;
  forced_child_labor: boolean;
  downstream: boolean;
  input_good: string | null;
  input_country_code: string | null;
}
const rows = readRiskEditions().ilab.rows as IlabRow[];
const rowOf = new Map(rows.map((r) => [`${r.good}|${r.country_code}`, r]));

/** The map's trade synonyms of a good that are not its own name, full ones first (partial ones only if there are no others). */
function synonyms(good: string): string[] {
  const e = entryOf.get(good)!;
  const own = e.synonyms.filter((t) => phraseKey(t.text) !== phraseKey(good));
  const full = own.filter((t) => !t.partial);
  return (full.length > 0 ? full : own).map((t) => t.text);
}

/** The map's HS codes of a good, exact ones first (partial ones only if there are no others). */
function hsCodes(good: string): string[] {
  const codes = entryOf.get(good)!.hs;
  const exact = codes.filter((c) => !c.partial);
  return (exact.length > 0 ? exact : codes).map((c) => c.code);
}

type Way = 'ILAB name' | 'trade synonym' | 'HS code';

test('every ILAB good × country pair, written three ways, carries the ILAB signal for that good, country and type', (t) => {
  const seenOfGood = new Map<string, number>();
  const checked: Record<Way, number> = { 'ILAB name': 0, 'trade synonym': 0, 'HS code': 0 };
  const noSynonym = new Set<string>();
  const noHs = new Set<string>();
  const notHighByName: string[] = [];
  const weakNames = new Set<string>();
  for (const row of rows) {
    const k = seenOfGood.get(row.good) ?? 0;
    seenOfGood.set(row.good, k + 1);
    const ways: [Way, LineInput][] = [['ILAB name', { description: row.good }]];
    const syn = synonyms(row.good);
    if (syn.length > 0) ways.push(['trade synonym', { description: syn[k % syn.length]! }]);
    else noSynonym.add(row.good);
    const hs = hsCodes(row.good);
    if (hs.length > 0) ways.push(['HS code', { hsCode: hs[k % hs.length]! }]);
    else noHs.add(row.good);

    for (const [way, line] of ways) {
      const what = `${row.good} / ${row.country_code} (ILAB row ${row.row}) by ${way} ${JSON.stringify(line)}`;
      const classification = classifier.classify(line);
      const r: RiskResult = assessRisk({ countryCode: row.country_code, classification, description: line.description ?? null }, knowledge);
      const s = r.signals.find((x) => x.dataset === 'ilab-tvpra' && x.key === `${row.good}|${row.country_code}`);
      assert.ok(s, `${what}: no ILAB signal; classified as ${classification.reason}; signals ${r.signals.map((x) => `${x.kind} ${x.key}`).join(', ')}`);
      const expectedKind = row.downstream ? 'ilab-downstream' : row.forced_child_labor ? 'ilab-forced-child-labour' : row.forced_labor ? 'ilab-forced-labour' : 'ilab-child-labour';
      assert.equal(s.kind, expectedKind, what);
      assert.equal(s.edition, '2022', what);
      assert.equal(s.row, row.row, what);
      assert.equal(s.facts.good, row.good, what);
      assert.equal(s.facts.countryCode, row.country_code, what);
      assert.equal(s.facts.childLabour, row.child_labor, what);
      assert.equal(s.facts.forcedLabour, row.forced_labor, what);
      assert.equal(s.facts.forcedChildLabour, row.forced_child_labor, what);
      assert.equal(s.facts.downstream, row.downstream, what);
      if (row.downstream) {
        const input = rowOf.get(`${row.input_good}|${row.input_country_code}`)!;
        assert.equal(s.facts.inputGood, row.input_good, what);
        assert.equal(s.facts.inputCountryCode, row.input_country_code, what);
        assert.equal(s.facts.inputRow, input.row, what);
        assert.ok(s.explanation.includes(`the input: row ${input.row}`), what);
      }
      assert.ok(s.strength > 0, `${what}: strength ${s.strength}`);
      assert.ok(s.explanation.includes(`(ilab-tvpra), edition 2022, row ${row.row}`), `${what}: ${s.explanation}`);
      assert.equal(r.signals.reduce((sum, x) => sum + x.contribution, 0), r.score, `${what}: contributions must add up to the score`);
      if (way === 'ILAB name') {
        if (Number(s.facts.confidence) < 0.8) weakNames.add(row.good);
        else if (r.level !== 'high' && r.level !== 'severe') notHighByName.push(`${row.good} / ${row.country_code}: ${r.summary}`);
      }
      checked[way]++;
    }
  }
  const total = checked['ILAB name'] + checked['trade synonym'] + checked['HS code'];
  t.diagnostic(`${rows.length} ILAB rows (good × country, ${rows.filter((r) => r.downstream).length} downstream); ${total} lines checked: ${checked['ILAB name']} by ILAB name, ${checked['trade synonym']} by trade synonym, ${checked['HS code']} by HS code`);
  t.diagnostic(`no trade synonym: ${[...noSynonym].join('; ') || 'none'}; no HS code: ${[...noHs].sort().join('; ') || 'none'}`);
  assert.equal(rows.length, 467);
  assert.equal(checked['ILAB name'], 467);
  assert.equal(checked['trade synonym'], 467 - rows.filter((r) => noSynonym.has(r.good)).length);
  assert.equal(checked['HS code'], 467 - rows.filter((r) => noHs.has(r.good)).length);
  assert.deepEqual([...noSynonym], ['Pornography']);
  assert.deepEqual([...noHs].sort(), ['Glass Bangles', 'Pornography', 'Stones', 'Textiles (hand-woven)']);
  // Every listed pair named by its ILAB name, matched with confidence 0.8 or more, is at least High (the
  // README's claim for a listing plus the work it comes from), except the one "good" that is not a product
  // and so has no sector to add. Names the map marks as often meaning something else ("matches", "tin",
  // "stones") match at 0.5 and may stay Medium.
  t.diagnostic(`ILAB names matched below 0.8 (the map marks them partial): ${[...weakNames].sort().join('; ')}`);
  const markedPartial = data.goodsMap.entries.filter((e) => e.synonyms.some((x) => x.partial && phraseKey(x.text) === phraseKey(e.good))).map((e) => e.good);
  assert.deepEqual([...weakNames].sort(), markedPartial.filter((g) => seenOfGood.has(g)).sort());
  assert.deepEqual(notHighByName.filter((x) => !x.startsWith('Pornography')), []);
});
