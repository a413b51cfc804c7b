// Money as spend files write it: "1,234.50", "1.234,50", "1 234,50", "1'234.50", "12,34,567" (Indian
// grouping), "$1,200", "EUR 3.000", "1.234,50-" (SAP), "(1,200.00)" (accounting negative), "1.2E+06". Pure.

export type DecimalSeparator = ',' | '.';

export type Amount =
  | { ok: true; value: number; /** ISO 4217 code the cell itself wrote ("€", "EUR"), or null. */ currency: string | null }
  | { ok: false; error: string };

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Currency symbols; "¥" (yen or yuan), "kr" and "Rs" name several currencies and give none. */
const SYMBOLS: readonly [string, string | null][] = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['MX$', 'MXN'], ['R$', 'BRL'], ['C$', 'CAD'], ['A$', 'AUD'],
  ['S$', 'SGD'], ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['₩', 'KRW'], ['₺', 'TRY'], ['₱', 'PHP'], ['₦', 'NGN'], ['₫', 'VND'], ['฿', 'THB'],
  ['₴', 'UAH'], ['₽', 'RUB'], ['₪', 'ILS'], ['zł', 'PLN'], ['$', 'USD'], ['¥', null], ['kr', null], ['Rs.', null], ['Rs', null],
];

/** An ISO 4217 code for a currency cell ("eur", "EUR", "€"), or null when it names none. */
export function currencyCode(text: string): string | null {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && ISO_CURRENCIES.has(upper)) return upper;
  return SYMBOLS.find(([s]) => s === t)?.[1] ?? null;
}

/** The currency written before or after the number, and the rest. */
function splitCurrency(text: string): { rest: string; currency: string | null } {
  const iso = /^([A-Za-z]{3})\s*(.*)$/.exec(text) ?? /^(.*?)\s*([A-Za-z]{3})$/.exec(text);
  if (iso) {
    const [code, rest] = /^[A-Za-z]{3}$/.test(iso[1]!) ? [iso[1]!, iso[2]!] : [iso[2]!, iso[1]!];
    if (ISO_CURRENCIES.has(code.toUpperCase())) return { rest, currency: code.toUpperCase() };
  }
  for (const [symbol, code] of SYMBOLS) {
    if (text.startsWith(symbol)) return { rest: text.slice(symbol.length).trim(), currency: code };
    if (text.endsWith(symbol)) return { rest: text.slice(0, -symbol.length).trim(), currency: code };
  }
  return { rest: text, currency: null };
}

/** A number no reading could take otherwise ("1200", "-3.5", "1234.567"): most cells of a machine export. */
const PLAIN = /^-?(0|[1-9]\d{0,2}|\d{4,})(\.(\d{1,2}|\d{4,}))?$/;

/** Strips one sign (leading or trailing "-", Unicode minus, leading "+"). */
function splitSign(text: string): { rest: string; negative: boolean } {
  const t = text.trim();
  if (/^[-−]/.test(t)) return { rest: t.slice(1).trim(), negative: true };
  if (/[-−]$/.test(t)) return { rest: t.slice(0, -1).trim(), negative: true };
  if (t.startsWith('+')) return { rest: t.slice(1).trim(), negative: false };
  return { rest: t, negative: false };
}

/** Digit groups as thousands (1,234,567) or Indian lakhs (12,34,567) write them. */
function validGroups(groups: readonly string[]): boolean {
  if (groups.length < 2) return true;
  const last = groups.length - 1;
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : i === last ? /^\d{3}$/.test(g) : /^\d{2,3}$/.test(g)));
}

/**
 * Reads an amount. The decimal separator is the last of "," and "." when both appear; a separator that appears
 * more than once groups digits; a single one followed by exactly three digits ("1,234", "EUR 3.000") is
 * ambiguous and groups thousands unless `decimal` names it (a file known to write decimal commas passes ',');
 * any other single one is the decimal separator. Negative amounts (credit notes) are returned negative.
 */
export function parseAmount(input: string, decimal?: DecimalSeparator): Amount {
  if (PLAIN.test(input)) return { ok: true, value: Number(input), currency: null };
  const text = input.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  const fail = (why: string): Amount => ({ ok: false, error: `"${input.trim()}" is not an amount${why}` });
  if (text === '') return fail('');
  let body = text;
  let negative = false;
  const parens = /^\((.*)\)$/.exec(body);
  if (parens) {
    body = parens[1]!.trim();
    negative = true;
  }
  const outerSign = splitSign(body);
  const cur = splitCurrency(outerSign.rest);
  const innerSign = splitSign(cur.rest);
  if ([parens !== null, outerSign.negative, innerSign.negative].filter(Boolean).length > 1) return fail(': it has two minus signs');
  negative ||= outerSign.negative || innerSign.negative;
  const number = innerSign.rest;
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(number)) return finish(Number(number), negative, cur.currency, fail);
  if (!/^\d[\d.,' ’]*$/.test(number) || !/\d$/.test(number)) return fail(/[a-z]/i.test(number) ? ': it has letters in it' : '');

  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  const spaced = /[ '’]/.test(number);
  let sep: DecimalSeparator | null = null;
  if (lastDot >= 0 && lastComma >= 0) sep = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const c: DecimalSeparator = lastDot >= 0 ? '.' : ',';
    const count = number.split(c).length - 1;
    const after = number.length - number.lastIndexOf(c) - 1;
    const before = number.slice(0, number.indexOf(c));
    if (count > 1) sep = null;
    else if (spaced) sep = c;
    else if (after === 3 && /^[1-9]\d{0,2}$/.test(before)) sep = decimal === c ? c : null;
    else sep = c;
  }
  const at = sep === null ? -1 : number.lastIndexOf(sep);
  const whole = at < 0 ? number : number.slice(0, at);
  const fraction = at < 0 ? '' : number.slice(at + 1);
  if (!/^\d*$/.test(fraction)) return fail(': its decimal part has separators in it');
  const groupChars = new Set(whole.replace(/\d/g, '').replace(/’/g, "'"));
  if (groupChars.size > 1) return fail(': it mixes digit-group separators');
  const groups = whole.split(/[.,' ’]/);
  if (groups.length > 1 && !validGroups(groups)) return fail(': its digit groups do not read as thousands');
  return finish(Number(`${groups.join('')}.${fraction || '0'}`), negative, cur.currency, fail);
}

function finish(value: number, negative: boolean, currency: string | null, fail: (why: string) => Amount): Amount {
  if (!Number.isFinite(value)) return fail(': it is too large');
  return { ok: true, value: negative && value !== 0 ? -value : value, currency };
}
