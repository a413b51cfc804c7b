// Watchlist forms: thresholds as people type them, a new list's body, a list file's format, header row and
// column mapping, and a rejected file's issues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMPTY_LIST,
  EMPTY_LIST_MAPPING,
  csvHeaders,
  editionLabel,
  formatOfFile,
  guessListMapping,
  issuesOf,
  listFileProblem,
  newListBody,
  parseThreshold,
  slugFrom,
  tableMappingOf,
  versionQuery,
} from './watchlists.ts';

test('a threshold is read as people write it, and kept within what the engine is meant for', () => {
  assert.deepEqual(parseThreshold('0.85'), { value: 0.85 });
  assert.deepEqual(parseThreshold(' 0,9 '), { value: 0.9 });
  assert.deepEqual(parseThreshold('92%'), { value: 0.92 });
  assert.deepEqual(parseThreshold('88'), { value: 0.88 });
  assert.deepEqual(parseThreshold('1'), { value: 1 });
  assert.match((parseThreshold('0.3') as { error: string }).error, /between 0.5 and 1/);
  assert.match((parseThreshold('high') as { error: string }).error, /“high” is not a number/);
  assert.match((parseThreshold('') as { error: string }).error, /Enter a threshold/);
});

test('a new list needs a name, a readable id, a basis and a threshold; optional facts are left out when empty', () => {
  assert.equal(slugFrom('Fornecedores barrados — São Paulo (2025)'), 'fornecedores-barrados-sao-paulo-2025');
  const ok = newListBody({ ...EMPTY_LIST, name: 'Barred suppliers', basis: 'Our supplier code, §4', threshold: '0.9', publisher: ' Compliance ' });
  assert.deepEqual(ok, { body: { slug: 'barred-suppliers', name: 'Barred suppliers', signal: 'soft', basis: 'Our supplier code, §4', threshold: 0.9, publisher: 'Compliance' }, errors: {} });
  const bad = newListBody({ ...EMPTY_LIST, name: '', slug: 'Bad Slug!', threshold: '2x', sourceUrl: 'ftp://x' });
  assert.equal(bad.body, null);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['basis', 'name', 'slug', 'sourceUrl', 'threshold']);
});

test('a list file’s format follows its name; anything else is refused before the upload', () => {
  assert.equal(formatOfFile('opensanctions.jsonl'), 'ftm');
  assert.equal(formatOfFile('entities.ftm.json'), 'ftm');
  assert.equal(formatOfFile('Barred.XLSX'), 'table');
  assert.equal(formatOfFile('cadastro.csv'), 'table');
  assert.equal(formatOfFile('list.pdf'), null);
  assert.match(listFileProblem({ name: 'list.pdf', size: 10 })!, /neither a table/);
  assert.match(listFileProblem({ name: 'list.csv', size: 0 })!, /empty/);
  assert.equal(listFileProblem({ name: 'list.csv', size: 10 }), null);
  assert.equal(editionLabel(null), 'No version loaded yet');
  assert.equal(editionLabel({ edition: '2025-06', publishedOn: '2025-06-03' }), '2025-06 (published 3 June 2025)');
});

test('a CSV’s header row is read whatever its separator and quoting, and the columns are guessed', async () => {
  assert.deepEqual(await csvHeaders('\uFEFFName,Aliases,Country,Registration number,Type\r\nAcme,,CN,1,company\n'), ['Name', 'Aliases', 'Country', 'Registration number', 'Type']);
  assert.deepEqual(await csvHeaders('"Razão Social";"CNPJ/CPF";"UF"\n"x";"y";"z"'), ['Razão Social', 'CNPJ/CPF', 'UF']);
  assert.deepEqual(await csvHeaders('entity\tcountry\n'), ['entity', 'country']);
  assert.deepEqual(await csvHeaders(''), []);
  const guess = guessListMapping(['ID', 'Company name', 'Also known as', 'Country', 'Kind']);
  assert.equal(guess.name, 'Company name');
  assert.equal(guess.aliases, 'Also known as');
  assert.equal(guess.country, 'Country');
  assert.equal(guess.identifier, 'ID');
  assert.equal(guess.type, 'Kind');
  assert.equal(guessListMapping(['Foo', 'Bar']).name, '', 'nothing is guessed from unrelated headers');
});

test('the table mapping needs the name column, uses each column once, and travels in the query', () => {
  assert.match((tableMappingOf(EMPTY_LIST_MAPPING) as { error: string }).error, /which column holds the name/);
  assert.match((tableMappingOf({ ...EMPTY_LIST_MAPPING, name: 'Name', aliases: 'Name' }) as { error: string }).error, /“Name” is chosen twice/);
  const { mapping } = tableMappingOf({ ...EMPTY_LIST_MAPPING, name: 'Name', country: 'Country', identifier: 'CNPJ', identifierScheme: 'company_number', defaultType: 'company' }) as {
    mapping: object;
  };
  assert.deepEqual(mapping, { name: 'Name', country: 'Country', identifiers: [{ column: 'CNPJ', scheme: 'company_number' }], defaultType: 'company' });
  const q = new URLSearchParams(versionQuery('table', ' 2025-06 ', { name: 'Name' }));
  assert.equal(q.get('format'), 'table');
  assert.equal(q.get('edition'), '2025-06');
  assert.deepEqual(JSON.parse(q.get('mapping')!), { name: 'Name' });
  assert.equal(new URLSearchParams(versionQuery('ftm', '', { name: 'Name' })).get('mapping'), null, 'only a table sends a mapping');
});

test('a rejected file’s issues are read from the problem, malformed ones left out', () => {
  const issues = issuesOf({
    title: 'Bad file',
    issues: [
      { file: 'list.csv', line: 3, field: 'Country', value: 'Atlantis', message: 'Unknown country' },
      { file: 'list.csv', line: 5, field: null, value: null, message: 'Name is empty' },
      { line: 9 },
      'nonsense',
    ],
  });
  assert.deepEqual(issues, [
    { file: 'list.csv', line: 3, field: 'Country', value: 'Atlantis', message: 'Unknown country' },
    { file: 'list.csv', line: 5, field: null, value: null, message: 'Name is empty' },
  ]);
  assert.deepEqual(issuesOf({}), []);
});
