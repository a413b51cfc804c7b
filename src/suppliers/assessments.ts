// Stored assessments: one per distinct input (goods text, codes, country), shared by every line with that
// input, each with the editions and weights it was computed from and the hotspots it counts towards.
import { createHash } from 'node:crypto';
import type { AssessedLine, Assessor } from '../assess/pipeline.ts';
import type { Db } from '../db/client.ts';
import { rankHotspots, weightsId } from '../risk/index.ts';
import { type Column, insertColumns, textArray, textArrayValue } from './repo.ts';

export interface AssessmentInput {
  description: string | null;
  hsCode: string | null;
  cpvCode: string | null;
  unspscCode: string | null;
  countryCode: string | null;
}

export const inputOf = (l: AssessmentInput): AssessmentInput => ({
  description: l.description,
  hsCode: l.hsCode,
  cpvCode: l.cpvCode,
  unspscCode: l.unspscCode,
  countryCode: l.countryCode,
});

const hash = (parts: readonly unknown[]) => createHash('sha1').update(JSON.stringify(parts)).digest('base64url');

/** The key lines with the same input share. */
export function assessmentKey(i: AssessmentInput): string {
  return hash([i.description, i.hsCode, i.cpvCode, i.unspscCode, i.countryCode]);
}

/** What an assessment was computed from: the weights and every edition. A stored one with another basis is stale. */
export function assessmentBasis(assessor: Pick<Assessor, 'editions' | 'weights'>): string {
  const editions = Object.keys(assessor.editions).sort().map((k) => `${k}=${assessor.editions[k]}`);
  return `${weightsId(assessor.weights)}|${editions.join(',')}`;
}

/** Line key: what makes two lines the same line (see supply_lines.line_key). */
export function lineKey(parts: readonly unknown[]): string {
  return hash(parts);
}

export interface AssessmentItem {
  key: string;
  input: AssessmentInput;
  assessed: AssessedLine;
}

const ASSESSMENT_COLUMNS: readonly Column[] = [
  ['org_id', 'bigint'], ['key', 'text'], ['description', 'text'], ['hs_code', 'text'], ['cpv_code', 'text'], ['unspsc_code', 'text'], ['country_code', 'text'],
  ['classification', 'jsonb'], ['risk', 'jsonb'], ['score', 'smallint'], ['level', 'text'], ['severity', 'real'], ['likelihood', 'real'], textArray('goods'),
  ['top_signal', 'text'], ['summary', 'text'], ['hard_signals', 'smallint'], ['editions', 'jsonb'], ['basis', 'text'],
];

const HOTSPOT_COLUMNS: readonly Column[] = [
  ['org_id', 'bigint'], ['assessment_key', 'text'], ['hotspot_key', 'text'], ['good', 'text'], ['sector', 'text'], ['country_code', 'text'],
  ['kind', 'text'], ['listed', 'boolean'], ['ilab_row', 'int'], ['severity', 'real'],
];

/**
 * Stores assessments: new keys are inserted, keys stored with another basis (other editions or weights) are
 * replaced, keys already current are left alone. Their hotspot rows follow. Returns the keys written.
 */
export async function storeAssessments(tx: Db, orgId: number, assessor: Pick<Assessor, 'editions' | 'weights'>, items: readonly AssessmentItem[]): Promise<string[]> {
  if (items.length === 0) return [];
  const basis = assessmentBasis(assessor);
  const editions = JSON.stringify(assessor.editions);
  const rows = items.map(({ key, input, assessed: { classification, risk } }) => {
    const top = risk.hard[0] ?? risk.signals.find((s) => s.contribution > 0) ?? null;
    return [
      orgId, key, input.description, input.hsCode, input.cpvCode, input.unspscCode, input.countryCode,
      JSON.stringify(classification), JSON.stringify(risk), risk.score, risk.level, risk.severity, risk.likelihood,
      textArrayValue(classification.goods.map((g) => g.good)), top?.explanation ?? null, risk.summary, risk.hard.length, editions, basis,
    ];
  });
  const written = await insertColumns<{ key: string }>(
    tx,
    'line_assessments',
    ASSESSMENT_COLUMNS,
    rows,
    `ON CONFLICT (org_id, key) DO UPDATE SET
       classification = EXCLUDED.classification, risk = EXCLUDED.risk, score = EXCLUDED.score, level = EXCLUDED.level,
       severity = EXCLUDED.severity, likelihood = EXCLUDED.likelihood, goods = EXCLUDED.goods, top_signal = EXCLUDED.top_signal,
       summary = EXCLUDED.summary, hard_signals = EXCLUDED.hard_signals, editions = EXCLUDED.editions, basis = EXCLUDED.basis, assessed_at = now()
     WHERE line_assessments.basis <> EXCLUDED.basis
     RETURNING key`,
  );
  if (written.length === 0) return [];
  const keys = written.map((w) => w.key);
  const byKey = new Map(items.map((i) => [i.key, i]));
  await tx.query('DELETE FROM assessment_hotspots WHERE org_id = $1 AND assessment_key = ANY($2::text[])', [orgId, keys]);
  const hotspots: unknown[][] = [];
  for (const key of keys) {
    const { input, assessed } = byKey.get(key)!;
    // The line alone through the same ranking the portfolio uses: which hotspots it counts towards, and how gravely.
    for (const h of rankHotspots([{ supplier: '', line: 0, countryCode: input.countryCode, spend: null, result: assessed.risk }], assessor.weights)) {
      hotspots.push([orgId, key, h.key, h.good, h.sector, h.countryCode, h.kind, h.listed, h.ilabRow, h.severity]);
    }
  }
  await insertColumns(tx, 'assessment_hotspots', HOTSPOT_COLUMNS, hotspots);
  return keys;
}
