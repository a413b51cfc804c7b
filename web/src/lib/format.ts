// Number, date and text formatting shared by every page. Pure.

const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : integer.format(n);
}

/** A prevalence per 1,000 people with one decimal, e.g. 22.1. */
export function formatPer1000(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

/** Large counts in words a reader takes in at a glance: 2,300,000 → "2.3 million". */
export function formatCompact(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const one = (v: number) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(v);
  if (abs >= 1e9) return `${one(n / 1e9)} billion`;
  if (abs >= 1e6) return `${one(n / 1e6)} million`;
  return integer.format(n);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-09-28" → "28 September 2022"; full timestamps keep their date part. Unparseable input is returned as is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return value;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "1 good", "3 goods"; the plural defaults to singular + "s". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(n)} ${n === 1 ? singular : pluralForm}`;
}

/** "sha256:abcdef…" → the algorithm and the hex split in groups of 8 so long checksums can wrap. */
export function splitChecksum(checksum: string): { algorithm: string | null; groups: string[] } {
  const i = checksum.indexOf(':');
  const algorithm = i > 0 ? checksum.slice(0, i) : null;
  const hex = i > 0 ? checksum.slice(i + 1) : checksum;
  const groups: string[] = [];
  for (let p = 0; p < hex.length; p += 8) groups.push(hex.slice(p, p + 8));
  return { algorithm, groups };
}

/** "childLabor" / "goods_listed" → "Child labor" / "Goods listed" for stats keys. */
export function humaniseKey(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Folds case and accents for filtering: "Côte d'Ivoire" matches "cote". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
