// Contracts of the organisations, people and audit API, shared by routes, web app and tests.
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.ts';

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export const PermissionSchema = z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS, ...(keyof typeof PERMISSIONS)[]]).meta({ id: 'Permission' });

const organisationFields = {
  name: z.string().trim().min(1).max(200),
  country: z.string().length(2).toUpperCase().nullable().default(null).describe('ISO 3166-1 alpha-2'),
    kind: z.enum(['public_body', 'international_organisation', 'company', 'ngo']),
    employees: z.number().int().min(0).nullable().default(null),
    turnover: z.number().min(0).nullable().default(null).describe('Annual turnover or budget, in turnoverCurrency'),
    turnoverCurrency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null).describe('ISO 4217'),
    financialYearEnd: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/).nullable().default(null).describe('MM-DD'),
};
// Size figures are what law applicability (UK MSA, LkSG, CSDDD, …) will be judged on.
export const OrganisationInput = z.object(organisationFields);
export const Organisation = z.object({ ...organisationFields, id: z.number().int(), isDemo: z.boolean() }).meta({ id: 'Organisation' });

export const SessionInfo = z
  .object({
    user: z.object({ id: z.number().int(), email: z.string(), name: z.string() }),
    organisation: z.object({ id: z.number().int(), name: z.string(), role: RoleSchema, permissions: z.array(PermissionSchema) }).nullable(),
    memberships: z.array(z.object({ orgId: z.number().int(), name: z.string(), role: RoleSchema })),
    csrfToken: z.string().describe('Send back as X-CSRF-Token on every signed-in change'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

export const Password = z.string().min(1).max(1024);
export const SignIn = z.object({ email: z.string().trim().min(3).max(254), password: Password });
export const Setup = z.object({
  token: z.string().min(10).max(200),
  email: z.string().trim().min(3).max(254),
  name: z.string().trim().min(1).max(200),
  password: Password,
  organisation: OrganisationInput,
});

export const Member = z
  .object({ userId: z.number().int(), email: z.string(), name: z.string(), role: RoleSchema, active: z.boolean(), joinedAt: z.string() })
  .meta({ id: 'Member' });
export const MemberChange = z.object({ role: RoleSchema.optional(), active: z.boolean().optional() }).refine((c) => c.role !== undefined || c.active !== undefined, 'give role or active');

export const Invitation = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role: RoleSchema,
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .meta({ id: 'Invitation' });
export const InvitationCreate = z.object({ email: z.string().trim().min(3).max(254), role: RoleSchema });
export const TokenBody = z.object({ token: z.string().min(10).max(200) });
export const InvitationAccept = TokenBody.extend({ name: z.string().trim().max(200).optional(), password: Password });

export const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().describe('First characters, to recognise the token'),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revoked: z.boolean(),
  })
  .meta({ id: 'ApiToken' });
export const TokenCreate = z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).nullable().default(90) });

export const AuditEntry = z
  .object({
    orgId: z.number().int(),
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  entityType: z.string().max(100).optional(),
  from: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  to: z.string().datetime({ offset: true }).or(z.string().date()).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
});
