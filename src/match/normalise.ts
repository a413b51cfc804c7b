// Name normalisation: from any script and spelling to the distinctive tokens that matching compares.
// Steps: NFKC; legal forms written in CJK characters; acronyms ("J.P.", "S.A.") joined; script conversion to
// ASCII with any-ascii (Chinese characters become one pinyin syllable each); case folding; our own rules on
// the ASCII (abbreviations, Arabic "Abd al-" forms, particles, titles); legal forms detected, removed from the
// distinctive name and kept as a weak feature.
import anyAscii from 'any-ascii';

/**
 * Classes of legal form. Forms that mean the same thing in different languages share a class ("ООО", "LLC",
 * "GmbH", "Ltd" are all private limited companies), so a translated name keeps its class. `company` is the
 * generic word ("Co.", "Company", 公司) and agrees with every class.
 */
export const LEGAL_FORM_CLASSES = ['private-limited', 'public', 'corporation', 'partnership', 'sole-trader', 'cooperative', 'company'] as const;
export type LegalFormClass = (typeof LEGAL_FORM_CLASSES)[number];

export interface NameToken {
  /** Normalised ASCII token. */
  text: string;
  /** What the analyst sees: the word as written when one word gave one token, else the ASCII token. */
  display: string;
  /** A single letter standing for a name ("A." in "M. da S. Ferreira"). */
  initial: boolean;
  /** A pinyin syllable from a Chinese character: words are not marked in Chinese, so syllables are joined in matching. */
  han: boolean;
  /** From Arabic script, written without short vowels: compared by consonants ("علي" / "Ali"). */
  abjad?: boolean;
  /** Written shortened with a full stop ("Com.", "Tic."): stands for a longer word that starts with it. */
  abbreviation?: boolean;
}

export interface NormalisedName {
  raw: string;
  tokens: NameToken[];
  legalForm: LegalFormClass | null;
  /** The legal form as written, for the explanation. */
  legalFormText: string | null;
}

// Legal forms, as token sequences after normalisation. `anywhere` forms are unambiguous and removed wherever they
// stand ("Alpha Ltd (Hong Kong)"); the others only at the start or end of a name, where they cannot be part of the
// distinctive name ("AS" is a legal form at the end of a Norwegian name, a word elsewhere).
interface LegalFormSpec {
  cls: LegalFormClass;
  forms: string[];
  anywhere?: string[];
}
/** Forms that stand before the name ("ООО Ромашка", "PT Maju", "AB Volvo"); all others are looked for at the end. */
const START_FORMS = new Set([
  'ooo', 'oao', 'zao', 'pao', 'ao', 'too', 'tov', 'ip', 'pt', 'cv', 'ab', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'kk', 'zhushihuishe',
  'jusikhoesa', 'kabushiki kaisha', 'cong ty tnhh', 'cty tnhh', 'cong ty co phan', 'cong ty cp', 'ctcp', 'cong ty', 'cty',
  'dntn', 'doanh nghiep tu nhan', 'muassasat', 'muassasa', 'sharikat', 'sharika', 'sherkat',
]);
const LEGAL_FORMS: LegalFormSpec[] = [
  {
    cls: 'private-limited',
    anywhere: [
      'ltd', 'limited', 'llc', 'gmbh', 'mbh', 'sarl', 'ltda', 'limitada', 'eireli', 'ooo', 'youxiangongsi', 'youxianzerengongsi',
      'co ltd', 'company limited', 'pvt ltd', 'private limited', 'pte ltd', 'pty ltd', 'sdn bhd', 'tnhh', 'ltd sti', 'wll',
      'limited liability company', 'limited liability co', 'limited liability',
      'ug haftungsbeschrankt',
    ],
    forms: [
      'pty', 'pvt', 'pte',
      'l l c', 'srl', 's r l', 'sro', 's r o', 'bv', 'b v', 'aps', 'oy', 'too', 'kft', 'sp z oo', 'spolka z oo',
      'youxian gongsi', 'youxian zeren gongsi', 'yugen kaisha', 'sociedad limitada', 'sl', 'doo', 'd o o', 'tov', 'pt',
      'cong ty tnhh', 'cty tnhh', 'sti', 'ug', 'epe', 'ike', 'w l l',
    ],
  },
  {
    cls: 'public',
    anywhere: ['sa de cv', 's a de c v', 'sab de cv', 'sapi de cv', 'plc', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'oao', 'zao', 'pao', 'tbk', 'berhad', 'aktiengesellschaft', 'gufenyouxiangongsi', 'kabushikigaisha', 'kabushikikaisha'],
    forms: [
      'ag', 'sa', 's a', 'spa', 's p a', 'nv', 'n v', 'ao', 'ab', 'as', 'asa', 'bhd', 'kk', 'k k', 'sas', 's a s', 'sae',
      'oyj', 'societe anonyme', 'sociedad anonima', 'kabushiki kaisha',
      'kabushiki gaisha', 'gufen youxian gongsi', 'zhushihuishe', 'jusikhoesa', 'public company limited', 'pcl',
      'cong ty co phan', 'cong ty cp', 'ctcp', 'co phan', 'ae', 'joint stock company', 'joint stock co', 'joint stock',
    ],
  },
  { cls: 'corporation', anywhere: ['inc', 'incorporated', 'corp', 'corporation'], forms: [] },
  {
    cls: 'partnership',
    anywhere: ['llp', 'gbr', 'ohg', 'kommanditgesellschaft'],
    forms: ['lp', 'l p', 'kg', 'gmbh co kg', 'gmbh and co kg', 'co kg', 'snc', 'scs', 'cv', 'partnership', 'ee', 'oe'],
  },
  { cls: 'sole-trader', forms: ['me', 'epp', 'mei', 'eirl', 'ip', 'sole proprietorship', 'dntn', 'doanh nghiep tu nhan'] },
  { cls: 'cooperative', anywhere: ['cooperative', 'cooperativa', 'cooperativa'], forms: ['coop', 'co op', 'eg'] },
  {
    cls: 'company',
    anywhere: ['gongsi'],
    forms: [
      'co', 'company', 'cia', 'cie', 'companhia', 'compania', 'compagnie', 'cong ty', 'cty', 'establishment', 'est',
      'muassasat', 'muassasa', 'sharikat', 'sharika', 'sherkat',
    ],
  },
];

