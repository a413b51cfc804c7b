import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseName, supplierKey, supplierKeys, type SupplierIdentity } from './identity.ts';
import type { Identifier } from './line.ts';

test('spellings of one name fold to one key', () => {
  const same: string[][] = [
    ['Acme Ltd', 'ACME Limited', 'Acme Ltd.', ' acme   LTD '],
    ['Müller & Söhne GmbH', 'MULLER AND SOHNE GMBH', 'Müller & Söhne Gesellschaft mit beschränkter Haftung'],
    ['Textiles Dupont S.A.', 'Textiles Dupont SA', 'Textiles Dupont Société Anonyme'],
    ['Bright Garments Pvt. Ltd.', 'Bright Garments Private Limited'],
    ['The Coca-Cola Company', 'Coca Cola Co.'],
    ['Zenith Solar Co., Ltd.', 'Zenith Solar Company Limited'],
    ['Acme L.L.C.', 'ACME LLC', 'Acme Limited Liability Company'],
    ['Nordic Fish PLC', 'Nordic Fish Public Limited Company', 'Nordic Fish p.l.c.'],
    ['Café Brasil Ltda', 'Cafe Brasil Limitada'],
  ];
  for (const group of same) {
    const keys = new Set(group.map(normaliseName));
    assert.equal(keys.size, 1, `${group.join(' / ')} → ${[...keys].join(' / ')}`);
  }
  assert.equal(normaliseName('Müller & Söhne GmbH'), 'muller sohne gmbh');
  assert.equal(normaliseName('Zenith Solar Co., Ltd.'), 'zenith solar co ltd');
});

test('a different legal form, or a different name, is a different supplier', () => {
  const different: [string, string][] = [
    ['Acme Ltd', 'Acme GmbH'],
    ['Acme Inc', 'Acme LLC'],
    ['Acme', 'Acme Ltd'],
    ['Acme Ltd', 'Acme Trading Ltd'],
    ['Sun Fish SA', 'Sun Fish SARL'],
  ];
  for (const [a, b] of different) assert.notEqual(normaliseName(a), normaliseName(b), `${a} vs ${b}`);
});

function line(name: string, countryCode: string | null, identifiers: Identifier[] = []): SupplierIdentity {
  return { supplier: { name, aliases: [], identifiers }, site: { countryCode } };
}

test('keys: identifiers first, company numbers within their country, then name and country', () => {
  const l = line('Acme Ltd', 'GB', [
    { scheme: 'supplier_ref', value: 'V-1' },
    { scheme: 'company_number', value: '01234567' },
    { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' },
  ]);
  assert.deepEqual(supplierKeys(l), ['lei:5493001KJTIIGC8Y1R12', 'company_number:GB:01234567', 'supplier_ref:V-1', 'name:GB:acme ltd']);
  assert.equal(supplierKey(l), 'lei:5493001KJTIIGC8Y1R12');
  assert.deepEqual(supplierKeys(line('Acme Ltd', null, [{ scheme: 'company_number', value: '01234567' }])), ['name::acme ltd']);
});

test('the same identifier, or the same name in the same country, is the same supplier', () => {
  const shares = (a: SupplierIdentity, b: SupplierIdentity) => supplierKeys(a).some((k) => supplierKeys(b).includes(k));
  const lei = { scheme: 'lei' as const, value: '5493001KJTIIGC8Y1R12' };
  assert.ok(shares(line('Acme Ltd', 'GB'), line('ACME LIMITED', 'GB')));
  assert.ok(!shares(line('Acme Ltd', 'GB'), line('Acme Ltd', 'IN')));
  assert.ok(shares(line('Acme Ltd', 'GB', [lei]), line('Acme Holdings', 'IE', [lei])));
  assert.ok(shares(line('Acme Ltd', 'GB', [lei]), line('Acme Limited', 'GB')));
});
