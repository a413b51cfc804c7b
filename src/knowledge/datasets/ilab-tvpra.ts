// US DOL ILAB List of Goods Produced by Child Labor or Forced Labor (the TVPRA list), read from the XML behind
// ILAB's Sweat & Toil app. One row per good and country on the list, including the downstream goods made from
// a listed input (e.g. solar modules from Chinese polysilicon).
import { SaxesParser } from 'saxes';
import { IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParseContext, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, resolveCountry } from './source-files.ts';

/**
 * The input each downstream good of the 2022 list is made from, as ILAB names it; the XML says only which
 * country the input comes from. Keys are lower case.
 */
export const DOWNSTREAM_INPUTS: Readonly<Record<string, string>> = {
  'lithium-ion batteries': 'Cobalt ore (heterogenite)',
  'photovoltaic ingots': 'Polysilicon',
  'photovoltaic wafers': 'Polysilicon',
  'solar cells': 'Polysilicon',
  'solar modules': 'Polysilicon',
  'crude palm oil': 'Palm Fruit',
  'crude palm kernel oil': 'Palm Fruit',
  'refined palm oil': 'Palm Fruit',
  'refined palm kernel oil': 'Palm Fruit',
  'oleochemicals': 'Palm Fruit',
};

const COUNTRY_FIELDS = ['Country_Name', 'Country_Region', 'Child_Labor', 'Forced_Labor', 'Forced_Child_Labor', 'Derived_Labor_Exploitation', 'Derived_Country'] as const;
type CountryField = (typeof COUNTRY_FIELDS)[number];
const YES_NO_FIELDS = ['Child_Labor', 'Forced_Labor', 'Forced_Child_Labor', 'Derived_Labor_Exploitation'] as const;

interface Element {
  text: string;
  line: number;
}

interface GoodEntry {
  line: number;
  name?: Element;
  sector?: Element;
  countries: CountryEntry[];
}

interface CountryEntry {
  line: number;
  fields: Partial<Record<CountryField, Element>>;
}

/** Walks the XML with line numbers; returns the <Good> elements that were closed, logging everything malformed. */
function readGoods(file: SourceFile, log: IssueLog): GoodEntry[] {
  const goods: GoodEntry[] = [];
  if (file.text.trim() === '') {
    log.add(1, null, 'the file is empty');
    return goods;
  }
  if (!file.text.trimStart().startsWith('<')) {
    log.add(1, null, 'not an XML file: expected the Sweat & Toil goods XML (root element <Goods>)');
    return goods;
  }
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let good: GoodEntry | null = null;
  let country: CountryEntry | null = null;
  let text = '';
  let wrongRoot = false;
  // At the end of a cut-off file saxes reports each unclosed tag and then "unexpected end"; one issue says it.
  const unclosed: string[] = [];
  let endLine = 1;
  parser.on('error', (err) => {
    const message = err.message.replace(/^\d+:\d+: /, '');
    const tag = /^unclosed tag: (.+)$/.exec(message);
    if (tag) {
      unclosed.unshift(tag[1]!);
      endLine = parser.line;
    } else if (!(unclosed.length > 0 && message.startsWith('unexpected end'))) {
      log.add(parser.line, null, `malformed XML: ${message}`);
    }
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    const path = stack.join('/');
    if (stack.length === 1 && tag.name !== 'Goods') {
      if (!wrongRoot) log.add(parser.line, null, `expected the Sweat & Toil goods XML (root element <Goods>), found <${tag.name}>`);
      wrongRoot = true;
    } else if (path === 'Goods/Good') {
      good = { line: parser.line, countries: [] };
    } else if (path === 'Goods/Good/Countries/Country') {
      country = { line: parser.line, fields: {} };
    }
  });
  parser.on('text', (t) => { text += t; });
  parser.on('cdata', (t) => { text += t; });
  parser.on('closetag', (tag) => {
    const path = stack.join('/');
    stack.pop();
    const element = { text: text.trim(), line: parser.line };
    text = '';
    if (path === 'Goods/Good/Good_Name' && good) good.name = element;
    else if (path === 'Goods/Good/Good_Sector' && good) good.sector = element;
    else if (path === 'Goods/Good/Countries/Country' && good && country) { good.countries.push(country); country = null; }
    else if (path === 'Goods/Good' && good) { goods.push(good); good = null; }
    else if (country && stack.join('/') === 'Goods/Good/Countries/Country' && (COUNTRY_FIELDS as readonly string[]).includes(tag.name)) {
      country.fields[tag.name as CountryField] = element;
    }
  });
  parser.write(file.text).close();
  if (unclosed.length > 0) log.add(endLine, null, `the file ends inside <${unclosed.join('> <')}>: it looks cut off`);
  if (goods.length === 0 && log.issues.length === 0) log.add(1, null, 'no <Good> elements: not the Sweat & Toil goods XML');
  return goods;
}

