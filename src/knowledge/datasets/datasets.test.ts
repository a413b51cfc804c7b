import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bundledCountries, checksumMatches, listCompiledFiles, readCompiledEdition, REFERENCE_DIR } from '../compiled-files.ts';
import { DATASET_IDS, ImportRejected, type FormatIssue } from '../dataset.ts';
import type { DatasetDefinition, ParsedEdition } from '../definition.ts';
import { DATASETS, datasetDefinition } from './index.ts';
import { normaliseTier } from './tip-tiers.ts';

const ctx = { countries: bundledCountries() };

function parse(definition: DatasetDefinition, ...files: [string, string][]): ParsedEdition {
  return definition.parse(files.map(([name, text]) => ({ name, text })), ctx);
}

interface Expected {
  file?: string;
  line?: number | null;
  field?: string | null;
  message?: RegExp;
}

/** Asserts the parse is rejected with (at least) an issue matching each expectation. */
function assertRejected(run: () => unknown, expected: Expected[]): FormatIssue[] {
  let issues: FormatIssue[] | undefined;
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof ImportRejected, `expected ImportRejected, got ${String(err)}`);
    issues = err.issues;
  }
  assert.ok(issues, 'expected the file to be rejected');
  for (const e of expected) {
    const hit = issues.find((i) =>
      (e.file === undefined || i.file === e.file) &&
      (e.line === undefined || i.line === e.line) &&
      (e.field === undefined || i.field === e.field) &&
      (e.message === undefined || e.message.test(i.message)));
    assert.ok(hit, `no issue like ${JSON.stringify({ ...e, message: e.message?.source })} in:\n${issues.map((i) => JSON.stringify(i)).join('\n')}`);
  }
  return issues;
}

test('every dataset has a definition whose table and columns follow the conventions', () => {
  for (const id of DATASET_IDS) {
    const d = datasetDefinition(id);
    assert.equal(d.id, id);
    assert.match(d.table, /^ref_[a-z0-9_]+$/);
    for (const c of d.columns) assert.match(c.name, /^[a-z][a-z0-9_]*$/);
    assert.ok(!d.columns.some((c) => c.name === 'row'), `${id} lists the implicit row column`);
  }
});

test('an empty file is rejected by every parser, naming line 1', () => {
  for (const id of DATASET_IDS) {
    assertRejected(() => parse(DATASETS[id], ['empty.txt', '']), [{ file: 'empty.txt', line: 1, message: /empty/ }]);
  }
});

describe('countries', () => {
  const d = DATASETS.countries;
  const header = 'code,alpha3,numeric,name,aliases\n';

  test('parses codes, names and "|"-separated aliases; an empty numeric is null', () => {
    const { rows } = parse(d, ['c.csv', `${header}BR,BRA,076,Brazil,\nXK,XKX,,Kosovo,Kosova|Republic of Kosovo\n`]);
    assert.deepEqual(rows, [
      { row: 2, code: 'BR', alpha3: 'BRA', numeric: '076', name: 'Brazil', aliases: [] },
      { row: 3, code: 'XK', alpha3: 'XKX', numeric: null, name: 'Kosovo', aliases: ['Kosova', 'Republic of Kosovo'] },
    ]);
    assert.deepEqual(d.stats(rows), { countries: 2 });
  });

  test('rejects bad codes and an alias that names two countries', () => {
    assertRejected(() => parse(d, ['c.csv', `${header}BR,BRA,76,Brazil,\nCG,COG,178,Republic of the Congo,Congo\nCD,COD,180,Democratic Republic of the Congo,Congo\n`]), [
      { line: 2, field: 'numeric' },
      { line: 4, field: 'aliases', message: /already names CG/ },
    ]);
  });
});

