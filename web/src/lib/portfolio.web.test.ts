// What the portfolio overview draws: map classes and bubbles, bars per level, spend at risk, import progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_BUBBLE,
  NO_SUPPLIERS,
  barsSummary,
  classifyPortfolioCountry,
  countByLevel,
  formatBytes,
  formatSpend,
  importPercent,
  issueSeverityLabel,
  levelBars,
  levelRows,
  mapLegendClasses,
  spendAtRisk,
  spendBubbles,
  suppliersAtRisk,
  type PortfolioCountry,
} from './portfolio.ts';
import { LEVEL_INFO } from './risk.ts';

const country = (countryCode: string, level: PortfolioCountry['level'], spend: number, suppliers = 1): PortfolioCountry => ({
  countryCode,
  countryName: countryCode,
  suppliers,
  lines: suppliers,
  spend,
  maxScore: 50,
  level,
});

test('a country takes the colour of its worst level and says it in words', () => {
  const c = classifyPortfolioCountry(country('CI', 'severe', 1_250_000, 2), 'EUR');
  assert.equal(c.key, 'severe');
  assert.equal(c.colour, LEVEL_INFO.severe.colour);
  assert.equal(c.valueLabel, 'Severe risk at worst · 2 suppliers · EUR 1.3 million');
  const none = classifyPortfolioCountry(undefined, 'EUR');
  assert.equal(none.key, NO_SUPPLIERS);
  assert.notEqual(none.colour, null, 'no suppliers is a plain fill, not the hatched "no data"');
  assert.deepEqual(
    mapLegendClasses().map((l) => l.label),
    ['Low', 'Medium', 'High', 'Severe', 'No suppliers'],
  );
  assert.deepEqual(countByLevel([country('A', 'low', 1), country('B', 'low', 2), country('C', 'high', 3)]), { low: 2, high: 1 });
});

test('bubble areas follow spend, the largest at the maximum size, none without spend', () => {
  const b = spendBubbles([country('CN', 'high', 400), country('MY', 'high', 100), country('GB', 'low', 0), country('XX', 'low', 0.0001)]);
  assert.equal(b.get('CN'), MAX_BUBBLE);
  assert.equal(b.get('MY'), MAX_BUBBLE / 2, 'a quarter of the spend, half the radius');
  assert.equal(b.has('GB'), false);
  assert.equal(b.get('XX'), 2.5, 'tiny spend stays visible');
  assert.equal(spendBubbles([country('GB', 'low', 0)]).size, 0);
});

test('bars and rows cover all four levels in order, whatever the answer left out', () => {
  const levels = [
    { level: 'severe' as const, suppliers: 2, lines: 3, spend: 500 },
    { level: 'low' as const, suppliers: 10, lines: 12, spend: 1000 },
  ];
  assert.deepEqual(
    levelRows(levels).map((l) => [l.level, l.suppliers]),
    [['low', 10], ['medium', 0], ['high', 0], ['severe', 2]],
  );
  const bars = levelBars(levels, 'spend');
  assert.deepEqual(
    bars.map((b) => b.value),
    [1000, 0, 0, 500],
  );
  assert.equal(barsSummary(bars, (n) => `€${n}`), 'Low €1000, Medium €0, High €0, Severe €500');
  assert.equal(suppliersAtRisk(levels), 2);
});

test('spend at risk is taken in the main currency, never added across currencies', () => {
  const p = {
    currency: 'EUR',
    spendByCurrency: [
      { currency: 'USD', spend: 9_000_000, spendAtRisk: 9_000_000 },
      { currency: 'EUR', spend: 2_000_000, spendAtRisk: 500_000 },
    ],
  };
  assert.deepEqual(spendAtRisk(p), { currency: 'EUR', spend: 2_000_000, atRisk: 500_000, share: 0.25 });
  assert.equal(spendAtRisk({ currency: null, spendByCurrency: [] }), null);
  assert.equal(spendAtRisk({ currency: 'EUR', spendByCurrency: [{ currency: 'EUR', spend: 0, spendAtRisk: 0 }] }), null);
  assert.equal(formatSpend(2_300_000, 'EUR'), 'EUR 2.3 million');
  assert.equal(formatSpend(950, null), '950');
  assert.equal(formatSpend(null, 'EUR'), '—');
});

test('import progress comes from bytes read and is full once the import is over', () => {
  const running = (bytes: number, totalBytes: number) => ({ status: 'running' as const, progress: { rows: 10, bytes, totalBytes } });
  assert.equal(importPercent(running(0, 1000)), 0);
  assert.equal(importPercent(running(250, 1000)), 25);
  assert.equal(importPercent(running(1000, 1000)), 99, 'a running import never shows 100%');
  assert.equal(importPercent(running(10, 0)), 0);
  assert.equal(importPercent({ status: 'committed', progress: { rows: 10, bytes: 5, totalBytes: 1000 } }), 100);
  assert.equal(importPercent({ status: 'failed', progress: { rows: 0, bytes: 0, totalBytes: 1000 } }), 100);
  assert.equal(formatBytes(512), '512 bytes');
  assert.equal(formatBytes(2048), '2 KB');
  assert.equal(formatBytes(12.4 * 1024 * 1024), '12 MB');
  assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5 MB');
  assert.equal(issueSeverityLabel('error'), 'Rejected');
  assert.equal(issueSeverityLabel('warning'), 'Kept, with a warning');
});
