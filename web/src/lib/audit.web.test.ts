// The audit viewer: filters in the address and the API query, action names, diffs and short hashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLabel, auditApiQuery, diffSummary, diffValues, filtersActive, filtersFrom, filtersProblem, filtersQuery, formatTimestamp, nextDay, NO_FILTERS, shortHash } from './audit.ts';

test('filters round-trip through the address; bad dates are dropped', () => {
  const f = filtersFrom(new URLSearchParams('action=member.&actor=ada&from=2025-01-01&to=2025-01-31&entityType=user'));
  assert.deepEqual(f, { action: 'member.', actor: 'ada', entityType: 'user', from: '2025-01-01', to: '2025-01-31' });
  assert.equal(filtersQuery(f), '?action=member.&actor=ada&entityType=user&from=2025-01-01&to=2025-01-31');
  assert.deepEqual(filtersFrom(new URLSearchParams('from=yesterday')), NO_FILTERS);
  assert.equal(filtersQuery(NO_FILTERS), '');
  assert.equal(filtersActive(NO_FILTERS), false);
  assert.equal(filtersActive(f), true);
  assert.match(filtersProblem({ ...NO_FILTERS, from: '2025-02-01', to: '2025-01-01' })!, /after/);
  assert.equal(filtersProblem({ ...NO_FILTERS, from: '2025-01-01', to: '2025-01-01' }), null);
});

test('the API query makes the "to" day inclusive and pages back with beforeSeq', () => {
  assert.equal(nextDay('2024-02-28'), '2024-02-29');
  assert.equal(nextDay('2024-12-31'), '2025-01-01');
  assert.equal(auditApiQuery({ ...NO_FILTERS, to: '2025-01-31' }, { limit: 50 }), '?to=2025-02-01&limit=50');
  assert.equal(auditApiQuery({ ...NO_FILTERS, action: 'token.' }, { limit: 50, beforeSeq: 120 }), '?action=token.&limit=50&beforeSeq=120');
  assert.equal(auditApiQuery(NO_FILTERS), '');
});

test('action names', () => {
  assert.equal(actionLabel('member.role_changed'), 'Role changed');
  assert.equal(actionLabel('token.created'), 'API token created');
  assert.equal(actionLabel('supplier.merged_into'), 'Supplier merged into');
});

test('diffValues compares before and after field by field', () => {
  const rows = diffValues({ role: 'viewer', active: true }, { role: 'analyst', active: true });
  assert.deepEqual(rows, [
    { field: 'role', before: 'viewer', after: 'analyst', changed: true },
    { field: 'active', before: 'true', after: 'true', changed: false },
  ]);
  assert.equal(diffSummary(rows), 'role: viewer → analyst');
  const created = diffValues(null, { email: 'bob@example.org', role: 'viewer' });
  assert.deepEqual(created.map((r) => [r.field, r.before, r.after, r.changed]), [
    ['email', '—', 'bob@example.org', true],
    ['role', '—', 'viewer', true],
  ]);
  assert.equal(diffSummary(created), 'email: bob@example.org; role: viewer');
  const removed = diffValues({ name: 'Old token' }, null);
  assert.equal(diffSummary(removed), 'name: Old token removed');
  assert.deepEqual(diffValues(null, null), []);
  assert.deepEqual(diffValues('a', 'b'), [{ field: 'value', before: 'a', after: 'b', changed: true }]);
  const nested = diffValues({ filter: { action: 'x' } }, { filter: { action: 'y' } });
  assert.equal(nested[0]!.after, '{"action":"y"}');
  const many = diffValues({ a: 1, b: 2, c: 3, d: 4 }, { a: 2, b: 3, c: 4, d: 5 });
  assert.equal(diffSummary(many), 'a: 1 → 2; b: 2 → 3; 2 more');
});

test('short hashes and timestamps', () => {
  assert.equal(shortHash('4f1c2a9e0b7d6c5a4f1c2a9e0b7d6c5a'), '4f1c2a9e');
  assert.equal(shortHash('genesis'), 'genesis');
  assert.equal(formatTimestamp('2025-03-01T14:02:11.123Z', 'UTC'), '1 Mar 2025, 14:02:11');
  assert.equal(formatTimestamp('not a date'), 'not a date');
});