// Legal forms written in CJK characters, removed before script conversion (their syllables would otherwise
// blend into the name). 集团 ("group") is a descriptor, not a legal form: it becomes the word "group".
const SCRIPT_FORMS: [RegExp, LegalFormClass | 'group'][] = [
  [/股份有限公司/gu, 'public'],
  [/有限责任公司|有限責任公司|有限公司|有限会社|合同会社/gu, 'private-limited'],
  [/株式会社|주식회사|유한회사/gu, 'public'],
  [/公司/gu, 'company'],
  [/集团|集團/gu, 'group'],
  // Arabic: ذ.م.م (limited liability), شركة (company), مؤسسة (establishment).
  [/ذ\.?\s?م\.?\s?م\.?/gu, 'private-limited'],
  [/(?<!\p{L})(?:شركة|مؤسسة)(?!\p{L})/gu, 'company'],
];

/** Words written in many ways that mean one thing; mapped to one spelling before comparison. */
const ABBREVIATIONS: Record<string, string> = {
  intl: 'international', int: 'international', internacional: 'international', internationale: 'international',
  mfg: 'manufacturing', mfr: 'manufacturing', mfrs: 'manufacturing', manufacturer: 'manufacturing', manufacturers: 'manufacturing',
  ind: 'industry', inds: 'industry', indus: 'industry', industries: 'industry', industrial: 'industry', industria: 'industry', industrie: 'industry',
  tech: 'technology', technologies: 'technology', technologie: 'technology', tecnologia: 'technology',
  bros: 'brothers', natl: 'national', nacional: 'national',
  assn: 'association', assoc: 'association', svc: 'services', svcs: 'services', service: 'services', servicos: 'services', servicios: 'services',
  mgmt: 'management', engg: 'engineering', grp: 'group', grupo: 'group', gruppe: 'group', groupe: 'group', jituan: 'group',
  hldg: 'holding', hldgs: 'holding', holdings: 'holding', trdg: 'trading', trade: 'trading',
  investments: 'investment', enterprises: 'enterprise', products: 'product', chemicals: 'chemical',
  pharma: 'pharmaceutical', pharmaceuticals: 'pharmaceutical', textiles: 'textile', garments: 'garment',
  mohd: 'mohammed', muhd: 'mohammed', md: 'mohammed',
  san: 'sanayi', tic: 'ticaret', ins: 'insaat', paz: 'pazarlama', handelsges: 'handelsgesellschaft', com: 'comercial',
  imp: 'import', exp: 'export', dist: 'distribution', distribuidora: 'distribution',
};

