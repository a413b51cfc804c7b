// Which column of a supplier or spend file feeds which field: recognised from the header words exports use
// (SAP, Coupa, Ariba, UN and EU procurement, in English, French, Spanish, German and Portuguese), checked when
// a person sets it, and read from `--map field=Header` flags. Pure.
import { tokenize } from '../classify/normalise.ts';
import { LINE_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type LineField } from './line.ts';

export { REQUIRED_FIELDS };

/** How one field was recognised, for the mapping step to show ("matches 'vendor name'"). */
export interface RecognisedColumn {
  field: LineField;
  header: string;
  why: string;
}

export interface Recognition {
  mapping: ColumnMapping;
  recognised: RecognisedColumn[];
  /** Headers that feed no field, in file order. */
  unmapped: string[];
  /** Required fields no header was found for (the file cannot be imported until they are mapped). */
  missingRequired: LineField[];
  /** What the mapping lacks that the assessment needs (it can still be imported). */
  warnings: string[];
}

/** At least one of these is needed for a line to be assessed for anything but its supplier's name. */
export const ASSESSABLE_FIELDS: readonly LineField[] = ['country', 'description', 'hs', 'cpv', 'unspsc'];

interface FieldWords {
  /** Whole headers, best first: an exact match always beats a partial one, an earlier one a later one. */
  exact: string[];
  /** Words (or groups of words, all of which must appear) that mark a header as this field's. */
  partial?: string[];
  /** How strongly a partial match counts, so "Supplier Country" goes to country rather than supplier. */
  weight?: number;
  /** A partial match is ignored when the header also has one of these words ("Delivery Country"). */
  veto?: string[];
  /** …unless it also has one of these ("Amount incl. VAT" is still an amount). */
  vetoUnless?: string[];
  /** When set, a partial match needs every other word of the header to be one of these ("Supplier Legal Name"). */
  only?: string[];
}

const SUPPLIER_WORDS = ['supplier', 'suppliers', 'vendor', 'vendors', 'fournisseur', 'proveedor', 'lieferant', 'fornecedor', 'kreditor', 'creditor', 'contractor', 'seller', 'manufacturer', 'prestataire', 'titulaire', 'attributaire', 'adjudicatario', 'contratista', 'auftragnehmer', 'hersteller'];
const NUMBER_WORDS = ['id', 'number', 'no', 'nr', 'num', 'code', 'ref', 'reference', 'numero', 'codigo', 'nummer', 'account', 'n', 'identifier'];
const CODE_TEXT_WORDS = ['description', 'desc', 'text', 'libelle', 'title', 'label', 'name', 'descripcion', 'beschreibung', 'bezeichnung', 'descricao', 'designation'];

