// The whole ILAB list, not a sample: every good × country pair, written as the ILAB name, as a trade synonym
// and as an HS code, classifies to that good (with the downstream input where ILAB names one). Every
// synonym, every word in another language and every code of the map is checked too, so a phrase that some
// other rule shadows cannot hide.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier, type Classification, type LineInput } from './classifier.ts';
import { goodsMapCoverage } from './goods-map.ts';
import { loadClassifierData } from './load.ts';

const data = loadClassifierData();
const classifier = buildClassifier(data);
const entryOf = new Map(data.goodsMap.entries.map((e) => [e.good, e]));
const ilabRows = data.ilab.rows;

function goodsOf(r: Classification): string[] {
  return r.goods.map((g) => g.good);
}

function expectGood(line: LineInput, good: string, what: string): Classification {
  const r = classifier.classify(line);
  assert.ok(goodsOf(r).includes(good), `${what}: ${JSON.stringify(line)} should classify to ${good}, got ${r.reason} (notes: ${r.notes.join(' / ') || 'none'})`);
  return r;
}

/** The synonym a buyer would most likely write: the first full (not partial) English one that is not just the name. */
function tradeSynonym(good: string): string | null {
  const e = entryOf.get(good)!;
  const name = good.toLowerCase();
  return e.synonyms.find((t) => !t.partial && t.text.toLowerCase() !== name)?.text ?? e.synonyms.find((t) => t.text.toLowerCase() !== name)?.text ?? null;
}

/** The most precise HS code of the good: an exact one if there is one, longest first. */
function hsCode(good: string): string | null {
  const codes = [...entryOf.get(good)!.hs].sort((a, b) => Number(a.partial) - Number(b.partial) || b.code.length - a.code.length);
  return codes[0]?.code ?? null;
}

test('the ILAB list has the 467 rows and 169 goods the map was written for', () => {
  assert.equal(ilabRows.length, 467);
  assert.equal(new Set(ilabRows.map((r) => r.good)).size, 169);
  assert.equal(data.goodsMap.entries.length, 169);
});

test('every good × country pair: the ILAB name, a trade synonym and an HS code classify to the good, with the downstream input', () => {
  let checked = 0;
  for (const row of ilabRows) {
    const ways: [string, LineInput][] = [['ILAB name', { description: row.good }]];
    const synonym = tradeSynonym(row.good);
    if (synonym) ways.push(['trade synonym', { description: synonym }]);
    const hs = hsCode(row.good);
    if (hs) ways.push(['HS code', { hsCode: hs }]);
    for (const [what, line] of ways) {
      const r = expectGood(line, row.good, `${row.good} / ${row.country_code} (ILAB row ${row.row}) by ${what}`);
      checked++;
      const match = r.goods.find((g) => g.good === row.good)!;
      if (row.downstream) {
        const d = match.downstream.find((x) => x.countryCode === row.country_code);
        assert.ok(d, `${row.good} / ${row.country_code} by ${what}: the downstream input is missing`);
        assert.equal(d.inputGood, row.input_good);
        assert.equal(d.inputCountryCode, row.input_country_code);
        assert.equal(d.row, row.row);
      } else {
        assert.equal(match.downstream.length, 0, `${row.good} is not downstream in ILAB`);
      }
      if (what === 'ILAB name') {
        assert.equal(match.evidence[0]!.kind, 'name');
        assert.ok(match.confidence >= 0.5, `${row.good} by name: confidence ${match.confidence}`);
      }
    }
  }
  assert.ok(checked >= 467 * 2, `only ${checked} classifications`);
});

test('goods without a trade synonym or an HS code are few, and named', (t) => {
  const goods = [...entryOf.keys()];
  const noSynonym = goods.filter((g) => tradeSynonym(g) === null);
  const noHs = goods.filter((g) => hsCode(g) === null);
  const coverage = goodsMapCoverage(data.goodsMap);
  t.diagnostic(`goods without a trade synonym (${noSynonym.length}): ${noSynonym.join('; ')}`);
  t.diagnostic(`goods without an HS code (${noHs.length}): ${noHs.join('; ')}`);
  t.diagnostic(`goods without a CPV code (${coverage.withoutCpv.length}): ${coverage.withoutCpv.join('; ')}`);
  // Pornography is not a product; Glass Bangles, Stones and hand-woven textiles have no code that fits them
  // without guessing (see the map's notes).
  assert.deepEqual(noSynonym, ['Pornography'], `goods without a trade synonym: ${noSynonym.join('; ')}`);
  assert.deepEqual(noHs.sort(), ['Glass Bangles', 'Pornography', 'Stones', 'Textiles (hand-woven)'], `goods without an HS code: ${noHs.join('; ')}`);
  assert.deepEqual(coverage.none, ['Pornography'], `goods recognised by name only: ${coverage.none.join('; ')}`);
  assert.equal(coverage.withSynonyms, 168);
  assert.equal(coverage.withHs, 165);
  assert.equal(coverage.withCpv, 141, `goods without a CPV code: ${coverage.withoutCpv.join('; ')}`);
});

test('every phrase of the map, in English or another language, classifies to its good', () => {
  for (const e of data.goodsMap.entries) {
    for (const t of [...e.synonyms, ...e.otherLanguages]) {
      const r = expectGood({ description: t.text }, e.good, `map line ${e.line} phrase "${t.text}"`);
      const match = r.goods.find((g) => g.good === e.good)!;
      if (t.partial) assert.ok(match.confidence <= 0.6, `"${t.text}" is partial but scored ${match.confidence}`);
    }
  }
});

test('every code of the map classifies to its good, and its 8- and 10-digit national extensions too', () => {
  for (const e of data.goodsMap.entries) {
    for (const c of e.hs) {
      const r = expectGood({ hsCode: c.code }, e.good, `map line ${e.line} HS ${c.code}`);
      const match = r.goods.find((g) => g.good === e.good)!;
      assert.equal(match.confidence, c.partial ? 0.5 : 0.95, `HS ${c.code} → ${e.good}`);
      if (c.code.length === 6) {
        expectGood({ hsCode: `${c.code.slice(0, 4)}.${c.code.slice(4)}.10` }, e.good, `HS ${c.code} with national digits`);
        expectGood({ hsCode: `${c.code}0090` }, e.good, `HS ${c.code} as a 10-digit code`);
      }
    }
    for (const c of e.cpv) {
      const r = expectGood({ cpvCode: c.code }, e.good, `map line ${e.line} CPV ${c.code}`);
      assert.equal(r.goods.find((g) => g.good === e.good)!.confidence, c.partial ? 0.5 : 0.9);
    }
  }
});
