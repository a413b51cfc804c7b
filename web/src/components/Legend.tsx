// The map legend: one swatch per class with the number of countries in it.
import type { ReactNode } from 'react';
import type { LegendClass } from '../lib/indicators.ts';
import { HatchDefs } from './WorldMap.tsx';

export function Swatch({ colour, id }: { colour: string | null; id: string }) {
  return (
    <svg className="swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
      {colour === null && <HatchDefs id={id} />}
      <rect x="0.5" y="0.5" width="17" height="13" rx="2" fill={colour ?? `url(#${id})`} stroke="rgba(0,0,0,0.25)" />
    </svg>
  );
}

/** `kind` names what the map shows (data-indicator); `children` adds notes under the classes. */
export function Legend({ kind, classes, title, counts, children }: { kind: string; classes: readonly LegendClass[]; title: string; counts: Record<string, number>; children?: ReactNode }) {
  return (
    <figure className="legend" data-indicator={kind} aria-labelledby="legend-title">
      <figcaption id="legend-title" className="legend-title">
        {title}
      </figcaption>
      <ul className="legend-items">
        {classes.map((c) => (
          <li key={c.key} className="legend-item" data-class={c.key} title={c.description}>
            <Swatch colour={c.colour} id={`legend-hatch-${c.key}`} />
            <span className="legend-label">{c.label}</span>
            <span className="legend-count" aria-label={`${counts[c.key] ?? 0} countries`}>
              {counts[c.key] ?? 0}
            </span>
          </li>
        ))}
      </ul>
      {children}
    </figure>
  );
}
