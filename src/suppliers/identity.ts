// When two lines name the same supplier: the same identifier, or the same normalised name in the same country.
// Names are folded for case, accents, punctuation, spacing and "&"/"and", and the many spellings of a legal
// form are folded to one token ("Ltd." = "Limited", "S.A." = "SA") but kept: "Acme Ltd" and "Acme GmbH" stay
// two suppliers, because a different legal form is usually a different legal entity (a subsidiary in another
// country), and merging two entities would pin one's forced-labour findings on the other, a worse mistake
// than listing one supplier twice. Pure and fast: it runs on every line of an import.
import { tokenize } from '../classify/normalise.ts';
import type { IdentifierScheme, SupplierLine } from './line.ts';

/** Spellings of legal forms, as folded tokens, to one canonical token. */
const FORM_WORDS = new Map<string, string>([
  ['limited', 'ltd'], ['ltd', 'ltd'], ['incorporated', 'inc'], ['inc', 'inc'], ['company', 'co'], ['co', 'co'], ['cie', 'co'],
  ['corporation', 'corp'], ['corp', 'corp'], ['private', 'pvt'], ['pvt', 'pvt'], ['pte', 'pte'], ['proprietary', 'pty'], ['pty', 'pty'],
  ['limitada', 'ltda'], ['ltda', 'ltda'], ['berhad', 'bhd'], ['bhd', 'bhd'], ['sendirian', 'sdn'], ['sdn', 'sdn'],
  ['aktiengesellschaft', 'ag'], ['gmbh', 'gmbh'], ['sarl', 'sarl'], ['llc', 'llc'], ['plc', 'plc'], ['sa', 'sa'], ['sas', 'sas'],
  ['srl', 'srl'], ['spa', 'spa'], ['bv', 'bv'], ['nv', 'nv'],
]);

/** Legal forms written out in several words, as folded token sequences. */
const FORM_PHRASES: [string[], string][] = (
  [
    ['public limited company', 'plc'],
    ['limited liability company', 'llc'],
    ['gesellschaft mit beschrankter haftung', 'gmbh'],
    ['societe a responsabilite limitee', 'sarl'],
    ['societe anonyme', 'sa'],
    ['sociedad anonima', 'sa'],
    ['sociedade anonima', 'sa'],
    ['societe par actions simplifiee', 'sas'],
    ['societa per azioni', 'spa'],
    ['societa a responsabilita limitata', 'srl'],
    ['besloten vennootschap', 'bv'],
    ['naamloze vennootschap', 'nv'],
  ] as const
).map(([phrase, form]) => [phrase.split(' '), form]);

/** Runs of single letters are one word: "S.A." → "sa", "L.L.C." → "llc". */
function joinInitials(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && /[a-z]/.test(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

/**
 * A supplier name folded for comparison: "ACME Limited" → "acme ltd", "Acme Ltd." → "acme ltd",
 * "Müller & Söhne GmbH" → "muller sohne gmbh", "The Coca-Cola Company" → "coca cola co".
 */
export function normaliseName(name: string): string {
  const words = joinInitials(tokenize(name).filter((w) => w !== 'and'));
  if (words[0] === 'the' && words.length > 1) words.shift();
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = FORM_PHRASES.find(([p]) => p.every((w, k) => words[i + k] === w));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length - 1;
      continue;
    }
    const w = words[i]!;
    out.push(FORM_WORDS.get(w) ?? w);
  }
  return out.join(' ');
}

/** Identifier schemes in the order they identify an entity best; company numbers are only unique within a country. */
const KEY_ORDER: readonly IdentifierScheme[] = ['lei', 'duns', 'vat', 'company_number', 'os_id', 'supplier_ref'];

export type SupplierIdentity = Pick<SupplierLine, 'supplier'> & { site: Pick<SupplierLine['site'], 'countryCode'> };

/**
 * Every key under which a line's supplier can be found, strongest first: one per identifier
 * ("lei:5493001KJTIIGC8Y1R12", "company_number:GB:01234567"), then "name:<country>:<normalised name>".
 * Two lines that share any key are the same supplier.
 */
export function supplierKeys(line: SupplierIdentity): string[] {
  const country = line.site.countryCode ?? '';
  const keys: string[] = [];
  for (const scheme of KEY_ORDER) {
    for (const id of line.supplier.identifiers) {
      if (id.scheme !== scheme) continue;
      if (scheme === 'company_number') {
        if (country) keys.push(`company_number:${country}:${id.value}`);
      } else keys.push(`${scheme}:${id.value}`);
    }
  }
  keys.push(`name:${country}:${normaliseName(line.supplier.name)}`);
  return keys;
}

/** The strongest of supplierKeys: a stable key for the supplier of a line. */
export function supplierKey(line: SupplierIdentity): string {
  return supplierKeys(line)[0]!;
}
