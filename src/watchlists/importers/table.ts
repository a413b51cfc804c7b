// A generic list table (CSV or XLSX, one row per listed entity) with a column mapping into watchlist entities.
// Pure: the reader (index.ts) hands over the headers and records.
import { createHash } from 'node:crypto';
import type { EntityType, Identifier } from '../../match/types.ts';
import { matchHeader } from '../../suppliers/columns.ts';
import type { RawRecord } from '../../suppliers/line.ts';
import { cleanDuns, cleanLei, cleanVat, resolveCountry, splitAliases } from '../../suppliers/validate.ts';
import type { TableMapping, WatchlistEntity } from '../types.ts';
import { clean, clip, IssueLog, type ParseContext, type Parsed, partialDate } from './common.ts';

/** "person", "individual", "company", "organisation", … → the engine's types. */
const TYPE_WORDS: Readonly<Record<string, EntityType>> = {
  person: 'person', individual: 'person', natural_person: 'person', people: 'person', p: 'person', pessoa: 'person', personne: 'person', persona: 'person',
  company: 'company', organisation: 'company', organization: 'company', entity: 'company', business: 'company', firm: 'company', legal_entity: 'company', c: 'company', empresa: 'company', entreprise: 'company', vessel: 'unknown', unknown: 'unknown',
};

/** Each mapping field and the header it resolved to. */
interface Resolved {
  name: string;
  aliases: string | null;
  type: string | null;
  country: string | null;
  birthDate: string | null;
  id: string | null;
  identifiers: { column: string; scheme: Identifier['scheme']; country: string | null }[];
  properties: string[];
}

export class TableParser {
  private readonly log: IssueLog;
  private readonly columns: Resolved | null;
  private readonly keys = new Map<string, number>();
  private entities: WatchlistEntity[] = [];

  constructor(
    private readonly ctx: ParseContext,
    headers: readonly string[],
    headerLine: number,
  ) {
    this.log = new IssueLog(ctx.file);
    this.columns = this.resolve(ctx.mapping ?? { name: '' }, headers, headerLine);
  }

  /** The mapping's headers as the file spells them; every one it names must be there. */
  private resolve(m: TableMapping, headers: readonly string[], line: number): Resolved | null {
    let ok = true;
    const find = (field: string, header: string | undefined): string | null => {
      if (header === undefined || header.trim() === '') return null;
      const found = matchHeader(header.trim(), headers);
      if ('header' in found) return found.header;
      this.log.error(line, field, header, found.error);
      ok = false;
      return null;
    };
    if (!m.name?.trim()) {
      this.log.error(line, 'name', null, 'the mapping must say which column holds the name');
      return null;
    }
    const out: Resolved = {
      name: find('name', m.name) ?? '',
      aliases: find('aliases', m.aliases),
      type: find('type', m.type),
      country: find('country', m.country),
      birthDate: find('birthDate', m.birthDate),
      id: find('id', m.id),
      identifiers: (m.identifiers ?? []).map((i) => ({ column: find(`identifiers.${i.scheme}`, i.column) ?? '', scheme: i.scheme, country: i.country?.toUpperCase() ?? null })),
      properties: [],
    };
    const mapped = new Set([out.name, out.aliases, out.type, out.country, out.birthDate, out.id, ...out.identifiers.map((i) => i.column)]);
    out.properties = m.properties ? m.properties.map((p) => find('properties', p)).filter((p): p is string => p !== null) : headers.filter((h) => !mapped.has(h));
    return ok ? out : null;
  }

  record(rec: RawRecord): void {
    const c = this.columns;
    if (!c) return;
    const line = rec.line;
    for (const i of rec.issues) {
      if (i.severity === 'error') this.log.error(line, i.column, i.value, i.message);
      else this.log.warn(line, i.column, i.value, i.message);
    }
    const cell = (h: string | null) => (h === null ? '' : clean(rec.cells[h] ?? ''));
    const name = cell(c.name);
    if (name === '') {
      this.log.error(line, c.name, null, 'the name is empty; every listed entity needs one');
      return;
    }
    const typeText = cell(c.type);
    let type: EntityType = this.ctx.mapping?.defaultType ?? 'unknown';
    if (typeText !== '') {
      const t = TYPE_WORDS[typeText.toLowerCase().replace(/[\s-]+/g, '_')];
      if (t === undefined) this.log.error(line, c.type, typeText, 'not a type Vigil knows: write person (or individual) or company (or organisation, entity)');
      else type = t;
    }
    const countries: string[] = [];
    for (const part of cell(c.country).split(/[|;]/).map((p) => p.trim()).filter(Boolean)) {
      const r = resolveCountry(this.ctx.countries, part);
      if (r.ok) {
        if (!countries.includes(r.code)) countries.push(r.code);
      } else {
        const hint = r.suggestions.length > 0 ? ` (did you mean ${r.suggestions.map((s) => `${s.name}, ${s.code}`).join('; ')}?)` : '';
        this.log.error(line, c.country, part, `${r.reason}${hint}`);
      }
    }
    const identifiers: Identifier[] = [];
    for (const i of c.identifiers) {
      const value = cell(i.column);
      if (value === '') continue;
      const checked = i.scheme === 'lei' ? cleanLei(value) : i.scheme === 'duns' ? cleanDuns(value) : i.scheme === 'vat' ? cleanVat(value) : { value };
      if ('problem' in checked) this.log.error(line, i.column, value, checked.problem);
      else identifiers.push({ scheme: i.scheme, value: checked.value, country: i.country ?? (countries.length === 1 ? countries[0]! : null) });
    }
    const birthText = cell(c.birthDate);
    const birthDate = birthText === '' ? null : partialDate(birthText);
    if (birthText !== '' && birthDate === null) this.log.error(line, c.birthDate, birthText, 'not a date: write YYYY, YYYY-MM or YYYY-MM-DD');

    const idText = cell(c.id);
    if (c.id !== null && idText === '') {
      this.log.error(line, c.id, null, 'the id is empty; the mapped id column must identify every row');
      return;
    }
    const key = idText || `h:${createHash('sha256').update(`${name.toLowerCase()}|${countries.join(',')}`).digest('base64url').slice(0, 16)}`;
    const first = this.keys.get(key);
    if (first !== undefined) {
      if (idText) this.log.error(line, c.id, idText, `id "${idText}" appears again (first on line ${first}); ids must be unique`);
      else this.log.warn(line, c.name, name, `the same name and countries as line ${first}: skipped as a repeat`);
      return;
    }
    this.keys.set(key, line);

    const properties: WatchlistEntity['properties'] = {};
    for (const h of c.properties) {
      const v = cell(h);
      if (v !== '') properties[h] = clip(v);
    }
    this.entities.push({ key, type, name, aliases: splitAliases(cell(c.aliases) || null, name), countries, identifiers, birthDate, properties, sourceRow: line });
  }

  /** Entities and problems found since the last call. */
  take(): Parsed {
    const entities = this.entities;
    this.entities = [];
    return { entities, ...this.log.drain() };
  }
}
