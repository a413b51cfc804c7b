// Checks the forms run before sending, and the organisation profile's form values. Pure. The server checks
// everything again; these only spare a round trip and put each message next to its field.

export type FieldErrors = Record<string, string>;

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The first field of `order` that has an error (fields not in `order` come after, in their own order). */
export function firstError(errors: FieldErrors, order: readonly string[]): string | null {
  for (const f of order) if (errors[f]) return f;
  return Object.keys(errors)[0] ?? null;
}

export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (!e) return 'Enter an e-mail address.';
  if (e.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) return 'Enter an e-mail address such as name@example.org.';
  return null;
}

/** The same rule as the server: length matters, no composition rules. */
export function newPasswordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters (you have ${password.length}).`;
  if (password.length > MAX_PASSWORD) return `Use at most ${MAX_PASSWORD} characters.`;
  const local = email?.trim().toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'The password must not contain the name part of your e-mail address.';
  if (/^(.)\1+$/.test(password)) return 'The password must not be one character repeated.';
  return null;
}

/** A new password typed twice: the password's own problem first, then whether the second copy matches. */
export function newPasswordErrors(password: string, confirm: string, email?: string): FieldErrors {
  const p = newPasswordProblem(password, email);
  if (p) return { password: p };
  return confirm === password ? {} : { confirm: 'The two passwords differ; type the same password twice.' };
}

export function nameProblem(name: string, what = 'your name'): string | null {
  if (!name.trim()) return `Enter ${what}.`;
  if (name.trim().length > 200) return 'Use at most 200 characters.';
  return null;
}

// ── Organisation profile ────────────────────────────────────────────────────────────────────────────

export type OrganisationKind = 'public_body' | 'international_organisation' | 'company' | 'ngo';

export const ORGANISATION_KINDS: readonly { id: OrganisationKind; label: string }[] = [
  { id: 'public_body', label: 'Public body (ministry, agency, municipality)' },
  { id: 'international_organisation', label: 'International organisation (UN agency, development bank, …)' },
  { id: 'company', label: 'Company' },
  { id: 'ngo', label: 'Non-governmental organisation' },
];

export function kindLabel(kind: string): string {
  return ORGANISATION_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

/** The profile as the API takes it. */
export interface OrganisationValues {
  name: string;
  country: string | null;
  kind: OrganisationKind;
  employees: number | null;
  turnover: number | null;
  turnoverCurrency: string | null;
  financialYearEnd: string | null;
}

/** The profile as the form holds it: every field a string. */
export interface OrganisationDraft {
  name: string;
  country: string;
  kind: OrganisationKind;
  employees: string;
  turnover: string;
  turnoverCurrency: string;
  financialYearEnd: string;
}

export const EMPTY_ORGANISATION: OrganisationDraft = { name: '', country: '', kind: 'public_body', employees: '', turnover: '', turnoverCurrency: '', financialYearEnd: '' };

export function draftFrom(o: OrganisationValues): OrganisationDraft {
  return {
    name: o.name,
    country: o.country ?? '',
    kind: o.kind,
    employees: o.employees === null ? '' : String(o.employees),
    turnover: o.turnover === null ? '' : String(o.turnover),
    turnoverCurrency: o.turnoverCurrency ?? '',
    financialYearEnd: o.financialYearEnd ?? '',
  };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A plain number typed by a person: spaces, thin spaces, commas and apostrophes as thousands separators. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f,'’_]/g, '');
  if (!t) return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/** "31-12", "12/31", "1231" are not guessed at: the field takes MM-DD, e.g. 12-31 or 03-31. */
export function financialYearEndProblem(value: string): string | null {
  const m = /^(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return 'Write the month and day as MM-DD, for example 12-31 for 31 December.';
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12) return 'The month must be between 01 and 12.';
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) return `That month has no day ${day}.`;
  return null;
}

/** Checks a draft and turns it into API values; errors are keyed by field name. */
export function parseOrganisation(d: OrganisationDraft): { values: OrganisationValues | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = d.name.trim();
  const nameErr = nameProblem(name, 'the organisation’s name');
  if (nameErr) errors.name = nameErr;
  const country = d.country.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = 'Choose a country from the list.';
  let employees: number | null = null;
  if (d.employees.trim()) {
    const n = parseAmount(d.employees);
    if (n === null || !Number.isInteger(n) || n < 0) errors.employees = 'Enter a whole number of people, such as 1200.';
    else employees = n;
  }
  let turnover: number | null = null;
  if (d.turnover.trim()) {
    const n = parseAmount(d.turnover);
    if (n === null || !Number.isFinite(n) || n < 0) errors.turnover = 'Enter an amount in figures, such as 45000000.';
    else turnover = n;
  }
  const currency = d.turnoverCurrency.trim().toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) errors.turnoverCurrency = 'Use the three-letter ISO 4217 code, such as EUR, GBP or USD.';
  if (turnover !== null && !currency && !errors.turnoverCurrency) errors.turnoverCurrency = 'Say which currency the amount is in.';
  const fye = d.financialYearEnd.trim();
  if (fye) {
    const p = financialYearEndProblem(fye);
    if (p) errors.financialYearEnd = p;
  }
  if (Object.keys(errors).length > 0) return { values: null, errors };
  return {
    values: { name, country: country || null, kind: d.kind, employees, turnover, turnoverCurrency: currency || null, financialYearEnd: fye || null },
    errors,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12-31" → "31 December". */
export function formatYearEnd(value: string | null): string {
  if (!value) return '—';
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  const month = m ? MONTHS[Number(m[1]) - 1] : undefined;
  return m && month ? `${Number(m[2])} ${month}` : value;
}

/** "45000000", "EUR" → "EUR 45,000,000". */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  const n = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(amount);
  return currency ? `${currency} ${n}` : n;
}

/**
 * The field a server-side validation error belongs to: "body/organisation/name" → "organisation.name" when
 * `fields` has it, or "name"; null when none of the form's fields matches.
 */
export function fieldOfPath(path: string, fields: readonly string[]): string | null {
  const parts = path.replace(/^(body|querystring|params)\/?/, '').split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return null;
}
