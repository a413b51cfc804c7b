// HTTP adapter of the board report: the organisation's portfolio as a self-contained HTML page or a PDF.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth.ts';
import { problemResponses } from '../http/problem.ts';
import type { KnowledgeBase } from '../knowledge/service.ts';
import type { AccessService } from '../orgs/service.ts';
import { who } from '../suppliers/routes.ts';
import type { SupplierService } from '../suppliers/service.ts';
import { buildPortfolioReport } from './build.ts';
import { renderReportHtml } from './html.ts';
import { renderReportPdf } from './pdf.ts';

const SUBJECT = 'all imported supplier lines';

export function reportRoutes(deps: { suppliers: SupplierService; kb: KnowledgeBase; access: AccessService }): FastifyPluginAsyncZod {
  const { suppliers, kb, access } = deps;
  const tags = ['reports'];
  const fileName = (org: string, ext: string) => `vigil-portfolio-${org.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${ext}`;

  return async (app) => {
    const data = async (req: Parameters<typeof actorOf>[0]) => {
      const org = await access.organisation(actorOf(req));
      return { org: org.name, report: await buildPortfolioReport(suppliers, kb, who(req), org.name, SUBJECT) };
    };

    app.get(
      '/reports/portfolio.html',
      {
        config: { access: 'suppliers.read' },
        schema: { tags, summary: 'The board report on the portfolio as one self-contained HTML page: summary, charts, top risks, method and sources', response: { 200: z.string().describe('text/html'), ...problemResponses } },
      },
      async (req, reply) => {
        const { report } = await data(req);
        return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:").send(renderReportHtml(report));
      },
    );

    app.get(
      '/reports/portfolio.pdf',
      {
        config: { access: 'suppliers.read' },
        schema: { tags, summary: 'The same board report as PDF', response: { 200: z.any().describe('application/pdf'), ...problemResponses } },
      },
      async (req, reply) => {
        const { org, report } = await data(req);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(org, 'pdf')}"`).send(await renderReportPdf(report));
      },
    );
  };
}
