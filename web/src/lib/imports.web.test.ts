// The import's mapping step: choices from recognition or a saved mapping, checks, samples, file checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELD_GROUPS,
  FIELD_INFO,
  LINE_FIELDS,
  choicesFrom,
  fileProblem,
  mappingFrom,
  mappingProblems,
  recognitionOf,
  requiredFields,
  sampleValues,
  uploadContentType,
} from './imports.ts';

const headers = ['Vendor Name', 'Country of Origin', 'Item', 'Amount', 'Notes'];

test('every field has a label and sits in exactly one group of the select', () => {
  const grouped = FIELD_GROUPS.flatMap((g) => g.fields);
  assert.deepEqual([...grouped].sort(), [...LINE_FIELDS].sort());
  for (const f of LINE_FIELDS) assert.ok(FIELD_INFO[f].label, f);
});

test('choices follow the suggested mapping, and go back into a mapping by header', () => {
  const { choices, missingHeaders } = choicesFrom(headers, { supplier: 'Vendor Name', country: 'Country of Origin', spend: 'Amount' });
  assert.deepEqual(choices, ['supplier', 'country', '', 'spend', '']);
  assert.deepEqual(missingHeaders, []);
  assert.deepEqual(mappingFrom(headers, ['supplier', 'country', 'description', 'spend', '']), {
    supplier: 'Vendor Name',
    country: 'Country of Origin',
    description: 'Item',
    spend: 'Amount',
  });
});

test('a saved mapping finds headers that differ only in case or spaces, and names the ones the file lacks', () => {
  const { choices, missingHeaders } = choicesFrom(headers, { supplier: 'vendor  name', description: 'Item', hs: 'HS Code' });
  assert.deepEqual(choices, ['supplier', '', 'description', '', '']);
  assert.deepEqual(missingHeaders, [{ field: 'hs', header: 'HS Code' }]);
});

test('two columns on one field, or a required field left out, are problems', () => {
  const required = requiredFields({ missingRequired: [] });
  assert.deepEqual(required, ['supplier']);
  assert.deepEqual(mappingProblems(headers, ['supplier', 'country', 'description', 'spend', ''], required), []);
  const twice = mappingProblems(headers, ['supplier', 'country', 'country', '', ''], required);
  assert.equal(twice.length, 1);
  assert.equal(twice[0]!.column, 2);
  assert.match(twice[0]!.message, /Country is chosen for two columns, “Country of Origin” and “Item”/);
  const none = mappingProblems(headers, ['', 'country', '', '', ''], required);
  assert.deepEqual(none, [{ column: null, message: 'Choose the column that holds the supplier name: it is required.' }]);
  assert.deepEqual(requiredFields({ missingRequired: ['country'] }), ['supplier', 'country'], 'the server may require more');
});

test('samples show distinct values; recognition is shown only for the field it was made for', () => {
  const sample = [
    ['Acme', 'Ghana', ''],
    ['Acme', 'Ivory Coast', 'cocoa'],
    ['Beta', '  ', 'shrimp'],
    ['Gamma', 'China', 'gloves'],
  ];
  assert.deepEqual(sampleValues(sample, 0), ['Acme', 'Beta', 'Gamma']);
  assert.deepEqual(sampleValues(sample, 1, 5), ['Ghana', 'Ivory Coast', 'China']);
  assert.deepEqual(sampleValues(sample, 2, 1), ['cocoa']);
  assert.deepEqual(sampleValues(sample, 9), []);
  const upload = { recognised: [{ field: 'supplier' as const, header: 'Vendor Name', why: 'matches “vendor name”' }] };
  assert.equal(recognitionOf(upload, 'Vendor Name', 'supplier'), 'matches “vendor name”');
  assert.equal(recognitionOf(upload, 'Vendor Name', 'aliases'), null, 'changed by the person: no longer Vigil’s reason');
});

test('files are checked before a long upload', () => {
  assert.equal(fileProblem({ name: 'suppliers.csv', size: 10 }), null);
  assert.equal(fileProblem({ name: 'Suppliers.XLSX', size: 10 }), null);
  assert.match(fileProblem({ name: 'suppliers.pdf', size: 10 })!, /not a CSV or Excel/);
  assert.match(fileProblem({ name: 'empty.csv', size: 0 })!, /is empty/);
  assert.match(fileProblem({ name: 'big.csv', size: 300 * 1024 * 1024 })!, /larger than 200 MB/);
  assert.equal(uploadContentType('a.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(uploadContentType('a.csv'), 'text/csv');
});
