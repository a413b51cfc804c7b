// Watchlist editions shipped with Vigil in reference/watchlists/<slug>/: FollowTheMoney JSON lines and a
// manifest of their provenance (scripts/compile-watchlists.ts writes both). A bundled edition is loaded only
// into a shared list that has no version yet, so an operator's own import is never displaced by it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_WATCHLISTS_DIR = fileURLToPath(new URL('../../reference/watchlists/', import.meta.url));

export interface BundledManifest {
  slug: string;
  edition: string;
  publishedOn: string | null;
  /** The FtM JSON lines file, next to the manifest. */
  file: string;
  sha256: string;
  entities: number;
  /** What the edition is and is not, in a sentence an analyst can read. */
  provenance: string;
  /** Names of the source left out, each with its reason. */
  leftOut: { name: string; reason: string }[];
}

/** Every manifest under dir, with the path of its file. */
export function bundledEditions(dir = BUNDLED_WATCHLISTS_DIR): (BundledManifest & { path: string })[] {
  const out: (BundledManifest & { path: string })[] = [];
  let slugs: string[];
  try {
    slugs = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const slug of slugs) {
    for (const name of readdirSync(join(dir, slug)).sort()) {
      if (!name.endsWith('.json') || name.endsWith('.ftm.json')) continue;
      const m = JSON.parse(readFileSync(join(dir, slug, name), 'utf8')) as BundledManifest;
      out.push({ ...m, path: join(dir, slug, m.file) });
    }
  }
  return out;
}
