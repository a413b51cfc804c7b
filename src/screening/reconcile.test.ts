// A run's matches against the stored hits: new, seen, changed, gone; and what a decision does to a hit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MatchResult } from '../match/types.ts';
import { decide, type FoundPair, reconcile, type StoredPair } from './reconcile.ts';
import type { Subject } from './subjects.ts';
import type { HitStatus } from './types.ts';

const subject = (id: number, fingerprint = `s${id}`): Subject => ({ kind: 'supplier', id, supplierId: id, supplierName: `S${id}`, entity: { name: `S${id}` }, fingerprint });
const result = (score: number): MatchResult => ({ score, match: true, threshold: 0.8, names: { query: 'a', candidate: 'b' }, features: [] });
const found = (subjectId: number, entityKey: string, o: { score?: number; subjectFp?: string; entityFp?: string; list?: number } = {}): FoundPair => ({
  subject: subject(subjectId, o.subjectFp),
  watchlistId: o.list ?? 1,
  versionId: 10,
  entityKey,
  entityId: `10:${entityKey}`,
  entityName: entityKey,
  entityFingerprint: o.entityFp ?? `e-${entityKey}`,
  hard: true,
  result: result(o.score ?? 0.9),
});
const stored = (id: number, subjectId: number, entityKey: string, status: HitStatus, o: { gone?: boolean; subjectFp?: string; entityFp?: string } = {}): StoredPair => ({
  id,
  kind: 'supplier',
  subjectId,
  watchlistId: 1,
  entityKey,
  subjectFingerprint: o.subjectFp ?? `s${subjectId}`,
  entityFingerprint: o.entityFp ?? `e-${entityKey}`,
  status,
  gone: o.gone ?? false,
});

test('a pair never seen is new; one seen before with the same data is only touched, whatever its status', () => {
  const plan = reconcile([stored(1, 1, 'a', 'dismissed'), stored(2, 2, 'b', 'confirmed'), stored(3, 3, 'c', 'open')], [found(1, 'a'), found(2, 'b'), found(3, 'c'), found(4, 'd')]);
  assert.deepEqual(plan.created.map((f) => f.subject.id), [4]);
  assert.deepEqual(plan.seen.map((s) => s.id), [1, 2, 3]);
  assert.deepEqual(plan.changed, []);
  assert.deepEqual(plan.gone, []);
});

test('when either side\'s data changes the pair alerts as changed, and a decided hit is open again', () => {
  const plan = reconcile(
    [stored(1, 1, 'a', 'dismissed'), stored(2, 2, 'b', 'confirmed'), stored(3, 3, 'c', 'open')],
    [found(1, 'a', { subjectFp: 'new' }), found(2, 'b', { entityFp: 'new' }), found(3, 'c', { subjectFp: 'x', entityFp: 'y' })],
  );
  assert.deepEqual(plan.changed.map((c) => [c.id, c.was, c.reopen]), [[1, 'dismissed', true], [2, 'confirmed', true], [3, 'open', false]]);
  assert.equal(plan.changed[0]!.why, "The supplier's data changed since the hit was last seen.");
  assert.equal(plan.changed[1]!.why, "The listed entity's data changed since the hit was last seen.");
  assert.equal(plan.changed[2]!.why, "The supplier's data and the listed entity's data changed since the hit was last seen.");
});

test('a pair no longer found is gone; one found again after it had gone alerts as changed', () => {
  const plan = reconcile([stored(1, 1, 'a', 'dismissed', { gone: true }), stored(2, 2, 'b', 'open'), stored(3, 3, 'c', 'open', { gone: true })], [found(1, 'a')]);
  assert.deepEqual(plan.gone, [2], 'a pair already gone is not marked again');
  assert.deepEqual(plan.changed.map((c) => [c.id, c.reopen]), [[1, true]]);
  assert.match(plan.changed[0]!.why, /^The pair matches again after it had gone/);
});

test('the same entity on two lists is two pairs; one subject matching one entity twice is one, at its best score', () => {
  const plan = reconcile([], [found(1, 'a', { list: 1 }), found(1, 'a', { list: 2 }), found(1, 'a', { list: 2, score: 0.97 })]);
  assert.deepEqual(plan.created.map((f) => [f.watchlistId, f.result.score]), [[1, 0.9], [2, 0.97]]);
});

test('decisions: confirm, dismiss, reopen; the same state twice is refused', () => {
  assert.deepEqual(decide('open', 'confirm'), { status: 'confirmed' });
  assert.deepEqual(decide('open', 'dismiss'), { status: 'dismissed' });
  assert.deepEqual(decide('dismissed', 'confirm'), { status: 'confirmed' });
  assert.deepEqual(decide('confirmed', 'reopen'), { status: 'open' });
  assert.match((decide('open', 'reopen') as { refused: string }).refused, /open already/);
  assert.match((decide('confirmed', 'confirm') as { refused: string }).refused, /confirmed already/);
});
