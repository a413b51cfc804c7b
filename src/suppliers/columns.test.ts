import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMapping, headerWords, overrideMapping, parseMappingFlags, recogniseColumns } from './columns.ts';

test('an SAP purchasing export: the name is "Name 1", the vendor number goes to supplier_ref, the buyer\'s plant is left alone', () => {
  const r = recogniseColumns(['Vendor', 'Name 1', 'Country Key', 'Purch.Doc.', 'Material Group', 'Short Text', 'Net Order Value', 'Crcy', 'Plant', 'VAT Registration No.', 'Company Code', 'Posting Date']);
  assert.deepEqual(r.mapping, {
    supplier: 'Name 1',
    supplier_ref: 'Vendor',
    vat: 'VAT Registration No.',
    country: 'Country Key',
    description: 'Short Text',
    spend: 'Net Order Value',
    currency: 'Crcy',
    period: 'Posting Date',
  });
  assert.deepEqual(r.unmapped, ['Purch.Doc.', 'Material Group', 'Plant', 'Company Code']);
  assert.deepEqual(r.missingRequired, []);
  assert.deepEqual(r.warnings, []);
});

test('a Coupa invoice export: supplier country, not the ship-to country', () => {
  const r = recogniseColumns(['Supplier Number', 'Supplier Name', 'Supplier Country', 'Commodity', 'Item Description', 'Total (USD)', 'Currency', 'Invoice Date', 'Ship-To Country', 'Supplier DUNS']);
  assert.deepEqual(r.mapping, {
    supplier: 'Supplier Name',
    supplier_ref: 'Supplier Number',
    duns: 'Supplier DUNS',
    country: 'Supplier Country',
    description: 'Item Description',
    spend: 'Total (USD)',
    currency: 'Currency',
    period: 'Invoice Date',
  });
  assert.deepEqual(r.unmapped, ['Commodity', 'Ship-To Country']);
  assert.deepEqual(r.recognised.find((x) => x.field === 'country'), { field: 'country', header: 'Supplier Country', why: 'the header is "supplier country"' });
  assert.deepEqual(r.recognised.find((x) => x.field === 'spend'), { field: 'spend', header: 'Total (USD)', why: 'the header contains "total"' });
});

test('an Ariba spend cube: ambiguous "Commodity Code" and corporate "Supplier Parent" are left for the person', () => {
  const r = recogniseColumns(['Supplier ID', 'Supplier', 'Supplier Country', 'Commodity Code', 'Commodity', 'UNSPSC', 'Spend', 'Spend Currency', 'Fiscal Year', 'Supplier Parent', 'LEI']);
  assert.deepEqual(r.mapping, {
    supplier: 'Supplier',
    supplier_ref: 'Supplier ID',
    lei: 'LEI',
    country: 'Supplier Country',
    description: 'Commodity',
    unspsc: 'UNSPSC',
    spend: 'Spend',
    currency: 'Spend Currency',
    period: 'Fiscal Year',
  });
  assert.deepEqual(r.unmapped, ['Commodity Code', 'Supplier Parent']);
});

test('a UN procurement award list', () => {
  const r = recogniseColumns(['Vendor Name', 'Vendor Country', 'Description', 'UNSPSC Code', 'Amount (USD)', 'Agency', 'Year', 'Contract Reference']);
  assert.deepEqual(r.mapping, { supplier: 'Vendor Name', country: 'Vendor Country', description: 'Description', unspsc: 'UNSPSC Code', spend: 'Amount (USD)', period: 'Year' });
});

test('a French public contracts file, accents and elisions included', () => {
  const r = recogniseColumns(['Raison sociale', 'N° SIRET', "Pays d'origine", 'Objet du marché', 'Code CPV', 'Montant HT (€)', 'Devise', 'Année', 'Niveau', "Donneur d'ordre", 'N° TVA intracommunautaire']);
  assert.deepEqual(r.mapping, {
    supplier: 'Raison sociale',
    company_number: 'N° SIRET',
    vat: 'N° TVA intracommunautaire',
    country: "Pays d'origine",
    description: 'Objet du marché',
    cpv: 'Code CPV',
    spend: 'Montant HT (€)',
    currency: 'Devise',
    period: 'Année',
    tier: 'Niveau',
    parent: "Donneur d'ordre",
  });
  assert.deepEqual(r.unmapped, []);
});

test('Spanish, German and Portuguese headers', () => {
  assert.deepEqual(recogniseColumns(['Proveedor', 'NIF', 'País', 'Descripción', 'Importe', 'Moneda', 'Fecha']).mapping, {
    supplier: 'Proveedor', vat: 'NIF', country: 'País', description: 'Descripción', spend: 'Importe', currency: 'Moneda', period: 'Fecha',
  });
  assert.deepEqual(recogniseColumns(['Lieferant', 'Lieferantennummer', 'Land', 'Warengruppe', 'Betrag', 'Währung', 'USt-IdNr.', 'Geschäftsjahr']).mapping, {
    supplier: 'Lieferant', supplier_ref: 'Lieferantennummer', vat: 'USt-IdNr.', country: 'Land', description: 'Warengruppe', spend: 'Betrag', currency: 'Währung', period: 'Geschäftsjahr',
  });
  assert.deepEqual(recogniseColumns(['Fornecedor', 'CNPJ', 'País de origem', 'Descrição do produto', 'Valor total', 'Moeda', 'Código NCM']).mapping, {
    supplier: 'Fornecedor', company_number: 'CNPJ', country: 'País de origem', description: 'Descrição do produto', hs: 'Código NCM', spend: 'Valor total', currency: 'Moeda',
  });
});

