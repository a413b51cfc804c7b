// HTTP adapter of the supplier portfolio: uploads, imports and their issues, saved mappings, suppliers,
// portfolio, hotspots, worklist, risk weights and reassessment. Thin handlers over SupplierService.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth.ts';
import { can } from '../orgs/roles.ts';
import type { ScreeningService } from '../screening/service.ts';
import { Problem, problemResponses } from '../http/problem.ts';
import {
  AssessmentReport,
  Hotspot,
  ImportStart,
  ImportSummary,
  IssuesQuery,
  LimitQuery,
  MappingCreate,
  Portfolio,
  RowIssue,
  SavedMapping,
  SupplierDetail,
  SupplierQuery,
  SupplierRow,
  UploadPreview,
  WeightsBody,
  WeightsView,
  WorklistItem,
} from './api-schema.ts';
import type { SupplierService, Who } from './service.ts';

const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const NoContent = z.undefined().describe('Done');

/** The request types an upload may have; each is streamed to disk as it arrives, never buffered whole. */
export const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

const UploadBody = z
  .custom<Readable>((v) => v instanceof Readable, 'send the file itself as the request body, with Content-Type text/csv, an XLSX type or application/octet-stream')
  .meta({ type: 'string', format: 'binary', description: 'The file, as the raw request body' });

const UploadHeaders = z.object({
  'x-file-name': z.string().min(1).max(1000).describe('The file\'s name, URI-encoded (encodeURIComponent) when it is not plain ASCII'),
});

export function who(req: FastifyRequest): Who {
  const actor = actorOf(req);
  return { orgId: actor.orgId, userId: actor.userId, label: actor.email, ip: actor.ip };
}

