// HTTP adapter of watchlists: the lists an organisation sees, their versions and entities, its own lists,
// thresholds, and new versions of its own lists uploaded as the raw request body. Thin handlers over
// WatchlistService.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, problemResponses } from '../http/problem.ts';
import { who } from '../suppliers/routes.ts';
import { EntityQuery, TableMapping, ThresholdBody, VersionQuery, Watchlist, WatchlistCreate, WatchlistEntity, WatchlistImport, WatchlistIssue, WatchlistVersionInfo } from './api-schema.ts';
import { WatchlistError, type WatchlistService } from './service.ts';

const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The request types a list file may have; each is streamed to disk as it arrives, never buffered whole. */
export const LIST_UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const UploadBody = z
  .custom<Readable>((v) => v instanceof Readable, 'send the list file itself as the request body')
  .meta({ type: 'string', format: 'binary', description: 'The list file, as the raw request body' });

const UploadHeaders = z.object({
  'x-file-name': z.string().min(1).max(1000).describe('The file\'s name, URI-encoded (encodeURIComponent) when it is not plain ASCII'),
});

export const ListFileProblem = Problem.extend({
  issues: z.array(WatchlistIssue).optional().describe('Every problem in the file (the first 1,000): nothing was imported'),
}).meta({ id: 'ListFileProblem', description: 'RFC 9457 problem details; a rejected list file names each problem' });

function fileNameOf(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function mappingOf(json: string | undefined): z.infer<typeof TableMapping> | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new WatchlistError('invalid', 'mapping must be a JSON object, such as {"name": "Company name", "country": "Country"}');
  }
  const r = TableMapping.safeParse(parsed);
  if (!r.success) throw new WatchlistError('invalid', `mapping: ${r.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}`);
  return r.data;
}

export function watchlistRoutes(deps: { watchlists: WatchlistService }): FastifyPluginAsyncZod {
  const { watchlists } = deps;
  const tags = ['watchlists'];
  const read = { access: 'screening.read' } as const;
  const manage = { access: 'watchlists.manage' } as const;

  return async (app) => {
    app.get('/watchlists', { config: read, schema: { tags, summary: 'The lists screened against: shared ones and your organisation\'s own, with their active version', response: { 200: z.object({ items: z.array(Watchlist) }), ...problemResponses } } }, async (req) => ({
      items: await watchlists.lists(who(req).orgId),
    }));

    app.get(
      '/watchlists/:id',
      { config: read, schema: { tags, summary: 'One list: what it is, who publishes it, why a hit counts, and every imported version', params: Id, response: { 200: z.object({ watchlist: Watchlist, versions: z.array(WatchlistVersionInfo) }), ...problemResponses } } },
      async (req) => watchlists.get(who(req).orgId, req.params.id),
    );

    app.get(
      '/watchlists/:id/entities',
      {
        config: read,
        schema: { tags, summary: 'Entities of the list\'s active version, paged, optionally those whose name, alias, key or identifier contains q', params: Id, querystring: EntityQuery, response: { 200: z.object({ total: z.number().int(), items: z.array(WatchlistEntity) }), ...problemResponses } },
      },
      async (req) => {
        const page = await watchlists.entities(who(req).orgId, req.params.id, req.query);
        return { total: page.total, items: page.items.map(({ fingerprint: _f, ...e }) => e) };
      },
    );

    app.post(
      '/watchlists',
      { config: manage, schema: { tags, summary: 'Create a list of your organisation\'s own (empty until a version is uploaded)', body: WatchlistCreate, response: { 201: Watchlist, 409: Problem.describe('The slug is taken'), ...problemResponses } } },
      async (req, reply) => {
        const b = req.body;
        const def = { slug: b.slug, name: b.name, signal: b.signal, basis: b.basis, threshold: b.threshold, publisher: b.publisher ?? b.name, sourceUrl: b.sourceUrl ?? null, licence: b.licence ?? null };
        return reply.code(201).send(await watchlists.createList(who(req), def));
      },
    );

    app.put(
      '/watchlists/:id/threshold',
      {
        config: manage,
        schema: { tags, summary: 'Set the match threshold: your own list\'s, or your organisation\'s own for a shared list; screening runs again with it', params: Id, body: ThresholdBody, response: { 200: Watchlist, ...problemResponses } },
      },
      async (req) => watchlists.setThreshold(who(req), req.params.id, req.body.threshold),
    );

    // The file is the raw body; it is streamed to disk with a size limit and removed after the import.
    // In a context of its own, so that JSON stays JSON for the other routes.
    await app.register(async (context) => {
      context.removeContentTypeParser(['application/json', 'text/plain']);
      context.addContentTypeParser(LIST_UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
      context.withTypeProvider<ZodTypeProvider>().post(
        '/watchlists/:id/versions',
        {
          config: manage,
          schema: {
            tags,
            summary: 'Upload a new version of your own list (up to 200 MB); all or nothing, and it becomes the active version. Shared lists take versions from the operator only.',
            consumes: LIST_UPLOAD_TYPES,
            params: Id,
            querystring: VersionQuery,
            headers: UploadHeaders,
            body: UploadBody,
            response: {
              201: WatchlistImport,
              400: ListFileProblem.describe('The request or the file is invalid; a rejected file lists every problem in issues'),
              403: Problem.describe('The list is shared: only the operator imports its versions'),
              404: Problem.describe('Not found'),
              409: Problem.describe('That edition of the list is already loaded'),
              413: Problem.describe('The file is larger than 200 MB'),
            },
          },
        },
        async (req, reply) => {
          const q = req.query;
          try {
            const result = await watchlists.importUpload(who(req), req.params.id, req.body, {
              fileName: fileNameOf(req.headers['x-file-name']),
              format: q.format,
              mapping: mappingOf(q.mapping),
              edition: q.edition,
              publishedOn: q.published,
            });
            return reply.code(201).send(result);
          } catch (err) {
            // Refused before the file was read: drain it, so the client reads the answer instead of a reset connection.
            req.body.resume();
            throw err;
          }
        },
      );
    });
  };
}
