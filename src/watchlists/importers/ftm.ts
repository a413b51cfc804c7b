// FollowTheMoney entities, one JSON object a line (the format OpenSanctions exports: UFLPA, CBP, Brazil and
// sanctions lists) into watchlist entities. Pure: the reader (index.ts) hands lines over.
//
// Listed entities (Person, Company, Organization, PublicBody, LegalEntity, Vessel marked target, or any of them
// when the file does not mark targets) become entities; helper entities add facts to the entity they name
// (Sanction: programme, reason, dates; Identification and Passport: numbers; Address: the address text). A
// helper may come before or after its entity in the file, so the reader passes every helper line to
// FtmFacts first, then every line to FtmParser. Nested exports carry helpers inside their entity's
// properties; those are read in place.
import type { EntityType, Identifier, IdentifierScheme } from '../../match/types.ts';
import type { WatchlistEntity } from '../types.ts';
import { clean, clip, IssueLog, type ParseContext, type Parsed, partialDate } from './common.ts';

const LISTED: Readonly<Record<string, EntityType>> = {
  Person: 'person',
  Company: 'company',
  Organization: 'company',
  PublicBody: 'company',
  LegalEntity: 'unknown',
  // CBP orders name fishing vessels; a vessel's name and IMO number are what a supplier file may carry.
  Vessel: 'unknown',
};

/** Helper schemas whose facts are added to the entity they name; the reader gives their lines to FtmFacts first. */
export const FTM_HELPER_LINE = /"schema"\s*:\s*"(?:Sanction|Identification|Passport|Address)"/;

/** Schemas that describe links and records rather than listed parties: skipped without a word. */
const HELPERS = new Set([
  'Sanction', 'Identification', 'Passport', 'Address', 'Ownership', 'Directorship', 'Family', 'Associate', 'Membership', 'Employment',
  'Occupancy', 'Position', 'UnknownLink', 'Representation', 'Succession', 'Debt', 'Note', 'Mention', 'Documentation', 'Payment',
  'Contract', 'ContractAward', 'CourtCase', 'CourtCaseParty', 'Event', 'Trip', 'Article', 'Document',
]);

/** FtM identifier properties and the scheme (and issuing country, where the property implies it) they are. */
const IDENTIFIERS: readonly [property: string, scheme: IdentifierScheme, country: string | null][] = [
  ['leiCode', 'lei', null],
  ['registrationNumber', 'company_number', null],
  ['ogrnCode', 'company_number', 'RU'],
  ['uscCode', 'company_number', 'CN'],
  ['taxNumber', 'tax_id', null],
  ['innCode', 'tax_id', 'RU'],
  ['vatCode', 'vat', null],
  ['dunsCode', 'duns', null],
  ['imoNumber', 'imo', null],
  ['swiftBic', 'other', null],
  ['okpoCode', 'other', 'RU'],
  ['idNumber', 'other', null],
  ['passportNumber', 'other', null],
];

const COUNTRY_PROPERTIES = ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry'];

