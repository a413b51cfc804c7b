// Prioritisation over real assessments: severity × likelihood × leverage, suppliers by their worst line, and
// goods-and-country hotspots across suppliers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClassifier } from '../classify/index.ts';
import { loadClassifierData } from '../classify/load.ts';
import { assessRisk } from './engine.ts';
import { loadRiskKnowledge } from './load.ts';
import { leverage, priority, rankHotspots, rankSuppliers, type WorklistLine } from './prioritise.ts';
import type { Signal } from './types.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

const classifier = buildClassifier(loadClassifierData());
const knowledge = loadRiskKnowledge();

let row = 0;
function line(supplier: string, description: string, countryCode: string | null, spend: number | null, hard?: Signal[]): WorklistLine {
  const classification = classifier.classify({ description });
  return { supplier, line: ++row, countryCode, spend, result: assessRisk({ countryCode, classification, description, hard }, knowledge) };
}

test('leverage grows with the square root of the spend share from a floor, and priority multiplies it in', () => {
  assert.equal(leverage(null), 0.3);
  assert.equal(leverage(0), 0.3);
  assert.equal(leverage(1), 1);
  assert.equal(leverage(0.25), 0.3 + 0.7 * 0.5);
  assert.equal(leverage(4), 1, 'a share is at most 1');
  assert.ok(leverage(0.01) < leverage(0.1) && leverage(0.1) < leverage(0.5));
  assert.equal(priority({ severity: 1, likelihood: 0.62 }, 0.25), Math.round(10_000 * 0.62 * 0.65) / 100);
  assert.equal(priority({ severity: 0.5, likelihood: 0.2 }, null), 3);
  const flat = structuredClone(DEFAULT_WEIGHTS);
  flat.leverageFloor = 1;
  assert.equal(priority({ severity: 1, likelihood: 0.5 }, 0.01, flat), 50, 'a floor of 1 turns spend off');
});

test('suppliers: the worst line is the supplier\'s risk, spend is summed, hard signals come first', () => {
  const hit: Signal = { kind: 'list-hit', hard: true, dataset: 'uflpa-entity-list', edition: '2025-08-19', key: 'e1', row: 1, strength: 1, contribution: 0, explanation: 'Possible match.', facts: { confirmed: false } };
  const lines = [
    line('Big Stationery Ltd', 'Office paper A4', 'FI', 600_000),
    line('Big Stationery Ltd', 'Printer toner cartridges', 'FI', 300_000),
    line('Cocoa Trading SA', 'Cocoa beans', 'CI', 40_000),
    line('Cocoa Trading SA', 'Consulting services', 'CI', 10_000),
    line('Clean Co', 'Office cleaning services', 'GB', 50_000),
    line('Screened Solar', 'Aluminium frames', 'DE', null, [hit]),
  ];
  const ranked = rankSuppliers(lines);
  assert.deepEqual(ranked.map((s) => s.supplier), ['Screened Solar', 'Cocoa Trading SA', 'Clean Co', 'Big Stationery Ltd']);
  const cocoa = ranked[1]!;
  assert.equal(cocoa.lines, 2);
  assert.equal(cocoa.spend, 50_000);
  assert.equal(cocoa.spendShare, 50_000 / 1_000_000);
  assert.equal(cocoa.worst.line, lines[2]!.line, 'the cocoa line, not the consulting one');
  assert.equal(cocoa.score, lines[2]!.result.score);
  assert.equal(cocoa.level, 'severe');
  assert.equal(cocoa.severity, 1);
  assert.equal(cocoa.priority, priority(lines[2]!.result, 0.05));
  assert.deepEqual(cocoa.levels, { low: 1, medium: 0, high: 0, severe: 1 });
  const paper = ranked[3]!;
  assert.equal(paper.spendShare, 0.9);
  assert.ok(paper.priority < cocoa.priority, 'a large, harmless supplier stays below a small, severe one');
  assert.equal(ranked[0]!.hard, 1);
  assert.equal(ranked[0]!.spend, null);
  assert.equal(ranked[0]!.spendShare, null);
});

test('hotspots: goods by country across suppliers, services by sector, country-only lines left out', () => {
  const lines = [
    line('A', 'Cocoa beans', 'CI', 100),
    line('B', 'Cocoa butter', 'CI', 300),
    line('C', 'Chocolate bars', 'BE', 50),
    line('D', 'Office cleaning', 'GB', 200),
    line('E', 'Cleaning services', 'GB', 100),
    line('F', 'Consulting services', 'MM', 250),
  ];
  const hotspots = rankHotspots(lines);
  const byKey = new Map(hotspots.map((h) => [h.key, h]));
  assert.deepEqual([...byKey.keys()].sort(), ['Cocoa|BE', 'Cocoa|CI', 'sector:cleaning|GB']);
  const ci = byKey.get('Cocoa|CI')!;
  assert.equal(ci.lines, 2);
  assert.equal(ci.suppliers, 2);
  assert.equal(ci.spend, 400);
  assert.equal(ci.spendShare, 0.4);
  assert.equal(ci.listed, true);
  assert.equal(ci.ilabRow, 1089);
  assert.equal(ci.kind, 'ilab-forced-child-labour');
  assert.equal(ci.severity, 1);
  assert.equal(ci.score, Math.max(lines[0]!.result.score, lines[1]!.result.score));
  const be = byKey.get('Cocoa|BE')!;
  assert.equal(be.listed, false);
  assert.equal(be.kind, 'ilab-listed-elsewhere');
  const cleaning = byKey.get('sector:cleaning|GB')!;
  assert.equal(cleaning.sector, 'cleaning');
  assert.equal(cleaning.good, null);
  assert.equal(cleaning.lines, 2);
  assert.equal(cleaning.level, 'medium');
  assert.equal(hotspots[0]!.key, 'Cocoa|CI', 'the forced child labour listing with 40% of spend leads');
  for (let i = 1; i < hotspots.length; i++) assert.ok(hotspots[i - 1]!.priority >= hotspots[i]!.priority);
});