/**
 * Descriptive words many companies share. They count for little when no list statistics are at hand, so that
 * "Alpha Trading" and "Beta Trading" stay apart; an index replaces this with the list's own word frequencies.
 */
export const GENERIC_WORDS = new Set([
  'group', 'holding', 'trading', 'international', 'industry', 'services', 'technology', 'manufacturing', 'development',
  'investment', 'management', 'engineering', 'association', 'brothers', 'national', 'global', 'enterprise', 'import',
  'export', 'product', 'resources', 'solutions', 'systems', 'logistics', 'construction', 'consulting', 'partners',
  'general', 'commercial', 'chemical', 'pharmaceutical', 'textile', 'garment', 'apparel', 'mining', 'energy',
  'agricultural', 'foods', 'food', 'new', 'material', 'materials', 'science', 'factory', 'plant', 'bank',
  // The same words in the languages of supplier lists: Spanish and Portuguese, German, Turkish, Russian and
  // Arabic romanised, Chinese and Vietnamese romanised (industry and trade words).
  'comercial', 'comercio', 'importadora', 'exportadora', 'distribution', 'construtora', 'constructora', 'agropecuaria',
  'transportes', 'handel', 'handelsgesellschaft', 'gesellschaft', 'sanayi', 'ticaret', 'insaat', 'tekstil', 'gida',
  'pazarlama', 'stroy', 'torg', 'trans', 'invest', 'prom', 'metall', 'agro', 'khadamat', 'tijara', 'tijaria',
  'muqawalat', 'istithmar', 'nongye', 'fuzhuang', 'xincailiao', 'nengyuan', 'jixie', 'dianzi', 'keji', 'maoyi',
  'shiye', 'touzi', 'jianshe', 'shipin', 'huagong', 'fangzhi', 'thuong', 'mai', 'dich', 'vu', 'xay', 'dung', 'dau',
  'xuat', 'nhap', 'khau', 'nghiep', 'thuat', 'dien', 'pham',
]);

/** Particles before a surname ("da Silva", "van Gogh"), dropped only between two other words. */
const PARTICLES = new Set([
  'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'delle', 'dei', 'di', 'du', 'des', 'la', 'le',
  'les', 'los', 'las', 'lo', 'von', 'van', 'vom', 'zu', 'der', 'den', 'het', 'ten', 'ter',
]);
/** Arabic article and filiation words, and the preposition lil ("for the"), dropped wherever they stand. */
/**
 * Dropped wherever they stand: articles and conjunctions that are never a name, and the Arabic article,
 * filiation words and the preposition lil ("for the").
 */