function parse(files: SourceFile[], ctx: ParseContext): ParsedEdition {
  const file = onlyFile(files, 'ilab-tvpra');
  const log = new IssueLog(file.name);
  const goods = readGoods(file, log);
  type Draft = Row & { good: string; country_code: string; downstream: boolean; derived_country: string; derived_line: number };
  const drafts: Draft[] = [];
  const seen = new Map<string, number>();
  let notListed = 0;
  for (const g of goods) {
    if (!g.name || g.name.text === '') log.add(g.name?.line ?? g.line, 'Good_Name', 'the good has no name');
    if (!g.sector || g.sector.text === '') log.add(g.sector?.line ?? g.line, 'Good_Sector', 'the good has no sector');
    if (g.countries.length === 0) log.add(g.line, 'Countries', 'the good lists no country');
    for (const c of g.countries) {
      let ok = Boolean(g.name?.text && g.sector?.text);
      for (const f of COUNTRY_FIELDS) {
        if (!c.fields[f]) { log.add(c.line, f, `<${f}> is missing from this <Country>`); ok = false; }
      }
      if (!ok) continue;
      const f = c.fields as Record<CountryField, Element>;
      const flags: Partial<Record<(typeof YES_NO_FIELDS)[number], boolean>> = {};
      for (const name of YES_NO_FIELDS) {
        const v = f[name].text;
        if (v === 'Yes' || v === 'No') flags[name] = v === 'Yes';
        else { log.add(f[name].line, name, `"${v}" must be exactly Yes or No`); ok = false; }
      }
      const code = resolveCountry(ctx.countries, log, f.Country_Name.line, 'Country_Name', f.Country_Name.text);
      if (!ok || !code) continue;
      const downstream = flags.Derived_Labor_Exploitation!;
      const derived = f.Derived_Country.text;
      if (!downstream && derived !== 'No' && derived !== '') {
        log.add(f.Derived_Country.line, 'Derived_Country', `"${derived}" is given but Derived_Labor_Exploitation is No`);
        continue;
      }
      if (!flags.Child_Labor && !flags.Forced_Labor && !downstream) {
        notListed++;
        continue;
      }
      const key = `${g.name!.text.toLowerCase()}|${code}`;
      const first = seen.get(key);
      if (first !== undefined) {
        log.add(c.line, 'Country_Name', `${g.name!.text} is already listed for ${f.Country_Name.text} on line ${first}`);
        continue;
      }
      seen.set(key, c.line);
      drafts.push({
        row: c.line,
        good: g.name!.text,
        sector: g.sector!.text,
        country_code: code,
        country_name: f.Country_Name.text,
        region: f.Country_Region.text,
        child_labor: flags.Child_Labor!,
        forced_labor: flags.Forced_Labor!,
        forced_child_labor: flags.Forced_Child_Labor!,
        downstream,
        derived_country: derived,
        derived_line: f.Derived_Country.line,
      });
    }
  }
  const rows: Row[] = drafts.map(({ derived_country, derived_line, ...r }) => {
    if (!r.downstream) return { ...r, input_good: null, input_country_code: null };
    const inputCountry = resolveCountry(ctx.countries, log, derived_line, 'Derived_Country', derived_country);
    const inputGood = DOWNSTREAM_INPUTS[r.good.toLowerCase()];
    if (!inputGood) {
      log.add(r.row, 'Good_Name', `${r.good} is marked downstream (Derived_Labor_Exploitation=Yes) but its input good is not known; add it to DOWNSTREAM_INPUTS in src/knowledge/datasets/ilab-tvpra.ts`);
    } else if (inputCountry && !seen.has(`${inputGood.toLowerCase()}|${inputCountry}`)) {
      log.add(derived_line, 'Derived_Country', `${r.good} is made from ${inputGood} from ${derived_country}, but the file does not list ${inputGood} for ${derived_country}`);
    }
    return { ...r, input_good: inputGood ?? null, input_country_code: inputCountry };
  });
  log.throwIfAny();
  return { rows, statsFromFile: { not_listed: notListed } };
}