/** Content-Disposition for a download: an ASCII name for old clients, the real one (RFC 5987) for the rest. */
function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function fileNameOf(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

export function supplierRoutes(deps: { suppliers: SupplierService; screening: ScreeningService }): FastifyPluginAsyncZod {
  const { suppliers, screening } = deps;
  const tags = ['suppliers'];
  const importTags = ['imports'];
  const riskTags = ['risk'];
  const read = { access: 'suppliers.read' } as const;
  const write = { access: 'suppliers.import' } as const;
  const configure = { access: 'risk.configure' } as const;

  return async (app) => {
    // Files arrive as the raw body; the handler streams them to disk with a size limit of its own.
    app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

    app.post(
      '/uploads',
      {
        config: write,
        schema: {
          tags: importTags,
          summary: 'Upload a supplier or spend file (CSV or XLSX, up to 200 MB) and get its columns, first rows and a suggested mapping',
          consumes: UPLOAD_TYPES,
          headers: UploadHeaders,
          body: UploadBody,
          response: { 201: UploadPreview, 413: Problem.describe('The file is larger than 200 MB'), ...problemResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await suppliers.upload(who(req), req.body, fileNameOf(req.headers['x-file-name']))),
    );

    app.post(
      '/imports',
      {
        config: write,
        schema: {
          tags: importTags,
          summary: 'Import an upload with a column mapping; runs in the background (poll GET /imports/{id})',
          body: ImportStart,
          response: { 202: z.object({ import: ImportSummary }), ...problemResponses },
        },
      },
      async (req, reply) => reply.code(202).send({ import: await suppliers.startImport(who(req), req.body.uploadId, req.body.mapping, req.body.saveMappingAs) }),
    );

    app.get('/imports', { config: read, schema: { tags: importTags, summary: 'Imports, newest first', response: { 200: z.object({ items: z.array(ImportSummary) }), ...problemResponses } } }, async (req) => ({
      items: await suppliers.listImports(who(req)),
    }));

    app.get(
      '/imports/:id',
      { config: read, schema: { tags: importTags, summary: 'One import: status, progress while it runs, counts and editions when done', params: Id, response: { 200: ImportSummary, ...problemResponses } } },
      async (req) => suppliers.getImport(who(req), req.params.id),
    );

    app.get(
      '/imports/:id/issues',
      {
        config: read,
        schema: { tags: importTags, summary: 'Rejected and flagged rows of an import, with line, column and reason', params: Id, querystring: IssuesQuery, response: { 200: z.object({ total: z.number().int(), items: z.array(RowIssue) }), ...problemResponses } },
      },
      async (req) => suppliers.issues(who(req), req.params.id, req.query),
    );

    app.get(
      '/imports/:id/issues.csv',
      { config: read, schema: { tags: importTags, summary: 'Every issue of an import as CSV (row, line, column, field, value, severity, message)', params: Id, produces: ['text/csv'] } },
      async (req, reply) => {
        const { fileName, chunks } = await suppliers.issuesCsv(who(req), req.params.id);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(fileName)).send(Readable.from(chunks));
      },
    );

    app.get('/mappings', { config: read, schema: { tags: importTags, summary: 'Saved column mappings', response: { 200: z.object({ items: z.array(SavedMapping) }), ...problemResponses } } }, async (req) => ({
      items: await suppliers.mappings(who(req)),
    }));

    app.post(
      '/mappings',
      { config: write, schema: { tags: importTags, summary: 'Save a column mapping under a name (replacing one of that name)', body: MappingCreate, response: { 201: SavedMapping, ...problemResponses } } },
      async (req, reply) => reply.code(201).send(await suppliers.saveMapping(who(req), req.body.name, req.body.mapping)),
    );

    app.delete('/mappings/:id', { config: write, schema: { tags: importTags, summary: 'Delete a saved mapping', params: Id, response: { 204: NoContent, ...problemResponses } } }, async (req, reply) => {
      await suppliers.deleteMapping(who(req), req.params.id);
      return reply.code(204).send();
    });

    app.get('/portfolio', { config: read, schema: { tags, summary: 'The portfolio at a glance: levels, spend at risk, countries, top hotspots and worklist', response: { 200: Portfolio, ...problemResponses } } }, async (req) =>
      suppliers.portfolio(who(req)),
    );

    app.get(
      '/suppliers',
      {
        config: read,
        schema: { tags, summary: 'Suppliers with their risk, filtered, sorted and paged on the server', querystring: SupplierQuery, response: { 200: z.object({ total: z.number().int(), items: z.array(SupplierRow) }), ...problemResponses } },
      },
      async (req) => suppliers.suppliers(who(req), req.query),
    );

    app.get(
      '/suppliers/:id',
      { config: read, schema: { tags, summary: 'One supplier: identifiers, sites, lines with their classification and explained risk, relationships, owners and watchlist hits', params: Id, response: { 200: SupplierDetail, ...problemResponses } } },
      async (req) => {
        const detail = await suppliers.supplier(who(req), req.params.id);
        const { listHits, owners } = await screening.supplierPart(who(req), req.params.id);
        return { ...detail, owners, listHits: can(actorOf(req).role, 'screening.read') ? listHits : [] };
      },
    );

    app.get(
      '/hotspots',
      { config: read, schema: { tags: riskTags, summary: 'Goods-and-country hotspots across all suppliers, most urgent first', querystring: LimitQuery, response: { 200: z.object({ items: z.array(Hotspot) }), ...problemResponses } } },
      async (req) => ({ items: await suppliers.hotspots(who(req), req.query.limit) }),
    );

    app.get(
      '/worklist',
      { config: read, schema: { tags: riskTags, summary: 'Suppliers to look at first: severity × likelihood × leverage', querystring: LimitQuery, response: { 200: z.object({ items: z.array(WorklistItem) }), ...problemResponses } } },
      async (req) => ({ items: await suppliers.worklist(who(req), req.query.limit) }),
    );

    app.get('/risk/weights', { config: read, schema: { tags: riskTags, summary: 'The organisation\'s risk weights, the defaults, and why each default is what it is', response: { 200: WeightsView, ...problemResponses } } }, async (req) =>
      suppliers.weights(who(req)),
    );

    app.put(
      '/risk/weights',
      {
        config: configure,
        schema: { tags: riskTags, summary: 'Set the organisation\'s risk weights and reassess every line with them; says how many lines changed level', body: WeightsBody, response: { 200: AssessmentReport, ...problemResponses } },
      },
      async (req) => suppliers.setWeights(who(req), req.body.weights),
    );

    app.post(
      '/assessments',
      { config: configure, schema: { tags: riskTags, summary: 'Reassess every line with the active editions; says which editions changed and how many lines changed level', response: { 202: AssessmentReport, ...problemResponses } } },
      async (req, reply) => reply.code(202).send(await suppliers.reassess(who(req))),
    );
  };
}
