// A rerun after a data update shows what changed: new TIP placements and a new ILAB listing, set beside the
// results computed from the bundled editions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier } from '../classify/index.ts';
import { loadClassifierData } from '../classify/load.ts';
import { compareResults } from './changes.ts';
import { assessRisk } from './engine.ts';
import { buildRiskKnowledge } from './knowledge.ts';
import { readRiskEditions } from './load.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

const classifier = buildClassifier(loadClassifierData());
const editions = readRiskEditions();
const before = buildRiskKnowledge(editions);

// A 2026 TIP report that downgrades Malaysia to the Watch List and keeps everyone else where 2025 put them,
// and a later ILAB list that adds cotton from Uzbekistan for forced labour.
const tip2026 = (editions.tip.rows as Record<string, unknown>[]).filter((r) => r.year === 2025).map((r, i) => ({ ...r, row: 5000 + i, year: 2026, tier: r.country_code === 'MY' ? '2WL' : r.tier }));
const uzCotton = { ...(editions.ilab.rows as Record<string, unknown>[]).find((r) => r.good === 'Cotton' && r.country_code === 'TM')!, row: 9001, country_code: 'UZ', country_name: 'Uzbekistan', child_labor: false };
const after = buildRiskKnowledge({
  ilab: { edition: '2024', rows: [...editions.ilab.rows, uzCotton] },
  tip: { edition: '2026', rows: [...editions.tip.rows, ...tip2026] },
  gsi: editions.gsi,
});

function assess(description: string, countryCode: string, knowledge = before) {
  return assessRisk({ countryCode, classification: classifier.classify({ description }), description }, knowledge);
}

test('a new TIP edition: the tier, its row and its points change, and the editions say why', () => {
  const was = assess('Nitrile examination gloves', 'MY');
  const now = assess('Nitrile examination gloves', 'MY', after);
  const change = compareResults(was, now);
  assert.equal(change.same, false);
  assert.deepEqual(change.editions, [{ dataset: 'ilab-tvpra', before: '2022', after: '2024' }, { dataset: 'tip-tiers', before: '2025', after: '2026' }]);
  const tip = change.signals.find((s) => s.identity === 'tip|MY')!;
  assert.equal(tip.change, 'changed');
  assert.equal(tip.before!.key, 'MY|2025');
  assert.equal(tip.after!.key, 'MY|2026');
  assert.equal(tip.after!.facts.trend, 'down');
  assert.ok(tip.after!.contribution > tip.before!.contribution);
  assert.equal(change.score.after - change.score.before, tip.after!.contribution - tip.before!.contribution);
  assert.match(change.summary, /tip-tiers 2025 → 2026/);
  assert.match(change.summary, /tip-tier MY\|2025 \(tip-tiers 2025, row \d+\), \d+ points → tip-tier MY\|2026 \(tip-tiers 2026, row \d+\), \d+ points/);
  // The gloves listing is the same fact from the new ILAB edition: same row and points, a new edition to cite.
  const gloves = change.signals.find((s) => s.identity === 'ilab|Rubber Gloves|MY')!;
  assert.equal(gloves.change, 'changed');
  assert.equal(gloves.after!.row, gloves.before!.row);
  assert.equal(gloves.after!.contribution, gloves.before!.contribution);
  assert.deepEqual([gloves.before!.edition, gloves.after!.edition], ['2022', '2024']);
});

test('a new ILAB listing replaces "listed elsewhere" with the listing, and raises the level', () => {
  const was = assess('Cotton yarn', 'UZ');
  const now = assess('Cotton yarn', 'UZ', after);
  assert.equal(was.level, 'medium');
  assert.equal(now.level, 'severe');
  const change = compareResults(was, now);
  const removed = change.signals.find((s) => s.identity === 'elsewhere|Cotton')!;
  const added = change.signals.find((s) => s.identity === 'ilab|Cotton|UZ')!;
  assert.equal(removed.change, 'removed');
  assert.equal(added.change, 'added');
  assert.equal(added.after!.kind, 'ilab-forced-labour');
  assert.equal(added.after!.row, 9001);
  assert.equal(added.after!.edition, '2024');
  assert.match(change.summary, /^Score \d+ → \d+ \(medium → severe\)/);
});

test('the same line on the same editions and weights is the same; other weights are named', () => {
  const a = assess('Cocoa beans', 'CI');
  const b = assess('Cocoa beans', 'CI');
  const same = compareResults(a, b);
  assert.equal(same.same, true);
  assert.deepEqual(same.signals, []);
  assert.match(same.summary, /^Score unchanged/);
  const heavier = structuredClone(DEFAULT_WEIGHTS);
  heavier.points = { ilab: 55, tip: 10, gsi: 10, sector: 25 };
  const c = assessRisk({ countryCode: 'CI', classification: classifier.classify({ description: 'Cocoa beans' }), description: 'Cocoa beans' }, before, heavier);
  const change = compareResults(a, c);
  assert.equal(change.weightsChanged, true);
  assert.deepEqual(change.editions, []);
  assert.match(change.summary, /different weights/);
});
