// HTTP adapter for single sign-on: the organisation's OpenID Connect connection (administrators), the list
// of organisations offering SSO on the sign-in page, and the browser redirects of the sign-in itself.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, setSessionCookie } from '../http/auth.ts';
import { problemResponses } from '../http/problem.ts';
import { SSO_CALLBACK_PATH, SsoError, type SsoService } from './sso.ts';

export const SsoConnection = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    hasSecret: z.boolean().describe('The client secret is stored (encrypted); it is never returned'),
    enabled: z.boolean(),
    redirectUri: z.string().describe('Register this redirect URI at the identity provider'),
    updatedAt: z.string(),
  })
  .meta({ id: 'SsoConnection' });

export const SsoSettings = z
  .object({
    connection: SsoConnection.nullable().describe('null while none is configured'),
    redirectUri: z.string().describe('Register this redirect URI at the identity provider'),
  })
  .meta({ id: 'SsoSettings' });

export const SsoConnectionInput = z
  .object({
    issuer: z.string().trim().min(1).max(500).describe('OpenID issuer URL (https; plain http only on a loopback address)'),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().min(1).max(4000).optional().describe('Write-only. Required when creating; omit to keep the stored secret'),
    enabled: z.boolean().default(true),
  });

export const SsoProvider = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'SsoProvider' });

const NoContent = z.undefined().describe('Done');
const Redirect = z.undefined().describe('Redirect (Location header)');
const STATE_COOKIE = 'vigil_sso_state';

export function ssoRoutes(deps: { sso: SsoService; secureCookies: boolean }): FastifyPluginAsyncZod {
  const { sso, secureCookies } = deps;
  const ip = (req: FastifyRequest) => req.ip ?? null;
  const tags = ['sign-in'];
  // Unauthenticated redirects that write a pending sign-in: a per-client rate limit.
  const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  const stateCookie = { path: SSO_CALLBACK_PATH, httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };

  /** Back to the sign-in page with a short reason the page can explain; never a stack trace. */
  const refuse = (reply: FastifyReply, code: string) => reply.redirect(`/sign-in?sso_error=${encodeURIComponent(code)}`, 302);

  return async (app) => {
    app.get(
      '/organisation/sso',
      { config: { access: 'organisation.manage' }, schema: { tags: ['organisations'], summary: 'The organisation\'s single sign-on connection and the redirect URI to register', response: { 200: SsoSettings, ...problemResponses } } },
      async (req) => sso.settings(actorOf(req)),
    );

    app.put(
      '/organisation/sso',
      {
        config: { access: 'organisation.manage' },
        schema: { tags: ['organisations'], summary: 'Create or change the single sign-on connection (OpenID Connect)', body: SsoConnectionInput, response: { 200: SsoConnection, ...problemResponses } },
      },
      async (req) => sso.put(actorOf(req), req.body),
    );

    app.delete(
      '/organisation/sso',
      { config: { access: 'organisation.manage' }, schema: { tags: ['organisations'], summary: 'Remove the single sign-on connection', response: { 204: NoContent, ...problemResponses } } },
      async (req, reply) => {
        await sso.remove(actorOf(req));
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/sso/providers',
      { config: { access: 'public' }, schema: { tags, summary: 'Organisations whose members can sign in with single sign-on', response: { 200: z.object({ providers: z.array(SsoProvider) }) } } },
      async () => ({ providers: await sso.providers() }),
    );

    app.get(
      '/auth/sso/start',
      {
        config: { access: 'public', ...limited },
        schema: {
          tags,
          summary: 'Start single sign-on: redirects to the organisation\'s identity provider (or back to /sign-in?sso_error=…)',
          querystring: z.object({ org: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
          response: { 302: Redirect, ...problemResponses },
        },
      },
      async (req, reply) => {
        try {
          const { url, state } = await sso.start(req.query.org, ip(req));
          void reply.setCookie(STATE_COOKIE, state, { ...stateCookie, maxAge: 600 });
          return reply.redirect(url, 302);
        } catch (err) {
          if (err instanceof SsoError) return refuse(reply, err.code);
          req.log.error({ err }, 'single sign-on start failed');
          return refuse(reply, 'failed');
        }
      },
    );

    app.get(
      '/auth/sso/callback',
      {
        config: { access: 'public', ...limited },
        schema: {
          tags,
          summary: 'Where the identity provider sends the browser back; signs in and redirects to / (or to /sign-in?sso_error=…)',
          querystring: z.looseObject({
            code: z.string().optional(),
            state: z.string().optional(),
            iss: z.string().optional(),
            error: z.string().optional(),
          }),
          response: { 302: Redirect },
        },
      },
      async (req, reply) => {
        const browserState = req.cookies[STATE_COOKIE] ?? null;
        void reply.clearCookie(STATE_COOKIE, stateCookie);
        const query = req.raw.url?.split('?')[1] ?? '';
        try {
          const { sessionToken, session } = await sso.callback(`${SSO_CALLBACK_PATH}?${query}`, { browserState, ip: ip(req) });
          setSessionCookie(reply, sessionToken, session.expiresAt, secureCookies);
          return reply.redirect('/', 302);
        } catch (err) {
          if (err instanceof SsoError) return refuse(reply, err.code);
          req.log.error({ err }, 'single sign-on callback failed');
          return refuse(reply, 'failed');
        }
      },
    );
  };
}
