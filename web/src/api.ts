// Client for Vigil's JSON API (same origin). Errors come back as application/problem+json and are raised as
// ApiError so every page can show the server's own explanation.
import type { z } from 'zod';
import type {
  ClassificationResults as ClassificationResultsSchema,
  CountryList,
  CountryProfile,
  DatasetList as DatasetListSchema,
  GoodList,
  GoodProfile,
  IloIndicators as IloIndicatorsSchema,
  SearchResults,
} from '../../src/knowledge/api-schema.ts';
import type {
  ApiToken as ApiTokenSchema,
  AuditEntry as AuditEntrySchema,
  Invitation as InvitationSchema,
  Member as MemberSchema,
  Organisation as OrganisationSchema,
  OrganisationInput as OrganisationInputSchema,
  SessionInfo as SessionInfoSchema,
} from '../../src/orgs/api-schema.ts';

export type {
  ClassificationHit,
  CountryList,
  CountryProfile,
  Dataset,
  Edition,
  GoodList,
  GoodProfile,
  SearchResults,
  SourceRef,
} from '../../src/knowledge/api-schema.ts';
export type DatasetList = z.infer<typeof DatasetListSchema>;
export type ClassificationResults = z.infer<typeof ClassificationResultsSchema>;
export type IloIndicators = z.infer<typeof IloIndicatorsSchema>;
export type CountrySummary = CountryList['countries'][number];
export type GoodSummary = GoodList['goods'][number];