test('programmers\' headers, look-alikes and vetoes', () => {
  const r = recogniseColumns(['supplierName', 'country_of_origin', 'HS_CODE', 'spend_eur', 'Tier', 'latitude', 'long', 'Long Description', 'Site Name', 'Aliases', 'Contact Name', 'Delivery Country', 'VAT Amount', 'Exchange rate currency']);
  assert.deepEqual(r.mapping, {
    supplier: 'supplierName',
    aliases: 'Aliases',
    country: 'country_of_origin',
    site: 'Site Name',
    latitude: 'latitude',
    longitude: 'long',
    description: 'Long Description',
    hs: 'HS_CODE',
    spend: 'spend_eur',
    tier: 'Tier',
  });
  assert.deepEqual(r.unmapped, ['Contact Name', 'Delivery Country', 'VAT Amount', 'Exchange rate currency']);
});

test('an exact synonym beats a partial match, whatever the column order', () => {
  const r = recogniseColumns(['Supplier Legal Name (as registered)', 'Supplier']);
  assert.equal(r.mapping.supplier, 'Supplier');
  assert.equal(recogniseColumns(['Supplier Legal Name (as registered)']).mapping.supplier, 'Supplier Legal Name (as registered)');
});

test('no header feeds two fields, and no field takes two headers', () => {
  const r = recogniseColumns(['Name', 'Vendor Name', 'Country', 'Country Code']);
  assert.deepEqual(r.mapping, { supplier: 'Vendor Name', country: 'Country' });
  assert.deepEqual(r.unmapped, ['Name', 'Country Code']);
  const headers = Object.values(r.mapping);
  assert.equal(new Set(headers).size, headers.length);
});

test('missing supplier column and nothing to assess are said', () => {
  const r = recogniseColumns(['Amount', 'Currency']);
  assert.deepEqual(r.missingRequired, ['supplier']);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0]!, /^no column for country, description, hs, cpv, unspsc/);
  assert.deepEqual(recogniseColumns(['Vendor', 'Item']).warnings, []);
});

test('header words fold case, accents, punctuation, camelCase and stop words', () => {
  assert.deepEqual(headerWords("Pays d'origine"), ['pays', 'origine']);
  assert.deepEqual(headerWords('VendorAccountNumber'), ['vendor', 'account', 'number']);
  assert.deepEqual(headerWords('Supplier #'), ['supplier', 'number']);
  assert.deepEqual(headerWords('  COUNTRY_OF_ORIGIN  '), ['country', 'origin']);
});

test('checkMapping accepts exact headers and near spellings, and names what is wrong', () => {
  const headers = ['Vendor Name', 'Origin', 'Amount (EUR)'];
  assert.deepEqual(checkMapping({ supplier: 'Vendor Name', country: 'origin', spend: 'amount eur' }, headers), {
    mapping: { supplier: 'Vendor Name', country: 'Origin', spend: 'Amount (EUR)' },
    errors: [],
    warnings: [],
  });
  const bad = checkMapping({ suplier: 'Vendor Name', country: 'Pays' }, headers);
  assert.deepEqual(bad.errors, [
    'unknown field "suplier"; the fields are: supplier, supplier_ref, aliases, lei, company_number, vat, duns, os_id, country, region, address, site, latitude, longitude, description, hs, cpv, unspsc, spend, currency, period, tier, parent',
    'country: the file has no column "Pays"; its columns are "Vendor Name", "Origin", "Amount (EUR)"',
    'no column is mapped to supplier, which is required',
  ]);
  const twice = checkMapping({ supplier: 'Vendor Name', site: 'Vendor Name', latitude: 'Origin' }, headers);
  assert.deepEqual(twice.errors, []);
  assert.deepEqual(twice.warnings, [
    'no column for country, description, hs, cpv, unspsc: without a country or what is bought, lines can only be matched by supplier name, not assessed for risk',
    'latitude is mapped without longitude: coordinates need both',
    '"Vendor Name" feeds supplier and site',
  ]);
  assert.match(checkMapping({ supplier: 'name' }, ['Name', 'NAME']).errors[0]!, /could be any of "Name", "NAME"/);
});

test('--map flags, with unmapping and overriding what was recognised', () => {
  const flags = parseMappingFlags(['supplier=Vendor Name', 'Country=Origin', 'company-number=Reg No', 'tier=']);
  assert.deepEqual(flags, { supplier: 'Vendor Name', country: 'Origin', company_number: 'Reg No', tier: null });
  assert.throws(() => parseMappingFlags(['supplier']), /--map "supplier": write field=Header/);
  assert.throws(() => parseMappingFlags(['vendor=Name']), /unknown field "vendor"/);
  assert.throws(() => parseMappingFlags(['supplier=A', 'supplier=B']), /supplier is mapped twice/);

  const auto = { supplier: 'Name', country: 'Origin', site: 'Vendor Name', tier: 'Level' };
  assert.deepEqual(overrideMapping(auto, flags), { supplier: 'Vendor Name', company_number: 'Reg No', country: 'Origin' });
});
