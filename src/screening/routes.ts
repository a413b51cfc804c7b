// HTTP adapter of screening: the hit queue and its explanations, reviews, alerts, runs, screening and comparing
// names, and a supplier's owners. Thin handlers over ScreeningService.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, Problem } from '../http/problem.ts';
import { who } from '../suppliers/routes.ts';
import {
  AlertQuery,
  AlertSchema,
  BatchBody,
  CompareBody,
  HitDetailSchema,
  HitQuerySchema,
  HitRowSchema,
  MatchResultSchema,
  OwnerCreate,
  OwnerSchema,
  ReviewBody,
  RunSchema,
  ScreenBody,
  ScreenHitSchema,
  SeenBody,
  SummarySchema,
} from './api-schema.ts';
import type { ScreeningService } from './service.ts';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const NoContent = z.undefined().describe('Done');
const conflict = { 409: Problem.describe('The hit is in that state already') };

export function screeningRoutes(deps: { screening: ScreeningService }): FastifyPluginAsyncZod {
  const { screening } = deps;
  const tags = ['screening'];
  const read = { access: 'screening.read' } as const;
  const review = { access: 'screening.review' } as const;

  return async (app) => {
    app.get('/screening/summary', { config: read, schema: { tags, summary: 'Hits by status, unseen alerts and the last run', response: { 200: SummarySchema, ...problemResponses } } }, async (req) =>
      screening.summary(who(req)),
    );

    app.get(
      '/screening/hits',
      {
        config: read,
        schema: {
          tags,
          summary: 'Current hits, hard ones first, then by score; open ones by default. A hard hit that is open is "possible": it awaits a person\'s confirmation',
          querystring: HitQuerySchema,
          response: { 200: z.object({ total: z.number().int(), items: z.array(HitRowSchema) }), ...problemResponses },
        },
      },
      async (req) => screening.hits(who(req), req.query),
    );

    app.get(
      '/screening/hits/:id',
      {
        config: read,
        schema: { tags, summary: 'One hit side by side: the subject as screened, the listed entity, the explained score, the list and its version, the review history', params: z.object({ id: Id }), response: { 200: HitDetailSchema, ...problemResponses } },
      },
      async (req) => screening.hit(who(req), req.params.id),
    );

    app.post(
      '/screening/hits/:id/review',
      {
        config: review,
        schema: {
          tags,
          summary: 'Confirm, dismiss or reopen a hit, with the reason (kept in its history and the audit trail)',
          params: z.object({ id: Id }),
          body: ReviewBody,
          response: { 200: HitDetailSchema, ...problemResponses, ...conflict },
        },
      },
      async (req) => screening.review(who(req), req.params.id, req.body.decision, req.body.reason),
    );

    app.get(
      '/screening/alerts',
      { config: read, schema: { tags, summary: 'New and changed hits, newest first (500 at most)', querystring: AlertQuery, response: { 200: z.object({ items: z.array(AlertSchema) }), ...problemResponses } } },
      async (req) => ({ items: await screening.alerts(who(req), req.query.unseen) }),
    );

    app.post(
      '/screening/alerts/seen',
      { config: review, schema: { tags, summary: 'Mark alerts seen', body: SeenBody, response: { 204: NoContent, ...problemResponses } } },
      async (req, reply) => {
        await screening.markSeen(who(req), req.body.ids);
        return reply.code(204).send();
      },
    );

    app.get('/screening/runs', { config: read, schema: { tags, summary: 'Screening runs, newest first', response: { 200: z.object({ items: z.array(RunSchema) }), ...problemResponses } } }, async (req) => ({
      items: await screening.runs(who(req)),
    }));

    app.post(
      '/screening/runs',
      { config: review, schema: { tags, summary: 'Re-screen every supplier, site and owner now; runs in the background (poll GET /screening/runs)', response: { 202: RunSchema, ...problemResponses } } },
      async (req, reply) => reply.code(202).send(await screening.startRun(who(req))),
    );

    app.post(
      '/screening/screen',
      {
        config: review,
        schema: { tags, summary: 'Screen one name (with aliases, countries, identifiers) against the active lists; nothing is stored', body: ScreenBody, response: { 200: z.object({ hits: z.array(ScreenHitSchema) }), ...problemResponses } },
      },
      async (req) => {
        const [hits] = await screening.screen(who(req).orgId, [req.body.entity], req.body);
        return { hits: hits! };
      },
    );

    app.post(
      '/screening/screen/batch',
      {
        config: review,
        schema: {
          tags,
          summary: 'Screen up to 1,000 names against the active lists; nothing is stored',
          body: BatchBody,
          response: { 200: z.object({ results: z.array(z.object({ index: z.number().int(), hits: z.array(ScreenHitSchema) })) }), ...problemResponses },
        },
      },
      async (req) => ({ results: (await screening.screen(who(req).orgId, req.body.entities, req.body)).map((hits, index) => ({ index, hits })) }),
    );

    app.post(
      '/screening/compare',
      { config: review, schema: { tags, summary: 'Compare two names and explain the score', body: CompareBody, response: { 200: MatchResultSchema, ...problemResponses } } },
      async (req) => screening.compare(req.body.a, req.body.b, req.body.threshold),
    );

    app.get(
      '/suppliers/:id/owners',
      { config: { access: 'suppliers.read' }, schema: { tags: ['suppliers'], summary: 'Known owners of a supplier', params: z.object({ id: Id }), response: { 200: z.object({ items: z.array(OwnerSchema) }), ...problemResponses } } },
      async (req) => ({ items: await screening.owners(who(req), req.params.id) }),
    );

    app.post(
      '/suppliers/:id/owners',
      {
        config: { access: 'suppliers.import' },
        schema: { tags: ['suppliers'], summary: 'Add a known owner (a person or a parent company); it is screened in the background', params: z.object({ id: Id }), body: OwnerCreate, response: { 201: OwnerSchema, ...problemResponses } },
      },
      async (req, reply) => reply.code(201).send(await screening.addOwner(who(req), req.params.id, req.body)),
    );

    app.delete(
      '/suppliers/:id/owners/:ownerId',
      {
        config: { access: 'suppliers.import' },
        schema: { tags: ['suppliers'], summary: 'Remove an owner; its hits are kept, marked gone', params: z.object({ id: Id, ownerId: Id }), response: { 204: NoContent, ...problemResponses } },
      },
      async (req, reply) => {
        await screening.deleteOwner(who(req), req.params.id, req.params.ownerId);
        return reply.code(204).send();
      },
    );
  };
}
