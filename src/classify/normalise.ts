// Text normalisation for classification: Unicode and case folding, tokens, and English singular forms.
// Pure and allocation-light: it runs on every word of every line, so there is no regular expression per
// call, ASCII goes through a lookup table, and other characters and inflected words are folded once and
// remembered (with a bound, so a file of serial numbers cannot grow the caches without limit).

const CACHE_LIMIT = 200_000;

/** ASCII code → folded character ('' for separators). Letters are lower-cased, digits kept. */
const ASCII: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 65 && c <= 90) ASCII[c] = ch.toLowerCase();
  else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) ASCII[c] = ch;
  else ASCII[c] = '';
}

/** ASCII code → 0 separator, 1 lower-case letter or digit, 2 upper-case letter. */
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_KIND[c] = c >= 65 && c <= 90 ? 2 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : 0;

/** Characters NFKD does not take apart. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ĸ: 'k',
};
const COMBINING = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const nonAscii = new Map<string, string>();

/** Folds one non-ASCII character: accents dropped, ligatures expanded, lower case; '' for a separator. */
function foldChar(ch: string): string {
  const known = nonAscii.get(ch);
  if (known !== undefined) return known;
  let out: string;
  const special = SPECIAL_FOLDS[ch];
  if (special !== undefined) out = special;
  else if (!LETTER_OR_DIGIT.test(ch)) out = '';
  else {
    out = ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
    // A letter from another script stays as it is (lower-cased): it will simply match nothing.
    let clean = '';
    for (let i = 0; i < out.length; i++) {
      const c = out.charCodeAt(i);
      clean += c < 128 ? ASCII[c]! : out[i]!;
    }
    out = clean;
  }
  if (nonAscii.size < CACHE_LIMIT) nonAscii.set(ch, out);
  return out;
}

/** Words of a text with where each starts and ends in it (UTF-16 offsets), so a match can quote the text. */
export interface Tokens {
  words: string[];
  starts: number[];
  ends: number[];
}

/**
 * Splits text into folded word tokens. Letters and digits make words; everything else separates them,
 * except apostrophes, which are dropped inside a word ("children's" → "childrens", "d'artifice" →
 * "dartifice") so that possessives and elisions stay one word.
 */
export function tokenizeWithSpans(text: string): Tokens {
  return tokenizeInto(text, { words: [], starts: [], ends: [] });
}

/** tokenizeWithSpans into arrays the caller owns and reuses (they are emptied first): no allocation per line. */
export function tokenizeInto(text: string, out: Tokens): Tokens {
  const { words, starts, ends } = out;
  words.length = 0;
  starts.length = 0;
  ends.length = 0;
  // Plain ASCII words (the usual case) are cut out of the text in one slice; a word with an accent, another
  // script or an apostrophe is built character by character instead.
  let start = -1;
  let slow = false;
  let upper = false;
  let word = '';
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c < 128) {
      const kind = ASCII_KIND[c]!;
      if (kind !== 0) {
        if (start < 0) { start = i; slow = false; upper = false; }
        if (kind === 2) upper = true;
        if (slow) word += ASCII[c]!;
        continue;
      }
      if (c === 39 && start >= 0) { // ' inside a word is dropped
        if (!slow) { word = text.slice(start, i).toLowerCase(); slow = true; }
        continue;
      }
    } else {
      const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
      const f = c === 0x2019 ? '' : foldChar(wide ? text.slice(i, i + 2) : text[i]!);
      if (f !== '' || (c === 0x2019 && start >= 0)) {
        if (start < 0) { start = i; word = ''; slow = true; }
        else if (!slow) { word = text.slice(start, i).toLowerCase(); slow = true; }
        word += f;
        if (wide) i++;
        continue;
      }
    }
    if (start >= 0) {
      words.push(slow ? word : upper ? text.slice(start, i).toLowerCase() : text.slice(start, i));
      starts.push(start);
      ends.push(i);
      start = -1;
    }
  }
  return out;
}

/** The folded word tokens of a text (see tokenizeWithSpans). */
export function tokenize(text: string): string[] {
  return tokenizeWithSpans(text).words;
}

