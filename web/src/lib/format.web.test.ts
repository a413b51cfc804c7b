import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, formatCompact, formatDate, formatInteger, formatPer1000, humaniseKey, plural, splitChecksum } from './format.ts';

test('numbers', () => {
  assert.equal(formatInteger(657000), '657,000');
  assert.equal(formatInteger(null), '—');
  assert.equal(formatPer1000(12.1), '12.1');
  assert.equal(formatPer1000(4), '4.0');
  assert.equal(formatPer1000(undefined), '—');
  assert.equal(formatCompact(54_400_000), '54.4 million');
  assert.equal(formatCompact(1_412_000_000), '1.4 billion');
  assert.equal(formatCompact(98_000), '98,000');
});

test('dates are written out in full', () => {
  assert.equal(formatDate('2022-09-28'), '28 September 2022');
  assert.equal(formatDate('2026-11-23T18:40:00Z'), '23 November 2026');
  assert.equal(formatDate(null), '—');
  assert.equal(formatDate('sometime'), 'sometime');
  assert.equal(formatDate('2022-13-01'), '2022-13-01');
});

test('plural', () => {
  assert.equal(plural(1, 'good'), '1 good');
  assert.equal(plural(2, 'good'), '2 goods');
  assert.equal(plural(3, 'country', 'countries'), '3 countries');
  assert.equal(plural(1200, 'row'), '1,200 rows');
});

test('checksums split into groups that can wrap', () => {
  assert.deepEqual(splitChecksum('sha256:0123456789abcdef01'), { algorithm: 'sha256', groups: ['01234567', '89abcdef', '01'] });
  assert.deepEqual(splitChecksum('abcd'), { algorithm: null, groups: ['abcd'] });
});

test('stats keys read as words', () => {
  assert.equal(humaniseKey('forced_child_labor'), 'Forced child labor');
  assert.equal(humaniseKey('withEstimates'), 'With estimates');
  assert.equal(humaniseKey('placements_2024'), 'Placements 2024');
});

test('fold removes case and accents', () => {
  assert.equal(fold("Côte d'Ivoire"), "cote d'ivoire");
  assert.equal(fold('TÜRKIYE'), 'turkiye');
});
