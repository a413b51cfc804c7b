// Brazil's Ministry of Labour and Employment register of employers found using slave labour ("Cadastro de
// Empregadores") into watchlist entities. Pure: the reader (index.ts) finds the header row and hands over the
// preamble and the records.
//
// Two layouts are read. The official one: a preamble (edition date), section headings ("I- PUBLICAÇÃO DO
// CADASTRO … ARTIGO 2º, CAPUT …", "II- …", one before the header, the next among the rows), the header
// `ID | Ano da ação fiscal | UF | Empregador | CNPJ/CPF | Estabelecimento | Trabalhadores envolvidos | CNAE |
// Decisão administrativa de procedência | Inclusão no Cadastro de Empregadores`, the rows, and footnotes. And a
// flattened one with a `section` column and snake_case headers (`section,id,ano_acao_fiscal,…,cnpj_cpf,…`).
//
// A CNPJ makes a company (identifier company_number, BR), a CPF a person (tax_id, BR); the key is
// "br-mte:" + the number's digits, so an employer keeps its key from one edition to the next. An employer
// listed twice (two inspections) is one entity: its other names become aliases, its workers add up.
import type { RawRecord } from '../../suppliers/line.ts';
import { headerWords } from '../../suppliers/columns.ts';
import type { WatchlistEntity } from '../types.ts';
import { parseBrazilId } from './brazil-ids.ts';
import { clean, IssueLog, type ParseContext, type Parsed } from './common.ts';