describe('tip-tiers', () => {
  const d = DATASETS['tip-tiers'];
  const header = 'year,country_name_as_published,iso_alpha2,tier\n';

  test('parses placements, resolves names without a code and normalises tier spellings', () => {
    const parsed = parse(d, ['tip.csv', `${header}2023,Burma,MM,3\n2023,"Korea, South",,Tier 1\n2024,Congo (DRC),CD,Tier 2 Watch List\n2024,Libya,LY,Special Case\n`]);
    assert.deepEqual(parsed.rows, [
      { row: 2, year: 2023, country_code: 'MM', country_name: 'Burma', tier: '3' },
      { row: 3, year: 2023, country_code: 'KR', country_name: 'Korea, South', tier: '1' },
      { row: 4, year: 2024, country_code: 'CD', country_name: 'Congo (DRC)', tier: '2WL' },
      { row: 5, year: 2024, country_code: 'LY', country_name: 'Libya', tier: 'special_case' },
    ]);
    assert.equal(parsed.edition, '2024');
    assert.deepEqual(d.stats(parsed.rows), { years: 2, placements: 4, placements_2023: 2, placements_2024: 2 });
  });

  test('tier spellings', () => {
    assert.equal(normaliseTier('Tier 2 Watch List'), '2WL');
    assert.equal(normaliseTier('tier_2wl'), '2WL');
    assert.equal(normaliseTier('Tier 1'), '1');
    assert.equal(normaliseTier('special_case'), 'special_case');
    assert.equal(normaliseTier('Tier 4'), null);
  });

  test('reports every bad row: unknown country, bad tier, code disagreeing with the name, duplicate, cut-off line', () => {
    const text = `${header}2023,Atlantis,,1\n2023,Brazil,BR,Tier 4\n2023,Burma,TH,3\n2023,Chile,CL,1\n2023,Chile,,2\n2024,Bra`;
    const issues = assertRejected(() => parse(d, ['tip.csv', text]), [
      { file: 'tip.csv', line: 2, field: 'country_name_as_published', message: /unknown country "Atlantis"/ },
      { line: 3, field: 'tier', message: /Tier 4/ },
      { line: 4, field: 'iso_alpha2', message: /disagrees/ },
      { line: 6, field: 'iso_alpha2', message: /already placed for 2023 on line 5/ },
      { line: 7, field: null, message: /cut off/ },
    ]);
    assert.equal(issues.length, 5);
  });

  test('rejects a file of another kind by its header', () => {
    assertRejected(() => parse(d, ['gsi.csv', 'Country,Population\nBrazil,1\n']), [{ line: 1, message: /header/ }]);
  });
});

