// How hits read (a hard hit is only "possible" until confirmed), the queue's address, the explanation's bars,
// the side-by-side comparison, the review's choices and reason, owners and runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_HIT_QUERY,
  comparisonRows,
  decisionsFor,
  featureBar,
  formatContribution,
  formatScore,
  hitApiQuery,
  hitFiltersActive,
  hitQueryFrom,
  hitQueryHref,
  hitStatusLabel,
  hitStatusMeaning,
  ownerBody,
  propertyRows,
  reasonProblem,
  runLists,
  runSentence,
  scoreSentence,
  toggleStatus,
  withHitFilter,
  type ScreeningRun,
} from './screening.ts';
import type { WatchlistEntity } from '../../../src/watchlists/types.ts';

test('an open hit on a hard-signal list is possible, never confirmed, until a person confirms it', () => {
  assert.equal(hitStatusLabel({ status: 'open', hard: true }), 'Possible — awaiting confirmation');
  assert.equal(hitStatusLabel({ status: 'open', hard: false }), 'Open — to review');
  assert.equal(hitStatusLabel({ status: 'confirmed', hard: true }), 'Confirmed');
  assert.equal(hitStatusLabel({ status: 'dismissed', hard: true }), 'Dismissed');
  assert.match(hitStatusMeaning({ status: 'open', hard: true }), /never treated as a finding on a fuzzy match alone/);
  assert.doesNotMatch(hitStatusMeaning({ status: 'open', hard: false }), /legal weight/);
  assert.match(hitStatusMeaning({ status: 'confirmed', hard: true }), /finding on a list with legal weight/);
});

test('the queue’s view lives in the address: open hits by default, filters and page round-trip', () => {
  const none = hitQueryFrom(new URLSearchParams(''));
  assert.deepEqual(none, DEFAULT_HIT_QUERY);
  assert.equal(hitQueryHref('/screening', none), '/screening');
  assert.equal(hitFiltersActive(none), false);

  const view = hitQueryFrom(new URLSearchParams('status=dismissed,open,bogus&list=3,1,x,3&signal=hard&q=%20Hoshine%20&page=2'));
  assert.deepEqual(view, { statuses: ['open', 'dismissed'], lists: [1, 3], signal: 'hard', q: 'Hoshine', page: 1 });
  assert.equal(hitQueryHref('/screening', view), '/screening?status=open%2Cdismissed&list=1%2C3&signal=hard&q=Hoshine&page=2');
  assert.deepEqual(hitQueryFrom(new URL(`http://x${hitQueryHref('/screening', view)}`).searchParams), view);
  assert.equal(hitApiQuery(view), '?status=open%2Cdismissed&list=1%2C3&signal=hard&q=Hoshine&offset=50&limit=50');
  // The API is always told the statuses, even the default, so its own default cannot drift from the page's.
  assert.equal(hitApiQuery(none), '?status=open&offset=0&limit=50');
  assert.equal(hitQueryFrom(new URLSearchParams('status=&signal=maybe&page=-3')).statuses.length, 3, 'an empty status choice shows every status');
  assert.equal(hitQueryFrom(new URLSearchParams('signal=maybe')).signal, '');
  assert.equal(hitQueryFrom(new URLSearchParams('page=-3')).page, 0);
});

test('changing a filter starts at the first page; the last status cannot be turned off', () => {
  const paged = { ...DEFAULT_HIT_QUERY, page: 4 };
  assert.equal(withHitFilter(paged, { signal: 'soft' }).page, 0);
  assert.deepEqual(toggleStatus(['open'], 'confirmed'), ['open', 'confirmed']);
  assert.deepEqual(toggleStatus(['open', 'confirmed'], 'open'), ['confirmed']);
  assert.deepEqual(toggleStatus(['open'], 'open'), ['open']);
  assert.equal(hitFiltersActive(withHitFilter(DEFAULT_HIT_QUERY, { statuses: ['open', 'dismissed'] })), true);
});

test('each feature’s bar shows which way it pushed and how far, relative to the largest push', () => {
  const features = [{ contribution: 0.6 }, { contribution: 0.2 }, { contribution: -0.3 }, { contribution: 0.001 }, { contribution: 0 }];
  assert.deepEqual(featureBar(0.6, features), { direction: 'up', width: 100 });
  assert.deepEqual(featureBar(-0.3, features), { direction: 'down', width: 50 });
  assert.deepEqual(featureBar(0.001, features), { direction: 'up', width: 2 }, 'a tiny push still shows');
  assert.deepEqual(featureBar(0, features), { direction: 'none', width: 0 });
  assert.deepEqual(featureBar(0.1, []), { direction: 'none', width: 0 });
  assert.equal(formatContribution(0.4249), '+0.42');
  assert.equal(formatContribution(-0.1), '−0.10');
  assert.equal(formatContribution(0.001), '0.00');
  assert.equal(formatScore(0.9149), '0.91');
  assert.equal(scoreSentence({ score: 0.91, threshold: 0.85 }), 'Score 0.91 against the list’s threshold of 0.85: at or above it, so a hit.');
  assert.match(scoreSentence({ score: 0.8, threshold: 0.85 }), /below it/);
});

