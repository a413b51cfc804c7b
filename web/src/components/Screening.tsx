// Parts the screening pages and the supplier page share: a hit's status, signal and alert in words, the
// table of hits, and a feature's signed bar.
import type { ReactNode } from 'react';
import { formatScore, featureBar, formatContribution, hitStatusLabel, alertLabel, SUBJECT_KIND_LABELS, type HitRow } from '../lib/screening.ts';
import { SIGNAL_INFO } from '../lib/watchlists.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';

export function HitStatusBadge({ hit }: { hit: Pick<HitRow, 'status' | 'hard'> }) {
  const kind = hit.status === 'open' ? (hit.hard ? 'possible' : 'open') : hit.status;
  return (
    <span className={`hit-status hit-status-${kind}`} data-testid="hit-status">
      {hitStatusLabel(hit)}
    </span>
  );
}

export function SignalBadge({ hard }: { hard: boolean }) {
  const info = SIGNAL_INFO[hard ? 'hard' : 'soft'];
  return (
    <span className={`signal-badge signal-${hard ? 'hard' : 'soft'}`} title={info.meaning}>
      {info.label}
    </span>
  );
}

export function AlertBadge({ alert }: { alert: HitRow['alert'] }) {
  if (!alert) return null;
  return <span className={`alert-badge alert-${alert}`}>{alertLabel(alert)}</span>;
}

/** Hits, hard ones first as the server sorts them; `showSupplier` off on a supplier's own page. */
export function HitTable({ hits, showSupplier = true, caption }: { hits: readonly HitRow[]; showSupplier?: boolean; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table hit-table stack-table two-up" data-testid="hit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Our party</th>
            <th scope="col">Listed as</th>
            <th scope="col">List</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Signal</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <tr key={h.id} className={`hit-row${h.hard ? ' hit-hard' : ''}${h.status === 'dismissed' ? ' hit-dismissed' : ''}`} data-hit={h.id}>
              <th scope="row">
                <Link to={href.hit(h.id)}>{h.subject.name}</Link> <AlertBadge alert={h.alert} />
                <span className="row-note">
                  {SUBJECT_KIND_LABELS[h.subject.kind]}
                  {showSupplier && h.subject.kind !== 'supplier' && (
                    <>
                      {' of '}
                      <Link to={href.supplier(h.subject.supplierId)}>{h.subject.supplierName}</Link>
                    </>
                  )}
                  {showSupplier && h.subject.kind === 'supplier' && (
                    <>
                      {' · '}
                      <Link to={href.supplier(h.subject.supplierId)}>supplier page</Link>
                    </>
                  )}
                </span>
              </th>
              <td data-label="Listed as">{h.entity.name}</td>
              <td data-label="List">
                <Link to={href.watchlist(h.entity.watchlistId)}>{h.entity.listName}</Link>
              </td>
              <td className="num" data-label="Score">
                {formatScore(h.score)}
              </td>
              <td data-label="Signal">
                <SignalBadge hard={h.hard} />
              </td>
              <td data-label="Status">
                <HitStatusBadge hit={h} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A feature's push on the score: to the right when it raised it, to the left when it lowered it. */
export function FeatureBar({ contribution, features }: { contribution: number; features: readonly { contribution: number }[] }) {
  const bar = featureBar(contribution, features);
  return (
    <span className={`feature-bar feature-${bar.direction}`}>
      <span className="feature-track" aria-hidden="true">
        <span className="feature-half feature-half-down">{bar.direction === 'down' && <span className="feature-fill" style={{ width: `${bar.width}%` }} />}</span>
        <span className="feature-half feature-half-up">{bar.direction === 'up' && <span className="feature-fill" style={{ width: `${bar.width}%` }} />}</span>
      </span>
      <span className="feature-value">{formatContribution(contribution)}</span>
    </span>
  );
}

/** One fact of a provenance list; `wide` for a sentence that needs the whole row. */
export function Fact({ label, wide = false, className, children }: { label: ReactNode; wide?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
