// Turns the ways real files and people write a country into an ISO 3166-1 alpha-2 code. Pure.
export interface CountryRecord {
  /** ISO 3166-1 alpha-2 (XK for Kosovo, user-assigned). */
  code: string;
  alpha3: string;
  numeric: string | null;
  name: string;
  aliases: string[];
}

export type Resolution =
  | { ok: true; code: string; name: string; matchedBy: 'alpha2' | 'alpha3' | 'numeric' | 'name' | 'alias' }
  | { ok: false; input: string; reason: string; suggestions: { code: string; name: string }[] };

/** Lower case, accents and punctuation removed, "&" read as "and", a leading "the" dropped. */
export function normaliseCountryName(input: string): string {
  const folded = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/^the /, '');
}

/** "Congo, Democratic Republic of the" → "Democratic Republic of the Congo"; "Korea, South" → "South Korea". */
function invertComma(input: string): string | null {
  const m = /^([^,]+),\s*([^,]+)$/.exec(input.trim());
  return m ? `${m[2]} ${m[1]}` : null;
}

export class CountryResolver {
  private readonly byKey = new Map<string, CountryRecord>();
  private readonly byCode = new Map<string, CountryRecord>();

  constructor(readonly countries: readonly CountryRecord[]) {
    for (const c of countries) {
      this.byCode.set(c.code, c);
      for (const n of [c.name, ...c.aliases]) {
        const key = normaliseCountryName(n);
        const existing = this.byKey.get(key);
        if (existing && existing.code !== c.code) throw new Error(`country alias "${n}" names both ${existing.code} and ${c.code}`);
        this.byKey.set(key, c);
      }
    }
  }

  get(code: string): CountryRecord | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  resolve(input: string): Resolution {
    const raw = input.trim();
    if (raw === '') return { ok: false, input, reason: 'empty country', suggestions: [] };
    const upper = raw.toUpperCase();
    if (/^[A-Z]{2}$/.test(upper) && this.byCode.has(upper)) return this.hit(this.byCode.get(upper)!, 'alpha2');
    if (/^[A-Z]{3}$/i.test(raw)) {
      const c = this.countries.find((x) => x.alpha3 === upper);
      if (c) return this.hit(c, 'alpha3');
    }
    if (/^\d{1,3}$/.test(raw)) {
      const n = raw.padStart(3, '0');
      const c = this.countries.find((x) => x.numeric === n);
      if (c) return this.hit(c, 'numeric');
    }
    for (const candidate of [raw, invertComma(raw), raw.replace(/\s*\([^)]*\)\s*/g, ' ')]) {
      if (!candidate) continue;
      const c = this.byKey.get(normaliseCountryName(candidate));
      if (c) return this.hit(c, normaliseCountryName(candidate) === normaliseCountryName(c.name) ? 'name' : 'alias');
    }
    return { ok: false, input, reason: `unknown country "${raw}"`, suggestions: this.suggest(raw) };
  }

  /** Code for a name, or null; for callers that report the miss themselves. */
  code(input: string): string | null {
    const r = this.resolve(input);
    return r.ok ? r.code : null;
  }

  private hit(c: CountryRecord, matchedBy: 'alpha2' | 'alpha3' | 'numeric' | 'name' | 'alias'): Resolution {
    return { ok: true, code: c.code, name: c.name, matchedBy };
  }

  private suggest(raw: string): { code: string; name: string }[] {
    const key = normaliseCountryName(raw);
    if (key.length < 3) return [];
    const scored: { c: CountryRecord; d: number }[] = [];
    for (const [k, c] of this.byKey) {
      const d = k.includes(key) || key.includes(k) ? 0 : levenshtein(k, key);
      if (d <= Math.max(2, Math.floor(key.length / 4))) scored.push({ c, d });
    }
    scored.sort((a, b) => a.d - b.d);
    const seen = new Set<string>();
    const out: { code: string; name: string }[] = [];
    for (const { c } of scored) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      out.push({ code: c.code, name: c.name });
      if (out.length === 3) break;
    }
    return out;
  }
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
