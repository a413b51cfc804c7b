// Synthetic watchlist files for tests: fictional employers, companies and people (CNPJ and CPF numbers are made
// up but carry valid check digits), in the layouts the importers read. No real list's data.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BR_MTE_HEADER = ['ID', 'Ano da ação fiscal', 'UF', 'Empregador', 'CNPJ/CPF', 'Estabelecimento', 'Trabalhadores envolvidos', 'CNAE', 'Decisão administrativa de procedência', 'Inclusão no Cadastro de Empregadores'];

export const SECTION_I = 'I- PUBLICAÇÃO DO CADASTRO DE EMPREGADORES PREVISTA NO ARTIGO 2º, CAPUT, DA PORTARIA INTERMINISTERIAL MTPS/MMIRDH Nº 4, DE 11 DE MAIO DE 2016';
export const SECTION_II = 'II- PUBLICAÇÃO DO CADASTRO DE EMPREGADORES PREVISTA NO ARTIGO 5º, § 3º, DA PORTARIA INTERMINISTERIAL Nº 4, DE 11 DE MAIO DE 2016';

/** The register's rows (fictional): ID, year, UF, employer, CNPJ/CPF, establishment, workers, CNAE, decision, inclusion. */
export const BR_MTE_ROWS: readonly (readonly string[])[] = [
  ['1', '2030', 'MG', 'Carvoaria Fictícia Serra Azul Ltda.', '11.222.333/0001-81', 'Fazenda Imaginária, zona rural,\nCidade Fictícia/MG', '12', '0210-1/08', '09/12/2031', '05/10/2031'],
  ['2', '2030', 'PA', 'João Exemplo da Silva', '111.444.777-35', 'Fazenda Modelo, zona rural, Lugar Nenhum/PA', '7', '0151-2/01', '14/02/2031', '05/10/2031'],
  // The official sample writes one CNPJ with "." where "/" belongs: read, with a warning.
  ['3', '2029', 'SP', 'Confecções Exemplo Têxtil Ltda.', '44.555.666.0001-81', 'Oficina de costura, São Paulo/SP', '4', '1412-6/01', '12/05/2030', '05/04/2031'],
  ['4', '2030', 'GO', 'Agropecuária Inventada S.A.', '77.888.999/0001-81', 'Fazenda Boa Ficção, zona rural, Goiás/GO', '21', '0113-0/00', '18/03/2031', '05/10/2031'],
];
export const BR_MTE_SECTION_II_ROW = ['1', '2029', 'MG', 'Maria Fictícia Pereira', '222.555.888-46', 'Fazenda Tanques Imaginários, zona rural/MG', '2', '0220-9/02', '10/01/2030', '03/04/2030 a 11/02/2032'];

export interface BrMteOptions {
  delimiter?: ',' | ';' | '\t';
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  /** Replaces data rows by index (0-based, section I). */
  rows?: readonly (readonly string[])[];
  header?: readonly string[];
}

function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The register in its official layout: blank and preamble lines, section I's heading before the header, the
 * rows (one spanning two lines), section II's heading and row, and a footnote. Lines: 1 blank, 2 preamble,
 * 3 heading I, 4 header, 5–6 row 1, 7 row 2, 8 row 3, 9 row 4, 10 heading II, 11 section II row, 12 footnote.
 */
export function brMteOfficial(opts: BrMteOptions = {}): Buffer {
  const d = opts.delimiter ?? ';';
  const width = BR_MTE_HEADER.length;
  const row = (cells: readonly string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')].map((c) => csvCell(c, d)).join(d);
  const text = [
    row([]),
    row(['Atualização periódica de 5 de outubro de 2031. Cadastro atualizado em 09/03/2032.']),
    row([SECTION_I]),
    row(opts.header ?? BR_MTE_HEADER),
    ...(opts.rows ?? BR_MTE_ROWS).map(row),
    row([SECTION_II]),
    row(BR_MTE_SECTION_II_ROW),
    row(['', '1) Decisão liminar fictícia nos autos de um processo imaginário.']),
  ].join('\r\n') + '\r\n';
  const encoding = opts.encoding ?? 'windows-1252';
  if (encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  return Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** FollowTheMoney lines (OpenSanctions export form): listed entities, a sanction after its entity, an address before. */
export const FTM_LINES: readonly object[] = [
  { id: 'addr-1', schema: 'Address', properties: { full: ['1 Imaginary Road, Fictown'], country: ['cn'] } },
  {
    id: 'fic-co-1', schema: 'Company', target: true, datasets: ['fictional_list'], first_seen: '2031-01-02T00:00:00', last_seen: '2032-03-01T00:00:00',
    properties: { name: ['Fictional Silicon Industry Co., Ltd.'], alias: ['FSI Co.', 'Fictional Silicon'], country: ['cn'], registrationNumber: ['91650000FIC0000001'], topics: ['sanction'], addressEntity: ['addr-1'] },
  },
  { id: 'fic-pe-1', schema: 'Person', target: true, properties: { name: ['Ivan Imaginaryov'], alias: ['Иван Воображаемов'], nationality: ['xk', 'suhh'], birthDate: ['1961-04-12'] } },
  { id: 'san-1', schema: 'Sanction', properties: { entity: ['fic-co-1'], program: ['Fictional Forced Labour Programme'], reason: ['Goods made with forced labour'], startDate: ['2031-01-01'] } },
  { id: 'fic-ve-1', schema: 'Vessel', target: true, properties: { name: ['Imaginary Star'], imoNumber: ['IMO 9999999'], flag: ['pa'] } },
  { id: 'fic-air-1', schema: 'Airplane', target: true, properties: { name: ['Fictional Jet'] } },
  { id: 'fic-owner-1', schema: 'Company', target: false, properties: { name: ['Parent Holding of Nothing Ltd'] } },
  { id: 'fic-org-1', schema: 'Organization', target: true, properties: { name: ['Fictional Labour Transfer Bureau'], jurisdiction: ['cn'], innCode: ['7700000000'] } },
];

export const ftmText = (lines: readonly (object | string)[] = FTM_LINES) => `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;

export async function writeListFile(dir: string, name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