const FIELDS: Record<LineField, FieldWords> = {
  supplier: {
    exact: [
      // SAP exports put the vendor's number under "Vendor" and its name under "Name 1", so "Name 1" comes first.
      'supplier name', 'vendor name', 'name 1', 'name1', 'supplier', 'vendor', 'supplier legal name', 'legal name', 'company name', 'name',
      'company', 'contractor', 'contractor name', 'seller', 'manufacturer', 'awardee', 'supplier company',
      'nom fournisseur', 'fournisseur', 'raison sociale', 'nom', 'titulaire', 'attributaire', 'prestataire', 'entreprise', 'societe', 'denomination',
      'nombre proveedor', 'proveedor', 'razon social', 'empresa', 'adjudicatario', 'contratista',
      'lieferantenname', 'name lieferant', 'lieferant', 'kreditorname', 'kreditor', 'firmenname', 'firma', 'auftragnehmer', 'hersteller',
      'nome fornecedor', 'fornecedor', 'razao social', 'contratado',
    ],
    partial: [...SUPPLIER_WORDS, 'company', 'name', 'raison sociale', 'razon social', 'razao social'],
    weight: 40,
    only: [...SUPPLIER_WORDS, 'name', 'legal', 'full', 'registered', 'official', 'company', 'entity', 'main', 'primary', 'principal', '1', 'nom', 'nombre', 'nome', 'firma', 'raison', 'sociale', 'razon', 'social', 'razao', 'juridique', 'legal'],
  },
  supplier_ref: {
    exact: [
      'supplier id', 'supplier number', 'supplier no', 'supplier code', 'supplier ref', 'supplier reference', 'supplier account',
      'vendor id', 'vendor number', 'vendor no', 'vendor code', 'vendor ref', 'vendor account', 'vendor account number', 'lifnr', 'creditor number',
      'numero fournisseur', 'code fournisseur', 'n fournisseur', 'id fournisseur', 'reference fournisseur',
      'codigo proveedor', 'numero proveedor', 'id proveedor', 'kreditorennummer', 'kreditor nr', 'kreditornummer', 'lieferantennummer', 'lieferanten nr', 'lieferantennr',
      'codigo fornecedor', 'numero fornecedor', 'id fornecedor',
      'vendor', // only when a name column took supplier (SAP)
    ],
    partial: SUPPLIER_WORDS.flatMap((s) => NUMBER_WORDS.map((n) => `${s} ${n}`)).concat(['kreditorennummer', 'lieferantennummer']),
    weight: 80,
  },
  aliases: {
    exact: ['aliases', 'alias', 'other names', 'also known as', 'aka', 'trading name', 'trading names', 'trade name', 'dba', 'doing business as', 'former names', 'previous names',
      'nom commercial', 'autres noms', 'nombre comercial', 'otros nombres', 'handelsname', 'andere namen', 'nome fantasia', 'outros nomes'],
    partial: ['alias', 'aliases', 'aka', 'other names', 'also known', 'trading name', 'trade name', 'dba', 'former name', 'previous name'],
    weight: 75,
  },
  lei: {
    exact: ['lei', 'lei code', 'lei number', 'legal entity identifier', 'code lei', 'codigo lei'],
    partial: ['lei', 'legal entity identifier'],
    weight: 95,
  },
  company_number: {
    exact: ['company number', 'company registration number', 'registration number', 'registration no', 'company reg no', 'crn', 'business registration number',
      'commercial register number', 'registry number', 'siren', 'siret', 'numero siren', 'numero siret', 'rcs', 'handelsregisternummer', 'handelsregister nr', 'hrb',
      'cnpj', 'registro mercantil', 'kvk', 'kvk number', 'chamber of commerce number'],
    partial: ['registration number', 'registration no', 'company number', 'registry', 'register', 'handelsregister', 'siren', 'siret', 'crn', 'cnpj', 'kvk'],
    weight: 80,
    veto: ['vat', 'tax', 'tva', 'iva', 'ust'],
  },
  vat: {
    exact: ['vat', 'vat number', 'vat id', 'vat no', 'vat registration number', 'vat reg no', 'vat registration no', 'tax id', 'tax number', 'tax number 1', 'tin',
      'tax identification number', 'numero tva', 'n tva', 'tva intracommunautaire', 'numero tva intracommunautaire', 'nif', 'cif', 'nif cif', 'numero iva',
      'ust id nr', 'ustidnr', 'ust idnr', 'ust id', 'USt-IdNr.', 'USt-ID', 'umsatzsteuer id', 'umsatzsteuer identifikationsnummer', 'steuernummer', 'numero contribuinte', 'nif fornecedor'],
    partial: ['vat', 'tva', 'iva', 'tin', 'tax id', 'tax number', 'tax identification', 'ustid', 'ustidnr', 'ust id', 'umsatzsteuer', 'steuernummer', 'nif', 'cif', 'contribuinte'],
    weight: 90,
    veto: ['amount', 'rate', 'value', 'total', 'percent', 'pct', 'code', 'incl', 'excl', 'included', 'excluded', 'montant', 'importe', 'betrag', 'valor', 'taux', 'tasa', 'satz', 'ht', 'ttc'],
  },
  duns: {
    exact: ['duns', 'duns number', 'duns no', 'd u n s', 'd u n s number', 'dnb number', 'numero duns'],
    partial: ['duns', 'd u n s'],
    weight: 95,
  },
  os_id: {
    exact: ['os id', 'os hub id', 'open supply hub id', 'open supply id', 'osh id', 'oar id'],
    partial: ['os id', 'open supply', 'osh', 'oar'],
    weight: 95,
  },
  country: {
    exact: ['country', 'country of origin', 'origin country', 'origin', 'country code', 'country iso', 'iso country', 'iso country code', 'country name',
      'supplier country', 'vendor country', 'site country', 'factory country', 'production country', 'country key', 'ctry', 'cty', 'cntry', 'nation',
      'pays', 'pays origine', 'code pays', 'pays fournisseur', 'pais', 'pais origen', 'pais proveedor', 'codigo pais',
      'land', 'herkunftsland', 'ursprungsland', 'landerschlussel', 'laenderschluessel', 'landercode', 'pais origem', 'pais fornecedor'],
    partial: ['country', 'pays', 'pais', 'land', 'nation', 'origin', 'origine', 'origen', 'origem', 'herkunft', 'herkunftsland', 'ursprungsland', 'ctry', 'cntry'],
    weight: 85,
    veto: ['destination', 'delivery', 'ship', 'bill', 'buyer', 'customer', 'client', 'livraison', 'destino', 'entrega', 'dest', 'acheteur', 'comprador', 'cliente', 'kunde'],
  },
  region: {
    exact: ['region', 'state', 'province', 'state province', 'county', 'departement', 'provincia', 'estado', 'bundesland', 'regiao', 'district', 'prefecture'],
    partial: ['region', 'province', 'state', 'county', 'departement', 'provincia', 'bundesland', 'regiao', 'district', 'prefecture'],
    weight: 55,
  },
  address: {
    exact: ['address', 'street', 'street address', 'address line 1', 'full address', 'adresse', 'direccion', 'anschrift', 'strasse', 'endereco', 'morada'],
    partial: ['address', 'street', 'adresse', 'direccion', 'anschrift', 'strasse', 'endereco', 'morada', 'rue', 'calle', 'rua'],
    weight: 55,
    veto: ['email', 'mail', 'web', 'url', 'ip'],
  },
  site: {
    exact: ['site', 'site name', 'facility', 'facility name', 'factory', 'factory name', 'production site', 'mill', 'farm', 'usine', 'site production',
      'etablissement', 'planta', 'fabrica', 'instalacion', 'werk', 'standort', 'produktionsstatte', 'unidade', 'unidade produtiva'],
    partial: ['site', 'facility', 'factory', 'mill', 'farm', 'usine', 'etablissement', 'fabrica', 'standort'],
    weight: 55,
    veto: ['id', 'number', 'no', 'nr', 'code', 'country', 'address', 'city', 'region', 'type'],
  },
  latitude: {
    exact: ['latitude', 'lat', 'breitengrad', 'latitud'],
    partial: ['latitude', 'breitengrad', 'latitud'],
    weight: 90,
  },
  longitude: {
    exact: ['longitude', 'lon', 'lng', 'long', 'langengrad', 'laengengrad', 'longitud'],
    partial: ['longitude', 'langengrad', 'laengengrad', 'longitud'],
    weight: 90,
  },
  description: {
    exact: ['item description', 'product description', 'material description', 'goods description', 'description goods', 'commodity description',
      'description', 'product', 'products', 'product name', 'item', 'item name', 'goods', 'goods and services', 'goods services', 'products services',
      'commodity', 'material', 'short text', 'material group', 'material group description', 'category', 'spend category', 'category name',
      'purchase category', 'procurement category', 'service', 'services', 'subject', 'contract title', 'title',
      'designation', 'libelle', 'objet', 'objet marche', 'produit', 'produits', 'article', 'categorie', 'famille achat', 'famille', 'nature',
      'descripcion', 'producto', 'productos', 'articulo', 'categoria', 'objeto', 'objeto contrato',
      'beschreibung', 'bezeichnung', 'artikel', 'produkt', 'warengruppe', 'materialgruppe', 'kategorie', 'leistung', 'gegenstand',
      'descricao', 'produto', 'produtos'],
    partial: ['description', 'desc', 'product', 'products', 'item', 'goods', 'commodity', 'category', 'material', 'service', 'services', 'designation',
      'libelle', 'descripcion', 'producto', 'beschreibung', 'bezeichnung', 'descricao', 'produto', 'objet', 'objeto', 'article', 'articulo', 'artikel',
      'categorie', 'categoria', 'kategorie', 'warengruppe', 'materialgruppe', 'famille', 'text'],
    weight: 50,
    veto: ['number', 'no', 'nr', 'id', 'code', 'qty', 'quantity', 'price', 'unit', 'uom', 'date', 'amount', 'value', 'count', 'level', 'owner', 'manager',
      'type', 'status', 'hs', 'cpv', 'unspsc', 'numero', 'codigo', 'nummer', 'quantite', 'cantidad', 'menge', 'prix', 'precio', 'preis'],
  },
  hs: {
    exact: ['hs', 'hs code', 'hs codes', 'hs6', 'hs 6', 'hs2', 'hs4', 'harmonized system code', 'harmonised system code', 'harmonized code', 'harmonised code',
      'hts', 'hts code', 'tariff code', 'tariff number', 'customs tariff', 'customs code', 'customs tariff number', 'cn code', 'cn8', 'taric', 'taric code',
      'code sh', 'sh', 'nomenclature douaniere', 'code douanier', 'codigo sa', 'codigo arancelario', 'partida arancelaria', 'zolltarifnummer', 'warennummer',
      'ncm', 'codigo ncm'],
    partial: ['hs', 'hts', 'tariff', 'customs', 'taric', 'ncm', 'harmonized', 'harmonised', 'douanier', 'douaniere', 'arancelario', 'arancelaria', 'zolltarif', 'zolltarifnummer'],
    weight: 95,
    veto: CODE_TEXT_WORDS,
  },
  cpv: {
    exact: ['cpv', 'cpv code', 'cpv codes', 'main cpv', 'main cpv code', 'code cpv', 'codigo cpv', 'cpv principal'],
    partial: ['cpv'],
    weight: 95,
    veto: CODE_TEXT_WORDS,
  },
  unspsc: {
    exact: ['unspsc', 'unspsc code', 'unspsc codes', 'code unspsc', 'codigo unspsc', 'unspsc commodity code'],
    partial: ['unspsc'],
    weight: 95,
    veto: CODE_TEXT_WORDS,
  },
  spend: {
    exact: ['spend', 'amount', 'value', 'total', 'total amount', 'total spend', 'spend amount', 'net amount', 'net value', 'net order value', 'invoice amount',
      'invoiced amount', 'order value', 'po amount', 'contract value', 'award value', 'contract amount', 'annual spend', 'spend ytd', 'ytd spend', 'total value',
      'amount incl vat', 'amount excl vat', 'total incl vat', 'total excl vat', 'paid amount', 'amount paid',
      'montant', 'montant ht', 'montant ttc', 'montant total', 'depense', 'depenses', 'valeur', 'montant marche', 'montant annuel',
      'importe', 'monto', 'gasto', 'valor', 'importe total', 'importe adjudicado', 'importe sin iva', 'importe con iva',
      'betrag', 'summe', 'ausgaben', 'wert', 'nettobetrag', 'bruttobetrag', 'umsatz', 'bestellwert', 'auftragswert',
      'montante', 'valor total', 'despesa', 'gasto total'],
    partial: ['spend', 'amount', 'value', 'total', 'montant', 'importe', 'monto', 'betrag', 'valor', 'gasto', 'depense', 'depenses', 'umsatz', 'ausgaben',
      'summe', 'wert', 'montante', 'despesa', 'valeur', 'cost', 'paid', 'invoiced'],
    weight: 60,
    veto: ['date', 'currency', 'ccy', 'quantity', 'qty', 'unit', 'price', 'count', 'percent', 'pct', 'rate', 'number', 'no', 'id', 'tax', 'vat', 'tva', 'iva',
      'mwst', 'ust', 'discount', 'datum', 'fecha', 'devise', 'moneda', 'waehrung', 'wahrung', 'moeda', 'quantite', 'cantidad', 'menge', 'rank'],
    vetoUnless: ['incl', 'including', 'excl', 'excluding', 'inkl', 'exkl', 'ttc', 'ht', 'hors', 'sin', 'sem', 'con', 'com', 'ohne', 'mit', 'net', 'gross'],
  },
  currency: {
    exact: ['currency', 'currency code', 'ccy', 'cur', 'curr', 'crcy', 'currency key', 'iso currency', 'transaction currency', 'document currency', 'invoice currency',
      'devise', 'monnaie', 'code devise', 'moneda', 'divisa', 'waehrung', 'wahrung', 'moeda'],
    partial: ['currency', 'devise', 'moneda', 'divisa', 'waehrung', 'wahrung', 'moeda', 'ccy', 'crcy', 'curr'],
    weight: 90,
    veto: ['rate', 'exchange', 'taux', 'tasa', 'kurs', 'change', 'cambio'],
  },
  period: {
    exact: ['period', 'year', 'fiscal year', 'fy', 'financial year', 'month', 'quarter', 'reporting period', 'spend period', 'date', 'invoice date', 'posting date',
      'periode', 'annee', 'exercice', 'mois', 'periodo', 'ano', 'ejercicio', 'mes', 'fecha', 'zeitraum', 'jahr', 'geschaftsjahr', 'monat', 'datum'],
    partial: ['period', 'year', 'fy', 'month', 'quarter', 'date', 'periode', 'annee', 'exercice', 'periodo', 'ano', 'ejercicio', 'zeitraum', 'jahr', 'monat', 'datum', 'fecha', 'mois', 'mes'],
    weight: 45,
    veto: ['birth', 'due', 'expiry', 'expiration', 'created', 'modified', 'updated', 'last', 'naissance', 'nacimiento', 'geburt'],
  },
  tier: {
    exact: ['tier', 'supplier tier', 'tier level', 'tier number', 'supply chain tier', 'niveau', 'rang', 'nivel', 'stufe', 'lieferantenstufe'],
    partial: ['tier', 'niveau', 'nivel', 'stufe'],
    weight: 70,
    veto: ['name', 'supplier', 'vendor', 'fournisseur', 'proveedor', 'lieferant', 'fornecedor'],
  },
  parent: {
    // Not "parent company" or "parent supplier": exports use those for corporate ownership, not who is supplied.
    // "Buyer" only as the whole header: "Buyer Name" in a spend export is the purchasing officer.
    exact: ['parent', 'supplies to', 'supplied to', 'tier 1 supplier', 'direct supplier', 'buyer', 'customer', 'client', 'sold to',
      'acheteur', 'donneur ordre', 'comprador', 'cliente', 'kaufer', 'kunde', 'auftraggeber', 'abnehmer'],
    partial: ['supplies to', 'supplied to', 'tier 1 supplier', 'direct supplier', 'customer', 'client', 'cliente', 'abnehmer'],
    weight: 50,
    veto: ['company', 'corporate', 'ownership', 'owner', 'group', 'country', 'pays', 'pais', 'land', 'address', 'city', 'id', 'number', 'no', 'code', 'email', 'phone', 'contact'],
  },
};

