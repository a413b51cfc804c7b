// Token likeness: edit distance and a phonetic key designed for names that reached ASCII by transliteration.

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein without re-editing a transposed pair): insertions,
 * deletions, substitutions and swaps of neighbours each cost 1. Returns `max + 1` as soon as the distance must
 * exceed `max`, so fuzzy lookups stay cheap.
 */
// Rows reused across calls: matching computes many short distances and allocation would dominate.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (rows[0]!.length <= m) rows = [new Int32Array(m * 2 + 2), new Int32Array(m * 2 + 2), new Int32Array(m * 2 + 2)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** Edits a token of this length may differ by and still count as the same word. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * A consonant skeleton: spellings of one sound across romanisation systems (English, French, German, Polish
 * transcriptions of Cyrillic and Arabic) rewritten to one letter, vowels dropped, repeats collapsed.
 * Transliterations disagree mostly on vowels (Mohammed, Muhammad, Mohamad; Arabic script gives "mhmd" with no
 * vowels at all) and on how a consonant is spelled (Ivanov, Ivanow, Ivanoff; Chaikovsky, Tschaikowski), so both
 * are removed. Returns '' when fewer than `minLength` consonants are left ("Ali" has one), or for digits.
 */
export function phoneticKey(token: string, minLength = 2): string {
  const s = token;
  const n = s.length;
  let out = '';
  let last = '';
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    const next = s[i + 1] ?? '';
    let code: string;
    let step = 1;
    if (c >= '0' && c <= '9') return '';
    if (VOWELS.has(c)) {
      // A vowel parts two consonants: "Kokchar" keeps both k's, where "Mohammed" has one m.
      last = '';
      i++;
      continue;
    }
    if (s.startsWith('tsch', i)) (code = 'S'), (step = 4); // ш / ч in German, French, Polish, Hungarian spellings
    else if (s.startsWith('tch', i) || s.startsWith('sch', i)) (code = 'S'), (step = 3);
    else if ((c === 's' || c === 'c') && (next === 'h' || next === 'z')) (code = 'S'), (step = 2);
    else if (c === 'c' && next === 's') (code = 'S'), (step = 2);
    else if (s.startsWith('dzh', i)) (code = 'J'), (step = 3); // ж, дж, ج
    else if ((c === 'd' && next === 'j') || (c === 'z' && next === 'h')) (code = 'J'), (step = 2);
    else if (c === 'j') code = 'J';
    else if (c === 'p' && next === 'h') (code = 'f'), (step = 2);
    else if (c === 'k' && next === 'h') (code = 'h'), (step = 2); // х, خ: Mikhail / Mihail, Khalid / Halid
    else if ((c === 'g' || c === 't' || c === 'd') && next === 'h') (code = c === 'd' ? 't' : c), (step = 2);
    else if ((c === 'c' && next === 'k') || (c === 'q' && next === 'u')) (code = 'k'), (step = 2);
    else if (c === 'q') code = 'k';
    else if (c === 'x') code = 'ks';
    else if (c === 't' && (next === 's' || next === 'z')) (code = 's'), (step = 2); // ц
    else if (c === 'c') code = next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
    else if (c === 'f' && next === 'f' && i + 2 === n) (code = 'v'), (step = 2); // Ivanoff
    else if (c === 'h' && i + 1 === n && i > 0 && VOWELS.has(s[i - 1]!)) code = ''; // Abdullah / Abdulla
    else if (c === 'w') code = 'v'; // Ivanow
    else if (c === 'z') code = 's';
    else if (c === 'd') code = 't'; // final devoicing, Arabic د / ض
    else code = c;
    if (code !== '' && code !== last) out += code;
    if (code !== '') last = code;
    i += step;
  }
  return out.length >= minLength ? out : '';
}
