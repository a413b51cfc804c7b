// Small parts every portfolio page shows: a risk level (colour and word), a contribution bar, the editions a
// result was computed from, and the note on what a score is not.
import { Fragment, useMemo, type CSSProperties } from 'react';
import { endpoints, type DatasetList } from '../api.ts';
import { useApi } from '../hooks.ts';
import { INHERENT_RISK_NOTE, LEVEL_INFO, contributionWidth, editionRefs, formatPoints, isLevel, levelLabel } from '../lib/risk.ts';
import { Link } from '../router.tsx';

/** Which datasets have an entry on the Sources page (Vigil's goods map and sector rules have none). */
export function useSourceDatasets(): ReadonlySet<string> {
  const res = useApi<DatasetList>(endpoints.datasets());
  return useMemo(() => new Set((res.data?.datasets ?? []).map((d) => d.id)), [res.data]);
}

/** The level in words with a swatch of its colour: the word carries the meaning, the colour only helps. */
export function LevelBadge({ level, score }: { level: string | null | undefined; score?: number }) {
  const known = isLevel(level);
  return (
    <span
      className={`level-badge level-${known ? level : 'none'}`}
      title={known ? LEVEL_INFO[level].meaning : undefined}
      style={known ? ({ '--swatch': LEVEL_INFO[level].colour } as CSSProperties) : undefined}
    >
      {levelLabel(level)}
      {score !== undefined && <span className="level-score"> · {score}</span>}
    </span>
  );
}

/** A signal's points with a bar relative to the largest signal of the same line. */
export function ContributionBar({ points, largest }: { points: number; largest: number }) {
  const width = contributionWidth(points, largest);
  return (
    <span className="contribution">
      <span className="contribution-track" aria-hidden="true">
        <span className="contribution-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="contribution-value">{formatPoints(points)}</span>
    </span>
  );
}

/** "ILAB 2022, TIP 2025, GSI 2023", each linking to its dataset on the Sources page. */
export function EditionLinks({ editions, only }: { editions: Readonly<Record<string, string>>; only?: readonly string[] }) {
  const sources = useSourceDatasets();
  const refs = editionRefs(editions).filter((e) => !only || only.includes(e.dataset));
  if (refs.length === 0) return <>no edition recorded</>;
  return (
    <>
      {refs.map((e, i) => (
        <Fragment key={e.dataset}>
          {i > 0 && ', '}
          {sources.has(e.dataset) ? (
            <Link to={e.to} title={`${e.dataset} edition ${e.edition}`}>
              {e.label}
            </Link>
          ) : (
            <span title={`${e.dataset} edition ${e.edition}`}>{e.label}</span>
          )}
        </Fragment>
      ))}
    </>
  );
}

export function InherentRiskNote() {
  return (
    <p className="notice inherent-note" data-testid="inherent-risk-note">
      <strong>What the score is.</strong> {INHERENT_RISK_NOTE}
    </p>
  );
}