/** Words that say nothing about a header's meaning ("Country of origin" = "country origin"). */
const STOPWORDS = new Set(['of', 'the', 'as', 'in', 'de', 'du', 'des', 'del', 'da', 'do', 'dos', 'das', 'der', 'die', 'den', 'la', 'le', 'les', 'el', 'los', 'las', 'd', 'l', 'en', 'y', 'e', 'et', 'und']);

/**
 * A header's words: camelCase and snake_case split, accents and punctuation dropped, lower case, "#" read as
 * "number", elisions split ("d'origine"), stop words left out. Both headers and synonyms go through it, so they compare as written.
 */
export function headerWords(header: string): string[] {
  const spaced = header
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, ' ');
  return tokenize(spaced).filter((w) => !STOPWORDS.has(w));
}

function key(words: readonly string[]): string {
  return words.join(' ');
}

interface CompiledField {
  field: LineField;
  exact: Map<string, number>;
  partial: { phrase: string; words: string[] }[];
  weight: number;
  veto: Set<string>;
  vetoUnless: Set<string>;
  only: Set<string> | null;
}

const COMPILED: CompiledField[] = LINE_FIELDS.map((field) => {
  const f = FIELDS[field];
  const exact = new Map<string, number>();
  f.exact.forEach((e, i) => {
    const k = key(headerWords(e));
    if (!exact.has(k)) exact.set(k, i);
  });
  return {
    field,
    exact,
    partial: (f.partial ?? []).map((p) => ({ phrase: p, words: headerWords(p) })),
    weight: f.weight ?? 50,
    veto: new Set((f.veto ?? []).flatMap(headerWords)),
    vetoUnless: new Set((f.vetoUnless ?? []).flatMap(headerWords)),
    only: f.only ? new Set(f.only.flatMap(headerWords)) : null,
  };
});

