/** Permissions the validation module checks; the access module grants them to roles. */
export const VALIDATION_PERMISSIONS = {
  /** See findings (with their evidence, masked without registry.read_identity) in your area. */
  read: 'validation.read',
  /** Confirm, dismiss, resolve, comment on and assign findings in your area. */
  resolve: 'validation.resolve',
  /** Act on many findings at once (with a reason). */
  bulk: 'validation.bulk',
  /** Start a validation run. */
  run: 'validation.run',
  /** Counts of findings by rule and area, without personal rows (dashboards, pimpinan, auditor). */
  aggregates: 'validation.aggregates',
  /** Import external lists (death register, ASN list). */
  importLists: 'validation.import_lists',
} as const;
