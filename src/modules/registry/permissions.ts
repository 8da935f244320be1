/** Permissions the registry checks; the access module grants them to roles. */
export const REGISTRY_PERMISSIONS = {
  read: 'registry.read',
  /** NIK and KK in full; without it they are masked, and a full record needs `reveal`. */
  readIdentity: 'registry.read_identity',
  /** Reveal one full record on purpose (audited). */
  reveal: 'registry.reveal',
  /** Counts without personal rows (periods, diff counts, dashboards). */
  aggregates: 'registry.aggregates',
  changeStatus: 'registry.change_status',
  /** Correct a field of a record (with history), e.g. when resolving a finding. */
  correct: 'registry.correct',
  import: 'registry.import',
} as const;
