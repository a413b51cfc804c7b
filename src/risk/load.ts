// Reads what the risk engine is built from out of the compiled editions in reference/, for the CLI, tests and
// benchmarks. The server builds the same knowledge from the database's active editions with the same
// buildRiskKnowledge, so the input stays plain { edition, rows }. IO lives here, apart from the pure engine.
import { join } from 'node:path';
import { readCompiledEdition, REFERENCE_DIR } from '../knowledge/compiled-files.ts';
import { buildRiskKnowledge, type EditionRows, type RiskKnowledge, type RiskKnowledgeInput } from './knowledge.ts';

/** The bundled editions, relative to reference/. */
export const RISK_EDITIONS = { ilab: 'ilab-tvpra/2022.json', tip: 'tip-tiers/2025.json', gsi: 'gsi/2023.json' } as const;

function read(path: string): EditionRows {
  const e = readCompiledEdition(path);
  return { edition: e.provenance.edition, rows: e.rows };
}

export function readRiskEditions(paths: { ilab: string; tip: string; gsi: string } = RISK_EDITIONS, folder: string = REFERENCE_DIR): RiskKnowledgeInput {
  return { ilab: read(join(folder, paths.ilab)), tip: read(join(folder, paths.tip)), gsi: read(join(folder, paths.gsi)) };
}

export function loadRiskKnowledge(paths?: { ilab: string; tip: string; gsi: string }, folder?: string): RiskKnowledge {
  return buildRiskKnowledge(readRiskEditions(paths, folder));
}
