// Permission checks shared by navigation, pages and buttons; redirects after sign-in; link secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAGE_ACCESS,
  ROLE_PERMISSIONS,
  can,
  deniedMessage,
  roleLabel,
  rolesAllowing,
  safeNext,
  signInHref,
  tokenFromHash,
  type Permission,
  type Role,
  type SessionAccess,
} from './access.ts';
import { ORG_NAV, activeOrgNav, orgNavFor } from './nav.ts';

const as = (role: Role, permissions: readonly Permission[] = ROLE_PERMISSIONS[role]): SessionAccess => ({
  organisation: { name: 'Ministry of Example', role, permissions },
});

test('can() follows the permissions the server sent with the session', () => {
  assert.equal(can(null, 'organisation.read'), false);
  assert.equal(can(undefined, 'signed-in'), false);
  assert.equal(can(as('viewer'), 'signed-in'), true);
  assert.equal(can(as('viewer'), 'organisation.read'), true);
  assert.equal(can(as('viewer'), 'members.read'), false);
  assert.equal(can(as('viewer'), 'audit.read'), false);
  assert.equal(can(as('analyst'), 'tokens.manage'), true);
  assert.equal(can(as('analyst'), 'members.manage'), false);
  assert.equal(can(as('administrator'), 'audit.read'), true);
  // The session's list decides, not the role name: a server that grants less is obeyed.
  assert.equal(can(as('administrator', ['organisation.read']), 'audit.read'), false);
  // Signed in without a current organisation: only what needs no organisation.
  assert.equal(can({ organisation: null }, 'signed-in'), true);
  assert.equal(can({ organisation: null }, 'organisation.read'), false);
});

test('organisation navigation shows only the pages the role may open, guarded by the same table', () => {
  assert.deepEqual(orgNavFor(null), []);
  assert.deepEqual(orgNavFor({ organisation: null }), []);
  assert.deepEqual(orgNavFor(as('viewer')).map((i) => i.label), ['Portfolio', 'Suppliers', 'Risk weights', 'Profile']);
  assert.deepEqual(orgNavFor(as('analyst')).map((i) => i.label), ['Portfolio', 'Suppliers', 'Import', 'Risk weights', 'Screening', 'Watchlists', 'Profile', 'People', 'API tokens']);
  assert.deepEqual(orgNavFor(as('auditor')).map((i) => i.label), ['Portfolio', 'Suppliers', 'Risk weights', 'Screening', 'Watchlists', 'Profile', 'People']);
  assert.deepEqual(orgNavFor(as('administrator')).map((i) => i.label), [
    'Portfolio',
    'Suppliers',
    'Import',
    'Risk weights',
    'Screening',
    'Watchlists',
    'Profile',
    'People',
    'API tokens',
    'Audit trail',
  ]);
  assert.deepEqual(orgNavFor(as('grievance_officer')).map((i) => i.label), ['Profile', 'People'], 'no supplier data for a grievance officer');
  assert.deepEqual(orgNavFor(as('supplier')), []);
  for (const item of ORG_NAV) assert.equal(item.access, PAGE_ACCESS[item.routes[0]!], `${item.label} uses its page's access`);
  assert.equal(PAGE_ACCESS.audit, 'audit.read');
  assert.equal(PAGE_ACCESS.people, 'members.read');
  assert.equal(PAGE_ACCESS.tokens, 'tokens.manage');
  assert.equal(PAGE_ACCESS.organisation, 'organisation.read');
  assert.equal(activeOrgNav('supplier')?.label, 'Suppliers', 'a supplier’s page is under Suppliers');
  assert.equal(activeOrgNav('importDetail')?.label, 'Import');
  assert.equal(PAGE_ACCESS.portfolio, 'suppliers.read');
  assert.equal(PAGE_ACCESS.supplier, 'suppliers.read');
  assert.equal(PAGE_ACCESS.imports, 'suppliers.import');
  assert.equal(PAGE_ACCESS.importDetail, 'suppliers.read', 'an import’s result is readable by whoever reads suppliers');
  assert.equal(PAGE_ACCESS.riskWeights, 'suppliers.read', 'weights are readable; changing them needs risk.configure');
  assert.equal(PAGE_ACCESS.screening, 'screening.read');
  assert.equal(PAGE_ACCESS.hit, 'screening.read');
  assert.equal(PAGE_ACCESS.watchlists, 'screening.read', 'lists are read with the hits; changing them needs watchlists.manage');
  assert.equal(activeOrgNav('hit')?.label, 'Screening', 'a hit’s page is under Screening');
  assert.equal(activeOrgNav('watchlist')?.label, 'Watchlists');
  assert.equal(PAGE_ACCESS.home, undefined, 'public pages need nothing');
  assert.equal(PAGE_ACCESS.signIn, undefined);
});

test('a refused page names the role, the permission and the roles that have it', () => {
  const msg = deniedMessage(as('viewer'), 'audit.read');
  assert.match(msg, /^Your role \(Viewer\) does not allow this\./);
  assert.match(msg, /Browse and export the audit trail/);
  assert.match(msg, /Administrator role has/);
  assert.match(msg, /Ministry of Example/);
  assert.match(deniedMessage(as('viewer'), 'tokens.manage'), /Administrator, Compliance manager, Procurement officer and Analyst roles have/);
  assert.match(deniedMessage({ organisation: null }, 'members.read'), /Choose an organisation/);
  assert.deepEqual(rolesAllowing('audit.read'), ['Administrator']);
  assert.equal(roleLabel('grievance_officer'), 'Grievance officer');
  assert.equal(roleLabel('future_role'), 'future role');
});

test('safeNext keeps the visitor inside the app', () => {
  assert.equal(safeNext('/organisation/audit?action=auth.'), '/organisation/audit?action=auth.');
  assert.equal(safeNext('/countries/MM'), '/countries/MM');
  assert.equal(safeNext(null), '/organisation');
  assert.equal(safeNext(''), '/organisation');
  assert.equal(safeNext('https://evil.example/'), '/organisation');
  assert.equal(safeNext('//evil.example/x'), '/organisation');
  assert.equal(safeNext('/\\evil.example'), '/organisation');
  assert.equal(safeNext('/api/v1/session'), '/organisation');
  assert.equal(safeNext('/sign-in?next=/x'), '/organisation');
  assert.equal(safeNext('/setup'), '/organisation');
  assert.equal(safeNext('/x\n/y'), '/organisation');
  assert.equal(signInHref('/organisation/people'), '/sign-in?next=%2Forganisation%2Fpeople');
  assert.equal(signInHref('/'), '/sign-in');
  assert.equal(signInHref('/sign-in'), '/sign-in');
});

test('tokenFromHash reads the secret of a one-time link', () => {
  assert.equal(tokenFromHash('#vgi_AbC-123_xyz0987654321'), 'vgi_AbC-123_xyz0987654321');
  assert.equal(tokenFromHash('vgs_0123456789abcdef'), 'vgs_0123456789abcdef');
  assert.equal(tokenFromHash(''), null);
  assert.equal(tokenFromHash('#'), null);
  assert.equal(tokenFromHash('#short'), null);
  assert.equal(tokenFromHash('#<script>alert(1)</script>'), null);
  assert.equal(tokenFromHash('#%E0%A4%A'), null);
});
