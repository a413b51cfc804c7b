// Previous / next paging under a server-paged table.
import { formatInteger } from '../lib/format.ts';

export function Pager({ label, page, pages, size, hasPrevious, hasNext, onPage }: { label: string; page: number; pages: number; size: number; hasPrevious: boolean; hasNext: boolean; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button-secondary" disabled={!hasPrevious} onClick={() => onPage(page - 1)}>
        ← Previous {size}
      </button>
      <span className="muted">
        Page {formatInteger(page + 1)} of {formatInteger(pages)}
      </span>
      <button type="button" className="button-secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next {size} →
      </button>
    </nav>
  );
}
