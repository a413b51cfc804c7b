// Brazilian registry numbers: CNPJ (companies, 14 characters) and CPF (natural persons, 11 digits), with their
// check digits (mod 11). Since July 2026 the Receita Federal also issues alphanumeric CNPJs (IN RFB 2.229/2024):
// the first 12 characters may be letters, each counting as its character code minus 48. Pure.

export type BrazilId =
  | { kind: 'cnpj' | 'cpf'; /** Letters and digits only. */ compact: string; formatted: string; /** Set when the number was read despite an unusual spelling. */ warning: string | null }
  | { error: string };

const CNPJ_CANONICAL = /^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\/[0-9A-Z]{4}-\d{2}$/;
const CNPJ_DOT_FOR_SLASH = /^[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}\.[0-9A-Z]{4}-\d{2}$/;
const CPF_CANONICAL = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;

const value = (ch: string) => ch.charCodeAt(0) - 48;

/** The mod-11 check digit over `body` with weights cycling 2..max from the right. */
function checkDigit(body: string, max: number): number {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += value(body[i]!) * weight;
    weight = weight === max ? 2 : weight + 1;
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

export function validCnpj(compact: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(compact) || /^(\d)\1{13}$/.test(compact)) return false;
  const d1 = checkDigit(compact.slice(0, 12), 9);
  const d2 = checkDigit(compact.slice(0, 12) + d1, 9);
  return compact.endsWith(`${d1}${d2}`);
}

export function validCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const d1 = checkDigit(digits.slice(0, 9), 11);
  const d2 = checkDigit(digits.slice(0, 9) + d1, 11);
  return digits.endsWith(`${d1}${d2}`);
}

export const formatCnpj = (c: string) => `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
export const formatCpf = (c: string) => `${c.slice(0, 3)}.${c.slice(3, 6)}.${c.slice(6, 9)}-${c.slice(9)}`;

/** A CNPJ or CPF as a register writes it ("12.345.678/0001-95", "123.456.789-09", or bare), checked. */
export function parseBrazilId(raw: string): BrazilId {
  const written = raw.trim().toUpperCase();
  const compact = written.replace(/[\s./-]/g, '');
  if (/^\d{11}$/.test(compact)) {
    if (!validCpf(compact)) return { error: `CPF "${raw.trim()}" fails its check digits (mistyped?)` };
    const unusual = !CPF_CANONICAL.test(written) && written !== compact;
    return { kind: 'cpf', compact, formatted: formatCpf(compact), warning: unusual ? `CPF written unusually as "${raw.trim()}"; read as ${formatCpf(compact)}` : null };
  }
  if (/^[0-9A-Z]{12}\d{2}$/.test(compact)) {
    if (!validCnpj(compact)) return { error: `CNPJ "${raw.trim()}" fails its check digits (mistyped?)` };
    const formatted = formatCnpj(compact);
    const warning = CNPJ_CANONICAL.test(written) || written === compact
      ? null
      : CNPJ_DOT_FOR_SLASH.test(written)
        ? `CNPJ written with "." where "/" belongs ("${raw.trim()}"); read as ${formatted}`
        : `CNPJ written unusually as "${raw.trim()}"; read as ${formatted}`;
    return { kind: 'cnpj', compact, formatted, warning };
  }
  if (/^\d{10}$|^\d{13}$/.test(compact)) return { error: `"${raw.trim()}" has ${compact.length} digits: a CPF has 11 and a CNPJ 14 (did a spreadsheet drop a leading zero? format the column as text)` };
  return { error: `"${raw.trim()}" is neither a CNPJ (NN.NNN.NNN/NNNN-NN, 14 digits) nor a CPF (NNN.NNN.NNN-NN, 11 digits)` };
}
