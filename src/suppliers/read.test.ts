import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { FileRejected } from './errors.ts';
import { detectDelimiter, INVALID_UTF8, openSupplierFile, previewFile, type ReadOptions } from './read.ts';
import type { RawRecord } from './line.ts';

const FIXTURES = new URL('../../test/fixtures/suppliers/', import.meta.url).pathname;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-read-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, opts?: ReadOptions) {
  const file = await openSupplierFile(path, opts);
  const records: RawRecord[] = [];
  for await (const r of file.records) records.push(r);
  return { file, records };
}

async function rejection(path: string, opts?: ReadOptions): Promise<FileRejected> {
  try {
    await readAll(path, opts);
  } catch (err) {
    assert.ok(err instanceof FileRejected, `expected FileRejected, got ${String(err)}`);
    return err;
  }
  assert.fail('the file was accepted');
}

test('a French export: BOM, semicolons, CRLF, decimal commas', async () => {
  const { file, records } = await readAll(join(FIXTURES, 'french-semicolon-bom.csv'));
  assert.equal(file.format, 'csv');
  assert.equal(file.encoding, 'utf-8');
  assert.equal(file.delimiter, ';');
  assert.equal(file.decimalSeparator, ',');
  assert.deepEqual(file.headers, ['Raison sociale', "Pays d'origine", 'Objet du marché', 'Code CPV', 'Montant HT', 'Devise']);
  assert.deepEqual(
    records.map((r) => [r.line, r.row, r.cells['Raison sociale'], r.cells['Montant HT']]),
    [
      [2, 1, 'Textiles Dupont SARL', '12 345,67'],
      [3, 2, "Coton d'Égypte S.A.E.", '1.234,50'],
      [4, 3, 'Ouzbek Cotton LLC', '3.000'],
      [5, 4, 'Müller & Söhne GmbH', '987,1'],
    ],
  );
  assert.ok(records.every((r) => r.issues.length === 0));
  assert.equal(file.bytesRead(), file.totalBytes);
});

test('quoted cells over several lines: each record keeps the line it starts on', async () => {
  const { records } = await readAll(join(FIXTURES, 'multiline.csv'));
  assert.deepEqual(
    records.map((r) => [r.line, r.row, r.cells.supplier]),
    [
      [2, 1, 'Acme Ltd'],
      [3, 2, 'Bright Garments'],
      [6, 3, 'Sunrise "Fresh" Fish'],
      [8, 4, 'Zenith Solar'],
    ],
  );
  assert.equal(records[1]!.cells.description, 'Cotton T-shirts\nfor the winter\ncampaign');
  assert.equal(records[3]!.cells.spend, '1,000,000');
});

test('the malformed fixture: bad bytes and a missing cell are row errors naming the line; other rows are read', async () => {
  const { records } = await readAll(join(FIXTURES, 'malformed.csv'));
  assert.deepEqual(
    records.map((r) => [r.line, r.row, r.cells['Supplier Name']]),
    [
      [2, 1, 'Acme Ltd'],
      [3, 2, 'Caf\uFFFD Import SARL'],
      [4, 3, 'Delta Foods'],
      [5, 4, 'Omega Parts'],
      [6, 5, 'Atlantis Pearls'],
      [8, 6, 'Nile Cotton Co'],
      [9, 7, 'Kivu Minerals'],
    ],
  );
  assert.deepEqual(records[1]!.issues, [
    { row: 2, line: 3, column: 'Supplier Name', field: null, value: 'Caf\uFFFD Import SARL', message: INVALID_UTF8, severity: 'error' },
  ]);
  assert.equal(records[2]!.issues.length, 1);
  assert.match(records[2]!.issues[0]!.message, /^3 cells where the header has 5/);
  assert.equal(records[2]!.issues[0]!.line, 4);
  for (const i of [0, 3, 4, 5, 6]) assert.deepEqual(records[i]!.issues, [], `row ${i + 1}`);
});

test('the same bytes read as windows-1252 when the user says so', async () => {
  const { file, records } = await readAll(join(FIXTURES, 'malformed.csv'), { encoding: 'windows-1252' });
  assert.equal(file.encoding, 'windows-1252');
  assert.equal(records[1]!.cells['Supplier Name'], 'Café Import SARL');
  assert.deepEqual(records[1]!.issues, []);
});

test('an invalid byte in a quoted multi-line cell is reported on its own line', async () => {
  const path = await write('multi-bad.csv', Buffer.concat([Buffer.from('name,notes\nA,"first\nsecond '), Buffer.from([0xff]), Buffer.from('\nthird"\nB,ok\n')]));
  const { records } = await readAll(path);
  assert.deepEqual(records.map((r) => [r.line, r.issues.map((i) => [i.line, i.column])]), [
    [2, [[3, 'notes']]],
    [5, []],
  ]);
});

test('a header that is not UTF-8 rejects the file with the fix', async () => {
  const path = await write('bad-header.csv', Buffer.from('Soci\xe9t\xe9,Pays\nA,FR\n', 'latin1'));
  const err = await rejection(path);
  assert.equal(err.message, `bad-header.csv cannot be used: line 1 (the header): ${INVALID_UTF8}`);
});