interface Candidate {
  field: LineField;
  index: number;
  score: number;
  why: string;
}

function candidates(header: string, index: number): Candidate[] {
  const words = headerWords(header);
  if (words.length === 0) return [];
  const k = key(words);
  const set = new Set(words);
  const out: Candidate[] = [];
  for (const f of COMPILED) {
    const rank = f.exact.get(k);
    if (rank !== undefined) {
      out.push({ field: f.field, index, score: 10_000 - rank, why: `the header is "${FIELDS[f.field].exact[rank]}"` });
      continue;
    }
    const vetoed = words.some((w) => f.veto.has(w)) && !words.some((w) => f.vetoUnless.has(w));
    if (vetoed) continue;
    let best: { phrase: string; words: string[] } | null = null;
    for (const p of f.partial) {
      if (p.words.every((w) => set.has(w)) && (!best || p.words.length > best.words.length)) best = p;
    }
    if (!best) continue;
    if (f.only && !words.every((w) => f.only!.has(w))) continue;
    out.push({ field: f.field, index, score: f.weight + 10 * best.words.length, why: `the header contains "${best.phrase}"` });
  }
  return out;
}

/**
 * Recognises the fields of a file from its headers. Every (field, header) pair gets a score (an exact synonym
 * far above any partial match, a specific word such as "country" above a general one such as "supplier"),
 * and pairs are taken best first, so no field takes two headers and no header feeds two fields.
 */
