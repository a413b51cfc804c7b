// How risk levels, signals and editions read on the portfolio pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIGNAL_KINDS } from '../../../src/risk/types.ts';
import {
  LEVELS,
  LEVEL_INFO,
  SIGNAL_KIND_LABELS,
  contributionWidth,
  editionChanges,
  editionRefs,
  firstSentence,
  formatFactor,
  formatPoints,
  formatPriority,
  formatShare,
  hardSignalStatus,
  headlineEditions,
  levelLabel,
  signalKindLabel,
  signalSource,
  sourceHref,
} from './risk.ts';

const lightness = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
};

test('levels have words and colours that darken as the risk rises (readable in greyscale)', () => {
  assert.deepEqual(LEVELS.map(levelLabel), ['Low', 'Medium', 'High', 'Severe']);
  assert.equal(levelLabel(null), 'Not assessed');
  assert.equal(levelLabel('extreme'), 'Not assessed', 'an unknown level is never guessed');
  for (let i = 1; i < LEVELS.length; i++) {
    assert.ok(lightness(LEVEL_INFO[LEVELS[i]!].colour) < lightness(LEVEL_INFO[LEVELS[i - 1]!].colour), `${LEVELS[i]} is darker than ${LEVELS[i - 1]}`);
  }
});

test('every signal kind the engine raises has a label', () => {
  for (const k of SIGNAL_KINDS) assert.ok(SIGNAL_KIND_LABELS[k], k);
  assert.equal(signalKindLabel('ilab-forced-labour'), 'Forced labour listing (ILAB)');
  assert.equal(signalKindLabel('future-kind'), 'future kind');
});

test('editions read "ILAB 2022, TIP 2025, GSI 2023", known datasets first, each linked to its source', () => {
  const editions = { gsi: '2023', 'ilab-goods-map': 'sha256:0123456789abcdef0123', hs: '2022', 'tip-tiers': '2025', 'ilab-tvpra': '2022', other: 'x1' };
  assert.equal(headlineEditions(editions), 'ILAB 2022, TIP 2025, GSI 2023');
  const refs = editionRefs(editions);
  assert.deepEqual(
    refs.map((r) => r.label),
    ['ILAB 2022', 'TIP 2025', 'GSI 2023', 'HS 2022', 'Goods map 01234567', 'other x1'],
  );
  assert.equal(refs[0]!.to, '/sources#dataset-ilab-tvpra');
  assert.equal(refs[4]!.edition, 'sha256:0123456789abcdef0123', 'the full edition is kept');
  assert.equal(sourceHref('gsi'), '/sources#dataset-gsi');
  assert.equal(headlineEditions({}), '');
});

test('contribution bars are relative to the largest signal of the line', () => {
  assert.equal(contributionWidth(40, 40), 100);
  assert.equal(contributionWidth(10, 40), 25);
  assert.equal(contributionWidth(0.1, 40), 2, 'a tiny contribution stays visible');
  assert.equal(contributionWidth(0, 40), 0);
  assert.equal(contributionWidth(5, 0), 0);
  assert.equal(formatPoints(32), '+32 points');
  assert.equal(formatPoints(1), '+1 point');
  assert.equal(formatPoints(2.46), '+2.5 points');
});

test('shares, factors and priorities', () => {
  assert.equal(formatShare(0.126), '12.6%');
  assert.equal(formatShare(0.5), '50%');
  assert.equal(formatShare(0), '0%');
  assert.equal(formatShare(null), '—');
  assert.equal(formatFactor(0.85), '0.85 (high)');
  assert.equal(formatFactor(0.5), '0.50 (moderate)');
  assert.equal(formatFactor(0.1), '0.10 (low)');
  assert.equal(formatPriority(0.4567), '0.46');
  assert.equal(formatPriority(1234.4), '1,234');
});

test('signal sources name dataset, edition and row; hard signals are possible until confirmed', () => {
  assert.equal(signalSource({ dataset: 'ilab-tvpra', edition: '2022', row: 97 }), 'ILAB 2022, row 97');
  assert.equal(signalSource({ dataset: 'vigil-sectors', edition: '2026.1', row: null }), 'Vigil sector rules 2026.1');
  assert.equal(hardSignalStatus({ facts: {} }), 'Possible — awaiting confirmation');
  assert.equal(hardSignalStatus({ facts: { confirmed: false } }), 'Possible — awaiting confirmation');
  assert.equal(hardSignalStatus({ facts: { confirmed: true } }), 'Confirmed');
});

test('a long explanation is cut to its first sentence for a table cell', () => {
  const text = "ILAB's list names Rubber Gloves from Malaysia as produced with forced labour. The list names goods and countries, not companies.";
  assert.equal(firstSentence(text), "ILAB's list names Rubber Gloves from Malaysia as produced with forced labour.");
  assert.equal(firstSentence('Short, no full stop'), 'Short, no full stop');
  assert.equal(firstSentence('Version 2.5 of the rules applies here. More.'), 'Version 2.5 of the rules applies here.', 'a decimal point is not a sentence end');
  const long = firstSentence(`${'word '.repeat(60)}end.`, 40);
  assert.ok(long.length <= 40 && long.endsWith('…'), long);
});

test('a reassessment names the datasets whose edition changed', () => {
  assert.deepEqual(editionChanges({ 'tip-tiers': '2024', gsi: '2023' }, { 'tip-tiers': '2025', gsi: '2023' }), [{ dataset: 'tip-tiers', from: '2024', to: '2025' }]);
  assert.deepEqual(editionChanges({ gsi: '2023' }, { gsi: '2023' }), []);
  assert.deepEqual(editionChanges({}, { hs: '2022' }), [{ dataset: 'hs', from: null, to: '2022' }]);
});
