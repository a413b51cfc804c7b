// Column headers: one for a column of figures (right-aligned), one named only for screen readers (a column of
// buttons), and one that sorts its table, announcing the order through aria-sort.
import type { ReactNode } from 'react';
import type { SortState } from '../lib/table.ts';

export function SortableTh<K extends string>({
  column,
  sort,
  onSort,
  children,
  numeric = false,
}: {
  column: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  children: ReactNode;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {children}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function NumTh({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="num">
      {children}
    </th>
  );
}

export function HiddenTh({ children }: { children: ReactNode }) {
  return (
    <th scope="col">
      <span className="visually-hidden">{children}</span>
    </th>
  );
}
