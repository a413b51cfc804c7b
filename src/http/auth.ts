// Who is calling: a session cookie (browser) or an API token (Authorization: Bearer). Every route declares
// its access in `config.access`; one preHandler enforces it, so pages and routes share one mechanism:
//   'public'     anyone                   'signed-in'  any session, with or without a current organisation
//   a Permission a member of the current organisation whose role grants it
// Cookie-authenticated writes must carry the session's CSRF token in the X-CSRF-Token header.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../orgs/roles.ts';
import { type AccessService, type Actor, AccessError, type SessionInfo } from '../orgs/service.ts';
import { sameSecret } from '../orgs/secrets.ts';

export type Access = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: { token: string; info: SessionInfo } | null;
  }
}

export const SESSION_COOKIE = 'vigil_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  access: AccessService;
  /** Send cookies with Secure (always on behind HTTPS; on by default unless served on plain localhost). */
  secureCookies: boolean;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** The actor of a request whose route requires one (its preHandler has already checked). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AccessError('unauthenticated', 'Sign in first.');
  return req.actor;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.actor = await opts.access.authenticateToken(header.slice(7).trim(), req.ip);
      if (!req.actor) throw new AccessError('unauthenticated', 'The API token is not valid (unknown, revoked or expired).');
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await opts.access.session(token, req.ip);
    if (!found) return;
    req.session = { token, info: found.info };
    req.actor = found.actor;
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access ?? 'public';
    if (req.session && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, req.session.info.csrfToken)) {
        throw new AccessError('forbidden', 'Missing or wrong X-CSRF-Token header for a signed-in change (reload the page).');
      }
    }
    if (access === 'public') return;
    if (access === 'signed-in') {
      if (!req.session && !req.actor) throw new AccessError('unauthenticated', 'Sign in first.');
      return;
    }
    if (!req.actor) throw new AccessError('unauthenticated', req.session ? 'Choose an organisation first.' : 'Sign in first.');
    opts.access.require(req.actor, access);
  });
});