export type Session = z.infer<typeof SessionInfoSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export interface InvitationPreview {
  organisation: string;
  email: string;
  role: string;
  accountExists: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Which request fields were invalid (from a 400 problem), e.g. { path: 'body/email', message }. */
    readonly errors: readonly { path: string; message: string }[] = [],
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfter: number | null = null,
    /** The problem's other members (a rejected watchlist file's `issues`), for the page that knows them. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

/** Any thrown value as an ApiError, so every page can show `detail`. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'Something went wrong', e instanceof Error ? e.message : String(e));
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

async function problemFrom(res: Response): Promise<ApiError> {
  const fallbackTitle = res.statusText || `HTTP ${res.status}`;
  try {
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) {
      const body = (await res.json()) as { title?: unknown; detail?: unknown; message?: unknown; errors?: unknown } & Record<string, unknown>;
      const title = typeof body.title === 'string' ? body.title : fallbackTitle;
      const detail = typeof body.detail === 'string' ? body.detail : typeof body.message === 'string' ? body.message : '';
      const errors = Array.isArray(body.errors)
        ? body.errors.filter((e): e is { path: string; message: string } => typeof e?.path === 'string' && typeof e?.message === 'string')
        : [];
      const retry = Number(res.headers.get('retry-after'));
      return new ApiError(res.status, title, detail, errors, Number.isFinite(retry) && retry > 0 ? retry : null, body);
    }
    const text = (await res.text()).trim();
    return new ApiError(res.status, fallbackTitle, text.slice(0, 300));
  } catch {
    return new ApiError(res.status, fallbackTitle, '');
  }
}

const unreachable = () => new ApiError(0, 'Vigil’s server could not be reached', 'Check that Vigil is running and your connection works, then try again.');

export async function getJson<T>(path: string, signal?: AbortSignal, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw unreachable();
  }
  if (!res.ok) throw await problemFrom(res);
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    throw new ApiError(res.status, 'Unexpected answer from the server', `Expected JSON from ${path} but got ${type || 'no content type'}.`);
  }
  return (await res.json()) as T;
}

/** A GET of data that changes (the session's own organisation data): never answered from a cache. */
export function getFresh<T>(path: string, signal?: AbortSignal): Promise<T> {
  return getJson<T>(path, signal, { cache: 'no-store' });
}

// ── Changes: every non-GET request made with a session carries the session's CSRF token ────────────────

let csrfToken: string | null = null;

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when a change made with a session is answered 401: the session has ended (expired, reset, removed). */
export function onSessionEnded(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Keeps the CSRF token of the latest session answer (null after signing out). */
export function rememberSession(session: Pick<Session, 'csrfToken'> | null): void {
  csrfToken = session?.csrfToken ?? null;
}

/** Sends JSON with POST/PUT/PATCH/DELETE; resolves to the JSON answer, or undefined for 202/204. */
export async function sendJson<T = undefined>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, cache: 'no-store', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw unreachable();
  }
  if (!res.ok) {
    if (res.status === 401 && headers['x-csrf-token']) for (const l of unauthorizedListeners) l();
    throw await problemFrom(res);
  }
  // 202 carries a body when the accepted job has something to say (an import's summary); otherwise none.
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, whose upload events (unlike fetch's) report
 * progress: onProgress(sent, total). `abort` cancels; the promise then rejects with an AbortError.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    const sentToken = csrfToken;
    if (sentToken) xhr.setRequestHeader('x-csrf-token', sentToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(unreachable());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status >= 200 && xhr.status < 300) {
        res.json().then((body) => resolve(body as T), () => reject(new ApiError(xhr.status, 'Unexpected answer from the server', `Expected JSON from ${path}.`)));
        return;
      }
      if (xhr.status === 401 && sentToken) for (const l of unauthorizedListeners) l();
      problemFrom(res).then(reject, reject);
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

export const post = <T = undefined>(path: string, body?: unknown) => sendJson<T>('POST', path, body);
export const put = <T = undefined>(path: string, body?: unknown) => sendJson<T>('PUT', path, body);
export const patch = <T = undefined>(path: string, body?: unknown) => sendJson<T>('PATCH', path, body);
export const del = <T = undefined>(path: string) => sendJson<T>('DELETE', path);

const enc = encodeURIComponent;

export const endpoints = {
  datasets: () => '/api/v1/datasets',
  countries: () => '/api/v1/countries',
  country: (code: string) => `/api/v1/countries/${enc(code)}`,
  goods: () => '/api/v1/goods',
  good: (slug: string) => `/api/v1/goods/${enc(slug)}`,
  search: (q: string) => `/api/v1/search?q=${enc(q)}`,
  classifications: (q: string, scheme: 'hs' | 'cpv' | 'all' = 'all', limit = 20) =>
    `/api/v1/classifications/search?q=${enc(q)}&scheme=${scheme}&limit=${limit}`,
  iloIndicators: () => '/api/v1/ilo-indicators',
  session: () => '/api/v1/session',
  sessionOrganisation: () => '/api/v1/session/organisation',
  setup: () => '/api/v1/setup',
  passwordReset: () => '/api/v1/password-reset',
  passwordResetComplete: () => '/api/v1/password-reset/complete',
  invitationPreview: () => '/api/v1/invitation/preview',
  invitationAccept: () => '/api/v1/invitation/accept',
  organisation: () => '/api/v1/organisation',
  organisationSso: () => '/api/v1/organisation/sso',
  ssoProviders: () => '/api/v1/auth/sso/providers',
  ssoStart: (orgId: number) => `/api/v1/auth/sso/start?org=${orgId}`,
  organisations: () => '/api/v1/organisations',
  members: () => '/api/v1/members',
  member: (userId: number) => `/api/v1/members/${userId}`,
  memberResetLink: (userId: number) => `/api/v1/members/${userId}/reset-link`,
  invitations: () => '/api/v1/invitations',
  invitation: (id: number) => `/api/v1/invitations/${id}`,
  tokens: () => '/api/v1/tokens',
  token: (id: number) => `/api/v1/tokens/${id}`,
  /** `query` is a "?…" string (or ""). */
  audit: (query: string) => `/api/v1/audit${query}`,
  auditCsv: (query: string) => `/api/v1/audit.csv${query}`,
  uploads: () => '/api/v1/uploads',
  imports: () => '/api/v1/imports',
  import: (id: string | number) => `/api/v1/imports/${enc(String(id))}`,
  importIssues: (id: string | number, offset: number, limit: number) => `/api/v1/imports/${enc(String(id))}/issues?offset=${offset}&limit=${limit}`,
  importIssuesCsv: (id: string | number) => `/api/v1/imports/${enc(String(id))}/issues.csv`,
  mappings: () => '/api/v1/mappings',
  portfolio: () => '/api/v1/portfolio',
  reportHtml: () => '/api/v1/reports/portfolio.html',
  reportPdf: () => '/api/v1/reports/portfolio.pdf',
  /** `query` is a "?…" string (or ""). */
  suppliers: (query: string) => `/api/v1/suppliers${query}`,
  supplier: (id: string | number) => `/api/v1/suppliers/${enc(String(id))}`,
  riskWeights: () => '/api/v1/risk/weights',
  assessments: () => '/api/v1/assessments',
  supplierOwners: (id: string | number) => `/api/v1/suppliers/${enc(String(id))}/owners`,
  supplierOwner: (id: string | number, ownerId: string | number) => `/api/v1/suppliers/${enc(String(id))}/owners/${enc(String(ownerId))}`,
  watchlists: () => '/api/v1/watchlists',
  watchlist: (id: string | number) => `/api/v1/watchlists/${enc(String(id))}`,
  watchlistThreshold: (id: string | number) => `/api/v1/watchlists/${enc(String(id))}/threshold`,
  /** `query` is a "?…" string (or ""). */
  watchlistEntities: (id: string | number, query: string) => `/api/v1/watchlists/${enc(String(id))}/entities${query}`,
  /** `query` is a "?…" string: format, edition, mapping. */
  watchlistVersions: (id: string | number, query: string) => `/api/v1/watchlists/${enc(String(id))}/versions${query}`,
  screeningSummary: () => '/api/v1/screening/summary',
  /** `query` is a "?…" string (or ""). */
  screeningHits: (query: string) => `/api/v1/screening/hits${query}`,
  screeningHit: (id: string | number) => `/api/v1/screening/hits/${enc(String(id))}`,
  screeningReview: (id: string | number) => `/api/v1/screening/hits/${enc(String(id))}/review`,
  screeningAlerts: (unseen: boolean) => `/api/v1/screening/alerts${unseen ? '?unseen=true' : ''}`,
  screeningAlertsSeen: () => '/api/v1/screening/alerts/seen',
  screeningRuns: () => '/api/v1/screening/runs',
};

// Reference data changes only when an administrator loads an edition, so answers are kept for the session
// (bounded); a failed request is forgotten so that "Try again" really asks again.
const MAX_CACHED = 80;
const cache = new Map<string, Promise<unknown>>();

export function cachedJson<T>(path: string): Promise<T> {
  const hit = cache.get(path);
  if (hit) {
    cache.delete(path);
    cache.set(path, hit); // most recently used last
    return hit as Promise<T>;
  }
  const p = getJson<T>(path);
  cache.set(path, p);
  p.catch(() => cache.delete(path));
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return p;
}

export function forget(path: string): void {
  cache.delete(path);
}

export type Api = {
  datasets: DatasetList;
  countries: CountryList;
  country: CountryProfile;
  goods: GoodList;
  good: GoodProfile;
  search: SearchResults;
  classifications: ClassificationResults;
  iloIndicators: IloIndicators;
};
