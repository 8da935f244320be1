/** Permission names the server grants (docs/security.md); the UI shows only what the user may use. */
export const PERMISSIONS = {
  read: 'registry.read',
  readIdentity: 'registry.read_identity',
  reveal: 'registry.reveal',
  changeStatus: 'registry.change_status',
  correct: 'registry.correct',
  import: 'registry.import',
  aggregates: 'registry.aggregates',
  manageUsers: 'access.manage_users',
  auditRead: 'audit.read',
  findingsRead: 'validation.read',
  findingsResolve: 'validation.resolve',
  findingsBulk: 'validation.bulk',
  findingsAggregates: 'validation.aggregates',
} as const;
