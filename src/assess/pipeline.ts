// One supplier line to its explained risk: classify the goods, then score them in the line's country.
// Pure: the classifier and the risk knowledge are built once from editions the caller loads (files or the
// database's active editions), so the import job, `vigil assess` and the benchmark run the same code.
import { buildClassifier, type Classification, type ClassifierData } from '../classify/index.ts';
import { assessRisk, buildRiskKnowledge, DEFAULT_WEIGHTS, type RiskWeights } from '../risk/index.ts';
import type { EditionRows } from '../risk/knowledge.ts';
import type { RiskResult, Signal } from '../risk/types.ts';
import type { SupplierLine } from '../suppliers/line.ts';

/** Everything an assessment is computed from. */
export interface AssessorData {
  classifier: ClassifierData;
  tip: EditionRows;
  gsi: EditionRows;
}

export interface AssessedLine {
  classification: Classification;
  risk: RiskResult;
}

export interface Assessor {
  /** Dataset id → edition for every dataset the results depend on (goods map by its checksum). */
  readonly editions: Record<string, string>;
  readonly weights: RiskWeights;
  assess(line: Pick<SupplierLine, 'description' | 'hsCode' | 'cpvCode' | 'unspscCode'> & { countryCode: string | null }, hard?: Signal[]): AssessedLine;
}

export function buildAssessor(data: AssessorData, weights: RiskWeights = DEFAULT_WEIGHTS): Assessor {
  const classifier = buildClassifier(data.classifier);
  const knowledge = buildRiskKnowledge({ ilab: data.classifier.ilab, tip: data.tip, gsi: data.gsi });
  const editions: Record<string, string> = {
    'ilab-tvpra': classifier.editions.ilab,
    hs: classifier.editions.hs,
    cpv: classifier.editions.cpv,
    'ilab-goods-map': classifier.editions.goodsMap,
    'tip-tiers': data.tip.edition,
    gsi: data.gsi.edition,
  };
  return {
    editions,
    weights,
    assess(line, hard) {
      const classification = classifier.classify({ description: line.description, hsCode: line.hsCode, cpvCode: line.cpvCode, unspscCode: line.unspscCode });
      const risk = assessRisk({ countryCode: line.countryCode, classification, description: line.description, hard }, knowledge, weights);
      return { classification, risk };
    },
  };
}
