// Request and response contracts of the knowledge-base API. Shared by the routes (validation and OpenAPI),
// the web app (types) and tests.
import { z } from 'zod';

export const SourceRef = z
  .object({
    dataset: z.string(),
    edition: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: z.string().nullable(),
    sourceUrl: z.string(),
    licence: z.string(),
    row: z.number().int().optional().describe('Line or record in the publisher file that the figure comes from'),
  })
  .meta({ id: 'SourceRef', description: 'Which dataset, edition and row a figure comes from' });
export type SourceRef = z.infer<typeof SourceRef>;

export const Edition = z
  .object({
    edition: z.string(),
    title: z.string(),
    publisher: z.string(),
    publishedOn: z.string().nullable(),
    sourceUrl: z.string(),
    licence: z.string(),
    caveats: z.string(),
    compiledOn: z.string(),
    loadedAt: z.string(),
    rowCount: z.number().int(),
    checksum: z.string(),
    stats: z.record(z.string(), z.number()),
    active: z.boolean(),
    origin: z.string().describe('"bundled" or the file an administrator imported'),
  })
  .meta({ id: 'Edition' });
export type Edition = z.infer<typeof Edition>;

export const Dataset = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    activeEdition: z.string().nullable(),
    editions: z.array(Edition),
  })
  .meta({ id: 'Dataset' });
export type Dataset = z.infer<typeof Dataset>;

export const DatasetList = z.object({ datasets: z.array(Dataset) });

export const Tier = z.enum(['1', '2', '2WL', '3', 'special_case']).meta({
  id: 'Tier',
  description: 'TIP tier: measures government effort against trafficking, not how much trafficking there is',
});

export const ExploitationFlags = z.object({
  childLabor: z.boolean(),
  forcedLabor: z.boolean(),
  forcedChildLabor: z.boolean(),
  downstream: z.boolean().describe('Listed because it is made from a listed input (ILAB 2022 downstream goods)'),
  inputGood: z.string().nullable(),
  inputCountry: z.string().nullable(),
});

export const CountrySummary = z
  .object({
    code: z.string(),
    alpha3: z.string(),
    numeric: z.string().nullable(),
    name: z.string(),
    tiers: z.record(z.string(), Tier.nullable()).describe('Tier by report year; null = no placement recorded in the edition'),
    gsi: z.object({ prevalencePer1000: z.number().nullable(), estimatedNumber: z.number().nullable() }).nullable(),
    ilabGoods: z.number().int(),
  })
  .meta({ id: 'CountrySummary' });

export const CountryList = z.object({
  tipYears: z.array(z.number().int()),
  countries: z.array(CountrySummary),
  sources: z.object({ tip: SourceRef.nullable(), gsi: SourceRef.nullable(), ilab: SourceRef.nullable() }),
});
export type CountryList = z.infer<typeof CountryList>;

export const CountryProfile = z
  .object({
    country: z.object({ code: z.string(), alpha3: z.string(), numeric: z.string().nullable(), name: z.string(), aliases: z.array(z.string()) }),
    tiers: z.array(
      z.object({
        year: z.number().int(),
        tier: Tier.nullable(),
        nameAsPublished: z.string().nullable(),
        source: SourceRef.nullable().describe('null when the edition records no placement for this year'),
      }),
    ),
    gsi: z
      .object({
        region: z.string().nullable(),
        population: z.number().nullable(),
        prevalencePer1000: z.number().nullable(),
        estimatedNumber: z.number().nullable(),
        source: SourceRef,
      })
      .nullable(),
    goods: z.array(ExploitationFlags.extend({ good: z.string(), slug: z.string(), sector: z.string(), source: SourceRef })),
    sources: z.object({ tip: SourceRef.nullable(), gsi: SourceRef.nullable(), ilab: SourceRef.nullable() }),
  })
  .meta({ id: 'CountryProfile' });
export type CountryProfile = z.infer<typeof CountryProfile>;

export const Resolution = z.union([
  z.object({ ok: z.literal(true), code: z.string(), name: z.string(), matchedBy: z.string() }),
  z.object({ ok: z.literal(false), input: z.string(), reason: z.string(), suggestions: z.array(z.object({ code: z.string(), name: z.string() })) }),
]);

export const GoodSummary = z
  .object({
    good: z.string(),
    slug: z.string(),
    sector: z.string(),
    countries: z.number().int(),
    childLabor: z.number().int().describe('Countries where the good is listed for child labour'),
    forcedLabor: z.number().int().describe('Countries where the good is listed for forced labour'),
    downstream: z.boolean(),
  })
  .meta({ id: 'GoodSummary' });

export const GoodList = z.object({ goods: z.array(GoodSummary), source: SourceRef.nullable() });
export type GoodList = z.infer<typeof GoodList>;

export const GoodProfile = z
  .object({
    good: z.string(),
    slug: z.string(),
    sector: z.string(),
    countries: z.array(ExploitationFlags.extend({ code: z.string(), name: z.string(), source: SourceRef })),
    source: SourceRef,
  })
  .meta({ id: 'GoodProfile' });
export type GoodProfile = z.infer<typeof GoodProfile>;

export const Scheme = z.enum(['hs', 'cpv']);
export const ClassificationHit = z
  .object({
    scheme: Scheme,
    code: z.string(),
    level: z.number().int(),
    description: z.string(),
    parent: z.string().nullable(),
    source: SourceRef,
  })
  .meta({ id: 'ClassificationHit' });
export type ClassificationHit = z.infer<typeof ClassificationHit>;

export const ClassificationQuery = z.object({
  q: z.string().trim().min(1).max(200),
  scheme: z.enum(['hs', 'cpv', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ClassificationResults = z.object({ results: z.array(ClassificationHit) });

export const SearchQuery = z.object({ q: z.string().trim().min(1).max(200) });
export const SearchResults = z.object({
  countries: z.array(z.object({ code: z.string(), name: z.string() })),
  goods: z.array(z.object({ good: z.string(), slug: z.string(), sector: z.string() })),
  classifications: z.array(ClassificationHit),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const IloIndicators = z.object({
  indicators: z.array(z.object({ number: z.number().int(), key: z.string(), name: z.string(), description: z.string() })),
  source: SourceRef.nullable(),
});
