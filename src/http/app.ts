// The HTTP server: the versioned JSON API under /api/v1, its OpenAPI document and docs page, and the built
// web app. Each capability brings its own routes plugin; this file only wires them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { knowledgeRoutes } from '../knowledge/routes.ts';
import { KnowledgeError } from '../knowledge/service.ts';
import { orgRoutes } from '../orgs/routes.ts';
import { ssoRoutes } from '../orgs/sso-routes.ts';
import { AccessError } from '../orgs/service.ts';
import type { Services } from '../services.ts';
import { supplierRoutes } from '../suppliers/routes.ts';
import { reportRoutes } from '../report/routes.ts';
import { screeningRoutes } from '../screening/routes.ts';
import { ScreeningError } from '../screening/service.ts';
import { SupplierError } from '../suppliers/service.ts';
import { watchlistRoutes } from '../watchlists/routes.ts';
import { WatchlistError, WatchlistFileError } from '../watchlists/service.ts';
import { type Access, authPlugin } from './auth.ts';
import { HttpProblem, type Problem } from './problem.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const VERSION = '0.1.0';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
  /** The zod schema of the request body, if any. */
  body: unknown;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    vigilRoutes: RegisteredRoute[];
  }
}

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Serve the built web app (off for API-only tests and the OpenAPI writer). */
  web?: boolean;
  /** Where log lines go (default stdout); tests read them to prove no secret is logged. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: Services, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Request logs carry method, path and status only: no query string, headers, cookies or bodies.
    logger: opts.logger
      ? {
          level: typeof opts.logger === 'object' ? opts.logger.level : 'info',
          serializers: { req: (req) => ({ method: req.method, path: req.url.split('?')[0] }) },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    trustProxy: process.env.VIGIL_TRUST_PROXY === 'true',
  });
  // Every route as registered, with its declared access: the isolation test walks this list, so a new
  // route is covered without editing the test.
  const routes: RegisteredRoute[] = [];
  app.decorate('vigilRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, access: (r.config as { access?: Access } | undefined)?.access ?? 'public', body: r.schema?.body, hidden: Boolean(r.schema?.hide) });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    const problem: Problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: `No route for ${req.method} ${req.url.split('?')[0]}` };
    const path = req.url.split('?')[0]!;
    // A missing file (an old asset name after a rebuild) is a 404, not the app's page in its place.
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || isFile || !opts.web || !existsSync(WEB_DIST)) return sendProblem(reply, problem);
    // Any other path belongs to the single-page app, which routes it in the browser.
    return reply.type('text/html').sendFile('index.html');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: VERSION,
        description:
          'Open, explainable due diligence against human trafficking and forced labour. Every figure carries the dataset, edition and row it comes from.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      tags: [
        { name: 'knowledge', description: 'Versioned public reference data with provenance' },
        { name: 'sign-in', description: 'First run, sessions, password reset, single sign-on' },
        { name: 'organisations', description: 'Organisations, people, roles, invitations and API tokens' },
        { name: 'audit', description: 'The tamper-evident audit trail' },
        { name: 'imports', description: 'Supplier and spend files: upload, column mapping, import, rejected rows' },
        { name: 'suppliers', description: 'Suppliers, sites, goods, spend and relationships, with their explained risk' },
        { name: 'risk', description: 'Hotspots, worklist, risk weights and reassessment' },
        { name: 'reports', description: 'The board report on the portfolio, as HTML and PDF' },
        { name: 'watchlists', description: 'Forced-labour and sanctions lists screened against, as versioned data with provenance' },
        { name: 'screening', description: 'Suppliers, sites and owners screened against the lists: explained hits, reviews, alerts, runs' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session', description: 'Browser session; changes also need X-CSRF-Token' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (vgt_…), scoped to one organisation' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(authPlugin, { access: deps.access, secureCookies: deps.secureCookies });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok', database: deps.db.kind };
  });

  await app.register(knowledgeRoutes(deps), { prefix: '/api/v1' });
  await app.register(orgRoutes(deps), { prefix: '/api/v1' });
  await app.register(ssoRoutes(deps), { prefix: '/api/v1' });
  await app.register(supplierRoutes(deps), { prefix: '/api/v1' });
  await app.register(reportRoutes(deps), { prefix: '/api/v1' });
  await app.register(watchlistRoutes(deps), { prefix: '/api/v1' });
  await app.register(screeningRoutes(deps), { prefix: '/api/v1' });

  if (opts.web && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, index: 'index.html' });
  }
  return app;
}

const ACCESS_STATUS = {
  unauthenticated: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  'not-found': [404, 'Not Found'],
  invalid: [400, 'Invalid request'],
  conflict: [409, 'Conflict'],
  locked: [429, 'Too Many Requests'],
} as const;

const WATCHLIST_STATUS = {
  'not-found': [404, 'Not Found'],
  forbidden: [403, 'Forbidden'],
  invalid: [400, 'Invalid request'],
  conflict: [409, 'Conflict'],
  'too-large': [413, 'Content Too Large'],
} as const;

const SUPPLIER_STATUS = {
  'not-found': [404, 'Not Found'],
  invalid: [400, 'Invalid request'],
  'too-large': [413, 'Content Too Large'],
} as const;

function sendProblem(reply: import('fastify').FastifyReply, problem: Problem & { issues?: unknown }) {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function errorHandler(this: FastifyInstance, err: FastifyError, req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: err.validation.map((v) => `${err.validationContext ?? 'request'}${v.instancePath || ''}: ${v.message}`).join('; '),
      errors: err.validation.map((v) => ({ path: `${err.validationContext ?? 'request'}${v.instancePath || ''}`, message: v.message ?? 'invalid' })),
    });
  }
  if (err instanceof AccessError) {
    const [status, title] = ACCESS_STATUS[err.kind];
    if (err.retryAfterSeconds) void reply.header('retry-after', String(err.retryAfterSeconds));
    return sendProblem(reply, { type: 'about:blank', title, status, detail: err.message });
  }
  if (err instanceof HttpProblem) return sendProblem(reply, { type: 'about:blank', title: err.title, status: err.status, detail: err.detail });
  if (err instanceof KnowledgeError) {
    const status = err.kind === 'not-found' ? 404 : err.kind === 'conflict' ? 409 : 400;
    const title = status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : 'Invalid request';
    return sendProblem(reply, { type: 'about:blank', title, status, detail: err.message });
  }
  if (err instanceof SupplierError) {
    const [status, title] = SUPPLIER_STATUS[err.kind];
    return sendProblem(reply, { type: 'about:blank', title, status, detail: err.message });
  }
  if (err instanceof WatchlistError) {
    const [status, title] = WATCHLIST_STATUS[err.kind];
    return sendProblem(reply, { type: 'about:blank', title, status, detail: err.message });
  }
  if (err instanceof ScreeningError) {
    const [status, title] = WATCHLIST_STATUS[err.kind];
    return sendProblem(reply, { type: 'about:blank', title, status, detail: err.message });
  }
  if (err instanceof WatchlistFileError) {
    return sendProblem(reply, { type: 'about:blank', title: 'Invalid list file', status: 400, detail: err.message.split('\n')[0], issues: err.issues });
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return sendProblem(reply, { type: 'about:blank', title: err.name || 'Bad Request', status: err.statusCode, detail: err.message });
  }
  req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side; the error is logged.' });
}