/** Plurals that no suffix rule gets right. */
const IRREGULAR = new Map<string, string>(Object.entries({
  knives: 'knife', leaves: 'leaf', loaves: 'loaf', halves: 'half', shelves: 'shelf', calves: 'calf',
  wives: 'wife', lives: 'life', thieves: 'thief', wolves: 'wolf', scarves: 'scarf', hooves: 'hoof',
  sheaves: 'sheaf', geese: 'goose', teeth: 'tooth', feet: 'foot', mice: 'mouse', children: 'child',
  men: 'man', women: 'woman', people: 'person', oxen: 'ox', dice: 'die', buses: 'bus', gases: 'gas',
  lenses: 'lens', atlases: 'atlas', canvases: 'canvas', bonuses: 'bonus', viruses: 'virus',
  campuses: 'campus', cactuses: 'cactus', cacti: 'cactus', fungi: 'fungus', octopuses: 'octopus',
  octopi: 'octopus', cookies: 'cookie', movies: 'movie', pies: 'pie', ties: 'tie', brownies: 'brownie',
  smoothies: 'smoothie', zombies: 'zombie', shoes: 'shoe', toes: 'toe', hoes: 'hoe', canoes: 'canoe',
  oboes: 'oboe', sloes: 'sloe', aloes: 'aloe', floes: 'floe', horseshoes: 'horseshoe', quiches: 'quiche',
  niches: 'niche', caches: 'cache', aches: 'ache', headaches: 'headache', moustaches: 'moustache',
  avalanches: 'avalanche', cliches: 'cliche', creches: 'creche', axes: 'axe', criteria: 'criterion',
  phenomena: 'phenomenon', indices: 'index', matrices: 'matrix', appendices: 'appendix',
}));

/** Words that end like a plural but are not one (or are the same in both numbers). */
const INVARIANT = new Set([
  'series', 'species', 'news', 'means', 'cattle', 'sheep', 'fish', 'swine', 'deer', 'salmon', 'moose',
  'aircraft', 'chassis', 'gas', 'mathematics', 'economics', 'physics', 'analysis', 'basis', 'crisis',
  'diagnosis', 'thesis', 'axis', 'bias', 'alias', 'atlas', 'canvas', 'christmas', 'xmas', 'tennis',
  'lens', 'mumps', 'molasses', 'dais', 'trellis', 'pancreas', 'diabetes', 'herpes', 'rabies', 'scabies',
  'caries', 'feces', 'always', 'perhaps', 'whereas', 'yes', 'this', 'thus', 'plus', 'less', 'unless',
]);

const singularCache = new Map<string, string>();

/**
 * The English singular of a word (already folded to lower-case ASCII or script letters). Both sides of a
 * comparison go through it, so what matters is that a singular and its plural end up equal and that no
 * two different words collide: "berries"/"berry", "tomatoes"/"tomato", "knives"/"knife", "glasses"/"glass",
 * "matches"/"match", "olives"/"olive", "shoes"/"shoe". Words with digits are left alone.
 */
export function singular(word: string): string {
  const n = word.length;
  if (n <= 3) return word;
  const cached = singularCache.get(word);
  if (cached !== undefined) return cached;
  const out = computeSingular(word, n);
  if (singularCache.size < CACHE_LIMIT) singularCache.set(word, out);
  return out;
}

function computeSingular(w: string, n: number): string {
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (w.charCodeAt(n - 1) !== 115 /* s */) return w;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return w;
  }
  if (INVARIANT.has(w)) return w;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ics')) return w;
  if (w.endsWith('ies')) return n > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  if (w.endsWith('shoes')) return w.slice(0, -1);
  if (w.endsWith('oes')) return w.slice(0, -2);
  if (w.endsWith('sses') || w.endsWith('xes') || w.endsWith('zzes') || w.endsWith('ches') || w.endsWith('shes')) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Tokens of a text, each in its singular form: the key phrases are matched on. */
export function normaliseWords(text: string): string[] {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) tokens[i] = singular(tokens[i]!);
  return tokens;
}

/** The phrase key of a text: its singular tokens joined by single spaces. */
export function phraseKey(text: string): string {
  return normaliseWords(text).join(' ');
}
