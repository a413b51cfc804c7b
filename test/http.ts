// Drives the API in-process like a browser would: keeps the session cookie and sends the CSRF token.
import type { FastifyInstance, InjectOptions } from 'fastify';

export interface Response {
  status: number;
  type: string;
  body: any;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export class Browser {
  private cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    readonly bearer: string | null = null,
  ) {}

  async call(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method, url, payload: payload as InjectOptions['payload'], headers: h });
    const set = res.cookies.find((c) => c.name === 'vigil_session');
    if (set) this.cookie = set.value ? `vigil_session=${set.value}` : null;
    let body: any = null;
    try {
      body = res.json();
    } catch {
      body = null;
    }
    if (body && typeof body === 'object' && typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body, text: res.body, headers: res.headers };
  }

  get = (url: string) => this.call('GET', url);
  post = (url: string, body?: unknown) => this.call('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.call('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.call('PATCH', url, body ?? {});
  delete = (url: string) => this.call('DELETE', url);
}

export const STRONG_PASSWORD = 'correct horse battery staple';

export const ORG = (name: string) => ({ name, country: 'GB', kind: 'public_body' as const, employees: 1200, turnover: 5e8, turnoverCurrency: 'GBP', financialYearEnd: '03-31' });

/** First run: the setup token creates the first administrator and their organisation. */
export async function setupAdmin(app: FastifyInstance, token: string, email = 'admin@a.example', orgName = 'Organisation A') {
  const admin = new Browser(app);
  const r = await admin.post('/api/v1/setup', { token, email, name: 'Ada Admin', password: STRONG_PASSWORD, organisation: ORG(orgName) });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${r.text}`);
  return { admin, session: r.body };
}

/** Invites and accepts; returns the new member's browser. */
export async function addMember(app: FastifyInstance, admin: Browser, email: string, role: string, name = 'New Member') {
  const inv = await admin.post('/api/v1/invitations', { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${inv.text}`);
  const token = String(inv.body.link).split('#')[1];
  const member = new Browser(app);
  const acc = await member.post('/api/v1/invitation/accept', { token, name, password: STRONG_PASSWORD });
  if (acc.status !== 201) throw new Error(`accept failed: ${acc.status} ${acc.text}`);
  return { member, session: acc.body, invitation: inv.body.invitation };
}
