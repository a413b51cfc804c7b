import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PLACEMENT_LABEL, TIERS, TIER_CODES, countTiers, isTierCode, latestPlacement, tierColour, tierLabel } from './tiers.ts';

test('tier labels, with null shown as no placement recorded', () => {
  assert.equal(tierLabel('1'), 'Tier 1');
  assert.equal(tierLabel('2'), 'Tier 2');
  assert.equal(tierLabel('2WL'), 'Tier 2 Watch List');
  assert.equal(tierLabel('3'), 'Tier 3');
  assert.equal(tierLabel('special_case'), 'Special case');
  assert.equal(tierLabel(null), NO_PLACEMENT_LABEL);
  assert.equal(tierLabel(undefined), 'No placement recorded');
  assert.equal(tierLabel('4'), NO_PLACEMENT_LABEL, 'an unknown code is never guessed');
});

test('every tier has its own colour and no placement has none', () => {
  const colours = TIER_CODES.map((c) => tierColour(c));
  assert.equal(new Set(colours).size, TIER_CODES.length);
  for (const c of colours) assert.match(c!, /^#[0-9a-f]{6}$/i);
  assert.equal(tierColour(null), null);
});

test('ranks order the effort scale with special cases off it', () => {
  assert.ok(TIERS['1'].rank > TIERS['2'].rank && TIERS['2'].rank > TIERS['2WL'].rank && TIERS['2WL'].rank > TIERS['3'].rank);
  assert.equal(TIERS.special_case.rank, 0);
  assert.equal(isTierCode('2WL'), true);
  assert.equal(isTierCode(null), false);
});

test('latestPlacement skips years without a placement', () => {
  assert.deepEqual(latestPlacement({ '2023': '2', '2024': null, '2025': null }), { year: 2023, tier: '2' });
  assert.deepEqual(latestPlacement({ '2025': '3', '2020': '2WL' }), { year: 2025, tier: '3' });
  assert.equal(latestPlacement({ '2024': null }), null);
});

test('countTiers counts one year, with missing placements apart', () => {
  const rows: { tiers: Record<string, string | null> }[] = [{ tiers: { '2025': '1' } }, { tiers: { '2025': '3' } }, { tiers: { '2025': '3', '2024': '2' } }, { tiers: { '2024': '1' } }, { tiers: { '2025': null } }];
  assert.deepEqual(countTiers(rows, 2025), { '1': 1, '2': 0, '2WL': 0, '3': 2, special_case: 0, none: 2 });
});
