// Matching world-atlas map features to the API's countries. Pure.
import { fold } from './format.ts';

/** world-atlas ids are ISO 3166-1 numeric codes as zero-padded strings ("004"); some features have none. */
export function normaliseNumeric(id: string | number | null | undefined): string | null {
  if (id === null || id === undefined || id === '') return null;
  const s = String(id).trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  return s.padStart(3, '0');
}

export function nameKey(name: string): string {
  return fold(name).replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** world-atlas names for features without an id, as the API names those places. */
const FEATURE_NAME_ALIASES: Record<string, string> = {
  kosovo: 'kosovo',
};

export interface Matchable {
  code: string;
  numeric: string | null;
  name: string;
}

export class FeatureMatcher<C extends Matchable> {
  private readonly byNumeric = new Map<string, C>();
  private readonly byName = new Map<string, C>();

  constructor(countries: readonly C[]) {
    for (const c of countries) {
      const n = normaliseNumeric(c.numeric);
      if (n) this.byNumeric.set(n, c);
      this.byName.set(nameKey(c.name), c);
    }
  }

  /** The country for a map feature: by numeric id, else (features without an id, e.g. Kosovo) by name. */
  match(feature: { id?: string | number | null; name?: string | null }): C | null {
    const n = normaliseNumeric(feature.id);
    if (n) {
      const c = this.byNumeric.get(n);
      if (c) return c;
    }
    if (!feature.name) return null;
    const key = nameKey(feature.name);
    return this.byName.get(FEATURE_NAME_ALIASES[key] ?? key) ?? null;
  }
}
