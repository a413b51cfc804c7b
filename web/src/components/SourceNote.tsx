// "Where this figure comes from": dataset, edition, publisher, date, link and, where known, the row.
import type { SourceRef } from '../api.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../router.tsx';

export function SourceNote({ source, label = 'Source', showRow = true }: { source: SourceRef | null | undefined; label?: string; showRow?: boolean }) {
  if (!source) {
    return <p className="source-note muted">{label}: no edition of this dataset is loaded.</p>;
  }
  return (
    <p className="source-note">
      <span className="source-label">{label}:</span> {source.title}, edition {source.edition} ({source.publisher}
      {source.publishedOn ? `, published ${formatDate(source.publishedOn)}` : ''}).
      {showRow && source.row !== undefined && <> Row {source.row} of the publisher’s file.</>}{' '}
      <a href={source.sourceUrl} rel="noopener noreferrer external" target="_blank">
        Publisher’s page<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      {' · '}
      <Link to={`/sources#dataset-${source.dataset}`}>Provenance and caveats</Link>
    </p>
  );
}
