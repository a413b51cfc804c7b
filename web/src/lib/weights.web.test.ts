// The risk-weights form: flat rows from nested weights, defaults and reasons, checks, changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedWeights, draftOf, flattenWeights, groupLabel, parseWeights, unflattenWeights, weightRows } from './weights.ts';

const defaults = { ilab: { forcedLabour: 40, childLabour: 30 }, tip: 20, gsiPerThousand: 1.5 };
const answer = {
  weights: { ilab: { forcedLabour: 50, childLabour: 30 }, tip: 20, gsiPerThousand: 1.5 },
  defaults,
  explanation: [
    { key: 'tip', label: 'TIP tier', why: 'Government effort, an indirect signal.' },
    { key: 'ilab.forcedLabour', label: 'ILAB forced labour', why: 'The gravest abuse, named for the good and country.' },
  ],
};

test('nested weights flatten to dotted keys and back into the same shape', () => {
  const flat = flattenWeights(answer.weights);
  assert.deepEqual(flat, { 'ilab.forcedLabour': 50, 'ilab.childLabour': 30, tip: 20, gsiPerThousand: 1.5 });
  assert.deepEqual(unflattenWeights(answer.weights, { ...flat, tip: 25, 'not.there': 9 }), { ilab: { forcedLabour: 50, childLabour: 30 }, tip: 25, gsiPerThousand: 1.5 });
  assert.deepEqual(flattenWeights({ a: 1 }), { a: 1 });
});

test('rows follow the explanation, then the rest, each with its default and whether it was changed', () => {
  const rows = weightRows(answer);
  assert.deepEqual(
    rows.map((r) => [r.key, r.label, r.value, r.defaultValue, r.changed]),
    [
      ['tip', 'TIP tier', 20, 20, false],
      ['ilab.forcedLabour', 'ILAB forced labour', 50, 40, true],
      ['ilab.childLabour', 'Child labour', 30, 30, false],
      ['gsiPerThousand', 'Gsi per thousand', 1.5, 1.5, false],
    ],
  );
  assert.equal(rows[1]!.why, 'The gravest abuse, named for the good and country.');
  assert.deepEqual(
    rows.map((r) => r.group),
    ['', 'ilab', 'ilab', ''],
  );
  assert.equal(groupLabel('ilab'), 'ILAB listings');
  assert.equal(groupLabel('fooBar'), 'Foo bar');
  assert.equal(groupLabel(''), 'Other weights');
});

test('typed weights must be numbers of zero or more; a comma reads as a decimal point', () => {
  const ok = parseWeights({ tip: ' 25 ', g: '1,5', z: '0' });
  assert.deepEqual(ok, { values: { tip: 25, g: 1.5, z: 0 }, errors: {} });
  const bad = parseWeights({ tip: '', g: 'high', z: '-1' });
  assert.equal(bad.values, null);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['g', 'tip', 'z']);
  assert.match(bad.errors.z!, /negative/);
  assert.deepEqual(draftOf({ tip: 20, g: 1.5 }), { tip: '20', g: '1.5' });
  assert.deepEqual(changedWeights({ a: 1, b: 2 }, { a: 1, b: 3 }), ['b']);
});
