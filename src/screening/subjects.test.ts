// What is screened of a supplier: its names, identifiers and site countries; its sites by their own names; its owners.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprintOf } from '../match/fingerprint.ts';
import { type SupplierFacts, subjectsOf } from './subjects.ts';

const supplier: SupplierFacts = {
  id: 7,
  name: 'Acme Textiles Ltd',
  aliases: ['Acme Garments', 'ACME'],
  identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }, { scheme: 'supplier_ref', value: 'V001' }],
  sites: [
    { id: 70, name: 'Plant 1', countryCode: 'CN' },
    { id: 71, name: 'ACME TEXTILES LIMITED', countryCode: 'VN' },
    { id: 72, name: null, countryCode: 'CN' },
    { id: 73, name: 'Acme Garments', countryCode: 'BD' },
  ],
  owners: [{ id: 9, name: 'Li Wei', type: 'person', countries: ['CN', 'HK', 'CN'], identifiers: [] }],
};

test('the supplier carries its aliases, identifiers and every site\'s country; each subject names its supplier', () => {
  const [s, ...rest] = subjectsOf(supplier);
  assert.deepEqual(s, {
    kind: 'supplier',
    id: 7,
    supplierId: 7,
    supplierName: 'Acme Textiles Ltd',
    entity: {
      name: 'Acme Textiles Ltd',
      aliases: ['ACME', 'Acme Garments'],
      type: 'unknown',
      countries: ['BD', 'CN', 'VN'],
      identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }, { scheme: 'supplier_ref', value: 'V001' }],
    },
    fingerprint: fingerprintOf(s!.entity),
  });
  assert.ok(rest.every((x) => x.supplierId === 7 && x.supplierName === 'Acme Textiles Ltd'));
});

test('a site is screened by its own name and country, unless it is named like its supplier or not named', () => {
  const sites = subjectsOf(supplier).filter((s) => s.kind === 'site');
  assert.deepEqual(sites.map((s) => [s.id, s.entity.name, s.entity.countries]), [[70, 'Plant 1', ['CN']]]);
});

test('an owner keeps its type and countries', () => {
  const [owner] = subjectsOf(supplier).filter((s) => s.kind === 'owner');
  assert.deepEqual([owner!.id, owner!.entity.type, owner!.entity.countries], [9, 'person', ['CN', 'HK']]);
});

test('the fingerprint changes with what matching reads, and only with that', () => {
  const base = subjectsOf(supplier)[0]!.fingerprint;
  const reordered = subjectsOf({ ...supplier, aliases: ['ACME', 'Acme Garments'], sites: [...supplier.sites].reverse() })[0]!.fingerprint;
  assert.equal(reordered, base, 'order does not matter');
  assert.notEqual(subjectsOf({ ...supplier, sites: [...supplier.sites, { id: 74, name: null, countryCode: 'IN' }] })[0]!.fingerprint, base, 'a new country does');
  assert.notEqual(subjectsOf({ ...supplier, identifiers: [] })[0]!.fingerprint, base, 'identifiers do');
});
