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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

async function problemFrom(res: Response): Promise<ApiError> {
  const fallbackTitle = res.statusText || `HTTP ${res.status}`;
  try {
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) {
      const body = (await res.json()) as { title?: unknown; detail?: unknown; message?: unknown };
      const title = typeof body.title === 'string' ? body.title : fallbackTitle;
      const detail = typeof body.detail === 'string' ? body.detail : typeof body.message === 'string' ? body.message : '';
      return new ApiError(res.status, title, detail);
    }
    const text = (await res.text()).trim();
    return new ApiError(res.status, fallbackTitle, text.slice(0, 300));
  } catch {
    return new ApiError(res.status, fallbackTitle, '');
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, 'Vigil’s server could not be reached', 'Check that Vigil is running and your connection works, then try again.');
  }
  if (!res.ok) throw await problemFrom(res);
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    throw new ApiError(res.status, 'Unexpected answer from the server', `Expected JSON from ${path} but got ${type || 'no content type'}.`);
  }
  return (await res.json()) as T;
}

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
