// HTTP adapter for organisations, people, sign-in, tokens and the audit trail.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toCsv } from '../audit/csv.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../http/auth.ts';
import { problemResponses } from '../http/problem.ts';
import {
  ApiToken,
  AuditEntry,
  AuditQuery,
  Invitation,
  InvitationAccept,
  InvitationCreate,
  Member,
  MemberChange,
  Organisation,
  OrganisationInput,
  SessionInfo,
  Setup,
  SignIn,
  TokenBody,
  TokenCreate,
} from './api-schema.ts';
import { AccessError, type AccessService } from './service.ts';

const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const UserId = z.object({ userId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const NoContent = z.undefined().describe('Done');

export function orgRoutes(deps: { access: AccessService; secureCookies: boolean }): FastifyPluginAsyncZod {
  const { access, secureCookies } = deps;
  const ip = (req: FastifyRequest) => req.ip ?? null;
  const tags = ['organisations'];
  const authTags = ['sign-in'];
  // Sign-in and other credential endpoints: a per-client rate limit on top of the per-account lockout.
  const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  return async (app) => {
    app.get('/setup', { config: { access: 'public' }, schema: { tags: authTags, summary: 'Whether the first administrator still has to be created', response: { 200: z.object({ pending: z.boolean() }) } } }, async () => ({
      pending: await access.setupPending(),
    }));

    app.post(
      '/setup',
      { config: { access: 'public', ...limited }, schema: { tags: authTags, summary: 'Create the first administrator with the one-time link printed at first start', body: Setup, response: { 201: SessionInfo, ...problemResponses } } },
      async (req, reply) => {
        const { token, organisation, ...person } = req.body;
        const { sessionToken, session } = await access.completeSetup(token, { ...person, organisation }, ip(req));
        setSessionCookie(reply, sessionToken, session.expiresAt, secureCookies);
        return reply.code(201).send(session);
      },
    );

    app.post(
      '/session',
      { config: { access: 'public', ...limited }, schema: { tags: authTags, summary: 'Sign in with e-mail and password', body: SignIn, response: { 201: SessionInfo, ...problemResponses } } },
      async (req, reply) => {
        const { sessionToken, session } = await access.signIn(req.body.email, req.body.password, ip(req));
        setSessionCookie(reply, sessionToken, session.expiresAt, secureCookies);
        return reply.code(201).send(session);
      },
    );

    app.get('/session', { config: { access: 'signed-in' }, schema: { tags: authTags, summary: 'The current session', response: { 200: SessionInfo, ...problemResponses } } }, async (req) => {
      if (!req.session) throw new AccessError('unauthenticated', 'Sign in first (API tokens have no session).');
      return req.session.info;
    });

    app.delete('/session', { config: { access: 'signed-in' }, schema: { tags: authTags, summary: 'Sign out', response: { 204: NoContent } } }, async (req, reply) => {
      if (req.session) await access.signOut(req.session.token, req.actor);
      clearSessionCookie(reply, secureCookies);
      return reply.code(204).send();
    });

    app.put(
      '/session/organisation',
      { config: { access: 'signed-in' }, schema: { tags: authTags, summary: 'Switch the current organisation', body: z.object({ orgId: z.number().int().positive() }), response: { 200: SessionInfo, ...problemResponses } } },
      async (req) => {
        if (!req.session) throw new AccessError('unauthenticated', 'Sign in first.');
        return access.switchOrganisation(req.session.token, req.body.orgId);
      },
    );

    app.post(
      '/password-reset',
      { config: { access: 'public', ...limited }, schema: { tags: authTags, summary: 'Mail a single-use reset link if the account exists (the answer is the same either way)', body: z.object({ email: z.string().trim().min(3).max(254) }), response: { 202: NoContent } } },
      async (req, reply) => {
        await access.requestPasswordReset(req.body.email, ip(req));
        return reply.code(202).send();
      },
    );

    app.post(
      '/password-reset/complete',
      { config: { access: 'public', ...limited }, schema: { tags: authTags, summary: 'Set a new password with a reset link', body: TokenBody.extend({ password: z.string().min(1).max(1024) }), response: { 204: NoContent, ...problemResponses } } },
      async (req, reply) => {
        await access.resetPassword(req.body.token, req.body.password, ip(req));
        return reply.code(204).send();
      },
    );

    app.post(
      '/invitation/preview',
      {
        config: { access: 'public', ...limited },
        schema: { tags, summary: 'What an invitation link offers', body: TokenBody, response: { 200: z.object({ organisation: z.string(), email: z.string(), role: z.string(), accountExists: z.boolean() }), ...problemResponses } },
      },
      async (req) => access.invitationInfo(req.body.token),
    );

    app.post(
      '/invitation/accept',
      { config: { access: 'public', ...limited }, schema: { tags, summary: 'Accept an invitation (new account, or the password of an existing one)', body: InvitationAccept, response: { 201: SessionInfo, ...problemResponses } } },
      async (req, reply) => {
        const { sessionToken, session } = await access.acceptInvitation(req.body.token, req.body, ip(req));
        setSessionCookie(reply, sessionToken, session.expiresAt, secureCookies);
        return reply.code(201).send(session);
      },
    );

    app.get('/organisation', { config: { access: 'organisation.read' }, schema: { tags, summary: 'The current organisation\'s profile', response: { 200: Organisation, ...problemResponses } } }, async (req) =>
      access.organisation(actorOf(req)),
    );

    app.put(
      '/organisation',
      { config: { access: 'organisation.manage' }, schema: { tags, summary: 'Update the organisation profile', body: OrganisationInput, response: { 200: Organisation, ...problemResponses } } },
      async (req) => access.updateOrganisation(actorOf(req), req.body),
    );

    app.post(
      '/organisations',
      { config: { access: 'signed-in' }, schema: { tags, summary: 'Start a new organisation (you become its administrator)', body: OrganisationInput, response: { 201: SessionInfo, ...problemResponses } } },
      async (req, reply) => {
        if (!req.session) throw new AccessError('unauthenticated', 'Sign in first.');
        const u = req.session.info.user;
        const orgId = await access.createOrganisation({ userId: u.id, email: u.email, ip: ip(req) }, req.body);
        return reply.code(201).send(await access.switchOrganisation(req.session.token, orgId));
      },
    );

    app.get('/members', { config: { access: 'members.read' }, schema: { tags, summary: 'People in the organisation and their roles', response: { 200: z.object({ members: z.array(Member) }), ...problemResponses } } }, async (req) => ({
      members: await access.members(actorOf(req)),
    }));

    app.patch(
      '/members/:userId',
      { config: { access: 'members.manage' }, schema: { tags, summary: 'Change a member\'s role, deactivate or reactivate', params: UserId, body: MemberChange, response: { 200: Member, ...problemResponses } } },
      async (req) => access.updateMember(actorOf(req), req.params.userId, req.body),
    );

    app.post(
      '/members/:userId/reset-link',
      { config: { access: 'members.manage' }, schema: { tags, summary: 'A single-use password reset link for a member, shown once', params: UserId, response: { 201: z.object({ link: z.string() }), ...problemResponses } } },
      async (req, reply) => reply.code(201).send({ link: await access.resetLinkFor(actorOf(req), req.params.userId) }),
    );

    app.get('/invitations', { config: { access: 'members.manage' }, schema: { tags, summary: 'Invitations of the organisation', response: { 200: z.object({ invitations: z.array(Invitation) }), ...problemResponses } } }, async (req) => ({
      invitations: await access.invitations(actorOf(req)),
    }));

    app.post(
      '/invitations',
      {
        config: { access: 'members.manage' },
        schema: { tags, summary: 'Invite a person by e-mail; the link is also returned once for handing over directly', body: InvitationCreate, response: { 201: z.object({ invitation: Invitation, link: z.string() }), ...problemResponses } },
      },
      async (req, reply) => reply.code(201).send(await access.invite(actorOf(req), req.body.email, req.body.role)),
    );

    app.delete('/invitations/:id', { config: { access: 'members.manage' }, schema: { tags, summary: 'Revoke a pending invitation', params: Id, response: { 204: NoContent, ...problemResponses } } }, async (req, reply) => {
      await access.revokeInvitation(actorOf(req), req.params.id);
      return reply.code(204).send();
    });

    app.get('/tokens', { config: { access: 'tokens.manage' }, schema: { tags, summary: 'Your API tokens in this organisation', response: { 200: z.object({ tokens: z.array(ApiToken) }), ...problemResponses } } }, async (req) => ({
      tokens: await access.listTokens(actorOf(req)),
    }));

    app.post(
      '/tokens',
      { config: { access: 'tokens.manage' }, schema: { tags, summary: 'Create an API token (shown once)', body: TokenCreate, response: { 201: z.object({ token: z.string(), info: ApiToken }), ...problemResponses } } },
      async (req, reply) => reply.code(201).send(await access.createToken(actorOf(req), req.body.name, req.body.expiresInDays)),
    );

    app.delete('/tokens/:id', { config: { access: 'tokens.manage' }, schema: { tags, summary: 'Revoke an API token', params: Id, response: { 204: NoContent, ...problemResponses } } }, async (req, reply) => {
      await access.revokeToken(actorOf(req), req.params.id);
      return reply.code(204).send();
    });

    app.get(
      '/audit',
      { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'The organisation\'s audit trail, newest first', querystring: AuditQuery, response: { 200: z.object({ entries: z.array(AuditEntry) }), ...problemResponses } } },
      async (req) => ({ entries: await access.auditTrail(actorOf(req), req.query) }),
    );

    app.get(
      '/audit.csv',
      { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'The audit trail as CSV (the export is itself recorded)', querystring: AuditQuery, produces: ['text/csv'] } },
      async (req, reply) => {
        const actor = actorOf(req);
        const entries = await access.auditTrail(actor, { ...req.query, limit: req.query.limit === 100 ? 100_000 : req.query.limit });
        await access.recordEvent(actor, 'audit.exported', { rows: entries.length, filter: req.query });
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="vigil-audit.csv"').send(toCsv(entries));
      },
    );
  };
}
