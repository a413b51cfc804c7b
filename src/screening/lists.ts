// Searching the active lists: one src/match MatchIndex per list version, built once and kept (a version's
// entities never change once committed), searched with the list's threshold as the organisation sees it.
// Shared lists are indexed once for every organisation: thresholds are applied per search, not per index.
import { MatchIndex } from '../match/index.ts';
import type { MatchEntity } from '../match/types.ts';
import type { ActiveList, WatchlistEntity } from '../watchlists/types.ts';
import type { ScreenHit } from './types.ts';

export interface SearchListsOptions {
  /** Overrides every list's threshold. */
  threshold?: number;
  /** Most hits per list (default 20): a name matching more entities than that is noise, not a finding. */
  limit?: number;
}

/** What matching reads of a listed entity. */
export function matchEntityOf(e: WatchlistEntity): MatchEntity {
  return { name: e.name, aliases: e.aliases, type: e.type, countries: e.countries, identifiers: e.identifiers, birthDate: e.birthDate };
}

/** Entities kept indexed across versions; beyond it the versions searched longest ago are dropped. */
const KEEP_ENTITIES = 2_000_000;

export class ListIndexes {
  private readonly indexes = new Map<number, MatchIndex<number>>();

  /** The index of each list's active version, built when first needed. */
  of(lists: readonly ActiveList[]): { list: ActiveList; index: MatchIndex<number> }[] {
    return lists.map((list) => ({ list, index: this.index(list) }));
  }

  private index(list: ActiveList): MatchIndex<number> {
    const id = list.version.id;
    let index = this.indexes.get(id);
    if (index) {
      // Most recently used last, so that eviction drops the oldest.
      this.indexes.delete(id);
    } else {
      index = new MatchIndex(list.entities.map((entity, n) => ({ key: n, entity: matchEntityOf(entity) })));
    }
    this.indexes.set(id, index);
    let total = [...this.indexes.values()].reduce((sum, i) => sum + i.size, 0);
    for (const [other, i] of this.indexes) {
      if (total <= KEEP_ENTITIES || other === id) break;
      this.indexes.delete(other);
      total -= i.size;
    }
    return index;
  }
}

/** Every list's matches for one subject, closest first within each list. */
export function searchLists(indexed: readonly { list: ActiveList; index: MatchIndex<number> }[], subject: MatchEntity, opts: SearchListsOptions = {}): ScreenHit[] {
  const out: ScreenHit[] = [];
  for (const { list, index } of indexed) {
    for (const hit of index.search(subject, { threshold: opts.threshold ?? list.watchlist.threshold, limit: opts.limit ?? 20 })) {
      out.push({ watchlist: list.watchlist, version: list.version, entity: list.entities[hit.key]!, result: hit.result });
    }
  }
  return out;
}