const ALWAYS_DROPPED = new Set(['the', 'and', 'of', 'for', 'und', 'et', 've', 'va', 'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'binti', 'lil']);

/** Titles and offices that precede a name in lists and in the press ("Präsident Putin", "Sheikh", "Dr."). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'sheikh', 'shaikh', 'sheik', 'haji', 'hajji', 'alhaji', 'mullah', 'mulla',
  'maulavi', 'mawlawi', 'maulvi', 'maulana', 'qari', 'president', 'presidente', 'prasident', 'praesident', 'president',
  'predsjednik', 'presedintele', 'presiden', 'prezydent', 'prezident', 'elnok', 'general', 'gen', 'colonel', 'col',
]);

interface FormEntry {
  seq: string[];
  cls: LegalFormClass;
  anywhere: boolean;
  start: boolean;
}
const FORM_ENTRIES: FormEntry[] = LEGAL_FORMS.flatMap((spec) => [
  ...(spec.anywhere ?? []).map((f) => ({ seq: f.split(' '), cls: spec.cls, anywhere: true, start: true })),
  ...spec.forms.map((f) => ({ seq: f.split(' '), cls: spec.cls, anywhere: false, start: START_FORMS.has(f) })),
]).sort((a, b) => b.seq.length - a.seq.length);
/** Forms by their last word (to find them at the end of a name) and by their first word (start and anywhere). */
const FORMS_BY_LAST = new Map<string, FormEntry[]>();
const FORMS_BY_FIRST = new Map<string, FormEntry[]>();
for (const f of FORM_ENTRIES) {
  const last = f.seq[f.seq.length - 1]!;
  FORMS_BY_LAST.set(last, [...(FORMS_BY_LAST.get(last) ?? []), f]);
  FORMS_BY_FIRST.set(f.seq[0]!, [...(FORMS_BY_FIRST.get(f.seq[0]!) ?? []), f]);
}

/** The most specific class when a name carries several forms ("Co., Ltd." is private-limited, not just "company"). */
function strongerClass(a: LegalFormClass | null, b: LegalFormClass): LegalFormClass {
  return a === null || a === 'company' ? b : a;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** One string to tokens, before legal forms and particles are handled. */
function rawTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (HAN.test(word)) {
      // One syllable per character; other characters in the word (Latin, kana) are converted as a run.
      let run = '';
      const flush = () => {
        if (run) pushAscii(out, run, run, false);
        run = '';
      };
      for (const ch of word) {
        if (HAN.test(ch)) {
          flush();
          const syllable = anyAscii(ch).toLowerCase().replace(/[^a-z0-9]/g, '');
          if (syllable) out.push({ text: syllable, display: ch, initial: false, han: true });
        } else run += ch;
      }
      flush();
    } else if (ARABIC.test(word)) pushArabic(out, word);
    else pushAscii(out, word, word, text[(m.index ?? 0) + word.length] === '.');
  }
  return out;
}

const ARABIC = /\p{Script=Arabic}/u;

/**
 * An Arabic word: the article ال and the preposition لل ("for the") are written joined to the word and apart
 * in Latin spellings ("Al-Halabi", "Lil Malabis"), where they are dropped as particles; so here too. Inside a
 * word و and ي mostly write the long vowels u and i, which Latin spellings also write as vowels.
 */
function pushArabic(out: NameToken[], word: string): void {
  const bare = word.replace(/^(?:ال|لل)(?=\p{L}{2})/u, '');
  // A word-initial alif or ʿayn is heard as a vowel (أحمد Ahmed, عمر Omar), which any-ascii would drop.
  const initial = /^[اأإآع]/u.test(bare) ? 'a' : bare.slice(0, 1);
  const vowelled = initial + bare.slice(1).replace(/و/gu, 'u').replace(/ي|ى/gu, 'i');
  const before = out.length;
  pushAscii(out, vowelled, word, false);
  for (let i = before; i < out.length; i++) out[i] = { ...out[i]!, abjad: true };
}

/**
 * Greek letter pairs that stand for one sound, which any-ascii spells letter by letter: ου is "ou" (Πούτιν,
 * Putin), ντ "d", μπ "b", γκ "g" (Βλαντίμιρ, Vladimir).
 */
function greekDigraphs(word: string): string {
  return word
    .replace(/[οόΟΌ][υύΥΎ]/gu, 'ou')
    .replace(/[νΝ][τΤ]/gu, 'd')
    .replace(/[μΜ][πΠ]/gu, 'b')
    .replace(/[γΓ][κΚ]/gu, 'g');
}

function pushAscii(out: NameToken[], word: string, display: string, abbreviation = false): void {
  const ascii = (ASCII_ONLY.test(word) ? word : anyAscii(greekDigraphs(word))).toLowerCase();
  // any-ascii writes the Cyrillic soft and hard signs as apostrophes (Vorob'ev): part of the word, not a break.
  const parts = ascii.replace(/['"`]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  for (const p of parts) {
    const initial = p.length === 1 && !/\d/.test(p);
    out.push({ text: p, display: parts.length === 1 ? display : p, initial, han: false, abbreviation: abbreviation && !initial && parts.length === 1 });
  }
}

/**
 * "Abd al-Rahman", "Abdel Rahman", "Abdurrahman", "Abdoul" → "abdul rahman" / "abdulrahman": one spelling of the
 * "servant of" form, so that only the spacing is left to differ (joined tokens match across spacing).
 */
function arabicAbd(t: NameToken): NameToken {
  if (t.han || !t.text.startsWith('abd')) return t;
  if (t.text === 'abd') return { ...t, text: 'abdul' };
  const m = /^abd(?:ou|oo|u|e|a|i)(?:l|(?=(?:rr|ss|nn|zz|dd|tt|sh)))(.*)$/.exec(t.text);
  return m ? { ...t, text: `abdul${m[1]!.replace(/^([rsnzdt])\1/, '$1')}` } : t;
}

function seqAt(tokens: NameToken[], at: number, seq: string[]): boolean {
  if (at < 0 || at + seq.length > tokens.length) return false;
  // Chinese syllables are never a Latin legal form ("gong si" written in characters was handled before).
  for (let i = 0; i < seq.length; i++) if (tokens[at + i]!.text !== seq[i] || tokens[at + i]!.han) return false;
  return true;
}

/** Finds and removes legal forms: at the end and the start of the name, and unambiguous forms anywhere. */
function stripLegalForms(tokens: NameToken[]): { tokens: NameToken[]; cls: LegalFormClass | null; text: string[] } {
  let cls: LegalFormClass | null = null;
  const text: string[] = [];
  const take = (f: FormEntry, at: number) => {
    cls = strongerClass(cls, f.cls);
    text.push(tokens.slice(at, at + f.seq.length).map((t) => t.display).join(' '));
    tokens = [...tokens.slice(0, at), ...tokens.slice(at + f.seq.length)];
  };
  const atEdge = (): boolean => {
    for (const f of FORMS_BY_LAST.get(tokens[tokens.length - 1]!.text) ?? []) {
      const at = tokens.length - f.seq.length;
      if (at > 0 && seqAt(tokens, at, f.seq)) return take(f, at), true;
    }
    for (const f of FORMS_BY_FIRST.get(tokens[0]!.text) ?? []) {
      if (f.start && f.seq.length < tokens.length && seqAt(tokens, 0, f.seq)) return take(f, 0), true;
    }
    return false;
  };
  while (tokens.length > 1 && atEdge());
  for (let i = 0; i < tokens.length && tokens.length > 1; i++) {
    const f = FORMS_BY_FIRST.get(tokens[i]!.text)?.find((e) => e.anywhere && e.seq.length < tokens.length && seqAt(tokens, i, e.seq));
    if (f) {
      take(f, i);
      i--;
    }
  }
  return { tokens, cls, text };
}

export function normaliseName(raw: string): NormalisedName {
  let s = raw.normalize('NFKC');
  let cjkClass: LegalFormClass | null = null;
  const cjkText: string[] = [];
  if (HAN.test(s) || /[\u3040-\u30ff\uac00-\ud7af]/u.test(s) || ARABIC.test(s)) {
    for (const [re, cls] of SCRIPT_FORMS) {
      s = s.replace(re, (m) => {
        if (cls === 'group') return ' group ';
        cjkClass = strongerClass(cjkClass, cls);
        cjkText.push(m);
        return ' ';
      });
    }
  }
  s = s
    // "J.P.", "S.A.", "U.S.A." → one token; "A. de C." (initials apart) stays apart.
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (m) => `${m.replace(/\./g, '')} `)
    .replace(/(?<!\p{L})(\p{L})\/(\p{L})(?!\p{L})/gu, '$1$2') // A/S
    .replace(/['’ʼ`´‘ʻʿʾ]/gu, '') // O'Brien, Arabic ʿayn and hamza in romanisations
    .replace(/&/g, ' and ');

  let tokens = rawTokens(s).map((raw) => {
    const t = arabicAbd(raw);
    const full = ABBREVIATIONS[t.text];
    return full && !t.han ? { ...t, text: full } : t;
  });
  const legal = stripLegalForms(tokens);
  tokens = legal.tokens;
  // A particle stands before a name ("da Silva", "van Gogh"): first or last in a name it is a name itself
  // (Vietnamese Lê, Đỗ; Russian лес). Arabic al-/el- and bin/ibn are dropped wherever they are.
  const last = tokens.length - 1;
  const kept = tokens.filter(
    (t, i) => t.han || (!TITLES.has(t.text) && !(ALWAYS_DROPPED.has(t.text) || (PARTICLES.has(t.text) && i > 0 && i < last))),
  );
  if (kept.length > 0) tokens = kept;
  const legalForm: LegalFormClass | null = cjkClass === null ? legal.cls : legal.cls === null ? cjkClass : strongerClass(cjkClass, legal.cls);
  const formText = [...cjkText, ...legal.text];
  return { raw, tokens, legalForm, legalFormText: formText.length ? formText.join(' ') : null };
}
