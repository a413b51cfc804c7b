// Compiles the bundled PARTIAL seed edition of the CBP Withhold Release Orders and Findings list from the
// OpenSanctions crawler's name lookups in ../shared/reference (forced-labour-entities/opensanctions-metadata/
// cbp_wro_findings_name_lookups.json) into reference/watchlists/us-cbp-wro/, as FollowTheMoney JSON lines and a
// manifest of its provenance. A fresh installation loads it while the list has no version of its own.
//
// The lookups are only the CBP entries OpenSanctions had to split or clean by hand: not the whole list, and with
// no dates, products or status. Companies and other producers are kept; regions, products, fleets, single
// vessels and names that may be a person's are left out, each with its reason in the manifest.
//
//   node --import tsx scripts/compile-watchlists.ts [--shared ../shared/reference]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_WATCHLISTS_DIR, type BundledManifest } from '../src/watchlists/bundled.ts';
import { DEFAULT_SHARED } from './compile-reference.ts';

const SOURCE = 'forced-labour-entities/opensanctions-metadata/cbp_wro_findings_name_lookups.json';
const EDITION = 'partial-opensanctions-lookups-1168e6a3';
/** On every entity, so that a hit on the seed says what it rests on. */
const SEED_LABEL = 'PARTIAL seed edition bundled with Vigil (OpenSanctions crawler lookups @1168e6a3, MIT): not the full CBP list; check the order on cbp.gov';

/** Entries that do not name a company or another producer, and why they are left out. */
const LEFT_OUT: Readonly<Record<string, string>> = {
  'Xinjiang Uyghur Autonomous Region (XUAR)': 'a region (region-wide order), not an entity',
  'Marange Diamond Fields': 'a mining region, not an entity',
  'Artisanal Small Mines': 'a kind of mine, not an entity',
  'Tobacco produced in Malawi and products containing tobacco produced in Malawi': 'a product and country, not an entity',
  'All Turkmenistan Cotton or products produced in whole or in part with Turkmenistan cotton.': 'a product and country, not an entity',
  'Fishing Vessels owned by Dalian Ocean Fishing Co. Ltd.': 'a fleet of vessels, not the company itself',
  'Hangton No. 112': 'a fishing vessel',
  'Lien Yi Hsing No. 12': 'a fishing vessel',
  'Da Wang': 'a fishing vessel',
  'Yu Long No. 2': 'a fishing vessel',
  'Asli Maydi': 'not recognisably a company (it could be a person\'s name): no personal data is bundled',
};

interface Lookup {
  source: string;
  note: string;
  entries: { cbp_raw_name: string; entities: { name: string[]; alias: string[]; notes: string | null; address: string | null; country: string | null }[] }[];
}

const COMPANY_WORDS = /\b(co|company|corporation|ltd|limited|llc|pvt|berhad|bhd|s\.a|group|holdings?|industr\w*|enterprises?|works|factory|plant|products)\b/i;

export function compileCbpSeed(sharedDir = DEFAULT_SHARED): { lines: object[]; manifest: BundledManifest } {
  const lookup = JSON.parse(readFileSync(join(sharedDir, SOURCE), 'utf8')) as Lookup;
  const byName = new Map<string, { id: string; schema: string; properties: Record<string, string[]>; cbpNames: string[] }>();
  const leftOut: { name: string; reason: string }[] = [];
  const add = (list: string[], value: string | null) => {
    if (value && !list.includes(value)) list.push(value);
  };
  for (const entry of lookup.entries) {
    for (const e of entry.entities) {
      const name = e.name[0]!.trim();
      const reason = LEFT_OUT[name];
      if (reason) {
        if (!leftOut.some((l) => l.name === name)) leftOut.push({ name, reason });
        continue;
      }
      const key = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      let found = byName.get(key);
      if (!found) {
        found = { id: `us-cbp-wro-seed-${key.replace(/ /g, '-')}`, schema: COMPANY_WORDS.test(name) ? 'Company' : 'Organization', properties: { name: [name], alias: [], notes: [], address: [], country: [] }, cbpNames: [] };
        byName.set(key, found);
      }
      for (const a of e.alias) add(found.properties.alias!, a);
      add(found.properties.notes!, e.notes);
      add(found.properties.address!, e.address);
      // Only where the lookups name the country (one entry); none is guessed from the name.
      if (e.country === 'Japan') add(found.properties.country!, 'jp');
      add(found.cbpNames, entry.cbp_raw_name);
    }
  }
  const lines = [...byName.values()].map((e) => {
    const properties = { ...e.properties, notes: [...e.properties.notes!, ...e.cbpNames.map((n) => `CBP lists it as: ${n}`)], summary: [SEED_LABEL] };
    return { id: e.id, schema: e.schema, target: true, properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v.length > 0)) };
  });
  const manifest: BundledManifest = {
    slug: 'us-cbp-wro',
    edition: EDITION,
    publishedOn: null,
    file: `${EDITION}.ftm.json`,
    sha256: '',
    entities: lines.length,
    provenance: `PARTIAL seed, not the CBP list: the ${lines.length} companies and other producers among the CBP Withhold Release Order and Finding names that OpenSanctions' crawler splits or cleans by hand (${lookup.source}; code under the MIT licence). Names only: no dates, products, countries (one exception) or status. Import the full list (vigil watchlist import us-cbp-wro <file>) to replace it.`,
    leftOut,
  };
  return { lines, manifest };
}

export function writeCbpSeed(outDir = BUNDLED_WATCHLISTS_DIR, sharedDir = DEFAULT_SHARED): BundledManifest {
  const { lines, manifest } = compileCbpSeed(sharedDir);
  const dir = join(outDir, manifest.slug);
  mkdirSync(dir, { recursive: true });
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const done = { ...manifest, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(join(dir, manifest.file), text);
  writeFileSync(join(dir, `${manifest.edition}.json`), `${JSON.stringify(done, null, 2)}\n`);
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--shared');
  const m = writeCbpSeed(BUNDLED_WATCHLISTS_DIR, at > 0 ? process.argv[at + 1]! : DEFAULT_SHARED);
  console.log(`Wrote ${m.slug} ${m.edition}: ${m.entities} entities (${m.leftOut.length} names left out), sha256 ${m.sha256.slice(0, 16)}…`);
}
