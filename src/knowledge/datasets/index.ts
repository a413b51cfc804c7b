// Every reference dataset Vigil knows, by id.
import type { DatasetId } from '../dataset.ts';
import type { DatasetDefinition } from '../definition.ts';
import { definition as countries } from './countries.ts';
import { definition as cpv } from './cpv.ts';
import { definition as gsi } from './gsi.ts';
import { definition as hs } from './hs.ts';
import { definition as ilabTvpra } from './ilab-tvpra.ts';
import { definition as iloIndicators } from './ilo-indicators.ts';
import { definition as tipTiers } from './tip-tiers.ts';

export const DATASETS: Record<DatasetId, DatasetDefinition> = {
  countries,
  'tip-tiers': tipTiers,
  'ilab-tvpra': ilabTvpra,
  gsi,
  hs,
  cpv,
  'ilo-indicators': iloIndicators,
};

export function datasetDefinition(id: DatasetId): DatasetDefinition {
  return DATASETS[id];
}