export function recogniseColumns(headers: readonly string[]): Recognition {
  const all = headers.flatMap((h, i) => candidates(h, i));
  all.sort((a, b) => b.score - a.score || a.index - b.index || LINE_FIELDS.indexOf(a.field) - LINE_FIELDS.indexOf(b.field));
  const mapping: ColumnMapping = {};
  const byField = new Map<LineField, RecognisedColumn>();
  const usedHeaders = new Set<number>();
  for (const c of all) {
    if (byField.has(c.field) || usedHeaders.has(c.index)) continue;
    usedHeaders.add(c.index);
    byField.set(c.field, { field: c.field, header: headers[c.index]!, why: c.why });
  }
  const recognised = LINE_FIELDS.flatMap((f) => {
    const r = byField.get(f);
    if (!r) return [];
    mapping[f] = r.header;
    return [r];
  });
  return {
    mapping,
    recognised,
    unmapped: headers.filter((_, i) => !usedHeaders.has(i)),
    missingRequired: REQUIRED_FIELDS.filter((f) => mapping[f] === undefined),
    warnings: mappingWarnings(mapping),
  };
}

function mappingWarnings(mapping: ColumnMapping): string[] {
  const warnings: string[] = [];
  if (!ASSESSABLE_FIELDS.some((f) => mapping[f] !== undefined)) {
    warnings.push(`no column for ${ASSESSABLE_FIELDS.join(', ')}: without a country or what is bought, lines can only be matched by supplier name, not assessed for risk`);
  }
  if ((mapping.latitude === undefined) !== (mapping.longitude === undefined)) {
    warnings.push(`${mapping.latitude === undefined ? 'longitude' : 'latitude'} is mapped without ${mapping.latitude === undefined ? 'latitude' : 'longitude'}: coordinates need both`);
  }
  return warnings;
}