describe('ilab-tvpra', () => {
  const d = DATASETS['ilab-tvpra'];
  const country = (name: string, cl: string, fl: string, fcl: string, derived = 'No', derivedCountry = 'No') =>
    `      <Country>
        <Country_Name>${name}</Country_Name>
        <Country_Region>Somewhere</Country_Region>
        <Child_Labor>${cl}</Child_Labor>
        <Forced_Labor>${fl}</Forced_Labor>
        <Forced_Child_Labor>${fcl}</Forced_Child_Labor>
        <Derived_Labor_Exploitation>${derived}</Derived_Labor_Exploitation>
        <Derived_Country>${derivedCountry}</Derived_Country>
      </Country>`;
  const good = (name: string, sector: string, ...countries: string[]) =>
    `  <Good>\n    <Good_Name>${name}</Good_Name>\n    <Good_Sector>${sector}</Good_Sector>\n    <Countries>\n${countries.join('\n')}\n    </Countries>\n  </Good>`;
  const xml = (...goods: string[]) => `<Goods>\n${goods.join('\n')}\n</Goods>\n`;
  // Lines: <Goods> 1, <Good> 2, name 3, sector 4, <Countries> 5, first <Country> 6, next <Country> 15, …
  const sample = xml(
    good('Polysilicon', 'Manufacturing', country('China', 'No', 'Yes', 'No')),
    good('Solar Cells', 'Manufacturing', country('China', 'No', 'No', 'No', 'Yes', 'China')),
    good('Cotton', 'Agriculture', country('Burma', 'Yes', 'Yes', 'Yes'), country('Benin', 'No', 'No', 'No')),
  );

  test('parses listed goods, downstream goods with their input, and skips rows not on the list', () => {
    const parsed = parse(d, ['goods.xml', sample]);
    const base = { region: 'Somewhere', input_good: null, input_country_code: null, downstream: false };
    assert.deepEqual(parsed.rows, [
      { ...base, row: 6, good: 'Polysilicon', sector: 'Manufacturing', country_code: 'CN', country_name: 'China', child_labor: false, forced_labor: true, forced_child_labor: false },
      { ...base, row: 21, good: 'Solar Cells', sector: 'Manufacturing', country_code: 'CN', country_name: 'China', child_labor: false, forced_labor: false, forced_child_labor: false, downstream: true, input_good: 'Polysilicon', input_country_code: 'CN' },
      { ...base, row: 36, good: 'Cotton', sector: 'Agriculture', country_code: 'MM', country_name: 'Burma', child_labor: true, forced_labor: true, forced_child_labor: true },
    ]);
    assert.equal(parsed.edition, undefined);
    assert.deepEqual(parsed.statsFromFile, { not_listed: 1 });
    assert.deepEqual(d.stats(parsed.rows), { goods: 2, countries: 2, pairs: 2, downstream: 1, child_labor: 1, forced_labor: 2, forced_child_labor: 1 });
  });

  test('rejects a file cut off mid-element, naming the last line', () => {
    const cut = sample.slice(0, sample.indexOf('<Forced_Labor>Yes</Forced_Labor>') + '<Forced_La'.length);
    const lastLine = cut.split('\n').length;
    assertRejected(() => parse(d, ['goods.xml', cut]), [{ line: lastLine, message: /ends inside <Goods> <Good> <Countries> <Country>: it looks cut off/ }]);
  });

  test('reports a Yes/No field that is neither, an unknown country, and a downstream good whose input is not listed', () => {
    const bad = xml(
      good('Cotton', 'Agriculture', country('Atlantis', 'yes', 'No', 'No')),
      good('Solar Cells', 'Manufacturing', country('China', 'No', 'No', 'No', 'Yes', 'China')),
    );
    assertRejected(() => parse(d, ['goods.xml', bad]), [
      { line: 7, field: 'Country_Name', message: /Atlantis/ },
      { line: 9, field: 'Child_Labor', message: /exactly Yes or No/ },
      { line: 28, field: 'Derived_Country', message: /does not list Polysilicon/ },
    ]);
  });

  test('rejects XML of another kind and a file that is not XML', () => {
    assertRejected(() => parse(d, ['countries.xml', '<Countries>\n<Country/>\n</Countries>\n']), [{ line: 1, message: /root element <Goods>/ }]);
    assertRejected(() => parse(d, ['goods.csv', 'good,country\nCotton,Benin\n']), [{ line: 1, message: /not an XML file/ }]);
  });
});

describe('gsi', () => {
  const d = DATASETS.gsi;
  const header = '  Country ,Population,Region,"Estimated prevalence of modern slavery per 1,000 population",Estimated number of people in modern slavery\n';

  test('recognises padded headers and reads padded numbers, dashes and blanks', () => {
    const { rows } = parse(d, ['gsi.csv', `${header}Afghanistan,"  38,928,000 ",Asia and the Pacific,13.0,"505,000"\nPalau,  -   ,Asia and the Pacific,,\nViet Nam,"  97,339,000 ",Asia and the Pacific,4.1,"396,000"`]);
    assert.deepEqual(rows, [
      { row: 2, country_code: 'AF', country_name: 'Afghanistan', region: 'Asia and the Pacific', population: 38928000, prevalence_per_1000: 13, estimated_number: 505000 },
      { row: 3, country_code: 'PW', country_name: 'Palau', region: 'Asia and the Pacific', population: null, prevalence_per_1000: null, estimated_number: null },
      { row: 4, country_code: 'VN', country_name: 'Viet Nam', region: 'Asia and the Pacific', population: 97339000, prevalence_per_1000: 4.1, estimated_number: 396000 },
    ]);
    assert.deepEqual(d.stats(rows), { countries: 3, with_estimates: 2 });
  });

  test('accepts the columns in another order', () => {
    const { rows } = parse(d, ['gsi.csv', 'Region,Country,Estimated number of people in modern slavery,Population,Estimated prevalence of modern slavery per 1000 population\nAfrica,Angola,"136,000","32,866,000",4.1\n']);
    assert.equal(rows[0]!.estimated_number, 136000);
    assert.equal(rows[0]!.population, 32866000);
  });

  test('reports a non-numeric population and an unknown country', () => {
    assertRejected(() => parse(d, ['gsi.csv', `${header}Albania,about 3 million,Europe,11.8,"34,000"\nNarnia,"1,000",Europe,1.0,1\n`]), [
      { line: 2, field: 'Population', message: /"about 3 million" is not a number/ },
      { line: 3, field: 'Country', message: /Narnia/ },
    ]);
  });

  test('rejects a file without the expected columns', () => {
    assertRejected(() => parse(d, ['tip.csv', 'year,country_name_as_published,iso_alpha2,tier\n2023,Burma,MM,3\n']), [{ line: 1, field: 'population' }]);
  });
});

