// HTTP adapter of the knowledge base: thin handlers over lookup.ts and service.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { problemResponses } from '../http/problem.ts';
import {
  ClassificationQuery,
  ClassificationResults,
  CountryList,
  CountryProfile,
  Dataset,
  DatasetList,
  GoodList,
  GoodProfile,
  IloIndicators,
  Resolution,
  SearchQuery,
  SearchResults,
} from './api-schema.ts';
import { DATASET_IDS, isDatasetId } from './dataset.ts';
import { countryList, countryProfile, goodProfile, goodsList, iloIndicators, search, searchClassifications } from './lookup.ts';
import { type KnowledgeBase, KnowledgeError } from './service.ts';

export function knowledgeRoutes(deps: { db: Db; kb: KnowledgeBase }): FastifyPluginAsyncZod {
  const { db, kb } = deps;
  const tags = ['knowledge'];

  return async (app) => {
    app.get('/datasets', { schema: { tags, summary: 'Reference datasets with every edition and its provenance', response: { 200: DatasetList } } }, async () => ({
      datasets: await kb.datasets(),
    }));

    app.get(
      '/datasets/:id',
      { schema: { tags, summary: 'One reference dataset', params: z.object({ id: z.string() }), response: { 200: Dataset, ...problemResponses } } },
      async (req) => {
        const { id } = req.params;
        if (!isDatasetId(id)) throw new KnowledgeError(`no dataset "${id}"; datasets are ${DATASET_IDS.join(', ')}`, 'not-found');
        return (await kb.datasets()).find((d) => d.id === id)!;
      },
    );

    app.get('/countries', { schema: { tags, summary: 'Every country with TIP tiers by year, GSI prevalence and ILAB goods count', response: { 200: CountryList } } }, async () =>
      countryList(db),
    );

    app.get(
      '/countries/resolve',
      {
        schema: {
          tags,
          summary: 'Resolve a country name, alias or code (any case, with or without accents) to ISO 3166-1 alpha-2',
          querystring: z.object({ name: z.string().min(1).max(200) }),
          response: { 200: Resolution, ...problemResponses },
        },
      },
      async (req) => (await kb.countryResolver()).resolve(req.query.name),
    );

    app.get(
      '/countries/:code',
      {
        schema: {
          tags,
          summary: 'Country profile: tier history, GSI estimates, ILAB goods, each with its source',
          params: z.object({ code: z.string().min(1).max(100).describe('ISO alpha-2 or alpha-3 code, or a name') }),
          response: { 200: CountryProfile, ...problemResponses },
        },
      },
      async (req) => countryProfile(db, await kb.countryResolver(), req.params.code),
    );

    app.get('/goods', { schema: { tags, summary: 'Goods on the active ILAB list', response: { 200: GoodList } } }, async () => goodsList(db));

    app.get(
      '/goods/:slug',
      { schema: { tags, summary: 'Countries listing a good', params: z.object({ slug: z.string().min(1).max(200) }), response: { 200: GoodProfile, ...problemResponses } } },
      async (req) => goodProfile(db, req.params.slug),
    );

    app.get(
      '/classifications/search',
      { schema: { tags, summary: 'HS 2022 and CPV 2008 codes by code prefix or words', querystring: ClassificationQuery, response: { 200: ClassificationResults, ...problemResponses } } },
      async (req) => ({ results: await searchClassifications(db, req.query.q, req.query.scheme, req.query.limit) }),
    );

    app.get(
      '/search',
      { schema: { tags, summary: 'Countries, goods and HS/CPV codes matching a text', querystring: SearchQuery, response: { 200: SearchResults, ...problemResponses } } },
      async (req) => search(db, await kb.countryResolver(), req.query.q),
    );

    app.get('/ilo-indicators', { schema: { tags, summary: 'The 11 ILO indicators of forced labour', response: { 200: IloIndicators } } }, async () => iloIndicators(db));
  };
}
