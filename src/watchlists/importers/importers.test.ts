// The three list importers over synthetic files: what they read, and how they name what they cannot.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { BR_MTE_HEADER, BR_MTE_ROWS, BR_MTE_SECTION_II_ROW, brMteOfficial, ftmText, SECTION_I, writeListFile } from '../../../test/watchlist-files.ts';
import { bundledCountries } from '../../knowledge/compiled-files.ts';
import type { TableMapping, WatchlistFormat } from '../types.ts';
import { parseWatchlistFile } from './index.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-list-importers-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function parse(format: WatchlistFormat, content: string | Buffer, name = `list-${++n}.txt`, mapping?: TableMapping) {
  const path = await writeListFile(dir, name, content);
  return parseWatchlistFile(path, format, { file: name, countries: bundledCountries(), mapping });
}

describe('FollowTheMoney JSON lines', () => {
  test('listed entities with their names, countries, identifiers and the facts of helper entities', async () => {
    const r = await parse('ftm', ftmText(), 'entities.ftm.json');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entities.map((e) => [e.key, e.type, e.sourceRow]), [['fic-co-1', 'company', 2], ['fic-pe-1', 'person', 3], ['fic-ve-1', 'unknown', 5], ['fic-org-1', 'company', 8]]);
    const [company, person, vessel, org] = r.entities;
    assert.equal(company!.name, 'Fictional Silicon Industry Co., Ltd.');
    assert.deepEqual(company!.aliases, ['FSI Co.', 'Fictional Silicon']);
    assert.deepEqual(company!.countries, ['CN'], 'FtM writes lower case; Vigil upper case');
    assert.deepEqual(company!.identifiers, [{ scheme: 'company_number', value: '91650000FIC0000001', country: 'CN' }]);
    // The sanction comes after its entity in the file; the address before it.
    assert.equal(company!.properties['sanction.program'], 'Fictional Forced Labour Programme');
    assert.equal(company!.properties['sanction.startDate'], '2031-01-01');
    assert.equal(company!.properties.address, '1 Imaginary Road, Fictown');
    assert.equal(company!.properties.topics, 'sanction');
    assert.equal(company!.properties.datasets, 'fictional_list');
    assert.equal(company!.properties.lastSeen, '2032-03-01T00:00:00');
    assert.deepEqual(person!.countries, ['XK'], 'Kosovo\'s user-assigned code is known; the Soviet Union\'s "suhh" is not');
    assert.equal(person!.birthDate, '1961-04-12');
    assert.deepEqual(person!.aliases, ['Иван Воображаемов']);
    assert.deepEqual(vessel!.identifiers, [{ scheme: 'imo', value: 'IMO 9999999', country: null }]);
    assert.equal(vessel!.properties.schema, 'Vessel');
    assert.deepEqual(org!.identifiers, [{ scheme: 'tax_id', value: '7700000000', country: 'RU' }]);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.field, w.value]),
      [[6, 'schema', 'Airplane'], [3, 'properties.country', 'suhh'], [7, 'target', 'false']],
    );
  });

  test('nested exports carry sanctions inside their entity', async () => {
    const r = await parse('ftm', ftmText([{ id: 'n1', schema: 'Person', properties: { name: ['Nested Fiction'], sanctions: [{ id: 's', schema: 'Sanction', properties: { program: ['Nested Programme'], reason: ['Listed'] } }] } }]));
    assert.equal(r.entities[0]!.properties['sanction.program'], 'Nested Programme');
  });

  test('every malformed line is named with its line, property and value', async () => {
    const r = await parse('ftm', ftmText([
      { id: 'ok', schema: 'Company', properties: { name: ['Good Fiction Ltd'] } },
      '{"id": "broken", ',
      { id: 'no-name', schema: 'Person', properties: { name: [] } },
      { id: 'ok', schema: 'Company', properties: { name: ['Again'] } },
      { schema: 'Company', properties: { name: ['No Id'] } },
      { id: 'str', schema: 'Company', properties: { name: 'Not A List' } },
      '[1, 2]',
      '',
      { id: 'no-schema', properties: {} },
    ]), 'bad.json');
    assert.deepEqual(r.errors.map((e) => [e.file, e.line, e.field, e.value]), [
      ['bad.json', 2, null, '{"id": "broken",'],
      ['bad.json', 3, 'properties.name', null],
      ['bad.json', 4, 'id', 'ok'],
      ['bad.json', 5, 'id', null],
      ['bad.json', 6, 'properties.name', '"Not A List"'],
      ['bad.json', 7, null, '[1, 2]'],
      ['bad.json', 9, 'schema', null],
    ]);
    assert.match(r.errors[0]!.message, /not valid JSON/);
    assert.match(r.errors[2]!.message, /appears again \(first on line 1\)/);
  });
});