export interface MappingCheck {
  /** The mapping with each header spelled exactly as the file has it. */
  mapping: ColumnMapping;
  /** Problems that stop an import (unknown field, a header the file does not have, no supplier column). */
  errors: string[];
  warnings: string[];
}

/**
 * Checks a mapping a person set (in the web app, by flags or from a saved mapping) against a file's headers.
 * A header written with other case, accents or punctuation is accepted when it names exactly one column.
 */
export function checkMapping(mapping: Readonly<Record<string, string | undefined>>, headers: readonly string[]): MappingCheck {
  const errors: string[] = [];
  const out: ColumnMapping = {};
  for (const [field, header] of Object.entries(mapping)) {
    if (header === undefined) continue;
    if (!isLineField(field)) {
      errors.push(`unknown field "${field}"; the fields are: ${LINE_FIELDS.join(', ')}`);
      continue;
    }
    const found = matchHeader(header, headers);
    if ('header' in found) out[field] = found.header;
    else errors.push(`${field}: ${found.error}`);
  }
  for (const f of REQUIRED_FIELDS) {
    if (out[f] === undefined && mapping[f] === undefined) errors.push(`no column is mapped to ${f}, which is required`);
  }
  const warnings = mappingWarnings(out);
  const fieldsByHeader = new Map<string, LineField[]>();
  for (const f of LINE_FIELDS) {
    const h = out[f];
    if (h !== undefined) fieldsByHeader.set(h, [...(fieldsByHeader.get(h) ?? []), f]);
  }
  for (const [h, fields] of fieldsByHeader) {
    if (fields.length > 1) warnings.push(`"${h}" feeds ${fields.join(' and ')}`);
  }
  return { mapping: out, errors, warnings };
}

