// Weights: the schema an organisation's weights must pass, and a reason for every default.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_WEIGHTS, levelOf, riskWeightsSchema, WEIGHT_EXPLANATIONS, weightAt, type RiskWeights } from './weights.ts';

function leaves(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function issues(w: unknown): string[] {
  const r = riskWeightsSchema.safeParse(w);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const changed = (f: (w: RiskWeights) => void): RiskWeights => {
  const w = structuredClone(DEFAULT_WEIGHTS);
  f(w);
  return w;
};

test('the defaults pass the schema, and the four parts share out exactly 100 points', () => {
  assert.deepEqual(issues(DEFAULT_WEIGHTS), []);
  const p = DEFAULT_WEIGHTS.points;
  assert.equal(p.ilab + p.tip + p.gsi + p.sector, 100);
  assert.ok(Object.isFrozen(DEFAULT_WEIGHTS.sectors), 'the defaults cannot be changed by accident');
});

test('an organisation\'s weights are refused when they do not add up, are out of range, or leave a key out', () => {
  assert.match(issues(changed((w) => { w.points.ilab = 50; })).join(), /points: the points must add up to 100 \(they add up to 105\)/);
  assert.match(issues(changed((w) => { w.points.ilab = 44.5; w.points.tip = 15.5; })).join(), /points\.ilab/);
  assert.match(issues(changed((w) => { w.levels.high = 70; })).join(), /levels: levels must rise/);
  assert.match(issues(changed((w) => { w.ilab.childLabour = 1.2; })).join(), /ilab\.childLabour/);
  assert.match(issues(changed((w) => { w.sectors.fishing = -0.1; })).join(), /sectors\.fishing/);
  assert.match(issues(changed((w) => { w.gsiFullAt = 0; })).join(), /gsiFullAt/);
  const { 'domestic-work': _, ...missing } = DEFAULT_WEIGHTS.sectors;
  assert.match(issues({ ...DEFAULT_WEIGHTS, sectors: missing }).join(), /sectors\.domestic-work/);
  assert.match(issues({ ...DEFAULT_WEIGHTS, extra: 1 }).join(), /Unrecognized key/);
  const own = changed((w) => { w.points = { ilab: 60, tip: 10, gsi: 10, sector: 20 }; w.levels = { medium: 25, high: 50, severe: 75 }; });
  assert.deepEqual(issues(own), []);
});

test('every weight has exactly one explanation, and every explanation a weight', () => {
  const keys = WEIGHT_EXPLANATIONS.map((e) => e.key);
  assert.deepEqual([...keys].sort(), leaves(DEFAULT_WEIGHTS).sort());
  assert.equal(new Set(keys).size, keys.length);
  for (const e of WEIGHT_EXPLANATIONS) {
    assert.equal(typeof weightAt(DEFAULT_WEIGHTS, e.key), 'number', e.key);
    assert.ok(e.why.length > 20 && e.label.length > 0, e.key);
  }
  assert.equal(weightAt(DEFAULT_WEIGHTS, 'tiers.2WL'), 0.67);
  assert.equal(weightAt(DEFAULT_WEIGHTS, 'points.nothing'), undefined);
});

test('the README table gives every default as the code has it', () => {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  for (const e of WEIGHT_EXPLANATIONS) {
    const row = `| \`${e.key}\` | ${weightAt(DEFAULT_WEIGHTS, e.key)} |`;
    assert.ok(readme.includes(row), `README.md should have the row ${row}`);
  }
});

test('levels start at their thresholds', () => {
  assert.deepEqual([0, 19, 20, 39, 40, 59, 60, 100].map((s) => levelOf(s)), ['low', 'low', 'medium', 'medium', 'high', 'high', 'severe', 'severe']);
  assert.equal(levelOf(30, changed((w) => { w.levels = { medium: 10, high: 30, severe: 90 }; })), 'high');
});
