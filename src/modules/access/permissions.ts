import { AUDIT_PERMISSIONS } from '../../platform/audit/index.ts';
// Straight from the file, not index.ts: the pillars module imports access, and index.ts would close the cycle.
import { PILLARS_PERMISSIONS } from '../pillars/permissions.ts';
import { REGISTRY_PERMISSIONS } from '../registry/index.ts';
import { VALIDATION_PERMISSIONS } from '../validation/index.ts';

/** Permissions the access module checks; roles get them from the role_permissions table. */
export const ACCESS_PERMISSIONS = {
  manageUsers: 'access.manage_users',
} as const;

/** Every permission some module checks: what the console holds, and what a token may name. */
export const ALL_PERMISSIONS: readonly string[] = [
  ...Object.values(REGISTRY_PERMISSIONS),
  ...Object.values(ACCESS_PERMISSIONS),
  ...Object.values(AUDIT_PERMISSIONS),
  ...Object.values(VALIDATION_PERMISSIONS),
  ...Object.values(PILLARS_PERMISSIONS),
];
