// The ILO's 11 indicators of forced labour, the vocabulary findings and supplier questions are tagged with.
// Our own CSV (reference-src/ilo-indicators.csv); the descriptions are Vigil's summaries, not ILO text.
import { IssueLog, type Row } from '../dataset.ts';
import type { DatasetDefinition, ParsedEdition, SourceFile } from '../definition.ts';
import { onlyFile, readCsvWithHeader } from './source-files.ts';

function parse(files: SourceFile[]): ParsedEdition {
  const file = onlyFile(files, 'ilo-indicators');
  const log = new IssueLog(file.name);
  const table = readCsvWithHeader(file, ['number', 'key', 'name', 'description'], 'the Vigil ILO indicator CSV', log);
  const rows: Row[] = [];
  const numbers = new Map<number, number>();
  const keys = new Map<string, number>();
  for (const { line, fields } of table.records) {
    const [numberText, key, name, description] = fields.map((f) => f.trim()) as [string, string, string, string];
    let ok = true;
    const number = Number(numberText);
    if (!/^\d+$/.test(numberText) || number < 1) { log.add(line, 'number', `"${numberText}" is not a positive whole number`); ok = false; }
    else if (numbers.has(number)) { log.add(line, 'number', `${number} is already on line ${numbers.get(number)}`); ok = false; }
    if (!/^[a-z][a-z0-9_]*$/.test(key)) { log.add(line, 'key', `"${key}" is not a snake_case key`); ok = false; }
    else if (keys.has(key)) { log.add(line, 'key', `${key} is already on line ${keys.get(key)}`); ok = false; }
    if (name === '') { log.add(line, 'name', 'the name is empty'); ok = false; }
    if (description === '') { log.add(line, 'description', 'the description is empty'); ok = false; }
    if (!ok) continue;
    numbers.set(number, line);
    keys.set(key, line);
    rows.push({ row: line, number, key, name, description });
  }
  log.throwIfAny();
  return { rows };
}

export const definition: DatasetDefinition = {
  id: 'ilo-indicators',
  name: 'ILO indicators of forced labour',
  description: 'The 11 indicators the International Labour Organization uses to recognise possible forced labour (abuse of vulnerability, deception, restriction of movement, …), with short descriptions written by Vigil.',
  defaults: {
    title: 'ILO Indicators of Forced Labour',
    publisher: 'International Labour Organization (indicators); descriptions written by Vigil',
    sourceUrl: 'https://www.ilo.org/publications/ilo-indicators-forced-labour',
    licence: 'Indicator names are the ILO\'s; the descriptions are Vigil\'s own wording under the project licence',
    caveats: 'The descriptions are Vigil\'s summaries, not the ILO\'s text; read the ILO publication for the authoritative explanation. One indicator alone does not establish forced labour; the ILO treats them as signs to investigate.',
  },
  table: 'ref_ilo_indicators',
  columns: [
    { name: 'number', type: 'int' },
    { name: 'key', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'description', type: 'text' },
  ],
  accepts: 'one CSV with the header number,key,name,description (reference-src/ilo-indicators.csv)',
  parse,
  stats: (rows) => ({ indicators: rows.length }),
};