/**
 * The file's header a person meant: the one written exactly so, else the only one with the same words (case,
 * accents and punctuation aside), else why none fits.
 */
export function matchHeader(requested: string, headers: readonly string[]): { header: string } | { error: string } {
  if (headers.includes(requested)) return { header: requested };
  const words = key(headerWords(requested));
  const near = headers.filter((h) => key(headerWords(h)) === words);
  if (near.length === 1) return { header: near[0]! };
  if (near.length > 1) return { error: `"${requested}" could be any of ${near.map((h) => `"${h}"`).join(', ')}; write the header exactly` };
  return { error: `the file has no column "${requested}"; its columns are ${headers.map((h) => `"${h}"`).join(', ')}` };
}

export function isLineField(value: string): value is LineField {
  return (LINE_FIELDS as readonly string[]).includes(value);
}

/** Changes to a mapping: a header for a field, or null to leave the field unmapped. */
export type MappingOverrides = Partial<Record<LineField, string | null>>;

/**
 * Reads `--map field=Header` flags ("supplier=Vendor Name", "country=Origin"; "tier=" unmaps tier). Field
 * names take "-" for "_" and any case. Throws an Error naming the flag when one cannot be read.
 */
export function parseMappingFlags(flags: readonly string[]): MappingOverrides {
  const out: MappingOverrides = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq < 0) throw new Error(`--map "${flag}": write field=Header, e.g. --map "supplier=Vendor Name"`);
    const field = flag.slice(0, eq).trim().toLowerCase().replace(/-/g, '_');
    const header = flag.slice(eq + 1).trim();
    if (!isLineField(field)) throw new Error(`--map "${flag}": unknown field "${field}"; the fields are: ${LINE_FIELDS.join(', ')}`);
    if (field in out) throw new Error(`--map "${flag}": ${field} is mapped twice`);
    out[field] = header === '' ? null : header;
  }
  return out;
}

/**
 * A mapping with a person's changes laid over it (recognised columns, then flags or edits): a header given to
 * a field is taken away from any other field that had it, and null unmaps.
 */
export function overrideMapping(base: ColumnMapping, overrides: MappingOverrides): ColumnMapping {
  const taken = new Set(Object.values(overrides).filter((h): h is string => h !== null && h !== undefined));
  const out: ColumnMapping = {};
  for (const f of LINE_FIELDS) {
    const o = overrides[f];
    if (o !== undefined) {
      if (o !== null) out[f] = o;
    } else {
      const b = base[f];
      if (b !== undefined && !taken.has(b)) out[f] = b;
    }
  }
  return out;
}
