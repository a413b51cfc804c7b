import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledCountries } from '../knowledge/compiled-files.ts';
import { parseAmount } from './amount.ts';
import { recogniseColumns } from './columns.ts';
import type { ColumnMapping, RawRecord, RowIssue, SupplierLine } from './line.ts';
import { openSupplierFile } from './read.ts';
import { cleanDuns, cleanLei, cleanVat, validateRecord } from './validate.ts';

const countries = bundledCountries();
const FIXTURES = new URL('../../test/fixtures/suppliers/', import.meta.url).pathname;

const MAPPING: ColumnMapping = {
  supplier: 'Name',
  aliases: 'AKA',
  lei: 'LEI',
  duns: 'DUNS',
  vat: 'VAT',
  company_number: 'Reg',
  supplier_ref: 'Ref',
  country: 'Country',
  latitude: 'Lat',
  longitude: 'Lon',
  description: 'Goods',
  hs: 'HS',
  cpv: 'CPV',
  unspsc: 'UNSPSC',
  spend: 'Spend',
  currency: 'Ccy',
  tier: 'Tier',
};

function rec(cells: Record<string, string>, row = 1): RawRecord {
  return { line: row + 1, row, cells, issues: [] };
}

function check(cells: Record<string, string>, mapping: ColumnMapping = MAPPING) {
  return validateRecord(rec(cells), mapping, countries);
}

function messages(issues: RowIssue[]): [string, string | null, string][] {
  return issues.map((i) => [i.severity, i.field, i.message]);
}

test('the malformed fixture: exact issues row by row, and the valid rows are kept', async () => {
  const file = await openSupplierFile(`${FIXTURES}malformed.csv`);
  const { mapping, missingRequired } = recogniseColumns(file.headers);
  assert.deepEqual(missingRequired, []);
  const kept: SupplierLine[] = [];
  const issues: RowIssue[] = [];
  for await (const r of file.records) {
    const v = validateRecord(r, mapping, countries, { decimalSeparator: file.decimalSeparator });
    if (v.line) kept.push(v.line);
    issues.push(...v.issues);
  }
  assert.deepEqual(issues, [
    { row: 2, line: 3, column: 'Supplier Name', field: null, value: 'Caf\uFFFD Import SARL', severity: 'error', message: 'invalid UTF-8 byte sequence; save the file as UTF-8 or pass --encoding windows-1252' },
    { row: 3, line: 4, column: null, field: null, value: null, severity: 'error', message: '3 cells where the header has 5: a separator is missing or the line is cut off, so the cells cannot be matched to columns' },
    { row: 4, line: 5, column: 'Spend', field: 'spend', value: '12O0', severity: 'error', message: '"12O0" is not an amount: it has letters in it' },
    { row: 5, line: 6, column: 'Country', field: 'country', value: 'Atlantis', severity: 'warning', message: 'unknown country "Atlantis": the line is kept without a country, so country risk cannot be assessed' },
    { row: 6, line: 8, column: 'Spend', field: 'spend', value: 'n/a', severity: 'error', message: '"n/a" is not an amount: it has letters in it' },
  ]);
  assert.deepEqual(
    kept.map((l) => [l.row, l.line, l.supplier.name, l.site.countryCode, l.site.countryInput, l.spend, l.currency]),
    [
      [1, 2, 'Acme Ltd', 'GB', 'United Kingdom', 1200.5, 'GBP'],
      [5, 6, 'Atlantis Pearls', null, 'Atlantis', 300, 'USD'],
      [7, 9, 'Kivu Minerals', 'CD', 'Congo, Democratic Republic of the', 4500, 'USD'],
    ],
  );
});

test('the French fixture: decimal commas and thousands read with the file\'s hint; a French country name is flagged with a suggestion', async () => {
  const file = await openSupplierFile(`${FIXTURES}french-semicolon-bom.csv`);
  const { mapping } = recogniseColumns(file.headers);
  const out = [];
  for await (const r of file.records) out.push(validateRecord(r, mapping, countries, { decimalSeparator: file.decimalSeparator }));
  assert.deepEqual(out.map((v) => [v.line?.spend, v.line?.currency, v.line?.site.countryCode, v.line?.cpvCode]), [
    [12345.67, 'EUR', 'FR', '18100000-0'],
    [1234.5, 'EUR', null, null],
    [3000, 'EUR', 'UZ', null],
    [987.1, 'EUR', 'DE', '18424000'],
  ]);
  assert.deepEqual(out[1]!.issues.map((i) => i.message), ['unknown country "Égypte" (did you mean Egypt [EG]?): the line is kept without a country, so country risk cannot be assessed']);
});

