// Roles and what each may do: the one place every permission check asks. Pure.
export const ROLES = [
  'administrator',
  'compliance_manager',
  'procurement_officer',
  'analyst',
  'grievance_officer',
  'auditor',
  'viewer',
  'supplier',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  compliance_manager: 'Compliance manager',
  procurement_officer: 'Procurement officer',
  analyst: 'Analyst',
  grievance_officer: 'Grievance officer',
  auditor: 'Auditor',
  viewer: 'Viewer',
  supplier: 'Supplier user',
};

export const PERMISSIONS = {
  'organisation.read': 'See the organisation profile',
  'organisation.manage': 'Edit the organisation profile and single sign-on',
  'members.read': 'See the people in the organisation and their roles',
  'members.manage': 'Invite people, change roles, deactivate members',
  'tokens.manage': 'Create and revoke own API tokens',
  'audit.read': 'Browse and export the audit trail',
  'suppliers.read': 'See suppliers, their risk assessments, hotspots and reports',
  'suppliers.import': 'Import supplier and spend files and save column mappings',
  'risk.configure': 'Change the risk weights and rerun assessments',
  'screening.read': 'See watchlists, screening hits and their explanations',
  'screening.review': 'Confirm or dismiss screening hits, and screen or compare names',
  'watchlists.manage': 'Import the organisation\'s own watchlists and set match thresholds',
} as const;
export type Permission = keyof typeof PERMISSIONS;

// Supplier users see only what a buyer opens to them; they get no organisation-wide permission here.
export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: Object.keys(PERMISSIONS) as Permission[],
  compliance_manager: ['organisation.read', 'members.read', 'tokens.manage', 'suppliers.read', 'suppliers.import', 'risk.configure', 'screening.read', 'screening.review', 'watchlists.manage'],
  procurement_officer: ['organisation.read', 'members.read', 'tokens.manage', 'suppliers.read', 'suppliers.import', 'screening.read'],
  analyst: ['organisation.read', 'members.read', 'tokens.manage', 'suppliers.read', 'suppliers.import', 'screening.read', 'screening.review'],
  grievance_officer: ['organisation.read', 'members.read'],
  auditor: ['organisation.read', 'members.read', 'suppliers.read', 'screening.read'],
  viewer: ['organisation.read', 'suppliers.read'],
  supplier: [],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}