const COLUMNS = {
  id: ['id'],
  year: ['ano acao fiscal'],
  uf: ['uf'],
  employer: ['empregador'],
  document: ['cnpj cpf'],
  establishment: ['estabelecimento'],
  workers: ['trabalhadores envolvidos'],
  cnae: ['cnae'],
  decision: ['decisao administrativa procedencia'],
  inclusion: ['inclusao no cadastro empregadores', 'inclusao no cadastro'],
  section: ['section', 'secao'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['id', 'employer', 'document'];

const words = (h: string) => headerWords(h).join(' ');

/** The header row: it names the employer and the CNPJ/CPF column. */
export function isBrMteHeader(cells: readonly string[]): boolean {
  const w = cells.map(words);
  return w.includes('empregador') && w.includes('cnpj cpf');
}

const UFS = new Set(['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO']);

/** "I- PUBLICAÇÃO DO CADASTRO …", "II – …": a section heading of the register. */
const HEADING = /^(I{1,3}|IV|VI{0,3}|IX|X)\s*[-–—.]\s*\S/;

/** "09/12/2021" → "2021-12-09"; anything else (several dates, a range) as written. */
function isoDate(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : text;
}

export class BrMteParser {
  private readonly log: IssueLog;
  private readonly columns: Partial<Record<Column, string>> = {};
  private readonly byKey = new Map<string, WatchlistEntity>();
  private section: { id: string; title: string } | null = null;

  constructor(
    ctx: ParseContext,
    headers: readonly string[],
    headerLine: number,
    preamble: readonly { line: number; cells: string[] }[],
  ) {
    this.log = new IssueLog(ctx.file);
    for (const h of headers) {
      const w = words(h);
      const column = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(w));
      if (column && !this.columns[column]) this.columns[column] = h;
    }
    for (const c of REQUIRED) {
      if (!this.columns[c]) this.log.error(headerLine, null, headers.join(' | '), `the header has no ${c === 'id' ? '"ID"' : c === 'employer' ? '"Empregador"' : '"CNPJ/CPF"'} column; this is not the register's layout`);
    }
    for (const row of preamble) this.heading(row.cells);
  }

  /** A section heading row: remembered for the rows under it. */
  private heading(cells: readonly string[]): boolean {
    const filled = cells.map(clean).filter(Boolean);
    if (filled.length !== 1 || !HEADING.test(filled[0]!)) return false;
    this.section = { id: HEADING.exec(filled[0]!)![1]!, title: filled[0]! };
    return true;
  }

  record(rec: RawRecord): void {
    const cell = (c: Column) => {
      const h = this.columns[c];
      return h === undefined ? '' : clean(rec.cells[h] ?? '');
    };
    if (this.heading(Object.values(rec.cells))) return;
    const id = cell('id');
    const document = cell('document');
    const line = rec.line;
    if (id === '' && document === '') {
      const text = Object.values(rec.cells).map(clean).filter(Boolean).join(' ');
      this.log.warn(line, null, text, 'not a register row (no ID and no CNPJ/CPF; a note or footer?): skipped');
      return;
    }
    for (const i of rec.issues) {
      if (i.severity === 'error') this.log.error(line, i.column, i.value, i.message);
      else this.log.warn(line, i.column, i.value, i.message);
    }
    const header = (c: Column) => this.columns[c] ?? c;
    if (!/^\d+$/.test(id)) this.log.error(line, header('id'), id, 'the register ID is a whole number');
    const name = cell('employer');
    if (name === '') this.log.error(line, header('employer'), null, 'the employer\'s name (Empregador) is empty');
    const parsed = parseBrazilId(document);
    if ('error' in parsed) {
      this.log.error(line, header('document'), document, parsed.error);
      return;
    }
    if (parsed.warning) this.log.warn(line, header('document'), document, parsed.warning);
    if (name === '' || !/^\d+$/.test(id)) return;

    const uf = cell('uf').toUpperCase();
    if (uf !== '' && !UFS.has(uf)) this.log.warn(line, header('uf'), uf, `"${uf}" is not a Brazilian state (UF); kept as written`);
    const year = cell('year');
    if (year !== '' && !/^\d{4}$/.test(year)) this.log.warn(line, header('year'), year, 'the inspection year is not a year (YYYY); kept as written');
    const workersText = cell('workers');
    const workers = /^\d+$/.test(workersText) ? Number(workersText) : null;
    if (workersText !== '' && workers === null) this.log.warn(line, header('workers'), workersText, 'the number of workers involved is not a whole number; left out');

    const sectionCell = cell('section');
    const section = sectionCell ? { id: /^([IVX]+)\b/.exec(sectionCell)?.[1] ?? sectionCell, title: sectionCell } : this.section;
    const properties: WatchlistEntity['properties'] = {
      registerId: Number(id),
      section: section?.id ?? null,
      sectionTitle: section?.title ?? null,
      uf: uf || null,
      inspectionYear: /^\d{4}$/.test(year) ? Number(year) : year || null,
      establishment: cell('establishment') || null,
      workers,
      cnae: cell('cnae') || null,
      decisionDate: cell('decision') ? isoDate(cell('decision')) : null,
      includedOn: cell('inclusion') ? isoDate(cell('inclusion')) : null,
    };
    const entity: WatchlistEntity = {
      key: `br-mte:${parsed.compact}`,
      type: parsed.kind === 'cnpj' ? 'company' : 'person',
      name,
      aliases: [],
      countries: ['BR'],
      identifiers: [{ scheme: parsed.kind === 'cnpj' ? 'company_number' : 'tax_id', value: parsed.formatted, country: 'BR' }],
      birthDate: null,
      properties,
      sourceRow: line,
    };
    const earlier = this.byKey.get(entity.key);
    if (!earlier) {
      this.byKey.set(entity.key, entity);
      return;
    }
    this.log.warn(line, header('document'), parsed.formatted, `the register lists ${parsed.formatted} again (first on line ${earlier.sourceRow}): read as one employer with both entries`);
    merge(earlier, entity);
  }

  /** Everything read, after the last record. */
  finish(): Parsed {
    return { entities: [...this.byKey.values()], ...this.log.drain() };
  }

  /** Problems found so far (entities come at the end, once repeated employers are merged). */
  issues(): Parsed {
    return { entities: [], ...this.log.drain() };
  }
}

/** A second entry of the same employer: other names as aliases, workers added up, differing facts joined. */
function merge(into: WatchlistEntity, other: WatchlistEntity): void {
  const names = new Set([into.name, ...into.aliases].map((n) => n.toLowerCase()));
  if (!names.has(other.name.toLowerCase())) into.aliases.push(other.name);
  const p = into.properties;
  for (const [k, v] of Object.entries(other.properties)) {
    if (v === null) continue;
    const mine = p[k];
    if (k === 'workers') p[k] = (typeof mine === 'number' ? mine : 0) + (v as number);
    else if (mine === null || mine === undefined) p[k] = v;
    else if (!String(mine).split(' | ').includes(String(v))) p[k] = `${mine} | ${v}`;
  }
}
