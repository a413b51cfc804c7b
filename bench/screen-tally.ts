// What every method of the screening benchmark counts, and the query sample they all share.
import { type SupplierName, supplierNames, type Watchlist } from './screen-names.ts';

export interface Options {
  names: number;
  seed: number;
  planted: number;
  /** Planted and unplanted queries each in the PostgreSQL sample; the fuse.js sample is the first `fuseSample` of each. */
  sample: number;
  fuseSample: number;
}

/** Recall on planted names and the share of unplanted names with at least one hit. */
export class Tally {
  planted = 0;
  found = 0;
  unplanted = 0;
  withHits = 0;

  add(planted: boolean, found: boolean, anyHit: boolean): void {
    if (planted) {
      this.planted++;
      if (found) this.found++;
    } else {
      this.unplanted++;
      if (anyHit) this.withHits++;
    }
  }

  get recall(): number {
    return this.planted ? this.found / this.planted : NaN;
  }

  get falseHitRate(): number {
    return this.unplanted ? this.withHits / this.unplanted : NaN;
  }

  toJSON() {
    return { planted: this.planted, found: this.found, recall: this.recall, unplanted: this.unplanted, withHits: this.withHits, falseHitRate: this.falseHitRate };
  }
}

export type TallyFigures = ReturnType<Tally['toJSON']>;

/**
 * Which queries a sample of `size` planted and `size` unplanted takes: the first of each kind in the stream
 * (which is random), so every method, in its own process, picks the same ones.
 */
export function sampler(size: number) {
  let planted = 0;
  let unplanted = 0;
  return (q: SupplierName): boolean => (q.source >= 0 ? planted++ < size : unplanted++ < size);
}

/** The shared sample, read off the start of the query stream. */
export function sampleQueries(watchlist: Watchlist, opts: Options, size: number): SupplierName[] {
  const inSample = sampler(size);
  const out: SupplierName[] = [];
  for (const q of supplierNames(watchlist, opts.names, { seed: opts.seed + 1, planted: opts.planted })) {
    if (inSample(q)) out.push(q);
    if (out.length === 2 * size) break;
  }
  return out;
}

export type MethodName = 'vigil' | 'pg_trgm' | 'fuse.js';

/** A method that could not run, and why. */
export interface Skipped {
  method: MethodName;
  skipped: string;
}

/** The threshold among `thresholds` that best separates planted from unplanted queries (Youden's J: recall − false-hit rate). */
export function bestThreshold<T extends { threshold: number; recall: number; falseHitRate: number }>(curve: readonly T[]): T {
  return curve.reduce((best, p) => (p.recall - p.falseHitRate > best.recall - best.falseHitRate ? p : best));
}
