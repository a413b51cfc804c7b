// What is screened: every supplier of an organisation by its names, identifiers and the countries of its
// sites; each site by its own name and country; each known owner. Each becomes a src/match MatchEntity with
// the fingerprint that tells, at the next run, whether its data changed. Pure.
import { fingerprintOf } from '../match/fingerprint.ts';
import type { EntityType, Identifier, MatchEntity } from '../match/types.ts';
import { normaliseName } from '../suppliers/identity.ts';
import type { Identifier as SupplierIdentifier } from '../suppliers/line.ts';
import type { SubjectKind } from './types.ts';

export interface Subject {
  kind: SubjectKind;
  /** The supplier's, site's or owner's id. */
  id: number;
  supplierId: number;
  supplierName: string;
  entity: MatchEntity;
  fingerprint: string;
}

export interface OwnerFacts {
  id: number;
  name: string;
  type: EntityType;
  countries: string[];
  identifiers: Identifier[];
}

/** A supplier as stored: names, identifiers, sites and owners. */
export interface SupplierFacts {
  id: number;
  name: string;
  aliases: string[];
  identifiers: SupplierIdentifier[];
  sites: { id: number; name: string | null; countryCode: string | null }[];
  owners: OwnerFacts[];
}

/** The subject key of a pair: kind and id (ids are unique per kind within an organisation). */
export const subjectKey = (kind: SubjectKind, id: number): string => `${kind}:${id}`;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function subject(kind: SubjectKind, id: number, s: SupplierFacts, entity: MatchEntity): Subject {
  return { kind, id, supplierId: s.id, supplierName: s.name, entity, fingerprint: fingerprintOf(entity) };
}

/**
 * The subjects of one supplier. Suppliers and sites are of unknown type: a supplier file names companies, but
 * also farmers and sole traders, whom a list may name as persons. A site is screened only when it has a name
 * of its own: a site named like its supplier would repeat the supplier's hits, and the supplier already
 * carries every site's country.
 */
export function subjectsOf(s: SupplierFacts): Subject[] {
  const out: Subject[] = [];
  const countries = sorted(s.sites.flatMap((x) => (x.countryCode ? [x.countryCode] : [])));
  out.push(
    subject('supplier', s.id, s, {
      name: s.name,
      aliases: sorted(s.aliases),
      type: 'unknown',
      countries,
      identifiers: s.identifiers.map((i) => ({ scheme: i.scheme, value: i.value })),
    }),
  );
  const ownNames = new Set([s.name, ...s.aliases].map(normaliseName));
  for (const site of s.sites) {
    if (!site.name || ownNames.has(normaliseName(site.name))) continue;
    out.push(subject('site', site.id, s, { name: site.name, type: 'unknown', countries: site.countryCode ? [site.countryCode] : [] }));
  }
  for (const o of s.owners) {
    out.push(subject('owner', o.id, s, { name: o.name, type: o.type, countries: sorted(o.countries), identifiers: o.identifiers }));
  }
  return out;
}
