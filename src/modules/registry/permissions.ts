/** Permissions the registry checks; the access module grants them to roles. */
export const REGISTRY_PERMISSIONS = {
  read: 'registry.read',
  changeStatus: 'registry.change_status',
  import: 'registry.import',
} as const;
