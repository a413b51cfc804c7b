// Compile step for the goods map: checks reference-src/ilab-goods-map.csv against the ILAB list, HS 2022 and
// CPV 2008 in reference/, prints its coverage, and optionally writes the engine's input as JSON.
//   node --import tsx src/classify/compile.ts [--map FILE] [--out FILE] [--json]
// Exits 1 and names every bad line and field when the map does not check out.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, ImportRejected } from '../knowledge/dataset.ts';
import { goodsMapCoverage } from './goods-map.ts';
import { GOODS_MAP_PATH, loadGoodsMap, readReferenceEditions } from './load.ts';

function main(): number {
  const { values } = parseArgs({ options: { map: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
  const refs = readReferenceEditions();
  let map;
  try {
    map = loadGoodsMap(refs, values.map ? resolve(values.map) : GOODS_MAP_PATH);
  } catch (err) {
    if (err instanceof ImportRejected) {
      for (const issue of err.issues) console.error(formatIssue(issue));
      console.error(`${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}: the goods map was not compiled`);
      return 1;
    }
    throw err;
  }
  const coverage = goodsMapCoverage(map);
  if (values.json) console.log(JSON.stringify(coverage, null, 2));
  else {
    console.log(`${map.source}: ${coverage.goods} goods, all in ILAB ${refs.ilab.provenance.edition}; codes checked against HS ${refs.hs.provenance.edition} and CPV ${refs.cpv.provenance.edition}`);
    console.log(`  with trade synonyms ${coverage.withSynonyms}, with words in other languages ${coverage.withOtherLanguages}, with HS codes ${coverage.withHs}, with CPV codes ${coverage.withCpv}`);
    console.log(`  without synonyms (${coverage.withoutSynonyms.length}): ${coverage.withoutSynonyms.join('; ') || '-'}`);
    console.log(`  without HS codes (${coverage.withoutHs.length}): ${coverage.withoutHs.join('; ') || '-'}`);
    console.log(`  name only, no synonym or code (${coverage.none.length}): ${coverage.none.join('; ') || '-'}`);
    console.log(`  checksum ${map.checksum}`);
  }
  if (values.out) {
    writeFileSync(values.out, `${JSON.stringify(map, null, 1)}\n`);
    console.log(`wrote ${values.out}`);
  }
  return 0;
}

process.exitCode = main();