function stats(rows: readonly Row[]): Record<string, number> {
  const listed = rows.filter((r) => r.child_labor || r.forced_labor);
  return {
    goods: new Set(listed.map((r) => r.good)).size,
    countries: new Set(listed.map((r) => r.country_code)).size,
    pairs: listed.length,
    downstream: rows.filter((r) => r.downstream).length,
    child_labor: rows.filter((r) => r.child_labor).length,
    forced_labor: rows.filter((r) => r.forced_labor).length,
    forced_child_labor: rows.filter((r) => r.forced_child_labor).length,
  };
}

export const definition: DatasetDefinition = {
  id: 'ilab-tvpra',
  name: 'ILAB List of Goods Produced by Child Labor or Forced Labor',
  description: 'The goods and source countries the US Department of Labor has reason to believe are produced by child labour, forced labour or both (TVPRA list), with the downstream goods made from a listed input. goods and countries count goods with child or forced labour, as ILAB does; pairs counts those good-country rows; downstream rows are listed through their input.',
  defaults: {
    title: 'List of Goods Produced by Child Labor or Forced Labor',
    publisher: 'U.S. Department of Labor, Bureau of International Labor Affairs (ILAB)',
    sourceUrl: 'https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods',
    licence: 'US Government work, public domain in the US',
    caveats: 'Read from the XML behind ILAB\'s Sweat & Toil app (USDOL\'s own repository), which carries the 2022 list although the file is named goods_2016.xml. The 10 downstream goods (Chinese lithium-ion batteries and solar goods, Indonesian palm oil products) have no child or forced labour flag of their own; they are listed because of their input, and the input good is named by Vigil from ILAB\'s list, since the file gives only the input\'s country. forced_child_labor is ILAB\'s per-good marker and is not the EO 13126 list of products made with forced or indentured child labour. The 2024 edition of the list is not included.',
  },
  table: 'ref_ilab_goods',
  columns: [
    { name: 'good', type: 'text' },
    { name: 'sector', type: 'text' },
    { name: 'country_code', type: 'text' },
    { name: 'country_name', type: 'text' },
    { name: 'region', type: 'text' },
    { name: 'child_labor', type: 'bool' },
    { name: 'forced_labor', type: 'bool' },
    { name: 'forced_child_labor', type: 'bool' },
    { name: 'downstream', type: 'bool' },
    { name: 'input_good', type: 'text' },
    { name: 'input_country_code', type: 'text' },
  ],
  accepts: 'the Sweat & Toil goods XML (goods_2016.xml from USDepartmentofLabor/Child-Labor; root <Goods>, one <Good> per good with its <Countries>); the edition is not in the file, give it with --edition',
  parse,
  stats,
};