describe('the Brazil register (Cadastro de Empregadores)', () => {
  test('the official layout: preamble, sections, a row over two lines, a footnote; companies by CNPJ, people by CPF', async () => {
    const r = await parse('br-mte', brMteOfficial(), 'cadastro.csv');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entities.map((e) => [e.key, e.type, e.sourceRow, e.properties.section]), [
      ['br-mte:11222333000181', 'company', 5, 'I'],
      ['br-mte:11144477735', 'person', 7, 'I'],
      ['br-mte:44555666000181', 'company', 8, 'I'],
      ['br-mte:77888999000181', 'company', 9, 'I'],
      ['br-mte:22255588846', 'person', 11, 'II'],
    ]);
    const first = r.entities[0]!;
    assert.equal(first.name, 'Carvoaria Fictícia Serra Azul Ltda.');
    assert.deepEqual(first.countries, ['BR']);
    assert.deepEqual(first.identifiers, [{ scheme: 'company_number', value: '11.222.333/0001-81', country: 'BR' }]);
    assert.deepEqual(first.properties, {
      registerId: 1, section: 'I', sectionTitle: SECTION_I, uf: 'MG', inspectionYear: 2030, establishment: 'Fazenda Imaginária, zona rural, Cidade Fictícia/MG',
      workers: 12, cnae: '0210-1/08', decisionDate: '2031-12-09', includedOn: '2031-10-05',
    });
    assert.deepEqual(r.entities[1]!.identifiers, [{ scheme: 'tax_id', value: '111.444.777-35', country: 'BR' }]);
    assert.equal(r.entities[4]!.properties.includedOn, '03/04/2030 a 11/02/2032', 'several dates are kept as written');
    assert.deepEqual(r.warnings.map((w) => [w.line, w.field]), [[8, 'CNPJ/CPF'], [12, null]]);
  });

  test('Windows-1252 with semicolons, UTF-8 with a BOM and commas, and tabs read alike', async () => {
    const read = async (o: Parameters<typeof brMteOfficial>[0]) => (await parse('br-mte', brMteOfficial(o))).entities;
    const latin = await read({ encoding: 'windows-1252', delimiter: ';' });
    assert.equal(latin[2]!.name, 'Confecções Exemplo Têxtil Ltda.');
    assert.deepEqual(await read({ encoding: 'utf-8-bom', delimiter: ',' }), latin);
    assert.deepEqual(await read({ encoding: 'utf-8', delimiter: '\t' }), latin);
    // A title line with no delimiter at all (that even names CNPJ/CPF) does not hide the header's semicolons.
    const titled = await parse('br-mte', `Cadastro de Empregadores (CNPJ/CPF)\r\n${brMteOfficial({ encoding: 'utf-8' }).toString('utf8')}`);
    assert.deepEqual(titled.entities.map((e) => [e.key, e.name]), latin.map((e) => [e.key, e.name]));
  });

  test('the flattened layout with a section column', async () => {
    const header = 'section,id,ano_acao_fiscal,uf,empregador,cnpj_cpf,estabelecimento,trabalhadores_envolvidos,cnae,decisao_administrativa_procedencia,inclusao_no_cadastro';
    const row = (section: string, cells: readonly string[]) => [section, ...cells].map((c) => (/[,\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const text = [header, row('I (art. 2 caput)', BR_MTE_ROWS[1]!), row('II (art. 5 par. 3 - court decision / TAC)', BR_MTE_SECTION_II_ROW)].join('\n');
    const r = await parse('br-mte', text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entities.map((e) => [e.key, e.properties.section, e.properties.sectionTitle, e.properties.workers]), [
      ['br-mte:11144477735', 'I', 'I (art. 2 caput)', 7],
      ['br-mte:22255588846', 'II', 'II (art. 5 par. 3 - court decision / TAC)', 2],
    ]);
  });

  test('an employer listed twice is one entity, its other name an alias and its workers added up', async () => {
    const again = ['5', '2028', 'SP', 'Carvoaria Serra Azul', '11.222.333/0001-81', 'Outra fazenda, SP', '3', '0210-1/08', '01/02/2029', '05/04/2029'];
    const r = await parse('br-mte', brMteOfficial({ rows: [...BR_MTE_ROWS, again] }));
    const merged = r.entities.filter((e) => e.key === 'br-mte:11222333000181');
    assert.equal(merged.length, 1);
    assert.deepEqual(merged[0]!.aliases, ['Carvoaria Serra Azul']);
    assert.equal(merged[0]!.properties.workers, 15);
    assert.equal(merged[0]!.properties.registerId, '1 | 5');
    assert.ok(r.warnings.some((w) => w.line === 10 && /lists 11\.222\.333\/0001-81 again \(first on line 5\)/.test(w.message)));
  });

  test('a bad CNPJ, a missing name, a bad ID and an unknown header are errors that name line, field and value', async () => {
    const rows = BR_MTE_ROWS.map((r) => [...r]);
    rows[0]![4] = '11.222.333/0001-80';
    rows[2]![3] = '   ';
    rows[3]![0] = 'x4';
    const r = await parse('br-mte', brMteOfficial({ rows }), 'cadastro-errado.csv');
    assert.deepEqual(r.errors.map((e) => [e.file, e.line, e.field, e.value]), [
      ['cadastro-errado.csv', 5, 'CNPJ/CPF', '11.222.333/0001-80'],
      ['cadastro-errado.csv', 8, 'Empregador', null],
      ['cadastro-errado.csv', 9, 'ID', 'x4'],
    ]);
    const unknown = await parse('br-mte', brMteOfficial({ header: ['Código', 'Nome', 'Documento'] }), 'outra-lista.csv');
    assert.equal(unknown.errors.length, 1);
    assert.equal(unknown.errors[0]!.file, 'outra-lista.csv');
    assert.match(unknown.errors[0]!.message, /none of its first \d+ non-blank rows is the expected header row.*Empregador and CNPJ\/CPF/);
    const noDocument = await parse('br-mte', `ID;Empregador;CNPJ/CPF\n1;Fiction Ltda.;\n`);
    assert.deepEqual(noDocument.errors.map((e) => [e.line, e.field]), [[2, 'CNPJ/CPF']]);
    assert.equal(BR_MTE_HEADER.length, 10);
  });
});

describe('a table with a column mapping', () => {
  const MAPPING: TableMapping = { name: 'Name', aliases: 'Also known as', type: 'Kind', country: 'Country', identifiers: [{ column: 'LEI', scheme: 'lei' }], birthDate: 'Born', id: 'Ref' };

  test('names, aliases split on | and ;, types, countries by name or code, identifiers, extra columns kept', async () => {
    const csv = [
      'Ref,Name,Also known as,Kind,Country,LEI,Born,Listed for',
      'R1,Imaginary Garments Ltd,IG Ltd | Imaginary Garments; IGL,company,Bangladesh,5493001KJTIIGC8Y1R12,,Passports withheld',
      'R2,Jane Fiction,,individual,"Korea, Republic of|MM",,1970-05,Recruitment fees',
    ].join('\n');
    const r = await parse('table', csv, 'own.csv', MAPPING);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entities, [
      { key: 'R1', type: 'company', name: 'Imaginary Garments Ltd', aliases: ['IG Ltd', 'Imaginary Garments', 'IGL'], countries: ['BD'], identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12', country: 'BD' }], birthDate: null, properties: { 'Listed for': 'Passports withheld' }, sourceRow: 2 },
      { key: 'R2', type: 'person', name: 'Jane Fiction', aliases: [], countries: ['KR', 'MM'], identifiers: [], birthDate: '1970-05', properties: { 'Listed for': 'Recruitment fees' }, sourceRow: 3 },
    ]);
  });

  test('without an id column the key is a hash of name and countries, so a repeat is skipped with a warning', async () => {
    const r = await parse('table', 'Name,Country\nFiction Fisheries,TH\nFiction Fisheries,TH\nFiction Fisheries,MM\n', 'x.csv', { name: 'name', country: 'Country' });
    assert.equal(r.entities.length, 2);
    assert.match(r.entities[0]!.key, /^h:[\w-]{16}$/);
    assert.notEqual(r.entities[0]!.key, r.entities[1]!.key);
    assert.deepEqual(r.warnings.map((w) => [w.line, w.message]), [[3, 'the same name and countries as line 2: skipped as a repeat']]);
  });

  test('problems are named by line, column and value; a mapping naming a missing column is refused', async () => {
    const csv = ['Ref,Name,Also known as,Kind,Country,LEI,Born', 'R1,,,,,,', 'R2,Fiction A,,robot,Atlantis,NOT-A-LEI,12/05/1970', 'R2,Fiction B,,,,,'].join('\n');
    const r = await parse('table', csv, 'bad.csv', MAPPING);
    assert.deepEqual(r.errors.map((e) => [e.line, e.field, e.value]), [
      [2, 'Name', null],
      [3, 'Kind', 'robot'],
      [3, 'Country', 'Atlantis'],
      [3, 'LEI', 'NOT-A-LEI'],
      [3, 'Born', '12/05/1970'],
      [4, 'Ref', 'R2'],
    ]);
    const missing = await parse('table', 'Name\nX\n', 'm.csv', { name: 'Company name', country: 'Land' });
    assert.deepEqual(missing.errors.map((e) => [e.line, e.field, e.value]), [[1, 'name', 'Company name'], [1, 'country', 'Land']]);
    assert.match(missing.errors[0]!.message, /no column "Company name"; its columns are "Name"/);
  });

  test('an XLSX workbook reads like a CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('List');
    ws.addRow(['Name', 'Country']);
    ws.addRow(['Imaginary Cocoa SARL', "Côte d'Ivoire"]);
    const path = join(dir, 'list.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await parseWatchlistFile(path, 'table', { file: 'list.xlsx', countries: bundledCountries(), mapping: { name: 'Name', country: 'Country' } });
    assert.deepEqual(r.entities.map((e) => [e.name, e.countries, e.sourceRow]), [['Imaginary Cocoa SARL', ['CI'], 2]]);
  });
});