test('UTF-16 with a byte-order mark, little and big endian', async () => {
  const text = 'Supplier\tCountry\nÖzdemir Tekstil\tTR\n';
  const le = await write('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const be = await write('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  for (const [path, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
    const { file, records } = await readAll(path);
    assert.equal(file.encoding, encoding);
    assert.equal(file.delimiter, '\t');
    assert.deepEqual(file.headers, ['Supplier', 'Country']);
    assert.deepEqual(records.map((r) => [r.line, r.cells]), [[2, { Supplier: 'Özdemir Tekstil', Country: 'TR' }]]);
  }
});

test('UTF-16 without a byte-order mark is recognised from its zero bytes', async () => {
  const path = await write('nobom16.csv', Buffer.from('Supplier|Country\nAcme|GB\n', 'utf16le'));
  const { file, records } = await readAll(path);
  assert.equal(file.encoding, 'utf-16le');
  assert.equal(file.delimiter, '|');
  assert.deepEqual(records[0]!.cells, { Supplier: 'Acme', Country: 'GB' });
});

test('latin1 is decoded byte for byte', async () => {
  const path = await write('latin1.csv', Buffer.from('Fournisseur;Pays\nSoci\xe9t\xe9 G\xe9n\xe9rale;FR\n', 'latin1'));
  const { records } = await readAll(path, { encoding: 'latin1' });
  assert.equal(records[0]!.cells.Fournisseur, 'Société Générale');
});

test('a character split across two 64 KiB reads is not taken for bad bytes', async () => {
  const prefix = 'name,pad\n';
  for (const ch of ['é', '€', '😀']) {
    const size = Buffer.byteLength(ch);
    for (let before = 1; before < size; before++) {
      // The character's first `before` bytes end the first read, the rest start the second.
      const filler = 'x'.repeat(64 * 1024 - before - Buffer.byteLength(prefix) - 2);
      const path = await write('split.csv', `${prefix}A,${filler}${ch}\nZürich AG,1\n`);
      const { records } = await readAll(path);
      assert.deepEqual(records.map((r) => r.issues), [[], []], `${ch} split after ${before} byte(s)`);
      assert.ok(records[0]!.cells.pad!.endsWith(ch));
      assert.equal(records[1]!.cells.name, 'Zürich AG');
    }
  }
});

test('old Mac line breaks (CR only) keep line numbers', async () => {
  const path = await write('cr.csv', 'supplier,country\rA,"multi\rline"\rB,FR\r');
  const { records } = await readAll(path);
  assert.deepEqual(records.map((r) => [r.line, r.cells.supplier]), [[2, 'A'], [4, 'B']]);
});

test('blank rows are skipped and not counted; trailing separators are harmless', async () => {
  const path = await write('blank.csv', 'supplier,country,\n\nA,GB,\n,,\n\nB,FR\n');
  const { file, records } = await readAll(path);
  assert.deepEqual(file.headers, ['supplier', 'country']);
  assert.equal(file.headerLine, 1);
  assert.deepEqual(records.map((r) => [r.line, r.row, r.issues.length]), [[3, 1, 0], [6, 2, 0]]);
});

test('empty, repeated and leading blank headers', async () => {
  const path = await write('headers.csv', '\n\nName,,Name, name \nA,x,B,C\n');
  const { file, records } = await readAll(path);
  assert.equal(file.headerLine, 3);
  assert.deepEqual(file.headers, ['Name', 'Column 2', 'Name (2)', 'name (3)']);
  assert.deepEqual(records[0]!.cells, { Name: 'A', 'Column 2': 'x', 'Name (2)': 'B', 'name (3)': 'C' });
});

test('a stray separator is a row error, not a shifted row', async () => {
  const path = await write('extra.csv', 'supplier,spend\n"Acme, Ltd",100\nAcme, Ltd,100\n');
  const { records } = await readAll(path);
  assert.deepEqual(records[0]!.issues, []);
  assert.equal(records[1]!.issues.length, 1);
  assert.match(records[1]!.issues[0]!.message, /^3 cells where the header has 2: a stray separator/);
});

test('a quote that never closes: the rows before it are kept and the rest is one error naming where it starts', async () => {
  const path = await write('open-quote.csv', 'supplier,spend\nA,1\nB,"2\nC,3\nD,4\n');
  const { records } = await readAll(path);
  assert.deepEqual(records.map((r) => [r.line, r.row, r.cells.supplier, r.issues.map((i) => i.severity)]), [
    [2, 1, 'A', []],
    [3, 2, '', ['error']],
  ]);
  assert.match(records[1]!.issues[0]!.message, /quoted cell that starts on this line is never closed/);
});

test('the delimiter is the one that splits the lines consistently', () => {
  assert.equal(detectDelimiter('a,b,c\n1,2,3\n'), ',');
  assert.equal(detectDelimiter('Name;Amount (EUR, excl. VAT)\nA;1,5\nB;2,5\n'), ';');
  assert.equal(detectDelimiter('"a;b",c,d\n"x;y",1,2\n'), ',');
  assert.equal(detectDelimiter('a\tb\n1\t2\n'), '\t');
  assert.equal(detectDelimiter('a|b|c\n1|2|3\n'), '|');
  assert.equal(detectDelimiter('supplier\nAcme\n'), ',');
});

test('files that cannot be used are refused with what is wrong', async () => {
  assert.equal((await rejection(await write('empty.csv', ''))).message, 'empty.csv cannot be used: the file is empty');
  assert.match((await rejection(await write('blank.csv', '\n\n  \n'))).message, /no header row/);
  assert.match((await rejection(await write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).message, /legacy Excel 97-2003 workbook/);
  assert.match((await rejection(await write('fake.xlsx', 'supplier,country\nA,B\n'))).message, /named \.xlsx but is not an Excel workbook/);
  assert.match((await rejection(await write('export.xls', '<html><table><tr><td>x</td></tr></table></html>'))).message, /web page \(HTML\)/);
  assert.match((await rejection(await write('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)])))).message, /broken\.xlsx cannot be used: it (cannot be read as an Excel workbook|has no worksheet)/);
});

test('a text export named .xls is read as the CSV it is', async () => {
  const { file, records } = await readAll(await write('sap-export.xls', 'Vendor\tName 1\n100234\tAcme Ltd\n'));
  assert.equal(file.format, 'csv');
  assert.equal(records[0]!.cells['Name 1'], 'Acme Ltd');
});

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Read me').addRow(['Suppliers are on the next sheet']);
  const ws = wb.addWorksheet('Suppliers');
  ws.addRow(['Supplier', 'Country', 'Spend', 'Invoice date', 'Total', 'Notes', 'DUNS']);
  ws.addRow(['Acme Ltd', 'GB', 1234.5, new Date(Date.UTC(2025, 0, 15)), { formula: 'C2*2', result: 2469 }, { richText: [{ text: 'Bold ' }, { text: 'part' }] }, 150483782]);
  ws.addRow([]);
  ws.addRow(['Zeta Solar', 'China', 0.1 + 0.2, new Date(Date.UTC(2025, 5, 1, 13, 30)), null, 'multi\nline', null, 'stray']);
  await wb.xlsx.writeFile(path);
}

test('XLSX: chosen worksheet, numbers, dates, formulas and rich text as text, worksheet rows as lines', async () => {
  const path = join(dir, 'suppliers.xlsx');
  await workbook(path);
  const { file, records } = await readAll(path, { sheet: 'suppliers' });
  assert.equal(file.format, 'xlsx');
  assert.equal(file.sheet, 'Suppliers');
  assert.deepEqual(file.sheets, ['Read me', 'Suppliers']);
  assert.equal(file.decimalSeparator, '.');
  assert.deepEqual(file.headers, ['Supplier', 'Country', 'Spend', 'Invoice date', 'Total', 'Notes', 'DUNS']);
  assert.deepEqual(
    records.map((r) => [r.line, r.row, r.cells]),
    [
      [2, 1, { Supplier: 'Acme Ltd', Country: 'GB', Spend: '1234.5', 'Invoice date': '2025-01-15', Total: '2469', Notes: 'Bold part', DUNS: '150483782' }],
      [4, 2, { Supplier: 'Zeta Solar', Country: 'China', Spend: '0.3', 'Invoice date': '2025-06-01T13:30:00', Total: '', Notes: 'multi\nline', DUNS: '' }],
    ],
  );
  assert.deepEqual(records[0]!.issues, []);
  assert.deepEqual(records[1]!.issues.map((i) => [i.severity, i.value]), [['warning', 'stray']]);
  assert.equal(file.bytesRead(), file.totalBytes);

  const second = await openSupplierFile(path, { sheet: 2 });
  assert.equal(second.sheet, 'Suppliers');
  await second.close();
  const first = await previewFile(path);
  assert.equal(first.sheet, 'Read me');
  assert.deepEqual(first.headers, ['Suppliers are on the next sheet']);
  assert.equal((await rejection(path, { sheet: 'Vendors' })).message, 'suppliers.xlsx cannot be used: it has no worksheet "Vendors"; its worksheets are "Read me", "Suppliers"');
});

test('the preview gives the first ten rows and lets go of the file', async () => {
  const lines = ['supplier,spend', ...Array.from({ length: 25 }, (_, i) => `S${i + 1},${i + 1}`)];
  const path = await write('preview.csv', `${lines.join('\n')}\n`);
  const p = await previewFile(path, { name: 'My suppliers.csv' });
  assert.deepEqual(p.headers, ['supplier', 'spend']);
  assert.equal(p.sample.length, 10);
  assert.deepEqual(p.sample[9], ['S10', '10']);
  assert.equal(p.totalBytes, Buffer.byteLength(`${lines.join('\n')}\n`));
  await rm(path);
});
