// Watchlist hits folded into a supplier's rollup: hard ones apart from the score, soft ones adding points.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldListHits, type ListHit } from './list-hits.ts';
import { DEFAULT_WEIGHTS, riskWeightsSchema } from './weights.ts';

const hit = (over: Partial<ListHit>): ListHit => ({
  hitId: 1,
  hard: false,
  status: 'open',
  score: 0.9,
  list: 'ngo-watch',
  listName: 'NGO watch list',
  edition: '2025-06',
  entityKey: 'e-1',
  entityName: 'Acme Textiles Ltd',
  row: 12,
  subjectKind: 'supplier',
  subjectName: 'ACME Textile Limited',
  ...over,
});

const lines = { score: 30, severity: 0.5, hard: 0, why: 'Medium, 30 of 100: sector: Manufacturing +15; TIP Tier 2 +5.' };

test('no hit leaves the lines\' risk as it is', () => {
  const r = foldListHits(lines, [], DEFAULT_WEIGHTS);
  assert.deepEqual(r, { score: 30, level: 'medium', severity: 0.5, likelihood: 0.3, hard: 0, listHits: 0, signals: [], why: lines.why });
});

test('a hard hit is counted apart and never changes the score, and stays "possible" until confirmed', () => {
  const r = foldListHits(lines, [hit({ hard: true, list: 'us-dhs-uflpa', listName: 'UFLPA Entity List', score: 0.87 })], DEFAULT_WEIGHTS);
  assert.equal(r.score, 30);
  assert.equal(r.level, 'medium');
  assert.equal(r.hard, 1);
  assert.equal(r.listHits, 0);
  const [s] = r.signals;
  assert.equal(s!.kind, 'list-hit');
  assert.equal(s!.hard, true);
  assert.equal(s!.contribution, 0);
  assert.equal(s!.dataset, 'us-dhs-uflpa');
  assert.equal(s!.edition, '2025-06');
  assert.equal(s!.row, 12);
  assert.match(s!.explanation, /^Possible match, awaiting confirmation: The supplier "ACME Textile Limited" and "Acme Textiles Ltd" on UFLPA Entity List \(us-dhs-uflpa\), edition 2025-06, row 12 \(match score 0\.87\)\. A hard signal/);
  assert.match(r.why!, /1 hard watchlist hit \(1 possible, awaiting confirmation\), reported apart from the score: review first\.$/);
  const confirmed = foldListHits(lines, [hit({ hard: true, status: 'confirmed' }), hit({ hard: true, hitId: 2 })], DEFAULT_WEIGHTS);
  assert.equal(confirmed.hard, 2);
  assert.match(confirmed.why!, /2 hard watchlist hits \(1 possible, awaiting confirmation, 1 confirmed\)/);
  assert.match(confirmed.signals[0]!.explanation, /^Confirmed by a reviewer/);
});

test('a soft hit adds points at its match score, in full once confirmed, through the strongest hit only', () => {
  const open = foldListHits(lines, [hit({ score: 0.8 })], DEFAULT_WEIGHTS);
  assert.equal(open.signals[0]!.contribution, 20); // 25 × 0.8
  assert.equal(open.score, 50);
  assert.equal(open.level, 'high');
  assert.equal(open.likelihood, 0.5);
  assert.equal(open.severity, DEFAULT_WEIGHTS.listHit.severity, 'a soft hit raises a lower severity to its own');
  assert.equal(open.listHits, 1);
  assert.match(open.why!, /Manufacturing \+15; TIP Tier 2 \+5\. 1 soft watchlist hit: NGO watch list \+20\.$/);

  const two = foldListHits(lines, [hit({ score: 0.8 }), hit({ hitId: 2, status: 'confirmed', score: 0.75, listName: 'Own list' })], DEFAULT_WEIGHTS);
  assert.deepEqual(two.signals.map((s) => s.contribution), [25, 0], 'the confirmed hit counts in full; the other adds nothing more');
  assert.equal(two.score, 55);
  assert.equal(two.listHits, 2);
  assert.match(two.why!, /2 soft watchlist hits: Own list \+25\.$/);
});

test('the score is capped at 100, a graver line keeps its severity, and a supplier without lines gets a why', () => {
  const high = foldListHits({ score: 90, severity: 1, hard: 0, why: 'Severe' }, [hit({ status: 'confirmed' })], DEFAULT_WEIGHTS);
  assert.equal(high.score, 100);
  assert.equal(high.severity, 1);
  const bare = foldListHits({ score: 0, severity: 0, hard: 0, why: null }, [hit({ score: 0.9 })], DEFAULT_WEIGHTS);
  assert.equal(bare.score, 23);
  assert.equal(bare.level, 'medium', 'a possible hit alone makes a supplier Medium, never High');
  assert.equal(bare.why, '1 soft watchlist hit: NGO watch list +23.');
});

test('the organisation\'s own weights set the points, and weights saved before list hits get the defaults', () => {
  const own = { ...structuredClone(DEFAULT_WEIGHTS), listHit: { points: 10, severity: 0.4 } };
  const r = foldListHits(lines, [hit({ status: 'confirmed' })], own);
  assert.equal(r.score, 40);
  assert.equal(r.severity, 0.5);
  const { listHit: _, ...older } = structuredClone(DEFAULT_WEIGHTS);
  const parsed = riskWeightsSchema.parse(older);
  assert.deepEqual(parsed.listHit, DEFAULT_WEIGHTS.listHit);
  assert.equal(riskWeightsSchema.safeParse({ ...older, listHit: { points: 101, severity: 0.5 } }).success, false);
});