/** Properties shown to the analyst, as FtM names them. */
const KEPT = [
  'topics', 'program', 'programId', 'notes', 'summary', 'description', 'reason', 'sourceUrl', 'position', 'sector', 'classification',
  'legalForm', 'status', 'incorporationDate', 'dissolutionDate', 'weakAlias', 'address', 'createdAt', 'modifiedAt', 'flag', 'buildDate',
];
const SANCTION_KEPT = ['program', 'programId', 'reason', 'authority', 'startDate', 'endDate', 'listingDate', 'provisions', 'status', 'sourceUrl'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strings of a property (FtM values are lists of strings); nested entities are left to nestedOf. */
function strings(props: Json, name: string): string[] {
  const v = props[name];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string').map(clean).filter(Boolean);
}

interface Facts {
  properties: Map<string, string[]>;
  identifiers: Identifier[];
}

function emptyFacts(): Facts {
  return { properties: new Map(), identifiers: [] };
}

function addFact(f: Facts, key: string, values: readonly string[]): void {
  if (values.length === 0) return;
  const list = f.properties.get(key) ?? [];
  for (const v of values) if (!list.includes(v)) list.push(v);
  f.properties.set(key, list);
}

/** One helper entity's facts for the entity it names. */
function helperFacts(helper: Json, into: Facts): void {
  const props = isObject(helper.properties) ? helper.properties : {};
  switch (helper.schema) {
    case 'Sanction':
      for (const p of SANCTION_KEPT) addFact(into, `sanction.${p}`, strings(props, p));
      break;
    case 'Identification':
    case 'Passport': {
      const country = strings(props, 'country')[0]?.toUpperCase() ?? null;
      for (const value of [...strings(props, 'number'), ...strings(props, 'passportNumber')]) into.identifiers.push({ scheme: 'other', value, country: country && /^[A-Z]{2}$/.test(country) ? country : null });
      break;
    }
    case 'Address':
      addFact(into, 'address', [addressText(props)].filter((a): a is string => a !== null));
      break;
  }
}

function addressText(props: Json): string | null {
  const full = strings(props, 'full')[0];
  if (full) return full;
  const parts = ['street', 'city', 'postalCode', 'region', 'country'].flatMap((p) => strings(props, p));
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * Facts that helper entities add to the entities they name: Sanction.entity, Identification.holder, and the
 * Address entities that listed entities point to (addressEntity). Collected over the whole file first.
 */
export class FtmFacts {
  private readonly byEntity = new Map<string, Facts>();
  private readonly addresses = new Map<string, string>();

  /** A helper line; lines that are not valid helpers are left for FtmParser to report. */
  collect(text: string): void {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      return;
    }
    if (!isObject(obj) || !isObject(obj.properties)) return;
    if (obj.schema === 'Address') {
      const a = addressText(obj.properties);
      if (typeof obj.id === 'string' && a) this.addresses.set(obj.id, a);
      return;
    }
    const owner = obj.schema === 'Sanction' ? 'entity' : 'holder';
    for (const id of strings(obj.properties, owner)) {
      const facts = this.byEntity.get(id) ?? emptyFacts();
      helperFacts(obj, facts);
      this.byEntity.set(id, facts);
    }
  }

  of(id: string): Facts | undefined {
    return this.byEntity.get(id);
  }

  address(id: string): string | undefined {
    return this.addresses.get(id);
  }
}

/** Counts of what was skipped, reported once per kind at the end instead of once per line. */
interface Tally {
  count: number;
  firstLine: number;
}

/** Reads FtM lines into entities; errors name the line, the property and its value. */
export class FtmParser {
  private readonly log: IssueLog;
  private readonly seen = new Map<string, number>();
  private readonly skippedSchemas = new Map<string, Tally>();
  private readonly unknownCountries = new Map<string, Tally>();
  private notTargets: Tally | null = null;
  private entities: WatchlistEntity[] = [];

  constructor(
    private readonly ctx: ParseContext,
    private readonly facts: FtmFacts,
  ) {
    this.log = new IssueLog(ctx.file);
  }

  line(text: string, line: number): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch (err) {
      this.log.error(line, null, trimmed.slice(0, 80), `not valid JSON (${(err as Error).message}); each line must be one FollowTheMoney entity as a JSON object`);
      return;
    }
    if (!isObject(obj)) {
      this.log.error(line, null, trimmed.slice(0, 80), 'not a JSON object; each line must be one FollowTheMoney entity {"id", "schema", "properties"}');
      return;
    }
    const id = obj.id;
    if (typeof id !== 'string' || id.trim() === '') {
      this.log.error(line, 'id', id === undefined ? null : JSON.stringify(id), 'every entity needs an "id" (a non-empty string)');
      return;
    }
    const schema = obj.schema;
    if (typeof schema !== 'string' || schema === '') {
      this.log.error(line, 'schema', schema === undefined ? null : JSON.stringify(schema), `entity "${id}" has no "schema" (Person, Company, Organization, LegalEntity, …)`);
      return;
    }
    if (!isObject(obj.properties)) {
      this.log.error(line, 'properties', obj.properties === undefined ? null : JSON.stringify(obj.properties).slice(0, 80), `entity "${id}" needs "properties", an object of lists`);
      return;
    }
    const props = obj.properties;
    const malformed = Object.entries(props).find(([, v]) => !Array.isArray(v) || v.some((x) => typeof x !== 'string' && !isObject(x)));
    if (malformed) {
      this.log.error(line, `properties.${malformed[0]}`, JSON.stringify(malformed[1]).slice(0, 80), `entity "${id}": a FollowTheMoney property is a list of strings`);
      return;
    }
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.log.error(line, 'id', id, `entity "${id}" appears again (first on line ${first}); ids are unique in an export`);
      return;
    }
    this.seen.set(id, line);
    if (HELPERS.has(schema)) return;
    if (obj.target === false) {
      this.notTargets = tally(this.notTargets, line);
      return;
    }
    const type = LISTED[schema];
    if (type === undefined) {
      this.skippedSchemas.set(schema, tally(this.skippedSchemas.get(schema) ?? null, line));
      return;
    }
    const names = strings(props, 'name');
    if (names.length === 0) {
      this.log.error(line, 'properties.name', null, `${schema} "${id}" has no name; a listed entity needs one to be screened`);
      return;
    }
    this.entities.push(this.entity(obj, id, schema, type, names, line));
  }

  private entity(obj: Json, id: string, schema: string, type: EntityType, names: string[], line: number): WatchlistEntity {
    const props = obj.properties as Json;
    const facts = emptyFacts();
    const known = this.facts.of(id);
    if (known) {
      for (const [k, v] of known.properties) addFact(facts, k, v);
      facts.identifiers.push(...known.identifiers);
    }
    for (const address of strings(props, 'addressEntity')) addFact(facts, 'address', [this.facts.address(address)].filter((a): a is string => a !== undefined));
    // Nested exports (targets.nested.json) carry helpers in place: sanctions, addresses, identifications.
    for (const value of Object.values(props)) for (const nested of value as unknown[]) if (isObject(nested)) helperFacts(nested, facts);

    const countries = this.countries(props, line);
    const single = countries.length === 1 ? countries[0]! : null;
    const identifiers: Identifier[] = [];
    for (const [property, scheme, country] of IDENTIFIERS) {
      for (const value of strings(props, property)) identifiers.push({ scheme, value, country: country ?? (scheme === 'company_number' || scheme === 'tax_id' ? single : null) });
    }
    identifiers.push(...facts.identifiers);

    const seenNames = new Set([names[0]!.toLowerCase()]);
    const aliases: string[] = [];
    for (const a of [...names.slice(1), ...strings(props, 'alias'), ...strings(props, 'previousName')]) {
      if (seenNames.has(a.toLowerCase())) continue;
      seenNames.add(a.toLowerCase());
      aliases.push(a);
    }

    const birth = strings(props, 'birthDate')[0] ?? null;
    const birthDate = birth === null ? null : partialDate(birth);
    if (birth !== null && birthDate === null) this.log.warn(line, 'properties.birthDate', birth, `entity "${id}": not a date (YYYY, YYYY-MM or YYYY-MM-DD); the birth date is left out`);

    const properties: WatchlistEntity['properties'] = { schema };
    for (const p of KEPT) {
      const values = strings(props, p);
      if (values.length > 0) properties[p] = clip(values.join('; '));
    }
    for (const [k, v] of facts.properties) properties[k] = clip(k === 'address' && typeof properties.address === 'string' ? [properties.address, ...v].join('; ') : v.join('; '));
    const datasets = Array.isArray(obj.datasets) ? obj.datasets.filter((d): d is string => typeof d === 'string') : [];
    if (datasets.length > 0) properties.datasets = datasets.join(', ');
    if (typeof obj.first_seen === 'string') properties.firstSeen = obj.first_seen;
    if (typeof obj.last_seen === 'string') properties.lastSeen = obj.last_seen;

    return { key: id, type, name: names[0]!, aliases, countries, identifiers: dedupe(identifiers), birthDate, properties, sourceRow: line };
  }

  /** FtM writes ISO alpha-2 in lower case ("cn", "xk"); codes Vigil does not know (historic "suhh", "zz") are tallied and left out. */
  private countries(props: Json, line: number): string[] {
    const out: string[] = [];
    for (const p of COUNTRY_PROPERTIES) {
      for (const raw of strings(props, p)) {
        const code = raw.toUpperCase();
        if (/^[A-Z]{2}$/.test(code) && this.ctx.countries.get(code)) {
          if (!out.includes(code)) out.push(code);
        } else this.unknownCountries.set(raw, tally(this.unknownCountries.get(raw) ?? null, line));
      }
    }
    return out;
  }

  /** The entities and problems found since the last call. */
  take(): Parsed {
    const entities = this.entities;
    this.entities = [];
    return { entities, ...this.log.drain() };
  }

  /** After the last line: one warning per kind of thing skipped. */
  finish(): void {
    for (const [schema, t] of this.skippedSchemas) {
      this.log.warn(t.firstLine, 'schema', schema, `${t.count} ${schema} entit${t.count === 1 ? 'y' : 'ies'} skipped (first on line ${t.firstLine}): Vigil screens people, companies, organisations and vessels`);
    }
    for (const [code, t] of this.unknownCountries) {
      this.log.warn(t.firstLine, 'properties.country', code, `country code "${code}" is not an ISO 3166-1 alpha-2 code Vigil knows (a historic or special territory?); left out of ${t.count} entit${t.count === 1 ? 'y' : 'ies'} (first on line ${t.firstLine})`);
    }
    if (this.notTargets) {
      const t = this.notTargets;
      this.log.warn(t.firstLine, 'target', 'false', `${t.count} entit${t.count === 1 ? 'y is' : 'ies are'} related parties, not listed themselves ("target": false), and were skipped (first on line ${t.firstLine})`);
    }
  }
}

function tally(t: Tally | null, line: number): Tally {
  return t ? { count: t.count + 1, firstLine: t.firstLine } : { count: 1, firstLine: line };
}

function dedupe(ids: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return ids.filter((i) => {
    const k = `${i.scheme}:${i.country ?? ''}:${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