test('a complete valid line', () => {
  const v = check({
    Name: '  Bright   Garments Ltd ',
    AKA: 'Bright Apparel | BG Ltd; bright apparel;',
    LEI: '5493001kjtiigc8y1r12',
    DUNS: '15-048-3782',
    VAT: 'gb 123 456 789',
    Reg: 'sc 123456',
    Ref: 'V-0042',
    Country: 'Bangladesh',
    Lat: '23,81',
    Lon: '90.41',
    Goods: 'Cotton T-shirts',
    HS: '6109.10',
    CPV: '18332000-5',
    UNSPSC: '53-10-27-00',
    Spend: '€ 12.500,00',
    Ccy: '',
    Tier: 'Tier 2',
  });
  assert.deepEqual(v.issues, []);
  assert.deepEqual(v.line, {
    row: 1,
    line: 2,
    supplier: {
      name: 'Bright Garments Ltd',
      aliases: ['Bright Apparel', 'BG Ltd'],
      identifiers: [
        { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' },
        { scheme: 'duns', value: '150483782' },
        { scheme: 'vat', value: 'GB123456789' },
        { scheme: 'company_number', value: 'SC123456' },
        { scheme: 'supplier_ref', value: 'V-0042' },
      ],
    },
    site: { name: null, countryCode: 'BD', countryInput: 'Bangladesh', region: null, address: null, latitude: 23.81, longitude: 90.41 },
    description: 'Cotton T-shirts',
    hsCode: '6109.10',
    cpvCode: '18332000-5',
    unspscCode: '53102700',
    spend: 12500,
    currency: 'EUR',
    period: null,
    tier: 2,
    parent: null,
  });
});

test('errors reject the row: no name, placeholder name, unreadable spend, bad tier, bad latitude', () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ Name: '' }, 'supplier', 'no supplier name'],
    [{ Name: 'N/A' }, 'supplier', '"N/A" is not a supplier name'],
    [{ Name: '---' }, 'supplier', '"---" is not a supplier name'],
    [{ Name: 'Acme', Spend: '12O0' }, 'spend', '"12O0" is not an amount: it has letters in it'],
    [{ Name: 'Acme', Spend: 'n/a' }, 'spend', '"n/a" is not an amount: it has letters in it'],
    [{ Name: 'Acme', Spend: '1,23,4567' }, 'spend', '"1,23,4567" is not an amount: its digit groups do not read as thousands'],
    [{ Name: 'Acme', Spend: 'EUR 100', Ccy: 'USD' }, 'spend', 'the amount is in EUR but the currency column says USD'],
    [{ Name: 'Acme', Tier: '-1' }, 'tier', '"-1" is not a tier: write a whole number, 1 for a direct supplier, 2 for its suppliers, and so on'],
    [{ Name: 'Acme', Tier: '0' }, 'tier', '"0" is not a tier: write a whole number, 1 for a direct supplier, 2 for its suppliers, and so on'],
    [{ Name: 'Acme', Tier: '1.5' }, 'tier', '"1.5" is not a tier: write a whole number, 1 for a direct supplier, 2 for its suppliers, and so on'],
    [{ Name: 'Acme', Lat: '95', Lon: '10' }, 'latitude', 'latitude 95 is outside -90 to 90'],
    [{ Name: 'Acme', Lat: 'N 23°', Lon: '10' }, 'latitude', '"N 23°" is not a latitude in decimal degrees (e.g. 23.81)'],
  ];
  for (const [cells, field, message] of cases) {
    const v = check(cells);
    assert.equal(v.line, undefined, JSON.stringify(cells));
    assert.deepEqual(messages(v.issues), [['error', field, message]], JSON.stringify(cells));
    assert.equal(v.issues[0]!.column, MAPPING[field as keyof ColumnMapping]);
  }
});

test('warnings keep the row: unknown country and currency, codes that are not codes, failing identifiers, a refund', () => {
  const v = check({
    Name: 'Acme',
    Country: 'Untied Kingdom',
    Ccy: 'EURO',
    HS: 'cotton',
    CPV: '1234567890',
    UNSPSC: '4321',
    LEI: '5493001KJTIIGC8Y1R13',
    DUNS: '50483782',
    VAT: '12',
    Spend: '(1,200.00)',
    Lat: '10',
  });
  assert.ok(v.line);
  assert.deepEqual(messages(v.issues), [
    ['warning', 'lei', '"5493001KJTIIGC8Y1R13" fails the LEI check digits (mistyped?): the identifier is ignored (the supplier is still imported, matched by name)'],
    ['warning', 'duns', '"50483782" has 8 digits where a D-U-N-S number has 9 (did a spreadsheet drop a leading zero? format the column as text): the identifier is ignored (the supplier is still imported, matched by name)'],
    ['warning', 'vat', '"12" is not a VAT or tax number (4 to 20 letters and digits): the identifier is ignored (the supplier is still imported, matched by name)'],
    ['warning', 'country', 'unknown country "Untied Kingdom" (did you mean United Kingdom [GB]?): the line is kept without a country, so country risk cannot be assessed'],
    ['warning', 'latitude', 'latitude without longitude: the coordinates are ignored'],
    ['warning', 'hs', '"cotton" is not an HS code (digits, optionally with dots or spaces): the code is ignored and the goods are classified from the description'],
    ['warning', 'cpv', '"1234567890" has 10 digits; CPV codes have 8 and a check digit: the code is ignored and the goods are classified from the description'],
    ['warning', 'unspsc', '"4321" is not a UNSPSC code (8 digits, e.g. 43211503): the code is ignored and the goods are classified from the description'],
    ['warning', 'spend', 'negative spend -1200 kept (a credit note or refund?); it lowers the supplier\'s total'],
    ['warning', 'currency', '"EURO" is not an ISO 4217 currency code (e.g. EUR, USD): the line is kept without a currency'],
  ]);
  const l = v.line;
  assert.deepEqual([l.site.countryCode, l.site.countryInput, l.currency, l.hsCode, l.cpvCode, l.unspscCode, l.spend, l.site.latitude], [null, 'Untied Kingdom', null, null, null, null, -1200, null]);
  assert.deepEqual(l.supplier.identifiers, []);
});