const listed: WatchlistEntity = {
  key: 'NK-1',
  type: 'company',
  name: 'Xinjiang Hoshine Silicon Industry Co., Ltd.',
  aliases: ['Hoshine Silicon'],
  countries: ['CN'],
  identifiers: [{ scheme: 'company_number', value: '91-650 000', country: 'CN' }],
  birthDate: null,
  properties: { reason: 'UFLPA presumption', listedOn: '2023-06-09', workers: 12, note: '', programme: null },
  sourceRow: 7,
};

test('side by side: each attribute of our party next to the listed entity, with agreement where both speak', () => {
  const names = (c: string) => ({ CN: 'China', MY: 'Malaysia' })[c];
  const rows = comparisonRows(
    { name: 'Hoshine Silicon Industry', type: 'company', countries: ['MY'], identifiers: [{ scheme: 'company_number', value: '91650000' }] },
    listed,
    names,
  );
  const row = (label: string) => rows.find((r) => r.label === label)!;
  assert.deepEqual(rows.map((r) => r.label), ['Name', 'Other names', 'Type', 'Countries', 'Identifiers']);
  assert.deepEqual(row('Countries'), { label: 'Countries', ours: ['Malaysia'], theirs: ['China'], agreement: 'differ' });
  assert.equal(row('Type').agreement, 'agree');
  assert.equal(row('Identifiers').agreement, 'agree', 'identifiers agree once spaces and hyphens are dropped');
  assert.deepEqual(row('Other names').ours, []);
  assert.equal(row('Name').agreement, null, 'the names are scored in the explanation, not here');

  const unknown = comparisonRows({ name: 'Hoshine' }, listed);
  assert.equal(unknown.find((r) => r.label === 'Type')!.agreement, null, 'an unknown type neither agrees nor differs');
  assert.equal(unknown.find((r) => r.label === 'Countries')!.agreement, null);
  assert.equal(unknown.find((r) => r.label === 'Identifiers')!.agreement, null);

  const person = comparisonRows({ name: 'Li Wei', type: 'person', birthDate: '1970-03' }, { ...listed, type: 'person', birthDate: '1970-03-02' });
  assert.deepEqual(person.find((r) => r.label === 'Birth date'), { label: 'Birth date', ours: ['1970-03'], theirs: ['1970-03-02'], agreement: 'agree' });
  assert.equal(comparisonRows({ name: 'Li Wei', type: 'person', birthDate: '1971' }, { ...listed, type: 'person', birthDate: '1970-03-02' }).at(-1)!.agreement, 'differ');
});

test('the list’s own facts are shown with readable labels, empty ones left out', () => {
  assert.deepEqual(propertyRows(listed.properties), [
    { label: 'Reason', value: 'UFLPA presumption' },
    { label: 'Listed on', value: '2023-06-09' },
    { label: 'Workers', value: '12' },
  ]);
});

test('a review offers the decisions that change the status and needs a reason', () => {
  assert.deepEqual(decisionsFor('open'), ['confirm', 'dismiss']);
  assert.deepEqual(decisionsFor('confirmed'), ['dismiss', 'reopen']);
  assert.deepEqual(decisionsFor('dismissed'), ['confirm', 'reopen']);
  assert.match(reasonProblem('  ok ')!, /Give the reason/);
  assert.equal(reasonProblem('Different CNPJ on the register'), null);
  assert.match(reasonProblem('x'.repeat(2001))!, /at most 2,000/);
});

test('an owner is sent with the country and, for a company, its number', () => {
  assert.deepEqual(ownerBody({ name: ' Ana Souza ', type: 'person', country: 'BR', identifier: '123' }), {
    body: { name: 'Ana Souza', type: 'person', countries: ['BR'] },
    errors: {},
  });
  assert.deepEqual(ownerBody({ name: 'Holding SA', type: 'company', country: 'BR', identifier: '12.345.678/0001-90' }).body.identifiers, [
    { scheme: 'company_number', value: '12.345.678/0001-90', country: 'BR' },
  ]);
  assert.match(ownerBody({ name: ' ', type: 'company', country: '', identifier: '' }).errors.name!, /Enter the owner/);
});

test('a run says what it screened, against which lists and editions', () => {
  const run: ScreeningRun = {
    id: 3,
    reason: 'list-change',
    status: 'done',
    startedAt: '2025-06-01T10:00:00Z',
    finishedAt: '2025-06-01T10:00:02Z',
    subjects: 120,
    hits: 7,
    newHits: 1,
    changedHits: 0,
    goneHits: 0,
    startedBy: 'ada@example.org',
    error: null,
    lists: { 'us-dhs-uflpa': '2025-05', 'our-list': '1' },
  };
  assert.equal(runSentence(run), '120 parties screened, 7 hits (1 new, 0 changed), after a list changed.');
  assert.match(runSentence({ ...run, status: 'running' }), /^Screening is running/);
  assert.equal(runSentence({ ...run, goneHits: 2 }), '120 parties screened, 7 hits (1 new, 0 changed, 2 no longer matching), after a list changed.');
  assert.equal(runSentence({ ...run, status: 'failed', error: 'interrupted' }), 'The last screening failed (after a list changed): interrupted. The hits from the run before it stand.');
  assert.deepEqual(runLists(run, new Map([['us-dhs-uflpa', 'UFLPA Entity List']])), [
    { slug: 'our-list', name: 'our-list', edition: '1' },
    { slug: 'us-dhs-uflpa', name: 'UFLPA Entity List', edition: '2025-05' },
  ]);
});