describe('hs', () => {
  const d = DATASETS.hs;
  const codes = 'section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nI,0101,"Horses, asses, mules and hinnies; live",01,4\nI,010121,"Horses; live, pure-bred breeding animals",0101,6\nTOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5\n';
  const sections = '\uFEFFsection,name\nI,live animals; animal products\n';

  test('reads codes and sections in either order, skipping the total', () => {
    const { rows } = parse(d, ['harmonized-system.csv', codes], ['sections.csv', sections]);
    assert.deepEqual(rows, [
      { row: 2, code: 'I', level: 0, parent: null, section: 'I', description: 'live animals; animal products' },
      { row: 2, code: '01', level: 2, parent: null, section: 'I', description: 'Animals; live' },
      { row: 3, code: '0101', level: 4, parent: '01', section: 'I', description: 'Horses, asses, mules and hinnies; live' },
      { row: 4, code: '010121', level: 6, parent: '0101', section: 'I', description: 'Horses; live, pure-bred breeding animals' },
    ]);
    assert.deepEqual(parse(d, ['sections.csv', sections], ['harmonized-system.csv', codes]).rows, rows);
    assert.deepEqual(d.stats(rows), { sections: 1, chapters: 1, headings: 1, subheadings: 1 });
    assert.equal(parse(d, ['harmonized-system.csv', codes]).rows.length, 3);
  });

  test('reports a parent that does not match, a missing parent, wrong digits and a duplicate', () => {
    const bad = 'section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nI,0102,Bovine animals; live,03,4\nI,030211,Trout,0302,6\nI,010,Odd,01,4\nI,01,Animals again,TOTAL,2\n';
    assertRejected(() => parse(d, ['harmonized-system.csv', bad]), [
      { file: 'harmonized-system.csv', line: 3, field: 'parent', message: /must be 01/ },
      { line: 4, field: 'parent', message: /0302 is not in the file/ },
      { line: 5, field: 'hscode', message: /not 4 digits/ },
      { line: 6, field: 'hscode', message: /already on line 2/ },
    ]);
  });

  test('rejects a file that is neither codes nor sections', () => {
    assertRejected(() => parse(d, ['cpv.csv', 'code,description\n03000000-1,Agricultural products\n']), [{ file: 'cpv.csv', line: 1, message: /not an HS file/ }]);
  });
});