test('currency: from the column, else from the amount\'s symbol or code, else the default', () => {
  const m: ColumnMapping = { supplier: 'Name', spend: 'Spend', currency: 'Ccy' };
  assert.equal(check({ Name: 'A', Spend: '100', Ccy: 'eur' }, m).line?.currency, 'EUR');
  assert.equal(check({ Name: 'A', Spend: '£100', Ccy: '' }, m).line?.currency, 'GBP');
  assert.equal(check({ Name: 'A', Spend: '100 CHF' }, { supplier: 'Name', spend: 'Spend' }).line?.currency, 'CHF');
  assert.equal(validateRecord(rec({ Name: 'A', Spend: '100' }), { supplier: 'Name', spend: 'Spend' }, countries, { defaultCurrency: 'NOK' }).line?.currency, 'NOK');
  assert.equal(check({ Name: 'A', Spend: '¥100' }, { supplier: 'Name', spend: 'Spend' }).line?.currency, null);
});

test('a row the reader already rejected is not read further', () => {
  const issue: RowIssue = { row: 3, line: 4, column: null, field: null, value: null, message: 'cut off', severity: 'error' };
  assert.deepEqual(validateRecord({ line: 4, row: 3, cells: { Name: '' }, issues: [issue] }, MAPPING, countries), { issues: [issue] });
});

test('amounts as real files write them', () => {
  const cases: [string, number, string | null][] = [
    ['1,234.50', 1234.5, null],
    ['1.234,50', 1234.5, null],
    ['1 234,50', 1234.5, null],
    ['1\u00a0234,50', 1234.5, null],
    ["1'234.50", 1234.5, null],
    ['12,34,567.00', 1234567, null],
    ['$1,200', 1200, 'USD'],
    ['EUR 3.000', 3000, 'EUR'],
    ['3.000 EUR', 3000, 'EUR'],
    ['1.234,50-', -1234.5, null],
    ['(1,200.00)', -1200, null],
    ['-$1,200', -1200, 'USD'],
    ['€ -1.200,00', -1200, 'EUR'],
    ['R$ 1.500,00', 1500, 'BRL'],
    ['1.2E+06', 1200000, null],
    ['0,5', 0.5, null],
    ['1,234', 1234, null],
    ['1234.567', 1234.567, null],
    ['0', 0, null],
  ];
  for (const [text, value, currency] of cases) assert.deepEqual(parseAmount(text), { ok: true, value, currency }, text);
  assert.deepEqual(parseAmount('1,234', ','), { ok: true, value: 1.234, currency: null });
  assert.deepEqual(parseAmount('1.234', '.'), { ok: true, value: 1.234, currency: null });
  assert.deepEqual(parseAmount('12.5', ','), { ok: true, value: 12.5, currency: null });
  for (const bad of ['12O0', 'n/a', '-', '1,234.567,8', '--5', '(-5)', '1.2.3,4.5', 'twelve']) assert.equal(parseAmount(bad).ok, false, bad);
});

test('identifiers: LEI check digits (ISO 17442), D-U-N-S, VAT', () => {
  assert.deepEqual(cleanLei('529900T8BM49AURSDO55'), { value: '529900T8BM49AURSDO55' });
  assert.deepEqual(cleanLei('5493 001K JTII GC8Y 1R12'), { value: '5493001KJTIIGC8Y1R12' });
  assert.ok('problem' in cleanLei('529900T8BM49AURSDO56'));
  assert.ok('problem' in cleanLei('529900T8BM49AURSDO5'));
  assert.deepEqual(cleanDuns('150 483 782'), { value: '150483782' });
  assert.ok('problem' in cleanDuns('15048378A'));
  assert.deepEqual(cleanVat('FR 40 303 265 045'), { value: 'FR40303265045' });
  assert.deepEqual(cleanVat('de-123.456.789'), { value: 'DE123456789' });
  assert.ok('problem' in cleanVat('none'));
});
