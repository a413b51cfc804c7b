import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS, NONE, classifyCountry, countByClass, legendClasses, type MapCountry } from './indicators.ts';
import { TIERS } from './tiers.ts';

const mm: MapCountry = { code: 'MM', name: 'Myanmar', tiers: { '2024': '3', '2025': '3', '2022': null }, gsi: { prevalencePer1000: 12.1, estimatedNumber: 657000 }, ilabGoods: 14 };
const gl: MapCountry = { code: 'GL', name: 'Greenland', tiers: {}, gsi: null, ilabGoods: 0 };

test('TIP: coloured by tier, hatched when no placement is recorded', () => {
  assert.deepEqual(classifyCountry(mm, 'tip', 2025), { key: '3', colour: TIERS['3'].colour, valueLabel: 'Tier 3 (2025)' });
  const none = classifyCountry(mm, 'tip', 2022);
  assert.equal(none.key, NONE);
  assert.equal(none.colour, null);
  assert.equal(none.valueLabel, 'No placement recorded for 2022');
});

test('GSI: classed prevalence with the estimate in the tooltip', () => {
  const v = classifyCountry(mm, 'gsi', 2025);
  assert.equal(v.key, 'gsi4');
  assert.equal(v.valueLabel, '12.1 per 1,000 (about 657,000 people)');
  assert.equal(classifyCountry(gl, 'gsi', 2025).key, NONE);
  assert.equal(classifyCountry({ ...gl, gsi: { prevalencePer1000: null, estimatedNumber: null } }, 'gsi', 2025).valueLabel, 'No estimate');
});

test('ILAB: zero goods is a value, not missing data', () => {
  assert.equal(classifyCountry(gl, 'ilab', 2025).key, 'ilab0');
  assert.equal(classifyCountry(gl, 'ilab', 2025).valueLabel, 'No goods listed');
  assert.equal(classifyCountry(mm, 'ilab', 2025).valueLabel, '14 goods listed');
  assert.equal(classifyCountry({ ...gl, ilabGoods: 1 }, 'ilab', 2025).valueLabel, '1 good listed');
});

test('every classified key has a legend entry', () => {
  for (const ind of INDICATORS) {
    const keys = new Set(legendClasses(ind.id).map((c) => c.key));
    for (const c of [mm, gl]) assert.ok(keys.has(classifyCountry(c, ind.id, 2025).key), `${ind.id} ${c.code}`);
    assert.ok(ind.measures.length > 40, 'each indicator says what it measures');
  }
  assert.equal(legendClasses('tip').at(-1)!.label, 'No placement recorded');
});

test('countByClass counts countries per legend class', () => {
  assert.deepEqual(countByClass([mm, gl], 'tip', 2025), { '3': 1, none: 1 });
  assert.deepEqual(countByClass([mm, gl, mm], 'ilab', 2025), { ilab5: 2, ilab0: 1 });
});