describe('cpv', () => {
  const d = DATASETS.cpv;
  const expected = [
    { row: 1, code: '03000000', check_digit: '1', description: 'Agricultural, farming, fishing, forestry and related products', level: 2, parent: null },
    { row: 2, code: '03100000', check_digit: '2', description: 'Agricultural and horticultural products', level: 3, parent: '03000000' },
    { row: 3, code: '03111000', check_digit: '2', description: 'Seeds', level: 5, parent: '03100000' },
  ];

  test('reads the JSON object, with levels from trailing zeros and the nearest ancestor as parent', () => {
    const { rows } = parse(d, ['cpv.json', '{"03000000-1": "Agricultural, farming, fishing, forestry and related products", "03100000-2": "Agricultural and horticultural products", "03111000-2": "Seeds"}']);
    assert.deepEqual(rows, expected);
    assert.deepEqual(d.stats(rows), { codes: 3, divisions: 1 });
  });

  test('reads the CSV the same way, rows numbered by line', () => {
    const { rows } = parse(d, ['cpv.csv', 'code,description\r\n03000000-1,"Agricultural, farming, fishing, forestry and related products"\r\n03100000-2,Agricultural and horticultural products\r\n03111000-2,Seeds\r\n']);
    assert.deepEqual(rows, expected.map((r) => ({ ...r, row: r.row + 1 })));
  });

  test('reports a malformed code and a code with no ancestor, by line', () => {
    assertRejected(() => parse(d, ['cpv.csv', 'code,description\n03000000-1,Agricultural products\n0310000-2,Short code\n45000000-7,Construction work\n09100000-0,Fuels\n']), [
      { line: 3, field: 'code', message: /not a CPV code/ },
      { line: 5, field: 'code', message: /no ancestor/ },
    ]);
    assertRejected(() => parse(d, ['cpv.json', '{\n  "03000000-1": "Agricultural products",\n  "03100000": "Agricultural and horticultural products"\n}\n']), [
      { line: 3, field: 'code', message: /"03100000" is not a CPV code/ },
    ]);
  });

  test('rejects a JSON file cut off mid-entry, naming the line', () => {
    assertRejected(() => parse(d, ['cpv.json', '{\n  "03000000-1": "Agricultural products",\n  "03100000-2": "Agricultural and hor']), [{ line: 3, message: /ends early/ }]);
  });
});

describe('ilo-indicators', () => {
  const d = DATASETS['ilo-indicators'];

  test('parses numbered indicators', () => {
    const { rows } = parse(d, ['ilo.csv', 'number,key,name,description\n1,deception,Deception,"Lied to about the job, pay or place."\n']);
    assert.deepEqual(rows, [{ row: 2, number: 1, key: 'deception', name: 'Deception', description: 'Lied to about the job, pay or place.' }]);
  });

  test('rejects a line cut off inside a quoted description', () => {
    assertRejected(() => parse(d, ['ilo.csv', 'number,key,name,description\n1,deception,Deception,"Lied to\n']), [{ line: 2, message: /never closed/ }]);
  });
});

describe('committed compiled editions in reference/', () => {
  const editions = listCompiledFiles(REFERENCE_DIR).map(readCompiledEdition);
  const load = (dataset: string) => {
    const found = editions.filter((e) => e.dataset === dataset);
    assert.equal(found.length, 1, `expected one compiled ${dataset} edition, found ${found.length}`);
    return found[0]!;
  };

  test('every dataset has one edition whose rows match its checksum', () => {
    for (const id of DATASET_IDS) {
      const e = load(id);
      assert.equal(e.dataset, id);
      assert.equal(e.rowCount, e.rows.length);
      assert.ok(checksumMatches(e), `${id}: checksum does not match the rows`);
      assert.deepEqual(e.stats, { ...e.stats, ...DATASETS[id].stats(e.rows) }, `${id}: stats differ from the rows`);
    }
  });

  test('the headline figures match the publishers', () => {
    const ilab = load('ilab-tvpra');
    assert.equal(ilab.stats.goods, 159);
    assert.equal(ilab.stats.countries, 78);
    assert.equal(ilab.stats.downstream, 10);
    const tip = load('tip-tiers');
    assert.equal(tip.stats.placements_2025, 188);
    assert.equal(tip.stats.placements_2023, 188);
    assert.equal(tip.provenance.edition, '2025');
    assert.equal(load('gsi').stats.countries, 180);
    assert.deepEqual(load('hs').stats, { sections: 21, chapters: 97, headings: 1229, subheadings: 5613 });
    assert.equal(load('cpv').stats.codes, 9454);
    assert.equal(load('ilo-indicators').stats.indicators, 11);
    const countries = load('countries');
    assert.ok(countries.stats.countries! >= 250);
    assert.ok(countries.rows.some((r) => r.code === 'XK'));
  });
});
